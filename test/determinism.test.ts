import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Duration, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { ENV } from './helpers';
import { CacheBehavior, Distribution, StreamingDistribution } from '../lib';

/** Builds a realistic app in a fresh directory and returns its templates, by file name, as text. */
function synthesize(extraBehaviors: CacheBehavior[] = []): Record<string, string> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'determinism-'));
  try {
    const app = new App({ outdir });
    const stack = new Stack(app, 'Site', { env: ENV });
    const assets = new s3.Bucket(stack, 'Assets');
    new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [
        { name: 'assets', bucket: assets },
        { name: 'api', domainName: 'api.example.com', customHeaders: { 'X-B': '2', 'X-A': '1' } },
      ],
      defaultCacheBehavior: { targetOrigin: 'assets' },
      behaviors: [
        { pathPattern: '/api/*', targetOrigin: 'api', forwardCookies: ['b', 'a'] },
        ...extraBehaviors,
      ],
      errorResponses: [{ errorCode: 404, responsePagePath: '/404.html' }],
      logging: { enabled: true },
    });
    new StreamingDistribution(stack, 'Media', { name: 'media.example.com', origin: { bucket: assets } });
    app.synth();
    return Object.fromEntries(
      fs
        .readdirSync(outdir)
        .filter((f) => f.endsWith('.template.json'))
        .map((f) => [f, fs.readFileSync(path.join(outdir, f), 'utf8')]),
    );
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('determinism', () => {
  test('synthesizing the same app twice gives byte-identical templates', () => {
    const first = synthesize();
    const second = synthesize();
    expect(Object.keys(first)).toEqual(['Site.template.json']);
    expect(second).toEqual(first);
  });

  test('adding one behaviour changes only that behaviour in the template', () => {
    const before = JSON.parse(synthesize()['Site.template.json']);
    const after = JSON.parse(
      synthesize([{ pathPattern: '/static/*', targetOrigin: 'assets', defaultTtl: Duration.hours(1) }])[
        'Site.template.json'
      ],
    );
    const id = Object.keys(before.Resources).find(
      (k) => before.Resources[k].Type === 'AWS::CloudFront::Distribution',
    )!;
    const added = after.Resources[id].Properties.DistributionConfig.CacheBehaviors.pop();
    expect(added).toMatchObject({ PathPattern: '/static/*', TargetOriginId: 'assets', DefaultTTL: 3600 });
    // With the new behaviour taken out, the two templates are the same, every resource of them.
    expect(after).toEqual(before);
  });
});

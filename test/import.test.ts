import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { check, differences, withDefaults } from '../lib/import/check';
import { main } from '../lib/import/cli';
import { ImportOptions, importDistribution } from '../lib/import/index';
import { ImportError, findDistribution, parseText } from '../lib/import/parse';
import { compareStack, synthesizePrinted } from '../lib/import/run';

// The importer (lib/import): a corpus of configurations from AWS's documentation and public sample
// templates, each turned into code and proven equivalent; the generated TypeScript compiles under
// --strict and renders the input when run; the generated Python compiles; bad input gets one line.

const CORPUS = path.join(__dirname, 'fixtures', 'import');
const OUT = path.join(__dirname, '.import-out');
/** Every file of the corpus, with the resource to pick where the template has several. */
const FILES: [string, string | undefined][] = [
  ...fs
    .readdirSync(CORPUS)
    .filter((f) => f !== 'two-distributions.yaml')
    .sort()
    .map((f): [string, string | undefined] => [f, undefined]),
  ['two-distributions.yaml', 'Static'],
];
const read = (file: string) => fs.readFileSync(path.join(CORPUS, file), 'utf8');
/** The corpus's templates (the rest are the API's JSON), which --with-related also imports. */
const TEMPLATES = FILES.filter(
  ([file, resource]) => findDistribution(parseText(read(file)), resource).kind === 'template',
);
/** Each program of the corpus: as imported, and each template's with --with-related. */
const PROGRAMS: [string, string, { resource?: string; withRelated?: boolean }][] = [
  ...FILES.map(([file, resource]): [string, string, { resource?: string }] => [
    file.replace(/\W/g, '_'),
    file,
    { resource },
  ]),
  ...TEMPLATES.map(([file, resource]): [string, string, { resource?: string; withRelated: boolean }] => [
    `${file.replace(/\W/g, '_')}_related`,
    file,
    { resource, withRelated: true },
  ]),
];

/**
 * `doc` with the field at `at` (below `root`) as real templates write fields: left out (kind 0),
 * conditional (1), a parameter (2) or empty (3).
 */
function mutated(doc: any, root: (d: any) => any, at: string[], kind: number): any {
  const copy = JSON.parse(JSON.stringify(doc));
  let holder = root(copy);
  for (const k of at.slice(0, -1)) holder = holder[k];
  const key = at[at.length - 1];
  if (kind === 0) delete holder[key];
  else if (kind === 1) holder[key] = { 'Fn::If': ['Chosen', holder[key], { Ref: 'AWS::NoValue' }] };
  else if (kind === 2) holder[key] = { Ref: 'SomeParameter' };
  else holder[key] = '';
  return copy;
}

/** The crash (anything but the one-line ImportError) of importing `doc`, said with the field it is at. */
function crashOf(doc: any, options: ImportOptions, at: string[], kind: number): string | undefined {
  try {
    void importDistribution(JSON.stringify(doc), options).typescript;
    return undefined;
  } catch (e) {
    if (e instanceof ImportError) return undefined;
    return `${at.join('.')} (${kind}): ${(e as Error).message.split('\n')[0]}`;
  }
}

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
});

test('the corpus holds at least 15 configurations', () => {
  expect(FILES.length).toBeGreaterThanOrEqual(15);
});

describe.each(FILES)('%s', (file, resource) => {
  test('is equivalent after CloudFront defaults (--check)', () => {
    expect(importDistribution(read(file), { resource, source: path.join(CORPUS, file) }).check()).toEqual([]);
  });
});

test('the corpus needs at most one escape hatch per distribution, on average', () => {
  let hatches = 0;
  let distributions = 0;
  for (const [file, resource] of FILES) {
    const ts = importDistribution(read(file), { resource, source: file }).typescript;
    hatches += ts.split('\n').filter((l) => /\.addProperty(Deletion)?Override\(/.test(l)).length;
    distributions += ts.includes('new StagingDistribution(') ? 2 : 1;
  }
  expect(hatches / distributions).toBeLessThanOrEqual(1);
});

test('every generated TypeScript program compiles with tsc --strict (--with-related too)', () => {
  for (const [name, file, options] of PROGRAMS) {
    const ts = importDistribution(read(file), { ...options, source: file }).typescript;
    fs.writeFileSync(path.join(OUT, `${name}.ts`), ts);
  }
  fs.writeFileSync(
    path.join(OUT, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noEmit: true,
        target: 'ES2020',
        module: 'commonjs',
        moduleResolution: 'node',
        skipLibCheck: true,
        baseUrl: '.',
        paths: { 'cdk-cloudfront-distributions': ['../../lib/index.ts'] },
      },
      include: ['*.ts'],
    }),
  );
  const tsc = path.join(__dirname, '..', 'node_modules', '.bin', 'tsc');
  expect(() => execFileSync(tsc, ['-p', OUT], { encoding: 'utf8' })).not.toThrow();
}, 120_000);

test('every generated Python program compiles (python3 -m py_compile; --with-related too)', () => {
  const files = PROGRAMS.map(([name, file, options]) => {
    const out = path.join(OUT, `${name}.py`);
    fs.writeFileSync(out, importDistribution(read(file), { ...options, source: file }).python);
    return out;
  });
  expect(() => execFileSync('python3', ['-m', 'py_compile', ...files], { encoding: 'utf8' })).not.toThrow();
});

// The printed code itself, run as a user's app runs it.
describe.each([
  ['s3-website-oai.yaml', false],
  ['api-get-distribution.json', false],
  ['parameters-intrinsics.yaml', false],
  ['lambda-edge.yaml', false],
  ['conditions-lists.yaml', false],
  ['conditions-structs.yaml', false],
  ['oac-origin-path.yaml', false],
  ['staged-pair.yaml', false],
  ['related-site.yaml', true],
  ['related-oai-logs.yaml', true],
  ['related-fallbacks.yaml', true],
  ['related-staged.yaml', true],
  ['related-key-group.yaml', true],
])('the generated TypeScript of %s (--with-related: %s), run', (file, withRelated) => {
  test('renders the input, with the rest of the template declared (a fresh app, no dangling reference)', () => {
    const ts = importDistribution(read(file), {
      source: path.join(CORPUS, file),
      withRelated,
    }).typescript.replace("from 'cdk-cloudfront-distributions'", "from '../../lib'");
    const module = path.join(OUT, `run_${file.replace(/\W/g, '_')}${withRelated ? '_related' : ''}.ts`);
    fs.writeFileSync(module, ts);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(module);
    const StackClass = Object.values(exported)[0] as new (scope: App, id: string) => Stack;
    const app = new App();
    const stack = new StackClass(app, 'Imported');
    const template = app.synth().getStackByName(stack.stackName).template;
    const [rendered] = Object.values(template.Resources as Record<string, any>).filter(
      (r) => r.Type === 'AWS::CloudFront::Distribution',
    );
    const input = findDistribution(parseText(read(file))).config;
    expect(differences(withDefaults(rendered.Properties.DistributionConfig), withDefaults(input))).toEqual(
      [],
    );
    // Every Ref and GetAtt of the stack names a parameter, a condition or a resource it declares.
    const declared = new Set([
      ...Object.keys(template.Parameters ?? {}),
      ...Object.keys(template.Resources ?? {}),
    ]);
    const refs = [...JSON.stringify(template).matchAll(/"Ref":"([^"]+)"|"Fn::GetAtt":\["([^"]+)"/g)].map(
      (m) => m[1] ?? m[2],
    );
    expect(refs.filter((r) => !r.startsWith('AWS::') && !declared.has(r))).toEqual([]);
    const conditions = [...JSON.stringify(template).matchAll(/"Fn::If":\["([^"]+)"/g)].map((m) => m[1]);
    expect(conditions.filter((c) => !(c in (template.Conditions ?? {})))).toEqual([]);
  });
});

describe('generates idiomatic code', () => {
  test("our props, aws-cdk-lib's enums, managed policies and imports by name, ARN or id", () => {
    const ts = importDistribution(read('api-get-distribution.json')).typescript;
    expect(ts).toContain("name: 'cdn.example.com',");
    expect(ts).toContain('cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,');
    expect(ts).toContain(
      "SslCertificate.fromAcmCertificate(acm.Certificate.fromCertificateArn(this, 'Certificate', 'arn:aws:acm:us-east-1:123456789012:certificate/abcd1234-ab12-cd34-ef56-abcdef123456'))",
    );
    expect(ts).toContain("originShieldRegion: 'us-east-1',");
    expect(ts).toContain("'X-From-CDN': 'yes',");
    expect(ts).toContain('minTtl: Duration.seconds(5),');
    // Our defaults are left out; CloudFormation's defaults that differ from ours are stated.
    expect(ts).not.toContain('viewerProtocolPolicy');
    expect(ts).not.toContain('enableIpv6');
    const legacy = importDistribution(read('cfn-docs-s3-origin.json')).typescript;
    expect(legacy).toContain('httpVersion: cloudfront.HttpVersion.HTTP1_1,');
    expect(legacy).toContain('enableIpv6: false,');
    expect(legacy).toContain('priceClass: cloudfront.PriceClass.PRICE_CLASS_200,');
    expect(legacy).toContain('compress: false,');
    expect(legacy).toContain(
      "originAccessIdentity: cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(this, 'OriginAccessIdentity', 'E127EXAMPLE51Z'),",
    );
  });

  test("an S3 origin with its own Origin Access Control, or none, is aws-cdk-lib's S3BucketOrigin, with no escape hatch", () => {
    const oac = importDistribution(read('cache-policies-oac.yaml')).typescript;
    expect(oac).toContain(
      "cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: 'site-bucket', bucketRegionalDomainName: 'site-bucket.s3.us-east-1.amazonaws.com' }), { originAccessControl: cloudfront.S3OriginAccessControl.fromOriginAccessControlId(this, 'OriginAccessControl', template.getResource('OAC').getAtt('Id').toString()) }),",
    );
    expect(oac).not.toContain('addProperty');
    const open = importDistribution(read('api-get-distribution-config.json')).typescript;
    expect(open).toContain(
      "cdkOrigin: origins.S3BucketOrigin.withBucketDefaults(s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: 'awsexamplebucket', bucketRegionalDomainName: 'awsexamplebucket.s3.amazonaws.com' })),",
    );
    expect(open).not.toContain('addProperty');
  });

  test("what our props cannot express is kept exactly, through an escape hatch, and the template's logical id", () => {
    const ts = importDistribution(read('cfn-docs-s3-origin.json')).typescript;
    expect(ts).toContain(
      '// Kept exactly through an escape hatch: our props do not express this part of the input.',
    );
    expect(ts).toContain(
      "resource.addPropertyOverride('DistributionConfig.Aliases', ['mysite.example.com', 'yoursite.example.com']);",
    );
    expect(ts).toContain("resource.overrideLogicalId('myDistribution');");
  });

  test('what our construct refuses is kept through the escape hatch too, and placeholders say so', () => {
    // The CloudFormation User Guide's sample gives trusted signers that are no account IDs.
    const ts = importDistribution(read('cfn-docs-custom-origin.json')).typescript;
    expect(ts).not.toContain('trustedSigners');
    expect(ts).toContain(
      "resource.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.TrustedSigners', ['1234567890EX', '1234567891EX']);",
    );
    expect(ts).toContain(
      "      // A placeholder: the input has no alternate domain name this prop can hold (our props need a certificate for them).\n      name: 'imported.example.com',",
    );
  });

  test('template functions stay deploy-time values', () => {
    const ts = importDistribution(read('parameters-intrinsics.yaml')).typescript;
    expect(ts).toContain(
      "    // Token.asString(...), Token.asNumber(...) and Token.asList(...) are the template's deploy-time values (Ref, Fn::...), kept as they are.",
    );
    expect(ts).toContain("comment: Token.asString({ 'Fn::Sub': 'site ${DomainName}' }),");
    // A parameter of the template, read from the included template.
    expect(ts).toContain("domainName: template.getParameter('OriginDomain').valueAsString,");
    const py = importDistribution(read('parameters-intrinsics.yaml')).python;
    expect(py).toContain('comment=Token.as_string({"Fn::Sub": "site ${DomainName}"}),');
  });

  test('the same in Python: snake_case keys, dicts, the same constructs', () => {
    const py = importDistribution(read('api-get-distribution.json')).python;
    expect(py).toContain('from cdk_cloudfront_distributions import Distribution, SslCertificate');
    expect(py).toContain('"cache_policy": cloudfront.CachePolicy.CACHING_OPTIMIZED,');
    expect(py).toContain('"X-From-CDN": "yes",');
    expect(py).toContain('"min_ttl": Duration.seconds(5),');
  });
});

describe('real templates: no crash, no dropped list', () => {
  const hatches = (ts: string) => ts.split('\n').filter((l) => l.includes('resource.addProperty'));

  test('lists and structs given as template functions are kept exactly, each at its own field', () => {
    const ts = importDistribution(read('conditions-lists.yaml')).typescript;
    expect(hatches(ts)).toEqual([
      "    resource.addPropertyOverride('DistributionConfig.CacheBehaviors', { 'Fn::If': ['HasApi', [{ PathPattern: '/api/*', TargetOriginId: 'app', ViewerProtocolPolicy: 'https-only', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad', AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] }], { Ref: 'AWS::NoValue' }] });",
      "    resource.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations', { 'Fn::If': ['HasEdge', [{ EventType: 'origin-request', LambdaFunctionARN: { Ref: 'EdgeFunctionArn' } }], { Ref: 'AWS::NoValue' }] });",
      "    resource.addPropertyOverride('DistributionConfig.Origins.1.ConnectionAttempts', 5);",
      "    resource.addPropertyOverride('DistributionConfig.Origins.1.OriginCustomHeaders', { 'Fn::If': ['HasApi', [{ HeaderName: 'X-Origin-Verify', HeaderValue: { Ref: 'SecretHeader' } }], { Ref: 'AWS::NoValue' }] });",
    ]);
  });

  test("a refused setting is taken out at its field: the origins stay props (ConnectionAttempts: 5, CloudFront's maximum is 3)", () => {
    const ts = importDistribution(read('conditions-lists.yaml')).typescript;
    expect(ts).toContain("          name: 'app',\n          domainName: 'app.example.com',\n");
  });

  test("CloudFront's defaults need no hatch (OriginPath '', FieldLevelEncryptionId '', ErrorCachingMinTTL 0 as a prop, GrpcConfig off), and AWS::NoValue leaves the prop out", () => {
    const ts = importDistribution(read('conditions-lists.yaml')).typescript;
    expect(ts).not.toMatch(/OriginPath|FieldLevelEncryptionId|WebACLId|NoValue' \}\);/);
    expect(ts).toContain('          minTtl: Duration.seconds(0),');
    expect(hatches(importDistribution(read('conditions-structs.yaml')).typescript).join('\n')).not.toContain(
      'GrpcConfig',
    );
  });

  test('an S3 origin named by a template function is an S3 origin, and aliases from parameters are props', () => {
    const ts = importDistribution(read('conditions-lists.yaml')).typescript;
    expect(ts).toContain(
      "cdkOrigin: origins.S3BucketOrigin.withBucketDefaults(s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: template.getResource('AssetsBucket').ref, bucketRegionalDomainName: template.getResource('AssetsBucket').getAtt('RegionalDomainName').toString() })),",
    );
    expect(ts).toContain("      name: template.getParameter('DomainName').valueAsString,");
    expect(ts).not.toContain('DistributionConfig.Aliases');
  });

  test('origins and structs that are wholly conditional: a stand-in, said so, and the input in the hatch; no log bucket made', () => {
    const ts = importDistribution(read('conditions-structs.yaml')).typescript;
    expect(ts).toContain(
      '      // A stand-in: the input gives its origins or default behaviour as template functions, kept exactly by the escape hatch below.',
    );
    expect(ts).not.toContain('logging');
    expect(hatches(ts).map((l) => /'(DistributionConfig[^']*)'/.exec(l)?.[1])).toEqual([
      'DistributionConfig.Aliases',
      'DistributionConfig.DefaultCacheBehavior.ForwardedValues',
      'DistributionConfig.Logging',
      'DistributionConfig.Origins',
      'DistributionConfig.ViewerCertificate',
    ]);
  });

  test("an S3 origin with its own Origin Access Control and a path: aws-cdk-lib's S3 origin holds both; no Origin Access Control of ours, no hatch", () => {
    const imported = importDistribution(read('oac-origin-path.yaml'));
    expect(imported.typescript).toContain(
      "cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: 'my-site-bucket', bucketRegionalDomainName: 'my-site-bucket.s3.eu-west-1.amazonaws.com' }), { originAccessControl: cloudfront.S3OriginAccessControl.fromOriginAccessControlId(this, 'OriginAccessControl', template.getResource('SiteOac').getAtt('Id').toString()), originPath: '/current' }),",
    );
    expect(hatches(imported.typescript)).toEqual([]);
  });

  test('--check runs the printed code itself: what it makes beyond the input is named', () => {
    const text = read('api-get-distribution-config.json');
    const printed = importDistribution(text).typescript.replace(
      '    const distribution = new Distribution(',
      "    new s3.Bucket(this, 'Stray');\n    const distribution = new Distribution(",
    );
    const template = synthesizePrinted(printed, path.join(OUT, 'stray.ts'));
    expect(compareStack(template, findDistribution(parseText(text)), parseText(text))).toEqual([
      expect.stringMatching(
        /^Stray[0-9A-F]{8} \(AWS::S3::Bucket\): the generated code makes it, and the input has no such resource$/,
      ),
    ]);
  });

  test('--check names a resource the generated code makes and the input has not', () => {
    const problems = check(
      {
        name: 'www.example.com',
        origins: [{ name: 'site', domainName: 'site.example.com' }],
        defaultCacheBehavior: { targetOrigin: 'site' },
        logging: { enabled: true },
      },
      [],
      {
        Enabled: true,
        Comment: 'www.example.com',
        Origins: [
          {
            Id: 'site',
            DomainName: 'site.example.com',
            CustomOriginConfig: { OriginProtocolPolicy: 'https-only' },
          },
        ],
        DefaultCacheBehavior: { TargetOriginId: 'site', ViewerProtocolPolicy: 'redirect-to-https' },
      },
    );
    expect(problems.filter((p) => p.includes('the generated code makes it'))).toEqual([
      expect.stringMatching(
        /^DistributionLoggingBucket[0-9A-F]{8} \(AWS::S3::Bucket\): the generated code makes it, and the input has no such resource$/,
      ),
      expect.stringMatching(
        /^DistributionLoggingBucketPolicy[0-9A-F]{8} \(AWS::S3::BucketPolicy\): the generated code makes it/,
      ),
    ]);
  });

  test('a primary and its staging distribution become a Distribution and a StagingDistribution, logical ids kept, no hatch', () => {
    const imported = importDistribution(read('staged-pair.yaml'), {
      source: path.join(CORPUS, 'staged-pair.yaml'),
    });
    const ts = imported.typescript;
    expect(ts).toContain("    const staging = new StagingDistribution(this, 'Staging', {");
    expect(ts).toContain('      primary: distribution,');
    expect(ts).toContain(
      '      traffic: StagingTraffic.weight(0.05, { sessionStickiness: { idleTtl: Duration.minutes(10), maximumTtl: Duration.minutes(30) } }),',
    );
    expect(ts).toContain("    staging.continuousDeploymentPolicy.overrideLogicalId('RolloutPolicy');");
    expect(hatches(ts)).toEqual([]);
    expect(imported.check()).toEqual([]);
    expect(imported.python).toContain(
      '            traffic=StagingTraffic.weight(0.05, session_stickiness={"idle_ttl": Duration.minutes(10), "maximum_ttl": Duration.minutes(30)}),',
    );
  });

  test('a value aws-cdk-lib refuses (a placeholder Lambda ARN) is taken out at its list and kept in the hatch', () => {
    const ts = importDistribution(read('placeholder-lambda-arn.json')).typescript;
    expect(ts).toContain(
      "resource.addPropertyOverride('DistributionConfig.DefaultCacheBehavior.LambdaFunctionAssociations', [{ EventType: 'viewer-request', LambdaFunctionARN: 'REPLACE_WITH_LAMBDA_ARN' }]);",
    );
  });
});

describe('--with-related', () => {
  const related = (file: string) =>
    importDistribution(read(file), { source: path.join(CORPUS, file), withRelated: true });
  const hatchesOn = (ts: string, l1: string) =>
    ts
      .split('\n')
      .filter((l) => l.startsWith(`    ${l1}.addProperty`))
      .map((l) => /\('([^']*)'/.exec(l)?.[1]);

  test.each(TEMPLATES)('%s is equivalent, every resource of the stack compared', (file, resource) => {
    expect(
      importDistribution(read(file), {
        resource,
        source: path.join(CORPUS, file),
        withRelated: true,
      }).check(),
    ).toEqual([]);
  });

  test("a static site's bucket, Origin Access Control, certificate, cache policy and function are aws-cdk-lib's constructs, passed as themselves, logical ids kept", () => {
    const ts = related('related-site.yaml').typescript;
    for (const line of [
      "    const siteBucket = new s3.Bucket(this, 'SiteBucket', {",
      '      removalPolicy: RemovalPolicy.RETAIN,',
      "    (siteBucket.node.defaultChild as CfnResource).overrideLogicalId('SiteBucket');",
      "    const siteOac = new cloudfront.S3OriginAccessControl(this, 'SiteOac', {",
      "    const certificate = new acm.Certificate(this, 'Certificate', {",
      "      domainName: template.getParameter('DomainName').valueAsString,",
      '      validation: acm.CertificateValidation.fromDns(),',
      "      queryStringBehavior: cloudfront.CacheQueryStringBehavior.allowList('v'),",
      "    const indexRewrite = new cloudfront.Function(this, 'IndexRewrite', {",
      '          cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(siteBucket, { originAccessControl: siteOac }),',
      '        cachePolicy: siteCachePolicy,',
      '            function: indexRewrite,',
      '      sslCertificate: SslCertificate.fromAcmCertificate(certificate),',
      "    template.node.tryRemoveChild('SiteBucketPolicy');",
    ]) {
      expect(ts).toContain(line);
    }
    expect(ts).not.toMatch(
      /fromBucketAttributes|fromCachePolicyId|fromCertificateArn|fromFunctionAttributes|getResource/,
    );
    // No hatch on the distribution or the bucket policy (the template's statement is aws-cdk-lib's,
    // with !Sub where aws-cdk-lib joins); the certificate's Name tag (aws-cdk-lib adds one) is
    // taken off.
    expect(hatchesOn(ts, 'resource')).toEqual([]);
    expect(hatchesOn(ts, 'certificateResource')).toEqual(['Tags']);
    expect(ts).toContain(
      "    (siteBucket.policy!.node.defaultChild as CfnResource).overrideLogicalId('SiteBucketPolicy');",
    );
  });

  test('what a construct cannot make as written stays in the include: a bucket with no policy of the template, DependsOn, a Lambda Origin Access Control', () => {
    const ts = related('related-fallbacks.yaml').typescript;
    expect(ts.match(/tryRemoveChild\('(\w+)'\)/g)).toEqual([
      "tryRemoveChild('Cdn')",
      "tryRemoveChild('MediaOac')",
    ]);
    expect(ts).toContain("    const mediaOac = new cloudfront.S3OriginAccessControl(this, 'MediaOac', {");
    // Named by its Ref, which is its id.
    expect(ts).toContain('{ originAccessControl: mediaOac }');
    expect(ts).toContain(
      "s3.Bucket.fromBucketAttributes(this, 'Bucket', { bucketName: template.getResource('Media').ref",
    );
    expect(ts).toContain(
      "cachePolicy: cloudfront.CachePolicy.fromCachePolicyId(this, 'CachePolicy', template.getResource('Caching').ref),",
    );
  });

  test("an identity's bucket: aws-cdk-lib's bucket policy takes the template's place, the response headers policy's security headers are props, and the log bucket's lifecycle a hatch on its construct", () => {
    const imported = related('related-oai-logs.yaml');
    const ts = imported.typescript;
    expect(ts).toContain(
      "originAccessIdentity: cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(this, 'OriginAccessIdentity', template.getResource('Identity').ref),",
    );
    expect(ts).toContain('        bucket: logBucket,');
    expect(ts).toContain(
      "      headerBehavior: cloudfront.OriginRequestHeaderBehavior.all('CloudFront-Viewer-Country'),",
    );
    expect(hatchesOn(ts, 'logBucketResource')).toEqual(['LifecycleConfiguration']);
    expect(ts).toContain('          accessControlMaxAge: Duration.days(730),');
    expect(ts).toContain(
      '          referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,',
    );
    expect(ts).not.toContain('securityHeadersResource');
    expect(imported.python).toContain(
      '        assets_bucket_policy = assets_bucket.policy.node.default_child',
    );
  });

  test('a staged rollout: both distributions take the shared certificate and cache policy, the twin its function; no hatch at all', () => {
    const ts = related('related-staged.yaml').typescript;
    expect(ts.match(/ {8}cachePolicy: pages,/g)).toHaveLength(2);
    expect(ts.match(/SslCertificate\.fromAcmCertificate\(certificate\)/g)).toHaveLength(2);
    expect(ts).toContain('            function: canary,');
    expect(ts).not.toContain('addProperty');
  });

  test("signed URLs: the template's key group and its public key are aws-cdk-lib's, the key's caller reference kept; a parameter's key group stays imported", () => {
    const ts = related('related-key-group.yaml').typescript;
    expect(ts.indexOf("new cloudfront.PublicKey(this, 'SigningKey', {")).toBeLessThan(
      ts.indexOf("new cloudfront.KeyGroup(this, 'Members', {"),
    );
    expect(ts).toContain('      items: [signingKey],');
    expect(ts).toContain('          trustedKeyGroups: [members],');
    expect(ts).toContain(
      "            cloudfront.KeyGroup.fromKeyGroupId(this, 'KeyGroup', template.getParameter('PartnerKeyGroupId').valueAsString),",
    );
    expect(hatchesOn(ts, 'signingKeyResource')).toEqual(['PublicKeyConfig.CallerReference']);
  });

  test('a continuous deployment policy StagingDistribution does not make as written is refused, naming the difference', () => {
    const text = read('related-staged.yaml').replace(
      'ContinuousDeploymentPolicyConfig:\n        Enabled: true',
      'ContinuousDeploymentPolicyConfig:\n        Enabled: !Ref Rollout',
    );
    expect(() => importDistribution(text, { withRelated: true })).toThrow(
      new ImportError(
        'the continuous deployment policy RolloutPolicy is not what StagingDistribution makes of it (ContinuousDeploymentPolicyConfig.Enabled: the input has {"Ref":"Rollout"}): import one distribution with --resource Primary or --resource Staging',
      ),
    );
  });

  test('a String parameter where a number belongs is read as a number (aws-cdk-lib refuses valueAsNumber of it)', () => {
    const text = read('related-site.yaml').replace('DefaultTTL: 3600', 'DefaultTTL: !Ref DomainName');
    const file = path.join(OUT, 'string-ttl.yaml');
    fs.writeFileSync(file, text);
    const imported = importDistribution(text, { source: file, withRelated: true });
    expect(imported.typescript).toContain(
      "      defaultTtl: Duration.seconds(Token.asNumber(template.getParameter('DomainName').value)),",
    );
    expect(imported.python).toContain(
      '            default_ttl=Duration.seconds(Token.as_number(template.get_parameter("DomainName").value)),',
    );
    expect(imported.check()).toEqual([]);
  });

  test('--check says so when the generated code does not synthesize (CfnInclude refuses a template CloudFormation would)', () => {
    const text = read('related-fallbacks.yaml').replace(
      /OriginAccessControlConfig: \{ Name: render[^\n]*/,
      'Description: none',
    );
    const file = path.join(OUT, 'no-config.yaml');
    fs.writeFileSync(file, text);
    expect(importDistribution(text, { source: file, withRelated: true }).check()).toEqual([
      'the generated code does not synthesize: Imported/Template/FunctionOac [AWS::CloudFront::OriginAccessControl] is missing required property: originAccessControlConfig',
    ]);
  });

  test("the API's JSON has no template to make resources of: refused with one line", () => {
    expect(() => importDistribution(read('api-get-distribution.json'), { withRelated: true })).toThrow(
      new ImportError(
        "--with-related makes the resources a template declares beside the distribution; the input is the API's configuration, whose ARNs and ids are imported by attribute",
      ),
    );
  });

  // What real templates do to a related resource's field: leave it out, make it conditional, a
  // parameter, or empty.
  test.each(['related-site.yaml', 'related-oai-logs.yaml', 'related-staged.yaml'])(
    '%s, with any one field of a related resource left out, conditional, a parameter or empty',
    (file) => {
      const doc = parseText(read(file)) as any;
      const fields: string[][] = [];
      const walk = (v: any, at: string[]) => {
        if (at.length > 2) fields.push(at);
        if (v && typeof v === 'object' && !Object.keys(v).some((k) => k === 'Ref' || k.startsWith('Fn::'))) {
          for (const k of Object.keys(v)) walk(v[k], [...at, k]);
        }
      };
      for (const [id, r] of Object.entries(doc.Resources as Record<string, any>)) {
        if (r.Type !== 'AWS::CloudFront::Distribution') walk(r.Properties, [id, 'Properties']);
      }
      const crashes = fields
        .map((at, i) =>
          crashOf(
            mutated(doc, (d) => d.Resources, at, i % 4),
            { withRelated: true },
            at,
            i % 4,
          ),
        )
        .filter((c) => c !== undefined);
      expect(fields.length).toBeGreaterThan(20);
      expect(crashes).toEqual([]);
    },
  );
});

describe('never crashes', () => {
  /** Every path of a value, down to template functions and scalars. */
  function paths(v: any, at: string[] = []): string[][] {
    if (v && typeof v === 'object') {
      const keys = Object.keys(v);
      if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return [at];
      return [at, ...keys.flatMap((k) => paths(v[k], [...at, k]))];
    }
    return [at];
  }
  const configOf = (doc: any) => {
    const resource = doc.Resources
      ? (Object.values(doc.Resources) as any[]).find((r) => r.Type === 'AWS::CloudFront::Distribution')
      : undefined;
    return (
      resource?.Properties?.DistributionConfig ??
      doc.DistributionConfig ??
      doc.Distribution?.DistributionConfig
    );
  };

  // What real templates do to a field: leave it out, make it conditional, a parameter, or empty.
  test.each(FILES)('%s, with any one field left out, conditional, a parameter or empty', (file, resource) => {
    let seed = file.length;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const doc = parseText(read(file)) as any;
    const all = paths(configOf(doc)).filter((p) => p.length > 0);
    const crashes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const at = all[Math.floor(random() * all.length)];
      const crash = crashOf(mutated(doc, configOf, at, i % 4), { resource }, at, i % 4);
      if (crash !== undefined) crashes.push(crash);
    }
    expect(crashes).toEqual([]);
  });
});

describe('the command', () => {
  let out: string;
  let err: string;
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((s) => {
      out += String(s);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((s) => {
      err += String(s);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const bad = (name: string, text: string) => {
    const file = path.join(OUT, name);
    fs.writeFileSync(file, text);
    return file;
  };

  test('prints TypeScript, Python, or "equivalent" with --check', () => {
    const file = path.join(CORPUS, 'lambda-edge.yaml');
    expect(main(['import', file])).toBe(0);
    expect(out).toContain('export class CdnStack extends Stack {');
    out = '';
    expect(main(['import', file, '--language', 'python'])).toBe(0);
    expect(out).toContain('class CdnStack(Stack):');
    out = '';
    expect(main(['import', file, '--check'])).toBe(0);
    expect(out).toBe('equivalent\n');
    out = '';
    expect(main(['import', path.join(CORPUS, 'two-distributions.yaml'), '--resource', 'Static'])).toBe(0);
    expect(out).toContain("new Distribution(this, 'Static', {");
    expect(err).toBe('');
  });

  test.each([
    ['not JSON or YAML', 'a: [1, 2\n', /^error: the input is neither JSON nor YAML: /],
    [
      'no distribution',
      '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}',
      /^error: the template has no AWS::CloudFront::Distribution resource\n$/,
    ],
    [
      'nothing CloudFront',
      '{"hello": 1}',
      /^error: the input holds no distribution: expected a CloudFormation template or the JSON of get-distribution-config\n$/,
    ],
    [
      'an unknown field',
      '{"Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"Enabled": true, "Shiny": 1}}}}}',
      /^error: unknown field DistributionConfig.Shiny: it is not part of AWS::CloudFront::Distribution\n$/,
    ],
  ])('refuses %s with one line and exit code 1', (_, text, message) => {
    expect(main(['import', bad('bad.txt', text)])).toBe(1);
    expect(err).toMatch(message);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(out).toBe('');
  });

  test('--with-related prints the related constructs and checks them; the API JSON is refused with one line', () => {
    const site = path.join(CORPUS, 'related-site.yaml');
    expect(main(['import', site, '--with-related'])).toBe(0);
    expect(out).toContain("    const siteBucket = new s3.Bucket(this, 'SiteBucket', {");
    out = '';
    expect(main(['import', site, '--with-related', '--check'])).toBe(0);
    expect(out).toBe('equivalent\n');
    out = '';
    expect(main(['import', path.join(CORPUS, 'api-get-distribution.json'), '--with-related'])).toBe(1);
    expect(err).toBe(
      "error: --with-related makes the resources a template declares beside the distribution; the input is the API's configuration, whose ARNs and ids are imported by attribute\n",
    );
    expect(out).toBe('');
  });

  test('refuses several distributions without --resource, an unknown resource, a missing file', () => {
    const two = path.join(CORPUS, 'two-distributions.yaml');
    expect(main(['import', two])).toBe(1);
    expect(err).toBe(
      'error: the template has 2 distributions (Www, Static): choose one with --resource ID\n',
    );
    err = '';
    expect(main(['import', two, '--resource', 'Nope'])).toBe(1);
    expect(err).toBe(
      'error: the template has no AWS::CloudFront::Distribution named Nope; it has Www, Static\n',
    );
    err = '';
    expect(main(['import', path.join(OUT, 'missing.json')])).toBe(1);
    expect(err).toBe(`error: cannot read ${path.join(OUT, 'missing.json')}: ENOENT\n`);
  });

  test('usage mistakes exit with 2', () => {
    expect(main(['export', 'x'])).toBe(2);
    expect(main(['import', 'x', '--language', 'go'])).toBe(2);
    expect(err).toContain('error: --language must be typescript or python, not go');
  });
});

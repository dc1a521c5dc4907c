import { Lazy, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { MINIMAL, make, newStack, warning } from './helpers';

// Findings: what CloudFront accepts but does not do what was meant (lib/private/findings.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const SPEC_ADVICE = '("otherwise it is likely your error page would go down when your site went down")';

describe('unused origin', () => {
  test('warns for an origin no behaviour and no group targets', () => {
    make(stack, { origins: [...MINIMAL.origins, { name: 'spare', domainName: 'spare.example.com' }] });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`origins[1]` ("spare") is the target of no behaviour and no origin group: CloudFront never sends it a request. Name it in a behaviour\'s `targetOrigin` or in `originGroups`, or remove it.',
        'unusedOrigin',
      ),
    );
  });

  test('(not) for origins of a group, of a behaviour added later, or when a target is known only at deploy time', () => {
    const www = make(stack, {
      origins: [
        { name: 'a', domainName: 'a.example.com' },
        { name: 'b', domainName: 'b.example.com' },
        { name: 'later', domainName: 'later.example.com' },
      ],
      originGroups: [{ name: 'ab', primaryOrigin: 'a', secondaryOrigin: 'b' }],
      defaultCacheBehavior: { targetOrigin: 'ab' },
    });
    www.addBehavior('/later/*', 'later');
    const other = newStack('Other');
    make(other, {
      origins: [...MINIMAL.origins, { name: 'spare', domainName: 'spare.example.com' }],
      defaultCacheBehavior: { targetOrigin: Lazy.string({ produce: () => 'www' }) },
    });
    for (const s of [stack, other]) {
      Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('unusedOrigin'));
    }
  });
});

describe('error page from the failing origin', () => {
  test('warns for a 5xx page served by the default behaviour from the site origin', () => {
    make(stack, { errorResponses: [{ errorCode: 503, responsePagePath: '/errors/503.html' }] });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        `\`errorResponses[0].responsePagePath\` ("/errors/503.html") for 503 is served through \`defaultCacheBehavior\` from origin "www", the default behaviour's: when that origin fails, the error page fails with it ${SPEC_ADVICE}. Serve the page from another origin, such as an S3 bucket, through a behaviour whose pathPattern matches it.`,
        'errorPageFromFailingOrigin',
      ),
    );
  });

  test('warns when the first matching behaviour routes the page to the site origin', () => {
    const bucket = new s3.Bucket(stack, 'Static');
    make(stack, {
      origins: [...MINIMAL.origins, { name: 'static', bucket }],
      behaviors: [
        { pathPattern: '*.html', targetOrigin: 'www' },
        { pathPattern: '/static/*', targetOrigin: 'static' },
      ],
      errorResponses: [{ errorCode: 502, responsePagePath: '/static/502.html' }],
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        `\`errorResponses[0].responsePagePath\` ("/static/502.html") for 502 is served through \`behaviors[0]\` ("*.html") from origin "www", the default behaviour's: when that origin fails, the error page fails with it ${SPEC_ADVICE}. Serve the page from another origin, such as an S3 bucket, through a behaviour whose pathPattern matches it.`,
        'errorPageFromFailingOrigin',
      ),
    );
  });

  test('(not) a page served from another origin, a 4xx page, or a deploy-time pattern', () => {
    const bucket = new s3.Bucket(stack, 'Static');
    make(stack, {
      origins: [...MINIMAL.origins, { name: 'static', bucket }],
      behaviors: [{ pathPattern: 'static/*', targetOrigin: 'static' }],
      errorResponses: [
        { errorCode: 503, responsePagePath: '/static/503.html' },
        { errorCode: 404, responsePagePath: '/404.html' },
      ],
    });
    const other = newStack('Other');
    make(other, {
      behaviors: [{ pathPattern: Lazy.string({ produce: () => '/e/*' }), targetOrigin: 'www' }],
      errorResponses: [{ errorCode: 503, responsePagePath: '/e/503.html' }],
    });
    for (const s of [stack, other]) {
      Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('errorPageFromFailingOrigin'));
    }
  });
});

describe('shadowed behaviour', () => {
  const behaviors = (...patterns: string[]) => ({
    behaviors: patterns.map((pathPattern) => ({ pathPattern, targetOrigin: 'www' })),
  });

  test.each([
    ['/api/*', '/api/v1/*'],
    ['*.jpg', '/img/*.jpg'],
    ['/a*b*c', 'a?b?c'],
  ])('warns for %s before %s', (outer, inner) => {
    make(stack, behaviors('/static/*', outer, inner));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        `\`behaviors[2]\` (${JSON.stringify(inner)}) is never used: every path it matches is matched first by \`behaviors[1]\` (${JSON.stringify(outer)}), and CloudFront applies the first behaviour that matches. Move it before \`behaviors[1]\`, or remove it.`,
        'shadowedBehavior',
      ),
    );
  });

  test('names only the first earlier behaviour, and sees behaviours added later', () => {
    const www = make(stack, behaviors('/img/*', '*.jpg'));
    www.addBehavior('/img/a/*.jpg', 'www');
    const found = Annotations.fromStack(stack).findWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('shadowedBehavior'),
    );
    expect(found.map((m) => m.entry.data)).toEqual([
      warning(
        '`behaviors[2]` ("/img/a/*.jpg") is never used: every path it matches is matched first by `behaviors[0]` ("/img/*"), and CloudFront applies the first behaviour that matches. Move it before `behaviors[0]`, or remove it.',
        'shadowedBehavior',
      ),
    ]);
  });

  test('(not) for the specific pattern first, overlapping patterns, other case, or deploy-time patterns', () => {
    make(stack, behaviors('/api/v1/*', '/api/*', '/img/*.jpg', '*.jpg', '*.JPG', '/a?c', '/a*c'));
    const other = newStack('Other');
    make(other, {
      behaviors: [
        { pathPattern: Lazy.string({ produce: () => '/api/*' }), targetOrigin: 'www' },
        { pathPattern: '/api/v1/*', targetOrigin: 'www' },
      ],
    });
    for (const s of [stack, other]) {
      Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('shadowedBehavior'));
    }
  });
});

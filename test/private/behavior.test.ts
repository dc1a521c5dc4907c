import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import {
  patternRules,
  render,
  renderCookies,
  renderDefault,
  rules,
  warnings,
} from '../../lib/private/behavior';

describe('render', () => {
  test("the default behaviour renders our defaults, leaving out those equal to CloudFormation's", () => {
    expect(renderDefault({ targetOrigin: 'www' })).toEqual({
      targetOriginId: 'www',
      viewerProtocolPolicy: 'redirect-to-https',
      forwardedValues: { queryString: true, headers: undefined, cookies: { forward: 'none' } },
      minTtl: undefined,
      defaultTtl: undefined,
      maxTtl: undefined,
      allowedMethods: undefined,
      cachedMethods: undefined,
      smoothStreaming: undefined,
      compress: true,
      responseHeadersPolicyId: undefined,
      functionAssociations: undefined,
      lambdaFunctionAssociations: undefined,
    });
  });

  test("values other than CloudFormation's defaults are rendered", () => {
    expect(
      renderDefault({
        targetOrigin: 'www',
        minTtl: Duration.seconds(1),
        defaultTtl: Duration.seconds(2),
        maxTtl: Duration.seconds(3),
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS.methods,
        cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD_OPTIONS.methods,
        smoothStreaming: true,
        compress: false,
      }),
    ).toMatchObject({
      minTtl: 1,
      defaultTtl: 2,
      maxTtl: 3,
      allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      cachedMethods: ['GET', 'HEAD', 'OPTIONS'],
      smoothStreaming: true,
      compress: undefined,
    });
    // The same methods in another order are the same set: CloudFormation's default.
    expect(
      renderDefault({ targetOrigin: 'www', allowedMethods: ['HEAD', 'GET'] }).allowedMethods,
    ).toBeUndefined();
  });

  test('a path behaviour adds its pattern', () => {
    expect(render({ targetOrigin: 'www', pathPattern: '/api/*', minTtl: Duration.minutes(1) })).toMatchObject(
      {
        pathPattern: '/api/*',
        targetOriginId: 'www',
        minTtl: 60,
      },
    );
  });

  test.each([
    [undefined, { forward: 'none' }],
    [[], { forward: 'none' }],
    [['*'], { forward: 'all' }],
    [['a', 'b'], { forward: 'whitelist', whitelistedNames: ['a', 'b'] }],
  ])('cookies %j render as %j', (cookies, expected) => {
    expect(renderCookies(cookies)).toEqual(expected);
  });
});

describe('rules', () => {
  test('targets are judged only when known', () => {
    expect(rules('defaultCacheBehavior', { targetOrigin: 'api' }, { names: ['www'] })).toEqual([
      '`defaultCacheBehavior.targetOrigin` must name an origin or origin group ("www"); got: "api"',
    ]);
    expect(rules('defaultCacheBehavior', { targetOrigin: 'api' }, {})).toEqual([]);
  });

  test('TTL order and methods', () => {
    expect(
      rules(
        'behaviors[0]',
        { targetOrigin: 'www', minTtl: Duration.days(2), cachedMethods: ['OPTIONS'] },
        {
          names: ['www'],
        },
      ),
    ).toEqual([
      '`behaviors[0].minTtl` must not exceed `behaviors[0].defaultTtl` (86400 seconds); got: 172800 seconds',
      '`behaviors[0].cachedMethods` must be one of [GET, HEAD], [GET, HEAD, OPTIONS]; got: ["OPTIONS"]',
      '`behaviors[0].cachedMethods` must be within `behaviors[0].allowedMethods` (GET, HEAD); got: ["OPTIONS"]',
    ]);
  });

  test('path patterns', () => {
    expect(
      patternRules('behaviors', [{ pathPattern: '/a/*' }, { pathPattern: '/a/*' }, { pathPattern: '*' }]),
    ).toEqual([
      '`behaviors[].pathPattern` must not repeat patterns; got: "/a/*"',
      '`behaviors[2].pathPattern` must not match every path: that is `defaultCacheBehavior`; got: "*"',
    ]);
  });
});

test('warnings: allow-all only', () => {
  expect(
    warnings('behaviors[0]', { viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL }),
  ).toEqual([
    {
      id: 'allowAll',
      message:
        '`behaviors[0].viewerProtocolPolicy` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.',
    },
  ]);
  expect(warnings('behaviors[0]', {})).toEqual([]);
});

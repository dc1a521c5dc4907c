import { App, Duration, Lazy, Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ENV,
  MINIMAL,
  config,
  errorOf,
  expectError,
  make,
  newStack,
  warning,
  withBehavior,
  withDefault,
} from './helpers';
import { Distribution } from '../lib';

// Cache policies and origin request policies, and the bridge from the legacy cache settings
// (lib/private/cache-policy.ts, the policies in lib/cache-policies.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ALL_VIEWER = '216adef6-5c7f-47e4-b989-5492eafa07d3';
const CORS_S3_ORIGIN = '88a5eaf4-2fd4-4709-b370-b4c650ea3fcf';

describe('renders', () => {
  test('a behaviour with cachePolicy and originRequestPolicy renders their IDs, no ForwardedValues nor TTLs', () => {
    make(
      stack,
      withDefault({
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_S3_ORIGIN,
      }),
    );
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          CachePolicyId: CACHING_OPTIMIZED,
          OriginRequestPolicyId: CORS_S3_ORIGIN,
          ForwardedValues: Match.absent(),
          MinTTL: Match.absent(),
          DefaultTTL: Match.absent(),
          MaxTTL: Match.absent(),
          Compress: true,
        }),
      }),
    });
  });

  test('both models side by side, per behaviour', () => {
    const policy = new cloudfront.CachePolicy(stack, 'Api', { minTtl: Duration.seconds(0) });
    make(stack, withBehavior({ cachePolicy: policy }));
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ForwardedValues: Match.anyValue(),
          CachePolicyId: Match.absent(),
        }),
        CacheBehaviors: [
          Match.objectLike({
            CachePolicyId: { Ref: Match.stringLikeRegexp('Api') },
            ForwardedValues: Match.absent(),
          }),
        ],
      }),
    });
  });

  describe('legacyCacheSettings: false (the bridge)', () => {
    test.each([
      ['minTtl', 500, '0.5'],
      ['defaultTtl', 1500, '1.5'],
      ['maxTtl', 31_536_000_500, '31536000.5'],
    ])(
      'a %s of a fraction of a second is refused by the TTL rule, as without the bridge',
      (prop, millis, shown) => {
        expectError(
          stack,
          {
            legacyCacheSettings: false,
            defaultCacheBehavior: { targetOrigin: 'www', [prop]: Duration.millis(millis) },
          },
          `\`defaultCacheBehavior.${prop}\` must be a whole number of seconds; got: ${shown} seconds`,
        );
      },
    );

    test('the defaults become one generated cache policy with the same key, TTLs and compression', () => {
      make(stack, { legacyCacheSettings: false });
      config(stack).resourceCountIs('AWS::CloudFront::CachePolicy', 1);
      config(stack).hasResourceProperties('AWS::CloudFront::CachePolicy', {
        CachePolicyConfig: {
          Name: Match.stringLikeRegexp('^Stack-us-east-1-cache-[0-9a-f]{10}$'),
          Comment: Match.anyValue(),
          MinTTL: 0,
          DefaultTTL: 86400,
          MaxTTL: 31536000,
          ParametersInCacheKeyAndForwardedToOrigin: {
            QueryStringsConfig: { QueryStringBehavior: 'all' },
            HeadersConfig: { HeaderBehavior: 'none' },
            CookiesConfig: { CookieBehavior: 'none' },
            EnableAcceptEncodingGzip: true,
            EnableAcceptEncodingBrotli: true,
          },
        },
      });
      config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultCacheBehavior: Match.objectLike({
            CachePolicyId: { Ref: Match.stringLikeRegexp('^LegacyCachePolicy') },
            OriginRequestPolicyId: Match.absent(),
            ForwardedValues: Match.absent(),
            MinTTL: Match.absent(),
          }),
        }),
      });
    });

    test('headers and cookies go into the key', () => {
      make(stack, {
        legacyCacheSettings: false,
        ...withDefault({
          forwardHeaders: ['Accept-Language'],
          forwardCookies: ['session'],
          forwardQueryString: false,
        }),
      });
      config(stack).hasResourceProperties('AWS::CloudFront::CachePolicy', {
        CachePolicyConfig: Match.objectLike({
          ParametersInCacheKeyAndForwardedToOrigin: Match.objectLike({
            QueryStringsConfig: { QueryStringBehavior: 'none' },
            HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['accept-language'] },
            CookiesConfig: { CookieBehavior: 'whitelist', Cookies: ['session'] },
          }),
        }),
      });
    });

    test('a managed cache policy where one matches exactly, and no policy is created', () => {
      make(stack, {
        legacyCacheSettings: false,
        ...withDefault({ forwardQueryString: false, minTtl: Duration.seconds(1) }),
      });
      config(stack).resourceCountIs('AWS::CloudFront::CachePolicy', 0);
      config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultCacheBehavior: Match.objectLike({ CachePolicyId: CACHING_OPTIMIZED }),
        }),
      });
    });

    test('what does not cache becomes CachingDisabled with a managed or generated origin request policy', () => {
      make(stack, {
        legacyCacheSettings: false,
        ...withDefault({ forwardHeaders: ['*'], forwardCookies: ['*'] }),
        behaviors: [
          {
            pathPattern: '/api/*',
            targetOrigin: 'www',
            forwardHeaders: ['X-Api-Key'],
            minTtl: Duration.seconds(0),
            defaultTtl: Duration.seconds(0),
            maxTtl: Duration.seconds(0),
          },
        ],
      });
      config(stack).resourceCountIs('AWS::CloudFront::CachePolicy', 0);
      config(stack).hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
        OriginRequestPolicyConfig: Match.objectLike({
          Name: Match.stringLikeRegexp('^Stack-us-east-1-origin-[0-9a-f]{10}$'),
          QueryStringsConfig: { QueryStringBehavior: 'all' },
          HeadersConfig: { HeaderBehavior: 'whitelist', Headers: ['x-api-key'] },
          CookiesConfig: { CookieBehavior: 'none' },
        }),
      });
      config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          DefaultCacheBehavior: Match.objectLike({
            CachePolicyId: CACHING_DISABLED,
            OriginRequestPolicyId: ALL_VIEWER,
          }),
          CacheBehaviors: [
            Match.objectLike({
              CachePolicyId: CACHING_DISABLED,
              OriginRequestPolicyId: { Ref: Match.stringLikeRegexp('^LegacyOriginRequestPolicy') },
            }),
          ],
        }),
      });
    });

    test('one generated policy per setting, shared by behaviours and distributions of the stack', () => {
      make(stack, { legacyCacheSettings: false, ...withBehavior({}) });
      new Distribution(stack, 'Two', { ...MINIMAL, legacyCacheSettings: false });
      new Distribution(stack, 'Three', {
        ...MINIMAL,
        legacyCacheSettings: false,
        ...withDefault({ compress: false }),
      });
      config(stack).resourceCountIs('AWS::CloudFront::CachePolicy', 2);
    });

    test('a policy name is deterministic and at most 128 characters', () => {
      const app = new App();
      const long = new Stack(app, 'S'.repeat(120), { env: ENV });
      make(long, { legacyCacheSettings: false });
      const policies = config(long).findResources('AWS::CloudFront::CachePolicy');
      const name = Object.values(policies)[0].Properties.CachePolicyConfig.Name as string;
      expect(name.length).toBeLessThanOrEqual(128);
      expect(name).toMatch(/^S+-us-east-1-cache-[0-9a-f]{10}$/);
      const again = new Stack(new App(), 'S'.repeat(120), { env: ENV });
      make(again, { legacyCacheSettings: false });
      expect(
        Object.values(config(again).findResources('AWS::CloudFront::CachePolicy'))[0].Properties
          .CachePolicyConfig.Name,
      ).toBe(name);
    });

    test('the README example (snapshot)', () => {
      make(stack, {
        legacyCacheSettings: false,
        behaviors: [
          { pathPattern: '/api/*', targetOrigin: 'www', forwardHeaders: ['*'], forwardCookies: ['*'] },
          {
            pathPattern: '/static/*',
            targetOrigin: 'www',
            forwardQueryString: false,
            minTtl: Duration.seconds(1),
          },
        ],
      });
      expect(config(stack).toJSON()).toMatchSnapshot();
    });
  });
});

describe('fails when', () => {
  test.each([
    ['forwardQueryString', false],
    ['forwardHeaders', ['Host']],
    ['forwardCookies', ['session']],
    ['minTtl', Duration.seconds(0)],
    ['defaultTtl', Duration.seconds(60)],
    ['maxTtl', Duration.days(400)],
  ])('a behaviour with cachePolicy also has %s', (prop, value) => {
    const shown =
      value instanceof Duration ? `${value.toSeconds()} seconds` : JSON.stringify(value).replace(/,/g, ', ');
    expectError(
      stack,
      withDefault({ cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED, [prop]: value }),
      `\`defaultCacheBehavior.${prop}\` must be left out when \`defaultCacheBehavior.cachePolicy\` is given: the cache policy sets what is cached and forwarded, and the TTLs; got: ${shown}`,
    );
  });

  test('originRequestPolicy comes without cachePolicy on a legacy behaviour', () => {
    expectError(
      stack,
      withDefault({ originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_CUSTOM_ORIGIN }),
      '`defaultCacheBehavior.originRequestPolicy` needs `cachePolicy` (or `legacyCacheSettings: false`): CloudFront takes no origin request policy on a behaviour without a cache policy; got: "an origin request policy"',
    );
  });

  test('a cache policy of this app disables caching but keys on headers', () => {
    const cachePolicy = new cloudfront.CachePolicy(stack, 'NoCache', {
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(0),
      headerBehavior: cloudfront.CacheHeaderBehavior.allowList('X-Tenant'),
    });
    expectError(
      stack,
      withDefault({ cachePolicy }),
      '`defaultCacheBehavior.cachePolicy` must not put headers, cookies or query strings in the cache key when its TTLs disable caching (all 0): CloudFront refuses it. Forward them with an origin request policy instead; got: "a policy with headers in its key"',
    );
  });

  test('the bridge is asked to forward Authorization on a behaviour that does not cache', () => {
    expectError(
      stack,
      {
        legacyCacheSettings: false,
        ...withDefault({
          forwardHeaders: ['Authorization'],
          minTtl: Duration.seconds(0),
          defaultTtl: Duration.seconds(0),
          maxTtl: Duration.seconds(0),
        }),
      },
      '`defaultCacheBehavior.forwardHeaders` must not hold authorization on a behaviour that does not cache when `legacyCacheSettings` is false: CloudFront forwards them only as part of a cache key, and a policy that disables caching has none. Give the behaviour a `cachePolicy`, or keep the legacy cache settings; got: ["Authorization"]',
    );
  });

  test('a cache policy of this app is in another Region, naming the prop', () => {
    const app = new App();
    const shared = new Stack(app, 'Shared', { env: { ...ENV, region: 'eu-west-1' } });
    const web = new Stack(app, 'Web', { env: ENV });
    const cachePolicy = new cloudfront.CachePolicy(shared, 'Policy');
    expect(() => make(web, withDefault({ cachePolicy }))).toThrow(
      new Error(
        errorOf(
          'Distribution Web/Www',
          "`defaultCacheBehavior.cachePolicy` must be in the environment of the distribution's stack Web (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Web; got: a resource of stack Shared (aws://111111111111/eu-west-1)",
        ),
      ),
    );
  });

  test('imported policies are never judged', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    make(stack, {
      origins: [{ name: 'www', bucket }],
      defaultCacheBehavior: {
        targetOrigin: 'www',
        cachePolicy: cloudfront.CachePolicy.fromCachePolicyId(stack, 'C', 'c1'),
        originRequestPolicy: cloudfront.OriginRequestPolicy.fromOriginRequestPolicyId(stack, 'O', 'o1'),
      },
    });
  });
});

describe('does not judge deploy-time values', () => {
  test('under the bridge, a behaviour whose forwarding is known only at deploy time keeps its legacy settings, with a warning', () => {
    make(stack, {
      legacyCacheSettings: false,
      ...withDefault({ forwardHeaders: Lazy.list({ produce: () => ['Host'] }) }),
    });
    config(stack).resourceCountIs('AWS::CloudFront::CachePolicy', 0);
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ForwardedValues: Match.objectLike({ Headers: ['Host'] }) }),
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`defaultCacheBehavior` keeps the legacy cache settings although `legacyCacheSettings` is false: its forwarding or TTLs are known only at deploy time, so no policy can be made from them. Give it a `cachePolicy`.',
        'legacySettingsNotBridged',
      ),
    );
  });
});

describe('warns when', () => {
  test('compress is on with a cache policy of this app that accepts neither gzip nor Brotli', () => {
    const cachePolicy = new cloudfront.CachePolicy(stack, 'Plain', {
      enableAcceptEncodingGzip: false,
      enableAcceptEncodingBrotli: false,
    });
    make(stack, withDefault({ cachePolicy }));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`defaultCacheBehavior.compress` is on but `defaultCacheBehavior.cachePolicy` accepts neither gzip nor Brotli: CloudFront will not compress. Set `enableAcceptEncodingGzip` or `enableAcceptEncodingBrotli` on the policy, or `compress: false`.',
        'compressWithoutEncodings',
      ),
    );
  });

  test('more than 100 distributions use one custom policy', () => {
    for (let i = 0; i < 101; i++) {
      new Distribution(stack, `D${i}`, { ...MINIMAL, legacyCacheSettings: false });
    }
    Annotations.fromStack(stack).hasWarning(
      '/Stack/D100',
      Match.stringLikeRegexp(
        'Policy Stack/LegacyCachePolicy[0-9a-f]{10} is now used by 101 distributions, more than CloudFront.s default quota of 100 distributions associated with one policy',
      ),
    );
  });

  test('imported policies do not count toward the quota', () => {
    for (let i = 0; i < 21; i++) {
      const cachePolicy = cloudfront.CachePolicy.fromCachePolicyId(stack, `Imported${i}`, `policy-${i}`);
      new Distribution(stack, `D${i}`, { ...MINIMAL, ...withDefault({ cachePolicy }) });
    }
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('policyQuota'));
  });

  test('the app has more custom cache policies than the per-account quota (20)', () => {
    for (let i = 0; i < 21; i++) {
      new Distribution(stack, `D${i}`, {
        ...MINIMAL,
        legacyCacheSettings: false,
        ...withDefault({ defaultTtl: Duration.seconds(100 + i) }),
      });
    }
    Annotations.fromStack(stack).hasWarning(
      '/Stack/D20',
      warning(
        'The app now has 21 custom cache policies, more than CloudFront\'s default quota of 20 per account ("cache policies per AWS account"): the deploy fails unless the quota was raised.',
        'policyQuota',
      ),
    );
  });
});

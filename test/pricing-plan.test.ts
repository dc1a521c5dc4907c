import {
  App,
  CfnParameter,
  Duration,
  Stack,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_ec2 as ec2,
  aws_lambda as lambda,
  aws_s3 as s3,
  aws_wafv2 as wafv2,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { IAM_CERT, certificate, errorOf, newStack } from './helpers';
import {
  AccessLogDestination,
  Distribution,
  DistributionProps,
  MultiTenantDistribution,
  PricingPlan,
  SslCertificate,
  StagingDistribution,
  StagingTraffic,
} from '../lib';

// Flat-rate pricing plans: `pricingPlan`, its subscription, and every eligibility rule
// (lib/private/pricing-plan.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const WEB_ACL = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/www/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
const OTHER_ACL =
  'arn:aws:wafv2:us-east-1:111111111111:global/webacl/api/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222';

/** Eligible on every tier: managed policies, a web ACL of its own, nothing the page lists. */
const ELIGIBLE: DistributionProps = {
  name: 'www.example.com',
  origins: [{ name: 'www', domainName: 'backend.example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www', cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED },
  webAclId: WEB_ACL,
};

function planned(
  s: Stack,
  tier: PricingPlan,
  props: Partial<DistributionProps> = {},
  id = 'Www',
): Distribution {
  return new Distribution(s, id, { ...ELIGIBLE, pricingPlan: tier, ...props } as DistributionProps);
}

function expectError(tier: PricingPlan, props: Partial<DistributionProps>, problems: string): void {
  expect(() => planned(stack, tier, props)).toThrow(new Error(errorOf('Distribution Stack/Www', problems)));
}

const TIERS = [PricingPlan.FREE, PricingPlan.PRO, PricingPlan.BUSINESS, PricingPlan.PREMIUM];
const PAGE = "CloudFront's flat-rate pricing plans";

describe('renders', () => {
  test("the README's example", () => {
    new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www', cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED },
      webAclId: WEB_ACL,
      pricingPlan: PricingPlan.PRO,
    });
    expect(Template.fromStack(stack).toJSON()).toMatchSnapshot();
  });

  test.each(TIERS)('an eligible distribution on %s, with its subscription', (tier) => {
    const www = planned(stack, tier);
    Template.fromStack(stack).hasResource('AWS::PricingPlanManager::Subscription', {
      Properties: {
        PlanFamily: 'CloudFront',
        PlanTier: tier,
        ResourceArns: [stack.resolve(www.distributionArn), WEB_ACL],
        UsageLevel: 'DEFAULT',
      },
    });
  });

  test('a web ACL of the app: its ARN, by reference', () => {
    const acl = new wafv2.CfnWebACL(stack, 'Acl', {
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'www', sampledRequestsEnabled: true },
    });
    planned(stack, PricingPlan.PRO, { webAclId: acl.attrArn });
    Template.fromStack(stack).hasResourceProperties('AWS::PricingPlanManager::Subscription', {
      ResourceArns: [Match.anyValue(), { 'Fn::GetAtt': ['Acl', 'Arn'] }],
    });
  });

  test('no plan, no subscription', () => {
    new Distribution(stack, 'Www', ELIGIBLE);
    Template.fromStack(stack).resourceCountIs('AWS::PricingPlanManager::Subscription', 0);
  });

  test('Lambda@Edge is allowed on every tier', () => {
    const version = cdkVersion(stack);
    for (const tier of TIERS) {
      planned(
        stack,
        tier,
        {
          // Each on its own web ACL: a plan's web ACL is its own.
          webAclId: WEB_ACL.replace('/www/', `/${tier.toLowerCase()}/`),
          defaultCacheBehavior: {
            ...ELIGIBLE.defaultCacheBehavior,
            edgeLambdas: [
              { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion: version },
            ],
          },
        },
        `Www${tier}`,
      );
    }
    Template.fromStack(stack).resourceCountIs('AWS::PricingPlanManager::Subscription', 4);
  });

  test('the bridge makes managed policies of legacy props that match one, on Free', () => {
    planned(stack, PricingPlan.FREE, {
      legacyCacheSettings: false,
      defaultCacheBehavior: { targetOrigin: 'www', forwardQueryString: false, minTtl: Duration.seconds(1) },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultCacheBehavior: Match.objectLike({ CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' }),
      },
    });
  });
});

function cdkVersion(s: Stack): lambda.IVersion {
  return lambda.Version.fromVersionArn(s, 'Edge', 'arn:aws:lambda:us-east-1:111111111111:function:edge:1');
}

describe('fails when', () => {
  test('there is no web ACL', () => {
    expectError(
      PricingPlan.PREMIUM,
      { webAclId: undefined },
      `\`webAclId\` is required with \`pricingPlan\` PREMIUM: a flat-rate plan covers the distribution and its own AWS WAF web ACL (${PAGE}); got: nothing`,
    );
  });

  test('the tier is not one of the plans (plain JavaScript)', () => {
    expectError(
      'ENTERPRISE' as PricingPlan,
      {},
      '`pricingPlan` must be one of FREE, PRO, BUSINESS, PREMIUM; got: "ENTERPRISE"',
    );
  });

  // Unsupported on every tier: refused on the highest.
  test.each<[string, Partial<DistributionProps>, string]>([
    [
      'legacy cache settings',
      { defaultCacheBehavior: { targetOrigin: 'www' } },
      `\`defaultCacheBehavior\` must use a cache policy with \`pricingPlan\` PREMIUM: ${PAGE} do not support legacy cache settings (set \`legacyCacheSettings: false\` to make policies of the behaviour's props, or give a \`cachePolicy\`); got: "legacy cache settings"`,
    ],
    [
      'an IAM certificate',
      { sslCertificate: IAM_CERT },
      `\`sslCertificate\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support IAM server certificates (use an ACM certificate); got: "ASCACKCEVSQ6C2EXAMPLE"`,
    ],
    [
      'dedicated-IP SSL',
      {
        sslCertificate: SslCertificate.fromAcmCertificate(certificate(new Stack())),
        sslSupportMethod: cloudfront.SSLMethod.VIP,
      },
      `\`sslSupportMethod\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support dedicated-IP SSL (use sni-only); got: "vip"`,
    ],
    [
      'an anycast IP list',
      { anycastIpListId: 'aip_1' },
      `\`anycastIpListId\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support anycast static IP lists; got: "aip_1"`,
    ],
    [
      'field-level encryption',
      {
        defaultCacheBehavior: {
          ...ELIGIBLE.defaultCacheBehavior,
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          fieldLevelEncryptionId: 'C3R5EXAMPLE',
        },
      },
      `\`defaultCacheBehavior.fieldLevelEncryptionId\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support field-level encryption; got: "C3R5EXAMPLE"`,
    ],
  ])('%s, on any tier', (_, props, problem) => {
    expectError(PricingPlan.PREMIUM, props, problem);
  });

  test('an origin access identity', () => {
    const bucket = new s3.Bucket(stack, 'Site');
    const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
    expectError(
      PricingPlan.PREMIUM,
      { origins: [{ name: 'www', bucket, originAccessIdentity: identity }] },
      `\`origins[0].originAccessIdentity\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support origin access identities (leave it out for Origin Access Control); got: "Stack/Identity"`,
    );
  });

  test('an aws-cdk-lib origin with an origin access identity, once bound', () => {
    const bucket = new s3.Bucket(stack, 'Site');
    planned(stack, PricingPlan.PREMIUM, {
      origins: [{ name: 'www', cdkOrigin: origins.S3BucketOrigin.withOriginAccessIdentity(bucket) }],
    });
    expect(() => App.of(stack)!.synth()).toThrow(
      `\`origins[0].cdkOrigin\` must use Origin Access Control with \`pricingPlan\` PREMIUM: ${PAGE} do not support origin access identities (S3BucketOrigin.withOriginAccessControl); got: "an origin access identity"`,
    );
  });

  test('real-time logs', () => {
    const realtime = new cloudfront.RealtimeLogConfig(stack, 'Realtime', {
      endPoints: [],
      fields: ['timestamp'],
      samplingRate: 100,
    });
    expectError(
      PricingPlan.PREMIUM,
      { defaultCacheBehavior: { ...ELIGIBLE.defaultCacheBehavior, realtimeLogConfig: realtime } },
      `\`defaultCacheBehavior.realtimeLogConfig\` must be left out with \`pricingPlan\` PREMIUM: ${PAGE} do not support real-time access logs (use \`accessLogs\`); got: "Stack/Realtime"`,
    );
  });

  test('a staged rollout: the primary on a plan', () => {
    const props = { ...ELIGIBLE, httpVersion: cloudfront.HttpVersion.HTTP2, pricingPlan: PricingPlan.PRO };
    const www = new Distribution(stack, 'Www', props);
    expect(
      () =>
        new StagingDistribution(stack, 'WwwStaging', {
          ...ELIGIBLE,
          httpVersion: cloudfront.HttpVersion.HTTP2,
          primary: www,
          traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
        }),
    ).toThrow(
      `\`primary.pricingPlan\` must be left out of a staged rollout: ${PAGE} do not support continuous deployment (a staging distribution and its policy); got: "PRO"`,
    );
  });

  test('a multi-tenant distribution', () => {
    expect(
      () =>
        new MultiTenantDistribution(stack, 'Saas', {
          name: 'Sites',
          origins: [{ name: 'www', domainName: 'backend.example.com' }],
          defaultCacheBehavior: { targetOrigin: 'www' },
          webAclId: WEB_ACL,
          pricingPlan: PricingPlan.BUSINESS,
        }),
    ).toThrow(
      '`pricingPlan` must not be given on a multi-tenant distribution: CloudFront\'s flat-rate pricing plans do not support multi-tenant distributions; got: "BUSINESS"',
    );
  });

  test('its web ACL is shared with another distribution of the app', () => {
    planned(stack, PricingPlan.PRO);
    new Distribution(stack, 'Api', { ...ELIGIBLE, name: 'api.example.com' });
    expect(() => App.of(stack)!.synth()).toThrow(
      `[Stack/Www] \`pricingPlan\` PRO needs its web ACL (\`webAclId\`) to be this distribution's alone: Stack/Api uses it too, and ${PAGE} require a distribution's web ACL and CloudFront Functions to be its own; got: "PRO"`,
    );
  });

  test('its CloudFront Function is shared with another distribution of the app', () => {
    const fn = new cloudfront.Function(stack, 'Fn', {
      code: cloudfront.FunctionCode.fromInline('function handler(e) { return e.request; }'),
    });
    const functionAssociations = [{ function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }];
    planned(stack, PricingPlan.PRO, {
      defaultCacheBehavior: { ...ELIGIBLE.defaultCacheBehavior, functionAssociations },
    });
    new Distribution(stack, 'Api', {
      ...ELIGIBLE,
      name: 'api.example.com',
      webAclId: OTHER_ACL,
      defaultCacheBehavior: { ...ELIGIBLE.defaultCacheBehavior, functionAssociations },
    });
    expect(() => App.of(stack)!.synth()).toThrow(
      `[Stack/Www] \`pricingPlan\` PRO needs CloudFront Function Stack/Fn to be this distribution's alone: Stack/Api uses it too`,
    );
  });
});

// Each tier boundary: the highest tier that refuses, and the lowest that accepts.
describe('tier boundaries', () => {
  const vpcOrigin = (s: Stack) => {
    const vpc = new ec2.Vpc(s, 'Vpc', { natGateways: 0 });
    const instance = new ec2.Instance(s, 'Instance', {
      vpc,
      instanceType: new ec2.InstanceType('t3.micro'),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    return origins.VpcOrigin.withEc2Instance(instance);
  };
  const behaviors = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      pathPattern: `/p${i}/*`,
      targetOrigin: 'www',
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
    }));
  const cases: [string, PricingPlan, PricingPlan, (s: Stack) => Partial<DistributionProps>, string][] = [
    [
      'six behaviours',
      PricingPlan.FREE,
      PricingPlan.PRO,
      () => ({ behaviors: behaviors(6) }),
      `\`behaviors\` must hold at most 5 behaviours (besides the default one) with \`pricingPlan\` FREE (Free 5, Pro 10, Business 50, Premium 100: ${PAGE}); got: "6 behaviours"`,
    ],
    [
      'eleven behaviours',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      () => ({ behaviors: behaviors(11) }),
      `\`behaviors\` must hold at most 10 behaviours (besides the default one) with \`pricingPlan\` PRO (Free 5, Pro 10, Business 50, Premium 100: ${PAGE}); got: "11 behaviours"`,
    ],
    [
      '51 behaviours',
      PricingPlan.BUSINESS,
      PricingPlan.PREMIUM,
      () => ({ behaviors: behaviors(51) }),
      `\`behaviors\` must hold at most 50 behaviours (besides the default one) with \`pricingPlan\` BUSINESS (Free 5, Pro 10, Business 50, Premium 100: ${PAGE}); got: "51 behaviours"`,
    ],
    [
      'a custom cache policy',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({
        defaultCacheBehavior: {
          targetOrigin: 'www',
          cachePolicy: new cloudfront.CachePolicy(s, 'Cache', { defaultTtl: Duration.hours(1) }),
        },
      }),
      `\`defaultCacheBehavior.cachePolicy\` must be an AWS-managed policy with \`pricingPlan\` PRO: custom cache, origin request and response headers policies need the BUSINESS tier or higher (${PAGE}); got: "Stack/Cache"`,
    ],
    [
      'an imported custom cache policy',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({
        defaultCacheBehavior: {
          targetOrigin: 'www',
          cachePolicy: cloudfront.CachePolicy.fromCachePolicyId(
            s,
            'Cache',
            '11111111-2222-3333-4444-555555555555',
          ),
        },
      }),
      `\`defaultCacheBehavior.cachePolicy\` must be an AWS-managed policy with \`pricingPlan\` PRO: custom cache, origin request and response headers policies need the BUSINESS tier or higher (${PAGE}); got: "11111111-2222-3333-4444-555555555555"`,
    ],
    [
      'a custom origin request policy',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({
        defaultCacheBehavior: {
          ...ELIGIBLE.defaultCacheBehavior,
          originRequestPolicy: new cloudfront.OriginRequestPolicy(s, 'Request', {
            headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList('x-tenant'),
          }),
        },
      }),
      `\`defaultCacheBehavior.originRequestPolicy\` must be an AWS-managed policy with \`pricingPlan\` PRO: custom cache, origin request and response headers policies need the BUSINESS tier or higher (${PAGE}); got: "Stack/Request"`,
    ],
    [
      'a custom response headers policy',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({
        defaultCacheBehavior: {
          ...ELIGIBLE.defaultCacheBehavior,
          responseHeadersPolicy: new cloudfront.ResponseHeadersPolicy(s, 'Headers', {
            removeHeaders: ['server'],
          }),
        },
      }),
      `\`defaultCacheBehavior.responseHeadersPolicy\` must be an AWS-managed policy with \`pricingPlan\` PRO: custom cache, origin request and response headers policies need the BUSINESS tier or higher (${PAGE}); got: "Stack/Headers"`,
    ],
    [
      "the bridge's custom cache policy (the legacy props' default forwards every query string)",
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      () => ({ legacyCacheSettings: false, defaultCacheBehavior: { targetOrigin: 'www' } }),
      `\`defaultCacheBehavior\` must cache as an AWS-managed cache policy does with \`pricingPlan\` PRO: its props make a custom cache policy, and custom policies need the BUSINESS tier or higher (${PAGE}). Give a managed \`cachePolicy\` such as CachePolicy.CACHING_OPTIMIZED; got: "a custom cache policy"`,
    ],
    [
      'Origin Shield',
      PricingPlan.BUSINESS,
      PricingPlan.PREMIUM,
      () => ({
        origins: [{ name: 'www', domainName: 'backend.example.com', originShieldRegion: 'us-east-1' }],
      }),
      `\`origins[0].originShieldRegion\` must be left out with \`pricingPlan\` BUSINESS: Origin Shield needs the PREMIUM tier or higher (${PAGE}); got: "us-east-1"`,
    ],
    [
      'an origin group',
      PricingPlan.BUSINESS,
      PricingPlan.PREMIUM,
      () => ({
        origins: [
          { name: 'www', domainName: 'backend.example.com' },
          { name: 'spare', domainName: 'spare.example.com' },
        ],
        originGroups: [{ name: 'both', primaryOrigin: 'www', secondaryOrigin: 'spare' }],
      }),
      `\`originGroups\` must be left out with \`pricingPlan\` BUSINESS: origin failover (origin groups) needs the PREMIUM tier or higher (${PAGE}); got: ["both"]`,
    ],
    [
      'origin mutual TLS',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({
        origins: [{ name: 'www', domainName: 'backend.example.com', clientCertificate: certificate(s) }],
      }),
      `\`origins[0].clientCertificate\` must be left out with \`pricingPlan\` PRO: origin mutual TLS needs the BUSINESS tier or higher (${PAGE}); got: "Stack/Cert"`,
    ],
    [
      'a VPC origin',
      PricingPlan.PRO,
      PricingPlan.BUSINESS,
      (s) => ({ origins: [{ name: 'www', cdkOrigin: vpcOrigin(s) }] }),
      `\`origins[0].cdkOrigin\` must be left out with \`pricingPlan\` PRO: a VPC origin needs the BUSINESS tier or higher (${PAGE}); got: "a VpcOrigin"`,
    ],
    [
      'viewer mutual TLS',
      PricingPlan.BUSINESS,
      PricingPlan.PREMIUM,
      (s) => ({
        sslCertificate: SslCertificate.fromAcmCertificate(certificate(s)),
        viewerMtls: { trustStoreId: 'ts-1' },
      }),
      `\`viewerMtls\` must be left out with \`pricingPlan\` BUSINESS: viewer mutual TLS needs the PREMIUM tier or higher (${PAGE}); got: "ts-1"`,
    ],
    [
      'invalidation by cache tag',
      PricingPlan.FREE,
      PricingPlan.PRO,
      () => ({ cacheTagHeaderName: 'x-amz-meta-cache-tag' }),
      `\`cacheTagHeaderName\` must be left out with \`pricingPlan\` FREE: invalidation by cache tag needs the PRO tier or higher (${PAGE}); got: "x-amz-meta-cache-tag"`,
    ],
    [
      'standard logging',
      PricingPlan.FREE,
      PricingPlan.PRO,
      () => ({ logging: { enabled: true } }),
      `\`logging\` must be left out with \`pricingPlan\` FREE: access logs needs the PRO tier or higher (${PAGE}); got: "enabled"`,
    ],
    [
      'access logs v2',
      PricingPlan.FREE,
      PricingPlan.PRO,
      () => ({
        accessLogs: {
          destination: AccessLogDestination.firehose(
            'arn:aws:firehose:us-east-1:111111111111:deliverystream/cf',
          ),
        },
      }),
      `\`accessLogs\` must be left out with \`pricingPlan\` FREE: access logs needs the PRO tier or higher (${PAGE}); got: "given"`,
    ],
    [
      'a CloudFront Function with a key value store',
      PricingPlan.FREE,
      PricingPlan.PRO,
      (s) => {
        const fn = new cloudfront.Function(s, 'Fn', {
          code: cloudfront.FunctionCode.fromInline('async function handler(e) { return e.request; }'),
          keyValueStore: new cloudfront.KeyValueStore(s, 'Store'),
        });
        return {
          defaultCacheBehavior: {
            ...ELIGIBLE.defaultCacheBehavior,
            functionAssociations: [{ function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
          },
        };
      },
      `\`defaultCacheBehavior.functionAssociations[0].function\` must be left out with \`pricingPlan\` FREE: a CloudFront Function with a key value store needs the PRO tier or higher (${PAGE}); got: "Stack/Fn"`,
    ],
  ];

  test.each(cases)('%s: refused on %s', (_, refusing, __, props, problem) => {
    expectError(refusing, props(stack), problem);
  });

  test.each(cases)('%s: accepted from %s on', (_, __, accepting, props) => {
    planned(stack, accepting, props(stack));
    expect(() => App.of(stack)!.synth()).not.toThrow();
  });
});

describe('does not judge deploy-time values', () => {
  test('a tier from a CfnParameter, and a web ACL ARN from one', () => {
    const tier = new CfnParameter(stack, 'Tier').valueAsString as PricingPlan;
    const acl = new CfnParameter(stack, 'Acl').valueAsString;
    planned(stack, tier, { webAclId: acl, defaultCacheBehavior: { targetOrigin: 'www' } });
    Template.fromStack(stack).resourceCountIs('AWS::PricingPlanManager::Subscription', 1);
  });

  test('an imported cache policy whose ID is a token', () => {
    const id = new CfnParameter(stack, 'Policy').valueAsString;
    planned(stack, PricingPlan.FREE, {
      defaultCacheBehavior: {
        targetOrigin: 'www',
        cachePolicy: cloudfront.CachePolicy.fromCachePolicyId(stack, 'Cache', id),
      },
    });
    Template.fromStack(stack).resourceCountIs('AWS::PricingPlanManager::Subscription', 1);
  });
});

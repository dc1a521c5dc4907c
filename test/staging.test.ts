import { App, Duration, Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, certificate, errorOf, newStack, warning } from './helpers';
import {
  Distribution,
  DistributionProps,
  SslCertificate,
  StagingDistribution,
  StagingDistributionProps,
  StagingTraffic,
} from '../lib';

// Staged rollouts: a staging twin, its continuous deployment policy and the primary's link to it
// (lib/staging.ts, lib/private/staging.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

/** The primary's props: continuous deployment does not work with HTTP/3 (the default). */
const PROPS = { ...MINIMAL, httpVersion: cloudfront.HttpVersion.HTTP2 } as DistributionProps;

function pair(
  s: Stack,
  twin: Partial<StagingDistributionProps> = {},
  props: DistributionProps = PROPS,
): { www: Distribution; staging: StagingDistribution } {
  const www = new Distribution(s, 'Www', props);
  const staging = new StagingDistribution(s, 'WwwStaging', {
    ...props,
    rootObject: 'index-v2.html',
    primary: www,
    traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
    ...twin,
  });
  return { www, staging };
}

const template = (s: Stack) => Template.fromStack(s);
const ids = (s: Stack, type: string) => Object.keys(template(s).findResources(type));

describe('renders', () => {
  test("made from the primary's props, the twin logs to the primary's log bucket (each log file starts with its distribution's ID)", () => {
    pair(stack, {}, { ...PROPS, logging: { enabled: true, path: 'www/' } });
    const t = template(stack);
    t.resourceCountIs('AWS::S3::Bucket', 1);
    const logging = ids(stack, 'AWS::CloudFront::Distribution').map(
      (id) => t.toJSON().Resources[id].Properties.DistributionConfig.Logging,
    );
    const primarysBucket = {
      Bucket: { 'Fn::GetAtt': [expect.stringMatching(/^WwwLoggingBucket/), 'RegionalDomainName'] },
      Prefix: 'www/',
    };
    expect(logging).toEqual([primarysBucket, primarysBucket]);
  });

  test('a twin that names its own log bucket keeps it', () => {
    const own = new s3.Bucket(stack, 'StagingLogs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    const { staging } = pair(
      stack,
      { logging: { enabled: true, bucket: own } },
      { ...PROPS, logging: { enabled: true } },
    );
    expect(staging.loggingBucket).toBe(own);
    template(stack).resourceCountIs('AWS::S3::Bucket', 2);
  });

  test('the staging distribution, the policy that points at its domain name, and the primary linked to the policy', () => {
    pair(stack);
    const t = template(stack);
    t.resourceCountIs('AWS::CloudFront::Distribution', 2);
    t.resourceCountIs('AWS::CloudFront::ContinuousDeploymentPolicy', 1);
    const [policy] = ids(stack, 'AWS::CloudFront::ContinuousDeploymentPolicy');
    t.hasResourceProperties('AWS::CloudFront::ContinuousDeploymentPolicy', {
      ContinuousDeploymentPolicyConfig: {
        Enabled: true,
        StagingDistributionDnsNames: [{ 'Fn::GetAtt': ['WwwStagingD619D4E5', 'DomainName'] }],
        TrafficConfig: {
          Type: 'SingleHeader',
          SingleHeaderConfig: { Header: 'aws-cf-cd-canary', Value: 'yes' },
        },
      },
    });
    // The primary: its own logical id, linked to the policy, not staging.
    const primary = t.findResources('AWS::CloudFront::Distribution').Www4AF92A2E;
    expect(primary.Properties.DistributionConfig.ContinuousDeploymentPolicyId).toEqual({ Ref: policy });
    expect(primary.Properties.DistributionConfig.Staging).toBeUndefined();
    expect(primary.Properties.DistributionConfig.DefaultRootObject).toBeUndefined();
    // The twin: staging, with the change under test, and no link of its own.
    const twin = t.findResources('AWS::CloudFront::Distribution').WwwStagingD619D4E5;
    expect(twin.Properties.DistributionConfig).toMatchObject({
      Staging: true,
      DefaultRootObject: 'index-v2.html',
    });
    expect(twin.Properties.DistributionConfig.ContinuousDeploymentPolicyId).toBeUndefined();
  });

  test('a weight, with session stickiness in seconds', () => {
    pair(stack, {
      traffic: StagingTraffic.weight(0.05, {
        sessionStickiness: { idleTtl: Duration.minutes(10), maximumTtl: Duration.hours(1) },
      }),
    });
    template(stack).hasResourceProperties('AWS::CloudFront::ContinuousDeploymentPolicy', {
      ContinuousDeploymentPolicyConfig: Match.objectLike({
        TrafficConfig: {
          Type: 'SingleWeight',
          SingleWeightConfig: { Weight: 0.05, SessionStickinessConfig: { IdleTTL: 600, MaximumTTL: 3600 } },
        },
      }),
    });
  });

  test('a weight without stickiness, and a policy that sends no traffic', () => {
    pair(stack, { traffic: StagingTraffic.weight(0.15), trafficEnabled: false });
    template(stack).hasResourceProperties('AWS::CloudFront::ContinuousDeploymentPolicy', {
      ContinuousDeploymentPolicyConfig: Match.objectLike({
        Enabled: false,
        TrafficConfig: { Type: 'SingleWeight', SingleWeightConfig: { Weight: 0.15 } },
      }),
    });
  });

  test("the twin has no names of its own: the primary's aliases and certificate stay on the primary", () => {
    const props = {
      ...PROPS,
      aliases: ['example.com'],
      sslCertificate: SslCertificate.fromAcmCertificate(certificate(stack)),
    } as DistributionProps;
    pair(stack, {}, props);
    const distributions = template(stack).findResources('AWS::CloudFront::Distribution');
    expect(distributions.Www4AF92A2E.Properties.DistributionConfig.Aliases).toEqual([
      'www.example.com',
      'example.com',
    ]);
    expect(distributions.WwwStagingD619D4E5.Properties.DistributionConfig.Aliases).toBeUndefined();
    expect(distributions.WwwStagingD619D4E5.Properties.DistributionConfig.ViewerCertificate).toEqual(
      distributions.Www4AF92A2E.Properties.DistributionConfig.ViewerCertificate,
    );
  });

  test('the order CloudFormation needs: staging, then the policy (GetAtt), then the primary (Ref)', () => {
    pair(stack);
    const json = JSON.stringify(template(stack).toJSON().Resources);
    const [policy] = ids(stack, 'AWS::CloudFront::ContinuousDeploymentPolicy');
    // The policy references the staging distribution and the primary the policy; nothing
    // references the primary, so CloudFormation creates staging -> policy -> primary, and on
    // removal updates the primary before it deletes the policy and the staging distribution.
    const resources = template(stack).toJSON().Resources;
    expect(JSON.stringify(resources[policy])).toContain('WwwStagingD619D4E5');
    expect(JSON.stringify(resources.Www4AF92A2E)).toContain(policy);
    expect(JSON.stringify(resources.WwwStagingD619D4E5)).not.toContain(policy);
    expect(json.match(/"Ref":"Www4AF92A2E"/g)).toBeNull();
  });

  test("an S3 origin's bucket policy lets the staging distribution read too", () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    pair(stack, {}, { ...PROPS, origins: [{ name: 'www', bucket }] } as DistributionProps);
    const arn = (id: string) => ({
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::111111111111:distribution/', { Ref: id }],
      ],
    });
    template(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Condition: { StringEquals: { 'AWS:SourceArn': [arn('Www4AF92A2E'), arn('WwwStagingD619D4E5')] } },
          }),
        ]),
      },
    });
  });
});

describe('promotion is a change of props', () => {
  test("removing the twin leaves the primary's logical id, with the staged config as its own", () => {
    const changes = { rootObject: 'index-v2.html', comment: 'v2' };
    const staged = newStack();
    pair(staged, changes);
    const promoted = newStack();
    new Distribution(promoted, 'Www', { ...PROPS, ...changes });

    const before = template(staged).findResources('AWS::CloudFront::Distribution');
    const after = template(promoted).findResources('AWS::CloudFront::Distribution');
    expect(Object.keys(after)).toEqual(['Www4AF92A2E']);
    const { Staging, ...stagedConfig } = before.WwwStagingD619D4E5.Properties.DistributionConfig;
    expect(Staging).toBe(true);
    expect(after.Www4AF92A2E.Properties.DistributionConfig).toEqual(stagedConfig);
    template(promoted).resourceCountIs('AWS::CloudFront::ContinuousDeploymentPolicy', 0);
  });
});

describe('fails when', () => {
  const expectStagingError = (twin: Partial<StagingDistributionProps>, problems: string, props = PROPS) => {
    expect(() => pair(stack, twin, props)).toThrow(
      new Error(errorOf('StagingDistribution Stack/WwwStaging', problems)),
    );
  };

  test.each([
    [
      'a weight above 0.15',
      StagingTraffic.weight(0.2),
      '`traffic.weight` must be a share of traffic from 0 to 0.15 (CloudFront sends at most 15% to a staging distribution), such as 0.05 for 5%; got: 0.2',
    ],
    [
      'a negative weight',
      StagingTraffic.weight(-0.01),
      '`traffic.weight` must be a share of traffic from 0 to 0.15 (CloudFront sends at most 15% to a staging distribution), such as 0.05 for 5%; got: -0.01',
    ],
    [
      'an idle TTL under 300 s',
      StagingTraffic.weight(0.1, {
        sessionStickiness: { idleTtl: Duration.seconds(299), maximumTtl: Duration.seconds(3600) },
      }),
      '`traffic.sessionStickiness.idleTtl` must be a whole number of seconds from 300 to 3600; got: 299 seconds',
    ],
    [
      'a maximum TTL over 3600 s',
      StagingTraffic.weight(0.1, {
        sessionStickiness: { idleTtl: Duration.seconds(300), maximumTtl: Duration.minutes(61) },
      }),
      '`traffic.sessionStickiness.maximumTtl` must be a whole number of seconds from 300 to 3600; got: 3660 seconds',
    ],
    [
      'a header without the prefix',
      StagingTraffic.header('x-canary', 'yes'),
      "`traffic.header` must start with CloudFront's prefix 'aws-cf-cd-' and name something after it, such as 'aws-cf-cd-canary'; got: \"x-canary\"",
    ],
    [
      'the prefix alone',
      StagingTraffic.header('aws-cf-cd-', 'yes'),
      "`traffic.header` must start with CloudFront's prefix 'aws-cf-cd-' and name something after it, such as 'aws-cf-cd-canary'; got: \"aws-cf-cd-\"",
    ],
    [
      'a header name with a space',
      StagingTraffic.header('aws-cf-cd-my canary', 'yes'),
      '`traffic.header` must be a header name of at most 256 letters, digits and !#$%&\'*+.^_`|~-; got: "aws-cf-cd-my canary"',
    ],
    [
      'an empty value',
      StagingTraffic.header('aws-cf-cd-canary', ''),
      '`traffic.value` must be a header value of 1 to 1783 characters on one line; got: ""',
    ],
  ])('the traffic has %s', (_, traffic, problems) => {
    expectStagingError({ traffic }, problems);
  });

  test('either distribution supports HTTP/3, as by default', () => {
    expectStagingError(
      { httpVersion: cloudfront.HttpVersion.HTTP3 },
      '`httpVersion` must not support HTTP/3: CloudFront\'s continuous deployment does not work with HTTP/3. Set `httpVersion: HttpVersion.HTTP2` on the primary and on its staging twin; got: "http3"',
    );
    stack = newStack();
    expectStagingError(
      {},
      [
        '`primary.httpVersion` must not support HTTP/3 (the primary, Stack/Www): CloudFront\'s continuous deployment does not work with HTTP/3. Set `httpVersion: HttpVersion.HTTP2` on the primary and on its staging twin; got: "http2and3 (the default)"',
        '`httpVersion` must not support HTTP/3: CloudFront\'s continuous deployment does not work with HTTP/3. Set `httpVersion: HttpVersion.HTTP2` on the primary and on its staging twin; got: "http2and3 (the default)"',
      ].join('\n'),
      MINIMAL as DistributionProps,
    );
  });

  test("the twin has names other than the primary's", () => {
    expectStagingError(
      { name: 'staging.example.com' },
      '`name, aliases` must be the primary\'s (www.example.com): a staging distribution has no names of its own, viewers reach it through the primary\'s; got: "staging.example.com"',
    );
  });

  test('the primary is a staging distribution, or has a twin already', () => {
    const { staging } = pair(stack);
    expect(
      () =>
        new StagingDistribution(stack, 'Second', {
          ...PROPS,
          primary: staging,
          traffic: StagingTraffic.weight(0.1),
        }),
    ).toThrow(
      new Error(
        errorOf(
          'StagingDistribution Stack/Second',
          '`primary` must be a production distribution, not a staging one; got: "Stack/WwwStaging"',
        ),
      ),
    );
    const www = stack.node.findChild('Www') as Distribution;
    expect(
      () =>
        new StagingDistribution(stack, 'Third', {
          ...PROPS,
          primary: www,
          traffic: StagingTraffic.weight(0.1),
        }),
    ).toThrow(
      new Error(
        errorOf(
          'StagingDistribution Stack/Third',
          '`primary` must be a distribution without a staging twin: it has one already (Stack/WwwStaging), and CloudFront links one staging distribution to a primary; got: "Stack/Www"',
        ),
      ),
    );
  });

  test('the primary is in another stack', () => {
    const app = stack.node.root as App;
    const www = new Distribution(stack, 'Www', PROPS);
    const other = new Stack(app, 'Other', { env: ENV });
    expect(
      () =>
        new StagingDistribution(other, 'WwwStaging', {
          ...PROPS,
          primary: www,
          traffic: StagingTraffic.weight(0.1),
        }),
    ).toThrow(
      new Error(
        errorOf(
          'StagingDistribution Other/WwwStaging',
          '`primary` must be in the staging twin\'s stack (Other), so that CloudFormation creates, updates and deletes the pair in the right order; got: "Stack/Www in Stack"',
        ),
      ),
    );
  });

  test('the primary or the traffic is not what it should be (callers no compiler checks)', () => {
    expect(
      () =>
        new StagingDistribution(stack, 'WwwStaging', {
          ...PROPS,
          primary: { distributionId: 'E1' },
          traffic: { weight: 0.1 },
        } as unknown as StagingDistributionProps),
    ).toThrow(
      new Error(
        errorOf(
          'StagingDistribution Stack/WwwStaging',
          [
            '`primary` must be a Distribution of this library (the production distribution); got: an object',
            '`traffic` must be StagingTraffic.weight(...) or StagingTraffic.header(...); got: an object',
          ].join('\n'),
        ),
      ),
    );
  });
});

describe('warns when', () => {
  test("an app has more staging twins than CloudFront's account quota (20)", () => {
    for (let i = 0; i < 21; i++) {
      const www = new Distribution(stack, `Www${i}`, PROPS);
      new StagingDistribution(stack, `Www${i}Staging`, {
        ...PROPS,
        primary: www,
        traffic: StagingTraffic.weight(0.1),
      });
    }
    const found = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('stagingQuota'));
    expect(found.map((m) => [m.id, m.entry.data])).toEqual([
      [
        '/Stack/Www20Staging',
        warning(
          'The app now has 21 staging distributions (each with its continuous deployment policy), more than CloudFront\'s quota of 20 per AWS account ("Maximum number of staging distributions per AWS account"): the deploy fails unless the quota was raised.',
          'stagingQuota',
        ),
      ],
    ]);
  });
});

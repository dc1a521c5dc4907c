import { execFileSync } from 'child_process';
import * as path from 'path';
import {
  App,
  Stack,
  aws_cloudfront as cloudfront,
  aws_iam as iam,
  aws_route53 as route53,
  aws_route53_targets as targets,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { MINIMAL, config, errorOf, expectError, make, newStack, warning, WWW_ARN } from './helpers';
import {
  Distribution,
  DistributionProps,
  ErrorResponse,
  Origin,
  StagingDistribution,
  StagingTraffic,
} from '../lib';

// The distribution as a whole: every default, the error format, addOrigin/addBehavior and how it fits the CDK ecosystem. Each concept has its own test file.

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test("renders our defaults, leaving out those that are CloudFormation's", () => {
    new Distribution(stack, 'Www', MINIMAL);
    config(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Comment: 'www.example.com',
        Aliases: Match.absent(),
        DefaultRootObject: Match.absent(),
        Enabled: true,
        PriceClass: 'PriceClass_100',
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        Logging: Match.absent(),
        CacheBehaviors: Match.absent(),
        CustomErrorResponses: Match.absent(),
        ViewerCertificate: Match.absent(),
        Origins: [
          {
            Id: 'www',
            DomainName: 'backend.example.com',
            CustomOriginConfig: {
              HTTPPort: Match.absent(),
              HTTPSPort: Match.absent(),
              OriginProtocolPolicy: 'https-only',
              OriginSSLProtocols: ['TLSv1.2'],
            },
            S3OriginConfig: Match.absent(),
            OriginAccessControlId: Match.absent(),
          },
        ],
        DefaultCacheBehavior: {
          TargetOriginId: 'www',
          ViewerProtocolPolicy: 'redirect-to-https',
          ForwardedValues: { QueryString: true, Headers: Match.absent(), Cookies: { Forward: 'none' } },
          MinTTL: Match.absent(),
          DefaultTTL: Match.absent(),
          MaxTTL: Match.absent(),
          AllowedMethods: Match.absent(),
          CachedMethods: Match.absent(),
          SmoothStreaming: Match.absent(),
          Compress: true,
          CachePolicyId: Match.absent(),
        },
      },
    });
  });

  test('creates no bucket, policy or access control for a custom origin', () => {
    new Distribution(stack, 'Www', MINIMAL);
    config(stack).resourceCountIs('AWS::S3::Bucket', 0);
    config(stack).resourceCountIs('AWS::S3::BucketPolicy', 0);
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
  });

  test('render lazily, after the props', () => {
    const distribution = make(stack, { behaviors: [{ pathPattern: '/a/*', targetOrigin: 'www' }] });
    distribution.addOrigin({ name: 'api', domainName: 'api.example.com' });
    distribution.addBehavior('/api/*', 'api', {
      forwardCookies: ['*'],
      allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({ Id: 'www' }),
          Match.objectLike({ Id: 'api', DomainName: 'api.example.com' }),
        ],
        CacheBehaviors: [
          Match.objectLike({ PathPattern: '/a/*', TargetOriginId: 'www' }),
          Match.objectLike({
            PathPattern: '/api/*',
            TargetOriginId: 'api',
            ForwardedValues: { QueryString: true, Cookies: { Forward: 'all' } },
            AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
          }),
        ],
      }),
    });
  });

  test('a behaviour may name an origin added later', () => {
    const distribution = make(stack, {});
    distribution.addBehavior('/api/*', 'api');
    distribution.addOrigin({ name: 'api', domainName: 'api.example.com' });
    expect(() => App.of(stack)!.synth()).not.toThrow();
  });

  test('an added S3 origin gets Origin Access Control and its bucket policy', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    const distribution = make(stack, {});
    expect(distribution.originAccessControl).toBeUndefined();
    distribution.addOrigin({ name: 'assets', bucket });
    expect(distribution.originAccessControl).toBeDefined();
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' } })],
      },
    });
  });
});

describe('fails when', () => {
  test.each([
    [{ name: undefined }, '`name` is required; got: nothing'],
    [
      { origins: [{ domainName: 'backend.example.com' } as Origin] },
      '`origins[0].name` is required; got: nothing',
    ],
    [
      { defaultCacheBehavior: {} as DistributionProps['defaultCacheBehavior'] },
      '`defaultCacheBehavior.targetOrigin` is required; got: nothing',
    ],
    [{ defaultCacheBehavior: undefined }, '`defaultCacheBehavior` is required; got: nothing'],
    [{ errorResponses: [{} as ErrorResponse] }, '`errorResponses[0].errorCode` is required; got: nothing'],
  ])('fails when %j leaves out a required prop', (props, msg) => {
    expectError(stack, props as Partial<DistributionProps>, msg);
  });

  test('reports every problem of one distribution together', () => {
    expectError(
      stack,
      {
        comment: 'c'.repeat(129),
        priceClass: 'PriceClass_1' as cloudfront.PriceClass,
        defaultCacheBehavior: { targetOrigin: 'nope' },
      },
      [
        `\`comment\` must be at most 128 characters (CloudFront's limit on Comment); got: "${'c'.repeat(129)}"`,
        '`priceClass` must be one of PriceClass_100, PriceClass_200, PriceClass_All; got: "PriceClass_1"',
        '`defaultCacheBehavior.targetOrigin` must name an origin or origin group ("www"); got: "nope"',
      ].join('\n'),
    );
  });

  test('fails at synth when a behaviour names an origin never added', () => {
    const distribution = make(stack, {});
    distribution.addBehavior('/api/*', 'api');
    expect(() => App.of(stack)!.synth()).toThrow(
      /`behaviors\[0\]\.targetOrigin` must name an origin or origin group \("www"\); got: "api"/,
    );
  });

  test('fails at once when an added behaviour is invalid', () => {
    const distribution = make(stack, { behaviors: [{ pathPattern: '/api/*', targetOrigin: 'www' }] });
    expect(() => distribution.addBehavior('/api/*', 'www', { cachedMethods: ['POST'] })).toThrow(
      new Error(
        errorOf(
          'Distribution Stack/Www',
          [
            '`behaviors[].pathPattern` must not repeat patterns; got: "/api/*"',
            '`behaviors[1].cachedMethods` must be one of [GET, HEAD], [GET, HEAD, OPTIONS]; got: ["POST"]',
            '`behaviors[1].cachedMethods` must be within `behaviors[1].allowedMethods` (GET, HEAD); got: ["POST"]',
          ].join('\n'),
        ),
      ),
    );
  });

  test('fails at once when an added origin is invalid', () => {
    const distribution = make(stack, {});
    expect(() => distribution.addOrigin({ name: 'www', domainName: 'backend:8080' })).toThrow(
      new Error(
        errorOf(
          'Distribution Stack/Www',
          [
            '`origins[].name` must not repeat names; got: "www"',
            '`origins[1].domainName` must be a host name such as backend.example.com, without scheme, path or port; got: "backend:8080"',
          ].join('\n'),
        ),
      ),
    );
  });
});

describe('warns when', () => {
  test('an added behaviour with allow-all warns', () => {
    const distribution = make(stack, {});
    distribution.addBehavior('/legacy/*', 'www', {
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`behaviors[0].viewerProtocolPolicy` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.',
        'allowAll',
      ),
    );
  });
});

describe('warns about props it does not have (plain JavaScript, or `any`)', () => {
  const unknown = (at: string, hint?: string) =>
    warning(
      `\`${at}\` is not a prop of this construct, and is ignored${hint ? `: did you mean \`${hint}\`?` : '.'}`,
      'unknownProp',
    );
  /** The unknown-prop warnings of `Stack/Www`, in order. */
  const unknownWarnings = () =>
    Annotations.fromStack(stack)
      .findWarning('/Stack/Www', Match.stringLikeRegexp('unknownProp'))
      .map((w) => w.entry.data);

  test('a mistyped prop, at any depth, with the prop it likely means', () => {
    make(stack, {
      defaultCacheBehavior: { targetOrigin: 'www', cachepolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED },
      origins: [{ name: 'www', domainName: 'backend.example.com', readTimout: 30 }],
      commnet: 'x',
    } as any);
    expect(unknownWarnings()).toEqual([
      unknown('origins[0].readTimout', 'origins[0].readTimeout'),
      unknown('defaultCacheBehavior.cachepolicy', 'defaultCacheBehavior.cachePolicy'),
      unknown('commnet', 'comment'),
    ]);
  });

  test("aws-cdk-lib's names, with ours", () => {
    make(stack, {
      domainNames: ['www.example.com'],
      enableLogging: true,
      somethingElseEntirely: true,
    } as any);
    expect(unknownWarnings()).toEqual([
      unknown('domainNames', 'aliases'),
      unknown('enableLogging', 'logging'),
      unknown('somethingElseEntirely'),
    ]);
  });

  test('beside the problems of an error, since an ignored key often explains them', () => {
    expectError(
      stack,
      {
        defaultCacheBehavior: undefined,
        defaultBehavior: { targetOrigin: 'www' },
        errorResponses: [{ httpStatus: 404 }],
      } as any,
      [
        '`defaultCacheBehavior` is required; got: nothing',
        '`errorResponses[0].errorCode` is required; got: nothing',
        '`defaultBehavior` is not a prop of this construct (did you mean `defaultCacheBehavior`?); got: an object',
        '`errorResponses[0].httpStatus` is not a prop of this construct (did you mean `errorResponses[0].errorCode`?); got: 404 (a number)',
      ].join('\n'),
    );
  });

  test("(not) for a staging twin's own props, nor for objects that are not literals", () => {
    const www = make(stack, { httpVersion: cloudfront.HttpVersion.HTTP2 });
    new StagingDistribution(stack, 'WwwStaging', {
      ...MINIMAL,
      httpVersion: cloudfront.HttpVersion.HTTP2,
      primary: www,
      traffic: StagingTraffic.weight(0.05),
      trafficEnabled: true,
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('unknownProp'));
  });
});

test('loads no aws-cdk-lib module an app does not use: its origins module only for a cdkOrigin', () => {
  // In a fresh process, as `cdk synth` runs: loading aws-cloudfront-origins costs about 15 ms.
  const script = `
    const { App, Stack, aws_s3: s3 } = require('aws-cdk-lib');
    const { Distribution } = require(${JSON.stringify(path.join(__dirname, '..', 'lib'))});
    const app = new App();
    const stack = new Stack(app, 'Stack', { env: { account: '111111111111', region: 'us-east-1' } });
    new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [{ name: 'www', bucket: new s3.Bucket(stack, 'B') }, { name: 'api', domainName: 'api.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
      behaviors: [{ pathPattern: '/api/*', targetOrigin: 'api' }],
    });
    app.synth();
    console.log(Object.keys(require.cache).filter((f) => f.includes('aws-cloudfront-origins')).length);
  `;
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register', '-e', script], {
    env: { ...process.env, TS_NODE_TRANSPILE_ONLY: '1', TS_NODE_PREFER_TS_EXTS: 'true' },
    encoding: 'utf8',
  });
  expect(out.trim()).toBe('0');
});

describe('fits the CDK ecosystem', () => {
  test('the L1 child is Resource, and escape hatches work', () => {
    const distribution = new Distribution(stack, 'Www', MINIMAL);
    const cfn = distribution.node.defaultChild as cloudfront.CfnDistribution;
    expect(cfn).toBeInstanceOf(cloudfront.CfnDistribution);
    cfn.addPropertyOverride('DistributionConfig.HttpVersion', 'http2and3');
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ HttpVersion: 'http2and3' }),
    });
  });

  test('attributes resolve to the resource', () => {
    const distribution = new Distribution(stack, 'Www', MINIMAL);
    expect(stack.resolve(distribution.distributionId)).toEqual({ Ref: 'Www4AF92A2E' });
    expect(stack.resolve(distribution.distributionDomainName)).toEqual({
      'Fn::GetAtt': ['Www4AF92A2E', 'DomainName'],
    });
    expect(stack.resolve(distribution.domainName)).toEqual({ 'Fn::GetAtt': ['Www4AF92A2E', 'DomainName'] });
    expect(stack.resolve(distribution.distributionRef.distributionId)).toEqual({ Ref: 'Www4AF92A2E' });
    expect(stack.resolve(distribution.distributionArn)).toEqual(WWW_ARN);
  });

  test("Route 53's CloudFrontTarget accepts it", () => {
    const distribution = new Distribution(stack, 'Www', MINIMAL);
    const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
      hostedZoneId: 'Z1111111111111',
      zoneName: 'example.com',
    });
    new route53.ARecord(stack, 'Alias', {
      zone,
      recordName: 'www',
      target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(distribution)),
    });
    config(stack).hasResourceProperties('AWS::Route53::RecordSet', {
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': ['Www4AF92A2E', 'DomainName'] },
        HostedZoneId: Match.anyValue(),
      },
    });
  });

  test('BucketDeployment invalidates it after a deploy', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    const distribution = new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    new s3deploy.BucketDeployment(stack, 'Deploy', {
      sources: [s3deploy.Source.data('index.html', '<h1>hello</h1>')],
      destinationBucket: bucket,
      distribution,
      distributionPaths: ['/*'],
    });
    config(stack).hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionId: { Ref: 'Www4AF92A2E' },
      DistributionPaths: ['/*'],
    });
  });

  test('grantCreateInvalidation grants on this distribution', () => {
    const distribution = new Distribution(stack, 'Www', MINIMAL);
    const role = new iam.Role(stack, 'Role', {
      assumedBy: new iam.ServicePrincipal('codebuild.amazonaws.com'),
    });
    distribution.grantCreateInvalidation(role);
    config(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'cloudfront:CreateInvalidation',
            Resource: WWW_ARN,
          },
        ],
      },
    });
  });

  test('fromDistributionAttributes imports one', () => {
    const imported = Distribution.fromDistributionAttributes(stack, 'Imported', {
      distributionId: 'E1A2B3C4D5E6F7',
      domainName: 'd111111abcdef8.cloudfront.net',
    });
    expect(imported.distributionId).toBe('E1A2B3C4D5E6F7');
    expect(imported.distributionDomainName).toBe('d111111abcdef8.cloudfront.net');
  });
});

describe('fails when plain JavaScript passes a wrong type', () => {
  // What no compiler checks for a JavaScript caller: the same clear message as for any bad value.
  test.each([
    [{ name: 5 }, '`name` must be a string; got: 5 (a number)'],
    [{ origins: 'www' }, '`origins` must be a list; got: "www" (a string)'],
    [{ origins: [null] }, '`origins[0]` must be an object; got: null'],
    [{ enabled: 'true' }, '`enabled` must be true or false; got: "true" (a string)'],
    [{ logging: { enabled: 'true' } }, '`logging.enabled` must be true or false; got: "true" (a string)'],
    [
      { errorResponses: [{ errorCode: '404' }] },
      '`errorResponses[0].errorCode` must be a number; got: "404" (a string)',
    ],
    [
      { defaultCacheBehavior: { targetOrigin: 'www', minTtl: 60 } },
      '`defaultCacheBehavior.minTtl` must be a Duration (such as Duration.seconds(30)); got: 60 (a number)',
    ],
    [
      { origins: [{ name: 'www', domainName: 'backend.example.com', customHeaders: { 'X-A': 1 } }] },
      '`origins[0].customHeaders.X-A` must be a string; got: 1 (a number)',
    ],
    [
      { defaultCacheBehavior: { targetOrigin: 'www', allowedMethods: 'GET' } },
      '`defaultCacheBehavior.allowedMethods` must be a list of strings; got: "GET" (a string)',
    ],
    [{ tags: { team: 7 } }, '`tags.team` must be a string; got: 7 (a number)'],
    [{ origins: [{ name: 'www', bucket: {} }] }, '`origins[0].bucket` must be an s3.IBucket; got: an object'],
    [
      { sslCertificate: 'arn:aws:acm:us-east-1:111111111111:certificate/1' },
      '`sslCertificate` must be an SslCertificate (SslCertificate.fromAcmCertificate or fromIamCertificateId); got: "arn:aws:acm:us-east-1:111111111111:certificate/1" (a string)',
    ],
    [
      { geoRestriction: ['US'] },
      '`geoRestriction` must be a cloudfront.GeoRestriction; got: ["US"] (a list)',
    ],
    [{ aliases: null }, '`aliases` must be a list of strings; got: null'],
  ])('%j', (props, msg) => {
    expectError(stack, props as unknown as Partial<DistributionProps>, msg);
  });

  test('props that are not an object', () => {
    expect(() => new Distribution(stack, 'Www', undefined as unknown as DistributionProps)).toThrow(
      new Error(errorOf('Distribution Stack/Www', '`props` must be an object; got: nothing')),
    );
  });

  test('addOrigin(null) and addBehavior with options that are not an object', () => {
    const distribution = make(stack, {});
    expect(() => distribution.addOrigin(null as unknown as Origin)).toThrow(
      new Error(errorOf('Distribution Stack/Www', '`origins[1]` must be an object; got: null')),
    );
    expect(() => distribution.addBehavior('/a/*', 'www', 'fast' as unknown as object)).toThrow(
      new Error(
        errorOf('Distribution Stack/Www', '`addBehavior(options)` must be an object; got: "fast" (a string)'),
      ),
    );
  });
});

import {
  App,
  Duration,
  Stack,
  Tags,
  aws_cloudfront as cloudfront,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, newStack, warning } from './helpers';
import { Distribution, DistributionProps, Origin } from '../lib';

// What a CloudFront user expects today beyond the 2016 specification.
let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

function config(): Template {
  return Template.fromStack(stack);
}

function make(props: Partial<DistributionProps>): Distribution {
  return new Distribution(stack, 'Www', { ...MINIMAL, ...props } as DistributionProps);
}

function expectError(props: Partial<DistributionProps>, msg: string): void {
  expect(() => make(props)).toThrow(new Error(msg));
}

function withOrigin(origin: Partial<Origin>): Partial<DistributionProps> {
  return { origins: [{ name: 'www', domainName: 'backend.example.com', ...origin }] };
}

function edgeVersion(scope: Stack, id = 'Edge'): lambda.IVersion {
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;'),
  });
  return fn.currentVersion;
}

function cfFunction(id = 'Fn'): cloudfront.Function {
  return new cloudfront.Function(stack, id, {
    code: cloudfront.FunctionCode.fromInline('function handler(event) { return event.request; }'),
    runtime: cloudfront.FunctionRuntime.JS_2_0,
  });
}

describe('origin settings', () => {
  test('originPath, customHeaders, connection settings, timeouts and Origin Shield', () => {
    make(
      withOrigin({
        originPath: '/production',
        customHeaders: { 'X-Origin-Verify': 'secret', 'X-Team': 'web' },
        connectionAttempts: 2,
        connectionTimeout: Duration.seconds(5),
        readTimeout: Duration.seconds(60),
        keepaliveTimeout: Duration.seconds(30),
        originShieldRegion: 'eu-west-1',
      }),
    );
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          {
            Id: 'www',
            DomainName: 'backend.example.com',
            OriginPath: '/production',
            OriginCustomHeaders: [
              { HeaderName: 'X-Origin-Verify', HeaderValue: 'secret' },
              { HeaderName: 'X-Team', HeaderValue: 'web' },
            ],
            ConnectionAttempts: 2,
            ConnectionTimeout: 5,
            OriginShield: { Enabled: true, OriginShieldRegion: 'eu-west-1' },
            CustomOriginConfig: Match.objectLike({ OriginReadTimeout: 60, OriginKeepaliveTimeout: 30 }),
          },
        ],
      }),
    });
  });

  test('renders none of them when unset', () => {
    make({});
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          Match.objectLike({
            OriginPath: Match.absent(),
            OriginCustomHeaders: Match.absent(),
            ConnectionAttempts: Match.absent(),
            ConnectionTimeout: Match.absent(),
            OriginShield: Match.absent(),
            CustomOriginConfig: Match.objectLike({
              OriginReadTimeout: Match.absent(),
              OriginKeepaliveTimeout: Match.absent(),
            }),
          }),
        ],
      }),
    });
  });

  test.each([
    [
      { originPath: 'production' },
      "`origins[0].originPath` must start with '/', not end with '/' and be at most 255 characters, such as '/production'; got: \"production\"",
    ],
    [
      { originPath: '/production/' },
      "`origins[0].originPath` must start with '/', not end with '/' and be at most 255 characters, such as '/production'; got: \"/production/\"",
    ],
    [
      { customHeaders: { Host: 'x' } },
      '`origins[0].customHeaders` must not set a header CloudFront reserves (Cache-Control, Connection, Content-Length, Cookie, Host, If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, Max-Forwards, Pragma, Proxy-Authorization, Proxy-Connection, Range, Request-Range, TE, Trailer, Transfer-Encoding, Upgrade, Via, X-Real-Ip, X-Amz-*, X-Edge-*); got: "Host"',
    ],
    [
      { customHeaders: { 'x-amz-date': 'x' } },
      '`origins[0].customHeaders` must not set a header CloudFront reserves (Cache-Control, Connection, Content-Length, Cookie, Host, If-Match, If-Modified-Since, If-None-Match, If-Range, If-Unmodified-Since, Max-Forwards, Pragma, Proxy-Authorization, Proxy-Connection, Range, Request-Range, TE, Trailer, Transfer-Encoding, Upgrade, Via, X-Real-Ip, X-Amz-*, X-Edge-*); got: "x-amz-date"',
    ],
    [
      { customHeaders: { 'X Bad': 'x' } },
      '`origins[0].customHeaders` must have header names of letters, digits and !#$%&\'*+.^_`|~-; got: "X Bad"',
    ],
    [
      { customHeaders: { 'X-A': 'x', 'x-a': 'y' } },
      '`origins[0].customHeaders` must not repeat header names; got: "x-a"',
    ],
    [{ connectionAttempts: 0 }, '`origins[0].connectionAttempts` must be a whole number from 1 to 3; got: 0'],
    [{ connectionAttempts: 4 }, '`origins[0].connectionAttempts` must be a whole number from 1 to 3; got: 4'],
    [
      { connectionTimeout: Duration.seconds(11) },
      '`origins[0].connectionTimeout` must be a whole number of seconds from 1 to 10; got: 11 seconds',
    ],
    [
      { connectionTimeout: Duration.seconds(0) },
      '`origins[0].connectionTimeout` must be a whole number of seconds from 1 to 10; got: 0 seconds',
    ],
    [
      { readTimeout: Duration.seconds(181) },
      '`origins[0].readTimeout` must be a whole number of seconds from 1 to 180; got: 181 seconds',
    ],
    [
      { keepaliveTimeout: Duration.millis(1500) },
      '`origins[0].keepaliveTimeout` must be a whole number of seconds from 1 to 180; got: 1.5 seconds',
    ],
    [
      { originShieldRegion: 'Europe' },
      '`origins[0].originShieldRegion` must be an AWS Region such as us-east-1; got: "Europe"',
    ],
  ])('fails when an origin has %j', (origin, msg) => {
    expectError(withOrigin(origin as Partial<Origin>), msg);
  });

  test('fails when an S3 origin has custom-origin timeouts', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      { origins: [{ name: 'www', bucket, readTimeout: Duration.seconds(10) }] },
      '`origins[0].readTimeout` applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`); got: 10 seconds',
    );
  });
});

describe('origin groups', () => {
  const origins = [
    { name: 'primary', domainName: 'a.example.com' },
    { name: 'secondary', domainName: 'b.example.com' },
  ];

  test('render and can be a target', () => {
    make({
      origins,
      originGroups: [{ name: 'failover', primaryOrigin: 'primary', secondaryOrigin: 'secondary' }],
      defaultCacheBehavior: { targetOrigin: 'failover' },
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        OriginGroups: {
          Quantity: 1,
          Items: [
            {
              Id: 'failover',
              FailoverCriteria: { StatusCodes: { Quantity: 4, Items: [500, 502, 503, 504] } },
              Members: { Quantity: 2, Items: [{ OriginId: 'primary' }, { OriginId: 'secondary' }] },
            },
          ],
        },
        DefaultCacheBehavior: Match.objectLike({ TargetOriginId: 'failover' }),
      }),
    });
  });

  test.each([
    [{ name: 'primary' }, '`originGroups[0].name` must differ from every origin name; got: "primary"'],
    [
      { primaryOrigin: 'nope' },
      '`originGroups[0].primaryOrigin` must name an origin ("primary", "secondary"); got: "nope"',
    ],
    [
      { secondaryOrigin: 'primary' },
      '`originGroups[0].secondaryOrigin` must differ from `primaryOrigin`; got: "primary"',
    ],
    [
      { failoverStatusCodes: [] },
      '`originGroups[0].failoverStatusCodes` must list at least one code; got: []',
    ],
    [
      { failoverStatusCodes: [501] },
      '`originGroups[0].failoverStatusCodes[0]` must be one of 400, 403, 404, 416, 500, 502, 503, 504; got: 501',
    ],
  ])('fails when a group has %j', (change, msg) => {
    expectError(
      {
        origins,
        originGroups: [
          { name: 'failover', primaryOrigin: 'primary', secondaryOrigin: 'secondary', ...change },
        ],
        defaultCacheBehavior: { targetOrigin: 'primary' },
      },
      msg,
    );
  });
});

describe('distribution settings', () => {
  test('httpVersion and enableIpv6 default to http2and3 and true, rendered', () => {
    make({});
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        WebACLId: Match.absent(),
        Restrictions: Match.absent(),
      }),
    });
  });

  test('webAclId, geoRestriction, httpVersion, enableIpv6 and tags', () => {
    const acl =
      'arn:aws:wafv2:us-east-1:111111111111:global/webacl/site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    const distribution = make({
      webAclId: acl,
      geoRestriction: cloudfront.GeoRestriction.allowlist('US', 'CA', 'DE'),
      httpVersion: cloudfront.HttpVersion.HTTP2,
      enableIpv6: false,
      tags: { team: 'web' },
    });
    Tags.of(distribution).add('env', 'prod');
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: acl,
        Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US', 'CA', 'DE'] } },
        HttpVersion: 'http2',
        IPV6Enabled: false,
      }),
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 'web' },
      ],
    });
  });

  test.each([
    ['arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/site/a1b2'],
    ['arn:aws:wafv2:us-east-1:111111111111:regional/webacl/site/a1b2'],
    ['a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
  ])('fails when webAclId is %s', (webAclId) => {
    expectError(
      { webAclId },
      `\`webAclId\` must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1); got: ${JSON.stringify(webAclId)}`,
    );
  });

  test('fails when a country code is unknown', () => {
    expectError(
      { geoRestriction: cloudfront.GeoRestriction.denylist('US', 'XX') },
      '`geoRestriction.locations[1]` must be an ISO 3166-1 alpha-2 country code such as US or DE; got: "XX"',
    );
  });

  test('fails when httpVersion is unknown', () => {
    expectError(
      { httpVersion: 'http4' as cloudfront.HttpVersion },
      '`httpVersion` must be one of http1.1, http2, http2and3, http3; got: "http4"',
    );
  });
});

describe('behaviour functions and headers', () => {
  test('responseHeadersPolicy, functionAssociations and edgeLambdas render', () => {
    const fn = cfFunction();
    const version = edgeVersion(stack);
    make({
      defaultCacheBehavior: {
        targetOrigin: 'www',
        responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
        functionAssociations: [{ function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        edgeLambdas: [
          {
            functionVersion: version,
            eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST,
            includeBody: true,
          },
        ],
      },
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          ResponseHeadersPolicyId: '67f7725c-6f97-4210-82d7-5512b31e9d03',
          FunctionAssociations: [
            {
              EventType: 'viewer-request',
              FunctionARN: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Fn'), 'FunctionARN'] },
            },
          ],
          LambdaFunctionAssociations: [
            {
              EventType: 'origin-request',
              IncludeBody: true,
              LambdaFunctionARN: { Ref: Match.stringLikeRegexp('^EdgeCurrentVersion') },
            },
          ],
        }),
      }),
    });
  });

  test('fails when a CloudFront Function and Lambda@Edge share viewer events', () => {
    expectError(
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          functionAssociations: [
            { function: cfFunction(), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
          ],
          edgeLambdas: [
            {
              functionVersion: edgeVersion(stack),
              eventType: cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE,
            },
          ],
        },
      },
      '`defaultCacheBehavior.edgeLambdas[0].eventType` must not be a viewer event when the behaviour has `functionAssociations` (CloudFront Functions and Lambda@Edge cannot share viewer events); got: "viewer-response"',
    );
  });

  test('fails when two functions share an event type', () => {
    expectError(
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          functionAssociations: [
            { function: cfFunction('A'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
            { function: cfFunction('B'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
      '`defaultCacheBehavior.functionAssociations` must not repeat event types; got: "viewer-request"',
    );
  });

  test('fails when includeBody is on a response event', () => {
    expectError(
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          edgeLambdas: [
            {
              functionVersion: edgeVersion(stack),
              eventType: cloudfront.LambdaEdgeEventType.ORIGIN_RESPONSE,
              includeBody: true,
            },
          ],
        },
      },
      '`defaultCacheBehavior.edgeLambdas[0].includeBody` applies only to viewer-request and origin-request events; got: "origin-response"',
    );
  });

  test('fails when a Lambda@Edge version is not in us-east-1', () => {
    const other = new Stack(App.of(stack)!, 'Other', { env: { account: ENV.account, region: 'eu-west-1' } });
    expectError(
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          edgeLambdas: [
            { functionVersion: edgeVersion(other), eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST },
          ],
        },
      },
      '`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be a Lambda@Edge version in us-east-1; got: "eu-west-1"',
    );
  });

  test('fails when a Lambda@Edge version is $LATEST', () => {
    const fn = lambda.Function.fromFunctionArn(
      stack,
      'Imported',
      'arn:aws:lambda:us-east-1:111111111111:function:edge',
    );
    expectError(
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          edgeLambdas: [
            { functionVersion: fn.latestVersion, eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST },
          ],
        },
      },
      '`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be a published version, not $LATEST; got: "$LATEST"',
    );
  });
});

describe('addBehavior and addOrigin', () => {
  test('render lazily, after the props', () => {
    const distribution = make({ behaviors: [{ pathPattern: '/a/*', targetOrigin: 'www' }] });
    distribution.addOrigin({ name: 'api', domainName: 'api.example.com' });
    distribution.addBehavior('/api/*', 'api', {
      forwardCookies: ['*'],
      allowedMethods: ['GET', 'HEAD', 'OPTIONS'],
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
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
    const distribution = make({});
    distribution.addBehavior('/api/*', 'api');
    distribution.addOrigin({ name: 'api', domainName: 'api.example.com' });
    expect(() => App.of(stack)!.synth()).not.toThrow();
  });

  test('fails at synth when a behaviour names an origin never added', () => {
    const distribution = make({});
    distribution.addBehavior('/api/*', 'api');
    expect(() => App.of(stack)!.synth()).toThrow(
      /`behaviors\[0\]\.targetOrigin` must name an origin or origin group \("www"\); got: "api"/,
    );
  });

  test('fails at once when an added behaviour is invalid', () => {
    const distribution = make({ behaviors: [{ pathPattern: '/api/*', targetOrigin: 'www' }] });
    expect(() => distribution.addBehavior('/api/*', 'www', { cachedMethods: ['POST'] })).toThrow(
      new Error(
        [
          '`behaviors[].pathPattern` must not repeat patterns; got: "/api/*"',
          '`behaviors[1].cachedMethods` must be one of [GET, HEAD], [GET, HEAD, OPTIONS]; got: ["POST"]',
          '`behaviors[1].cachedMethods` must be within `behaviors[1].allowedMethods` (GET, HEAD); got: ["POST"]',
        ].join('\n'),
      ),
    );
  });

  test('fails at once when an added origin is invalid', () => {
    const distribution = make({});
    expect(() => distribution.addOrigin({ name: 'www', domainName: 'backend:8080' })).toThrow(
      new Error(
        [
          '`origins[].name` must not repeat names; got: "www"',
          '`origins[1].domainName` must be a host name such as backend.example.com, without scheme, path or port; got: "backend:8080"',
        ].join('\n'),
      ),
    );
  });

  test('an added S3 origin gets Origin Access Control and its bucket policy', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    const distribution = make({});
    expect(distribution.originAccessControl).toBeUndefined();
    distribution.addOrigin({ name: 'assets', bucket });
    expect(distribution.originAccessControl).toBeDefined();
    config().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    config().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'cloudfront.amazonaws.com' } })],
      },
    });
  });

  test('an added behaviour with allow-all warns', () => {
    const distribution = make({});
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

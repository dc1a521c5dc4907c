import { App, Duration, Lazy, Stack, aws_cloudfront as cloudfront, aws_lambda as lambda } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ENV,
  MINIMAL,
  cfFunction,
  config,
  edgeVersion,
  expectError,
  make,
  newStack,
  warning,
  withBehavior,
  withDefault,
} from './helpers';
import { CacheBehavior, Distribution } from '../lib';

// Cache behaviours: targets, path patterns, forwarding, TTLs, methods, functions (lib/private/behavior.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('every behaviour setting', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      origins: [
        { name: 'www', domainName: 'backend.example.com' },
        { name: 'search', domainName: 'search.example.com' },
      ],
      defaultCacheBehavior: {
        targetOrigin: 'www',
        forwardQueryString: false,
        forwardHeaders: ['*'],
        forwardCookies: ['*'],
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
        minTtl: Duration.seconds(0),
        defaultTtl: Duration.minutes(5),
        maxTtl: Duration.hours(1),
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        cachedMethods: ['GET', 'HEAD', 'OPTIONS'],
        smoothStreaming: true,
        compress: false,
      },
      behaviors: [
        {
          pathPattern: '/search*',
          targetOrigin: 'search',
          forwardHeaders: ['Accept-Language', 'Authorization'],
          forwardCookies: ['session', 'lang'],
        },
        { pathPattern: '/static/*', targetOrigin: 'www', forwardQueryString: false },
      ],
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: {
          TargetOriginId: 'www',
          ViewerProtocolPolicy: 'https-only',
          ForwardedValues: { QueryString: false, Headers: ['*'], Cookies: { Forward: 'all' } },
          MinTTL: 0,
          DefaultTTL: 300,
          MaxTTL: 3600,
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          CachedMethods: ['GET', 'HEAD', 'OPTIONS'],
          SmoothStreaming: true,
          Compress: false,
        },
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/search*',
            TargetOriginId: 'search',
            ForwardedValues: {
              QueryString: true,
              Headers: ['Accept-Language', 'Authorization'],
              Cookies: { Forward: 'whitelist', WhitelistedNames: ['session', 'lang'] },
            },
            ViewerProtocolPolicy: 'redirect-to-https',
            Compress: true,
          }),
          Match.objectLike({
            PathPattern: '/static/*',
            TargetOriginId: 'www',
            ForwardedValues: { QueryString: false, Cookies: { Forward: 'none' } },
          }),
        ],
      }),
    });
  });

  test('responseHeadersPolicy, functionAssociations and edgeLambdas render', () => {
    const fn = cfFunction(stack);
    const version = edgeVersion(stack);
    make(stack, {
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
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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

  test('accepts the methods in any order', () => {
    make(
      stack,
      withDefault({
        allowedMethods: ['POST', 'GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'PATCH'],
        cachedMethods: ['HEAD', 'GET'],
      }),
    );
  });
});

describe('fails when', () => {
  test.each(['minTtl', 'defaultTtl', 'maxTtl'])(
    'fails when %s is known only at deploy time and not in seconds (CloudFormation cannot multiply)',
    (prop) => {
      expectError(
        stack,
        withDefault({ [prop]: Duration.minutes(Lazy.number({ produce: () => 1 })) }),
        `\`defaultCacheBehavior.${prop}\` must be Duration.seconds(...) when its amount is known only at deploy time (CloudFormation cannot convert minutes to seconds); got: Duration.minutes(a deploy-time value)`,
      );
    },
  );

  test('fails when targetOrigin names no origin', () => {
    expectError(
      stack,
      withDefault({ targetOrigin: 'api' }),
      '`defaultCacheBehavior.targetOrigin` must name an origin or origin group ("www"); got: "api"',
    );
  });

  test('fails when a behaviour has no pathPattern', () => {
    expectError(
      stack,
      { behaviors: [{ targetOrigin: 'www' } as CacheBehavior] },
      '`behaviors[0].pathPattern` is required on every behaviour but the default; got: nothing',
    );
  });

  test.each(['*', '/*'])('fails when pathPattern is %j', (pathPattern) => {
    expectError(
      stack,
      withBehavior({ pathPattern }),
      `\`behaviors[0].pathPattern\` must not match every path: that is \`defaultCacheBehavior\`; got: ${JSON.stringify(pathPattern)}`,
    );
  });

  test.each(['/a b/*', '/caf\u00e9/*', `/${'a'.repeat(255)}`])(
    'fails when pathPattern is %j',
    (pathPattern) => {
      expectError(
        stack,
        withBehavior({ pathPattern }),
        `\`behaviors[0].pathPattern\` must be at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + ? & = ! , ;; got: ${JSON.stringify(pathPattern)}`,
      );
    },
  );

  test('fails when two behaviours share a pathPattern', () => {
    expectError(
      stack,
      {
        behaviors: [
          { targetOrigin: 'www', pathPattern: '/api/*' },
          { targetOrigin: 'www', pathPattern: '/api/*' },
        ],
      },
      '`behaviors[].pathPattern` must not repeat patterns; got: "/api/*"',
    );
  });

  test.each([
    [['GET'], 'allowedMethods'],
    [['GET', 'HEAD', 'POST'], 'allowedMethods'],
    [['GET', 'HEAD', 'OPTIONS', 'PUT'], 'allowedMethods'],
    [['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'], 'cachedMethods'],
  ])('fails when the methods are %j as %s', (methods, field) => {
    const sets =
      field === 'allowedMethods'
        ? '[GET, HEAD], [GET, HEAD, OPTIONS], [GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE]'
        : '[GET, HEAD], [GET, HEAD, OPTIONS]';
    expectError(
      stack,
      withDefault({
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        [field]: methods,
      }),
      `\`defaultCacheBehavior.${field}\` must be one of ${sets}; got: ${JSON.stringify(methods).replace(/,/g, ', ')}`,
    );
  });

  test('fails when cachedMethods are not within allowedMethods', () => {
    expectError(
      stack,
      withDefault({ cachedMethods: ['GET', 'HEAD', 'OPTIONS'] }),
      '`defaultCacheBehavior.cachedMethods` must be within `defaultCacheBehavior.allowedMethods` (GET, HEAD); got: ["GET", "HEAD", "OPTIONS"]',
    );
  });

  test.each([
    [
      { minTtl: Duration.millis(500) },
      '`defaultCacheBehavior.minTtl` must be a whole number of seconds; got: 0.5 seconds',
    ],
    [
      { defaultTtl: Duration.millis(1500) },
      '`defaultCacheBehavior.defaultTtl` must be a whole number of seconds; got: 1.5 seconds',
    ],
    [
      { minTtl: Duration.days(2) },
      '`defaultCacheBehavior.minTtl` must not exceed `defaultCacheBehavior.defaultTtl` (86400 seconds); got: 172800 seconds',
    ],
    [
      { defaultTtl: Duration.days(400) },
      '`defaultCacheBehavior.defaultTtl` must not exceed `defaultCacheBehavior.maxTtl` (31536000 seconds); got: 34560000 seconds',
    ],
  ])('fails when the TTLs are %j', (ttls, msg) => {
    expectError(stack, withDefault(ttls), msg);
  });

  test.each([
    [
      'forwardHeaders',
      ['*', 'Host'],
      '`defaultCacheBehavior.forwardHeaders` must be [\'*\'] alone or a list of names without \'*\'; got: ["*", "Host"]',
    ],
    [
      'forwardHeaders',
      ['Host', 'host'],
      '`defaultCacheBehavior.forwardHeaders` must not repeat values; got: "host"',
    ],
    [
      'forwardCookies',
      ['a', '*'],
      '`defaultCacheBehavior.forwardCookies` must be [\'*\'] alone or a list of names without \'*\'; got: ["a", "*"]',
    ],
    ['forwardCookies', ['a', 'a'], '`defaultCacheBehavior.forwardCookies` must not repeat values; got: "a"'],
  ])('fails when %s is %j', (field, values, msg) => {
    expectError(stack, withDefault({ [field]: values }), msg);
  });

  test('fails when viewerProtocolPolicy is unknown', () => {
    expectError(
      stack,
      withBehavior({ viewerProtocolPolicy: 'https' as cloudfront.ViewerProtocolPolicy }),
      '`behaviors[0].viewerProtocolPolicy` must be one of https-only, redirect-to-https, allow-all; got: "https"',
    );
  });

  test('fails when a CloudFront Function and Lambda@Edge share viewer events', () => {
    expectError(
      stack,
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          functionAssociations: [
            { function: cfFunction(stack), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
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
      stack,
      {
        defaultCacheBehavior: {
          targetOrigin: 'www',
          functionAssociations: [
            { function: cfFunction(stack, 'A'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
            { function: cfFunction(stack, 'B'), eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
          ],
        },
      },
      '`defaultCacheBehavior.functionAssociations` must not repeat event types; got: "viewer-request"',
    );
  });

  test('fails when includeBody is on a response event', () => {
    expectError(
      stack,
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
      stack,
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
      stack,
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

describe('warns when', () => {
  test('the specification default allow-all is accepted, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      defaultCacheBehavior: {
        targetOrigin: 'www',
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
      },
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ ViewerProtocolPolicy: 'allow-all' }),
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`defaultCacheBehavior.viewerProtocolPolicy` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.',
        'allowAll',
      ),
    );
  });
});

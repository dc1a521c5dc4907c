import {
  App,
  Duration,
  Lazy,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_kinesis as kinesis,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ENV,
  MINIMAL,
  cfFunction,
  config,
  edgeVersion,
  errorOf,
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
          // CloudFormation's defaults (MinTTL 0, Compress false) are left out.
          MinTTL: Match.absent(),
          DefaultTTL: 300,
          MaxTTL: 3600,
          AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
          CachedMethods: ['GET', 'HEAD', 'OPTIONS'],
          SmoothStreaming: true,
          Compress: Match.absent(),
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

  test('a function association or Lambda@Edge association lacks a member (plain JavaScript)', () => {
    expectError(
      stack,
      withDefault({
        functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST } as any, {} as any],
        edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST } as any],
      }),
      [
        '`defaultCacheBehavior.functionAssociations[0].function` is required; got: nothing',
        '`defaultCacheBehavior.functionAssociations[1].function` is required; got: nothing',
        '`defaultCacheBehavior.functionAssociations[1].eventType` is required; got: nothing',
        '`defaultCacheBehavior.edgeLambdas[0].functionVersion` is required; got: nothing',
      ].join('\n'),
    );
  });

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
        `\`behaviors[0].pathPattern\` must be at most 255 characters, each a letter, a digit or one of _-.*$/~"'@:+?&=!,; (no space); got: ${JSON.stringify(pathPattern)}`,
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

describe('CloudFront refuses at deploy: caught at synth', () => {
  test.each([
    [['get', 'head'], '`defaultCacheBehavior.allowedMethods` must be in upper case; got: ["get", "head"]'],
    [
      ['GET', 'head', 'OPTIONS'],
      '`defaultCacheBehavior.allowedMethods` must be in upper case; got: ["GET", "head", "OPTIONS"]',
    ],
  ])('fails when the methods %j are not upper case', (allowedMethods, msg) => {
    expectError(stack, withDefault({ allowedMethods }), msg);
  });

  test('fails when every header is forwarded with a minTtl above 0', () => {
    expectError(
      stack,
      withDefault({ forwardHeaders: ['*'], minTtl: Duration.seconds(5) }),
      "`defaultCacheBehavior.minTtl` must be 0 when `forwardHeaders` is ['*'] (CloudFront caches nothing then); got: 5 seconds",
    );
  });

  test.each([
    ['forwardHeaders', ''],
    ['forwardHeaders', 'X Id'],
    ['forwardCookies', ' '],
    ['forwardCookies', 'my cookie'],
  ])('fails when %s holds the name %j', (prop, name) => {
    const what = prop === 'forwardHeaders' ? 'header' : 'cookie';
    expectError(
      stack,
      withDefault({ [prop]: [name] }),
      `\`defaultCacheBehavior.${prop}[0]\` must be a ${what} name without spaces; got: ${JSON.stringify(name)}`,
    );
  });

  test('fails when two patterns differ only by a leading /', () => {
    expectError(
      stack,
      {
        behaviors: [
          { pathPattern: 'api/*', targetOrigin: 'www' },
          { pathPattern: '/api/*', targetOrigin: 'www' },
        ],
      },
      '`behaviors[1].pathPattern` must differ from `behaviors[0].pathPattern` ("api/*") by more than a leading \'/\': CloudFront treats them as one pattern; got: "/api/*"',
    );
  });

  test('fails when a behaviour targets an origin group and allows POST', () => {
    expectError(
      stack,
      {
        origins: [
          { name: 'a', domainName: 'a.example.com' },
          { name: 'b', domainName: 'b.example.com' },
        ],
        originGroups: [{ name: 'ab', primaryOrigin: 'a', secondaryOrigin: 'b' }],
        defaultCacheBehavior: {
          targetOrigin: 'ab',
          allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        },
      },
      '`defaultCacheBehavior.allowedMethods` must not include POST, PUT, PATCH or DELETE: the behaviour targets origin group "ab", and CloudFront fails over only requests it may repeat; got: ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"]',
    );
  });

  test('fails when a TTL is beyond what CloudFront stores', () => {
    expectError(
      stack,
      withDefault({ maxTtl: Duration.seconds(2 ** 64) }),
      `\`defaultCacheBehavior.maxTtl\` must be at most ${2 ** 63 - 1} seconds (CloudFront stores TTLs as a 64-bit Long); got: ${2 ** 64} seconds`,
    );
  });

  test.each([
    [
      'outside us-east-1',
      'arn:aws:lambda:eu-west-1:111111111111:function:edge:3',
      '`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be a Lambda@Edge version in us-east-1; got: "eu-west-1"',
    ],
    [
      'qualified by an alias',
      'arn:aws:lambda:us-east-1:111111111111:function:edge:live',
      '`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be a numbered version (not $LATEST, an alias or an unqualified function): Lambda@Edge runs only published versions; got: "live"',
    ],
    [
      'qualified by $LATEST',
      'arn:aws:lambda:us-east-1:111111111111:function:edge:$LATEST',
      '`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be a published version, not $LATEST; got: "$LATEST"',
    ],
  ])('fails when a Lambda@Edge version ARN is %s', (_, arn, msg) => {
    const functionVersion = lambda.Version.fromVersionArn(stack, 'Edge', arn);
    expectError(
      stack,
      withDefault({
        edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion }],
      }),
      msg,
    );
  });

  test('accepts a Lambda@Edge version of us-east-1 by ARN in a stack of another region (the usual set-up)', () => {
    const app = new App();
    const web = new Stack(app, 'Web', { env: { ...ENV, region: 'eu-west-1' } });
    const functionVersion = lambda.Version.fromVersionArn(
      web,
      'Edge',
      'arn:aws:lambda:us-east-1:111111111111:function:edge:3',
    );
    make(
      web,
      withDefault({
        edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion }],
      }),
    );
    config(web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          LambdaFunctionAssociations: [
            {
              EventType: 'origin-request',
              LambdaFunctionARN: 'arn:aws:lambda:us-east-1:111111111111:function:edge:3',
            },
          ],
        }),
      }),
    });
  });

  test('fails when a Lambda@Edge version of this app is in another environment, naming the prop', () => {
    const app = new App();
    const edge = new Stack(app, 'Edge', { env: ENV });
    const web = new Stack(app, 'Web', { env: { ...ENV, region: 'eu-west-1' } });
    const functionVersion = edgeVersion(edge);
    expect(() =>
      make(
        web,
        withDefault({
          edgeLambdas: [{ eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion }],
        }),
      ),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Web/Www',
          "`defaultCacheBehavior.edgeLambdas[0].functionVersion` must be in the environment of the distribution's stack Web (aws://111111111111/eu-west-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Web; got: a resource of stack Edge (aws://111111111111/us-east-1)",
        ),
      ),
    );
  });
});

describe('warns when (adjustable quotas)', () => {
  test.each([
    ['forwardHeaders', 'Headers per cache behavior (legacy cache settings)'],
    ['forwardCookies', 'Cookies per cache behavior (legacy cache settings)'],
  ])('%s lists more than 10 names', (prop, quota) => {
    make(stack, withDefault({ [prop]: Array.from({ length: 11 }, (_, i) => `N${i}`) }));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        `\`defaultCacheBehavior.${prop}\` lists 11 names, more than CloudFront's default quota "${quota}" (10): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).`,
        'forwardedNamesQuota',
      ),
    );
  });

  test('no quota warning at 10 names', () => {
    make(stack, withDefault({ forwardHeaders: Array.from({ length: 10 }, (_, i) => `N${i}`) }));
    Annotations.fromStack(stack).hasNoWarning('/Stack/Www', Match.stringLikeRegexp('forwardedNamesQuota'));
  });
});

/** A key group with one public key. */
function keyGroup(scope: Stack, id = 'Keys'): cloudfront.KeyGroup {
  const publicKey = new cloudfront.PublicKey(scope, `${id}Key`, {
    encodedKey: [
      '-----BEGIN PUBLIC KEY-----',
      'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAudf8/iNkQgdvjEdm6xYS',
      '-----END PUBLIC KEY-----',
    ].join('\n'),
  });
  return new cloudfront.KeyGroup(scope, id, { items: [publicKey] });
}

/** A real-time log configuration to a Kinesis stream. */
function realtimeLogs(scope: Stack): cloudfront.RealtimeLogConfig {
  return new cloudfront.RealtimeLogConfig(scope, 'Realtime', {
    fields: ['timestamp', 'c-ip', 'sc-status'],
    samplingRate: 100,
    endPoints: [cloudfront.Endpoint.fromKinesisStream(new kinesis.Stream(scope, 'Stream'))],
  });
}

const ALL_METHODS = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

describe('real-time log configurations and key groups of other stacks', () => {
  const OTHER_REGION = (at: string) =>
    `\`${at}\` must be in the environment of the distribution's stack Web (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set \`crossRegionReferences: true\` on Web; got: a resource of stack Shared (aws://111111111111/eu-west-1)`;
  const stacks = () => {
    const app = new App();
    return {
      app,
      shared: new Stack(app, 'Shared', { env: { ...ENV, region: 'eu-west-1' } }),
      web: new Stack(app, 'Web', { env: ENV }),
    };
  };

  test('fails when a real-time log configuration is in another Region, naming the prop', () => {
    const { shared, web } = stacks();
    expect(() => make(web, withDefault({ realtimeLogConfig: realtimeLogs(shared) }))).toThrow(
      new Error(errorOf('Distribution Web/Www', OTHER_REGION('defaultCacheBehavior.realtimeLogConfig'))),
    );
  });

  test('one with a name of its own is referenced by its ARN from any Region', () => {
    const { app, shared, web } = stacks();
    const realtimeLogConfig = new cloudfront.RealtimeLogConfig(shared, 'Named', {
      realtimeLogConfigName: 'site-realtime',
      fields: ['timestamp'],
      samplingRate: 100,
      endPoints: [cloudfront.Endpoint.fromKinesisStream(new kinesis.Stream(shared, 'Stream'))],
    });
    make(web, withDefault({ realtimeLogConfig }));
    app.synth();
    config(web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          RealtimeLogConfigArn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':cloudfront::111111111111:realtime-log-config/site-realtime',
              ],
            ],
          },
        }),
      }),
    });
  });

  test('fails when a key group is in another Region, naming the prop', () => {
    const { shared, web } = stacks();
    expect(() => make(web, withDefault({ trustedKeyGroups: [keyGroup(shared)] }))).toThrow(
      new Error(errorOf('Distribution Web/Www', OTHER_REGION('defaultCacheBehavior.trustedKeyGroups[0]'))),
    );
  });
});

describe('renders signed URLs, real-time logs and gRPC', () => {
  test('trusted key groups, a real-time log configuration and gRPC on behaviours', () => {
    make(stack, {
      ...withDefault({ trustedKeyGroups: [keyGroup(stack)], realtimeLogConfig: realtimeLogs(stack) }),
      ...withBehavior({ enableGrpc: true, allowedMethods: ALL_METHODS }),
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({
          TrustedKeyGroups: [{ Ref: Match.stringLikeRegexp('^Keys') }],
          TrustedSigners: Match.absent(),
          RealtimeLogConfigArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Realtime'), 'Arn'] },
          GrpcConfig: Match.absent(),
        }),
        CacheBehaviors: [
          Match.objectLike({
            PathPattern: '/api/*',
            GrpcConfig: { Enabled: true },
            TrustedKeyGroups: Match.absent(),
            RealtimeLogConfigArn: Match.absent(),
          }),
        ],
      }),
    });
  });

  test('trusted signers, with a warning that recommends key groups', () => {
    make(stack, withDefault({ trustedSigners: ['self', '111111111111'] }));
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ TrustedSigners: ['self', '111111111111'] }),
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        "`defaultCacheBehavior.trustedSigners` uses CloudFront key pairs of AWS accounts, which only the account's root user can manage. Use `trustedKeyGroups` (key groups, managed with IAM and CloudFormation) instead.",
        'trustedSigners',
      ),
    );
  });

  test('enableGrpc false renders GrpcConfig disabled', () => {
    make(stack, withDefault({ enableGrpc: false }));
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ GrpcConfig: { Enabled: false } }),
      }),
    });
  });
});

describe('fails when (signed URLs and gRPC)', () => {
  test('a behaviour has both trusted key groups and trusted signers', () => {
    expectError(
      stack,
      withDefault({ trustedKeyGroups: [keyGroup(stack)], trustedSigners: ['self'] }),
      '`defaultCacheBehavior.trustedSigners` must be left out when `defaultCacheBehavior.trustedKeyGroups` is given: a behaviour\'s signers are key groups or AWS accounts, not both (key groups are recommended); got: ["self"]',
    );
  });

  test.each([['1111'], ['arn:aws:iam::111111111111:root'], ['Self']])('a trusted signer is %s', (signer) => {
    expectError(
      stack,
      withDefault({ trustedSigners: [signer] }),
      `\`defaultCacheBehavior.trustedSigners[0]\` must be a 12-digit AWS account ID or 'self'; got: ${JSON.stringify(signer)}`,
    );
  });

  test('gRPC on a behaviour that does not allow POST', () => {
    expectError(
      stack,
      withBehavior({ enableGrpc: true }),
      '`behaviors[0].allowedMethods` must allow every method (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE) when `behaviors[0].enableGrpc` is true: gRPC requests are POSTs; got: ["GET", "HEAD"]',
    );
  });

  test.each([cloudfront.HttpVersion.HTTP1_1, cloudfront.HttpVersion.HTTP3])(
    'gRPC with httpVersion %s',
    (httpVersion) => {
      expectError(
        stack,
        { httpVersion, ...withBehavior({ enableGrpc: true, allowedMethods: ALL_METHODS }) },
        `\`httpVersion\` must be http2 or http2and3 when \`behaviors[0].enableGrpc\` is true: gRPC runs over HTTP/2; got: "${httpVersion}"`,
      );
    },
  );

  test('gRPC to an origin reached over HTTP, or with a client certificate', () => {
    expectError(
      stack,
      {
        origins: [
          {
            name: 'www',
            domainName: 'backend.example.com',
            protocol: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          },
          {
            name: 'mtls',
            domainName: 'mtls.example.com',
            clientCertificate: acm.Certificate.fromCertificateArn(
              stack,
              'Client',
              'arn:aws:acm:us-east-1:111111111111:certificate/c',
            ),
          },
        ],
        behaviors: [
          { pathPattern: '/a/*', targetOrigin: 'www', enableGrpc: true, allowedMethods: ALL_METHODS },
          { pathPattern: '/b/*', targetOrigin: 'mtls', enableGrpc: true, allowedMethods: ALL_METHODS },
        ],
      },
      [
        '`behaviors[0].enableGrpc` must not be true for origin "www", reached over http-only: CloudFront proxies gRPC only over HTTPS to the origin; got: true',
        '`behaviors[1].enableGrpc` must not be true for origin "mtls", which has a `clientCertificate`: CloudFront proxies no gRPC to an origin with mutual TLS; got: true',
      ].join('\n'),
    );
  });

  test.each([
    [
      'an HttpOrigin over http-only',
      () =>
        new origins.HttpOrigin('backend.example.com', {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        }),
    ],
    [
      'an S3 website endpoint (http-only)',
      () =>
        new origins.S3StaticWebsiteOrigin(
          new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' }),
        ),
    ],
  ])(
    'gRPC or field-level encryption to an aws-cdk-lib origin reached over http-only (%s)',
    (_, cdkOrigin) => {
      expectError(
        stack,
        {
          origins: [{ name: 'www', cdkOrigin: cdkOrigin() }],
          behaviors: [
            { pathPattern: '/api/*', targetOrigin: 'www', enableGrpc: true, allowedMethods: ALL_METHODS },
            {
              pathPattern: '/form/*',
              targetOrigin: 'www',
              fieldLevelEncryptionId: 'E1FLE0EXAMPLE',
              viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
              allowedMethods: ALL_METHODS,
            },
          ],
        },
        [
          '`behaviors[0].enableGrpc` must not be true for origin "www", reached over http-only: CloudFront proxies gRPC only over HTTPS to the origin; got: true',
          '`behaviors[1].fieldLevelEncryptionId` needs HTTPS to origin "www", reached over http-only: field-level encryption needs HTTPS to the origin; got: "E1FLE0EXAMPLE"',
        ].join('\n'),
      );
    },
  );

  test('gRPC to an aws-cdk-lib HttpOrigin over HTTPS (its default) is accepted', () => {
    make(stack, {
      origins: [{ name: 'www', cdkOrigin: new origins.HttpOrigin('backend.example.com') }],
      behaviors: [
        { pathPattern: '/api/*', targetOrigin: 'www', enableGrpc: true, allowedMethods: ALL_METHODS },
      ],
    });
  });

  test('gRPC on a behaviour with Lambda@Edge', () => {
    expectError(
      stack,
      withBehavior({
        enableGrpc: true,
        allowedMethods: ALL_METHODS,
        edgeLambdas: [
          { eventType: cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST, functionVersion: edgeVersion(stack) },
        ],
      }),
      '`behaviors[0].edgeLambdas` must be left out when `behaviors[0].enableGrpc` is true: CloudFront supports no Lambda@Edge with gRPC (CloudFront Functions work); got: ["origin-request"]',
    );
  });

  test('(not) deploy-time methods or HTTP version with gRPC', () => {
    make(stack, {
      httpVersion: Lazy.string({ produce: () => 'http1.1' }) as cloudfront.HttpVersion,
      ...withBehavior({ enableGrpc: true, allowedMethods: Lazy.list({ produce: () => ['GET', 'HEAD'] }) }),
    });
    config(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

describe('field-level encryption', () => {
  test('renders the configuration ID', () => {
    make(stack, withBehavior({ fieldLevelEncryptionId: 'E1FLE0EXAMPLE', allowedMethods: ALL_METHODS }));
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: Match.objectLike({ FieldLevelEncryptionId: Match.absent() }),
        CacheBehaviors: [Match.objectLike({ FieldLevelEncryptionId: 'E1FLE0EXAMPLE' })],
      }),
    });
  });

  test('fails without HTTPS from viewers and to the origin, or without methods that carry a body', () => {
    expectError(
      stack,
      {
        origins: [
          {
            name: 'www',
            domainName: 'backend.example.com',
            protocol: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          },
        ],
        ...withBehavior({
          fieldLevelEncryptionId: 'E1FLE0EXAMPLE',
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
        }),
      },
      [
        '`behaviors[0].viewerProtocolPolicy` must be redirect-to-https or https-only with `behaviors[0].fieldLevelEncryptionId`: field-level encryption needs HTTPS from viewers; got: "allow-all"',
        '`behaviors[0].allowedMethods` must allow every method (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE) with `behaviors[0].fieldLevelEncryptionId`: field-level encryption works on request bodies; got: ["GET", "HEAD"]',
        '`behaviors[0].fieldLevelEncryptionId` needs HTTPS to origin "www", reached over http-only: field-level encryption needs HTTPS to the origin; got: "E1FLE0EXAMPLE"',
      ].join('\n'),
    );
  });

  test('(not) a deploy-time configuration ID', () => {
    make(stack, withBehavior({ fieldLevelEncryptionId: Lazy.string({ produce: () => 'E1' }) }));
    config(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

import {
  CfnParameter,
  Duration,
  SecretValue,
  Lazy,
  Stack,
  aws_apigateway as apigateway,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  MINIMAL,
  config,
  edgeVersion,
  expectError,
  make,
  newStack,
  warning,
  withDefault,
  withOrigin,
} from './helpers';
import { Distribution, Origin } from '../lib';

// Origins: S3, custom or aws-cdk-lib's, connection settings, custom headers, Origin Shield, what a
// behaviour may send to them (lib/private/origin.ts, lib/origin-binding.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('custom origin settings', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      origins: [
        {
          name: 'www',
          domainName: 'backend.example.com',
          httpPort: 8080,
          httpsPort: 8443,
          protocol: cloudfront.OriginProtocolPolicy.MATCH_VIEWER,
          sslPolicy: ['TLSv1.1', 'TLSv1.2'],
        },
      ],
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Origins: [
          {
            Id: 'www',
            DomainName: 'backend.example.com',
            CustomOriginConfig: {
              HTTPPort: 8080,
              HTTPSPort: 8443,
              OriginProtocolPolicy: 'match-viewer',
              OriginSSLProtocols: ['TLSv1.1', 'TLSv1.2'],
            },
          },
        ],
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        "`origins[0].sslPolicy` allows TLSv1.1: broken protocols. Use ['TLSv1.2'] (the default).",
        'insecureOriginSslPolicy',
      ),
    );
  });

  test('originPath, customHeaders, connection settings, timeouts and Origin Shield', () => {
    make(
      stack,
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
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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
    make(stack, {});
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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

  test.each([80, 443, 1024, 65535])('accepts port %d', (port) => {
    make(stack, withOrigin({ domainName: 'backend.example.com', httpPort: port, httpsPort: port }));
  });
});

describe('fails when', () => {
  test('fails when there is no origin', () => {
    expectError(stack, { origins: [] }, '`origins` must list at least one origin; got: []');
  });

  test('origins are left out (plain JavaScript)', () => {
    expectError(stack, { origins: undefined }, '`origins` must list at least one origin; got: nothing');
  });

  test('fails when two origins share a name', () => {
    expectError(
      stack,
      {
        origins: [
          { name: 'www', domainName: 'a.example.com' },
          { name: 'www', domainName: 'b.example.com' },
        ],
      },
      '`origins[].name` must not repeat names; got: "www"',
    );
  });

  test('fails when an origin name is empty', () => {
    expectError(
      stack,
      { origins: [{ name: ' ', domainName: 'a.example.com' }], defaultCacheBehavior: { targetOrigin: ' ' } },
      '`origins[0].name` must not be empty; got: " "',
    );
  });

  test('fails when an origin has both a bucket and a domain name', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      withOrigin({ bucket, domainName: 'backend.example.com' }),
      '`origins[0]` must have exactly one of `bucket` (an S3 origin), `domainName` (a custom origin) or `cdkOrigin` (an aws-cdk-lib origin); got: `bucket` and `domainName`',
    );
  });

  test('fails when an origin has neither', () => {
    expectError(
      stack,
      { origins: [{ name: 'www' } as Origin] },
      '`origins[0]` must have exactly one of `bucket` (an S3 origin), `domainName` (a custom origin) or `cdkOrigin` (an aws-cdk-lib origin); got: none',
    );
  });

  test.each([
    ['httpPort', 8080, '8080'],
    ['httpsPort', 8443, '8443'],
    ['protocol', cloudfront.OriginProtocolPolicy.HTTP_ONLY, '"http-only"'],
    ['sslPolicy', ['TLSv1.2'], '["TLSv1.2"]'],
  ])('fails when an S3 origin sets the custom-origin field %s', (field, value, shown) => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      withOrigin({ bucket, [field]: value }),
      `\`origins[0].${field}\` applies only to a custom origin (\`domainName\`), not to an S3 origin (\`bucket\`); got: ${shown}`,
    );
  });

  test('fails when a custom origin has an origin access identity', () => {
    const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
    expectError(
      stack,
      withOrigin({ domainName: 'backend.example.com', originAccessIdentity: identity }),
      '`origins[0].originAccessIdentity` applies only to an S3 origin (`bucket`); got: an identity on custom origin "backend.example.com"',
    );
  });

  test.each([
    'https://backend.example.com',
    'backend.example.com/path',
    'backend.example.com:8080',
    'backend',
    '-a.example.com',
    '',
  ])('fails when domainName is %j', (domainName) => {
    expectError(
      stack,
      withOrigin({ domainName }),
      `\`origins[0].domainName\` must be a host name such as backend.example.com, without scheme, path or port; got: ${JSON.stringify(domainName)}`,
    );
  });

  test.each([
    ['httpPort', 0],
    ['httpPort', 81],
    ['httpsPort', 1023],
    ['httpsPort', 65536],
    ['httpPort', 8080.5],
  ])('fails when %s is %d', (field, port) => {
    expectError(
      stack,
      withOrigin({ domainName: 'backend.example.com', [field]: port }),
      `\`origins[0].${field}\` must be 80, 443 or a whole number from 1024 to 65535; got: ${port}`,
    );
  });

  test('fails when protocol is unknown', () => {
    expectError(
      stack,
      withOrigin({ domainName: 'backend.example.com', protocol: 'https' as cloudfront.OriginProtocolPolicy }),
      '`origins[0].protocol` must be one of http-only, match-viewer, https-only; got: "https"',
    );
  });

  test.each([
    [[], '`origins[0].sslPolicy` must list at least one of SSLv3, TLSv1, TLSv1.1, TLSv1.2; got: []'],
    [
      ['TLSv1.1_2016'],
      '`origins[0].sslPolicy[0]` must be one of SSLv3, TLSv1, TLSv1.1, TLSv1.2; got: "TLSv1.1_2016"',
    ],
    [['TLSv1.2', 'TLSv1.2'], '`origins[0].sslPolicy` must not repeat values; got: "TLSv1.2"'],
  ])('fails when sslPolicy is %j', (sslPolicy, msg) => {
    expectError(stack, withOrigin({ domainName: 'backend.example.com', sslPolicy }), msg);
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
      { readTimeout: Duration.seconds(0) },
      '`origins[0].readTimeout` must be a whole number of seconds, at least 1; got: 0 seconds',
    ],
    [
      { keepaliveTimeout: Duration.millis(1500) },
      '`origins[0].keepaliveTimeout` must be a whole number of seconds, at least 1; got: 1.5 seconds',
    ],
    [
      { originShieldRegion: 'Europe' },
      '`origins[0].originShieldRegion` must be an AWS Region such as us-east-1; got: "Europe"',
    ],
  ])('fails when an origin has %j', (origin, msg) => {
    expectError(stack, withOrigin(origin as Partial<Origin>), msg);
  });

  test('fails when an S3 origin has a custom-origin keep-alive timeout', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      { origins: [{ name: 'www', bucket, keepaliveTimeout: Duration.seconds(10) }] },
      '`origins[0].keepaliveTimeout` applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`); got: 10 seconds',
    );
  });
});

describe('warns when', () => {
  test('the specification defaults for a custom origin are accepted, with warnings', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      origins: [
        {
          name: 'www',
          domainName: 'backend.example.com',
          protocol: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
          sslPolicy: ['SSLv3', 'TLSv1'],
        },
      ],
    });
    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/Stack/Www', Match.stringLikeRegexp('`origins\\[0\\].protocol` is http-only'));
    annotations.hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('`origins\\[0\\].sslPolicy` allows SSLv3, TLSv1'),
    );
  });
});

describe('CloudFront refuses at deploy: caught at synth', () => {
  test('custom headers beyond the limits that cannot be raised: name, value, and all together', () => {
    const longName = `X-${'n'.repeat(255)}`;
    expectError(
      stack,
      withOrigin({ customHeaders: { [longName]: 'v' } }),
      `\`origins[0].customHeaders\` must have header names of at most 256 characters (CloudFront's limit), not 257; got: "${longName.slice(0, 40)}..."`,
    );
    const longValue = 'v'.repeat(1784);
    expectError(
      newStack(),
      withOrigin({ customHeaders: { 'X-Long': longValue } }),
      `\`origins[0].customHeaders.X-Long\` must be at most 1783 characters (CloudFront's limit on a custom header value), not 1784; got: "${'v'.repeat(40)}..."`,
    );
    // Seven headers of 1,500 characters each: every value is allowed, not all together.
    const many = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`X-H${i}`, 'v'.repeat(1500)]));
    expectError(
      newStack(),
      withOrigin({ customHeaders: many }),
      '`origins[0].customHeaders` must have names and values of at most 10240 characters in all (CloudFront\'s limit), not 10528; got: "7 headers"',
    );
  });

  test('(not) custom headers at the limits, or known only at deploy time', () => {
    const atLimit = { [`X-${'n'.repeat(254)}`]: 'v'.repeat(1783) };
    make(stack, withOrigin({ customHeaders: atLimit }));
    const secret = SecretValue.secretsManager('origin-verify').unsafeUnwrap();
    // Six values of 1,783 characters and one known at deploy time: the total is not judged.
    const six = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`X-H${i}`, 'v'.repeat(1783)]));
    make(newStack('Other'), withOrigin({ customHeaders: { ...six, 'X-Secret': secret } }));
  });

  test.each(['a\nb', 'a\r\nb'])('fails when a custom header value has a line break: %j', (value) => {
    expectError(
      stack,
      withOrigin({ customHeaders: { 'X-Origin-Verify': value } }),
      `\`origins[0].customHeaders.X-Origin-Verify\` must be a header value on one line, without a line break; got: ${JSON.stringify(value)}`,
    );
  });

  test('fails when a custom header name is empty', () => {
    expectError(
      stack,
      withOrigin({ customHeaders: { '': 'x' } }),
      '`origins[0].customHeaders` must have header names of letters, digits and !#$%&\'*+.^_`|~-; got: ""',
    );
  });

  test('fails when an S3 origin is encrypted with the AWS managed key aws/s3', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS_MANAGED });
    expectError(
      stack,
      withOrigin({ bucket }),
      '`origins[0].bucket` must not be encrypted with the AWS managed key aws/s3 (BucketEncryption.KMS_MANAGED): CloudFront cannot be allowed to decrypt with it. Use BucketEncryption.S3_MANAGED, or BucketEncryption.KMS with a key of yours; got: "aws/s3"',
    );
  });
});

describe('warns when (adjustable quotas and what will not work)', () => {
  test('accepts more than 10 custom headers, with a warning that names the quota', () => {
    const customHeaders = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`X-H${i}`, 'v']));
    make(stack, withOrigin({ customHeaders }));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        "`origins[0].customHeaders` sets 11 headers, more than CloudFront's default quota of 10 custom headers per origin: the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).",
        'customHeadersQuota',
      ),
    );
  });

  test.each(['readTimeout', 'keepaliveTimeout'] as const)(
    'accepts %s above 120 seconds, with a warning that names the quota',
    (field) => {
      make(stack, withOrigin({ [field]: Duration.seconds(181) }));
      config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: [
            Match.objectLike({
              CustomOriginConfig: Match.objectLike({
                [field === 'readTimeout' ? 'OriginReadTimeout' : 'OriginKeepaliveTimeout']: 181,
              }),
            }),
          ],
        }),
      });
      const quota = field === 'readTimeout' ? 'Response timeout per origin' : 'Keep-alive timeout per origin';
      Annotations.fromStack(stack).hasWarning(
        '/Stack/Www',
        warning(
          `\`origins[0].${field}\` is 181 seconds, above CloudFront's default quota of 120 seconds ("${quota}"): the deploy fails unless the quota was raised for your account (Service Quotas).`,
          'originTimeoutQuota',
        ),
      );
    },
  );

  test.each(['readTimeout', 'keepaliveTimeout'] as const)(
    '(not) for %s of 120 seconds, the default quota',
    (field) => {
      make(stack, withOrigin({ [field]: Duration.seconds(120) }));
      Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('originTimeoutQuota'));
    },
  );

  test('an origin access identity reads an SSE-KMS bucket', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS });
    const originAccessIdentity = new cloudfront.OriginAccessIdentity(stack, 'Oai');
    make(stack, withOrigin({ bucket, originAccessIdentity }));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`origins[0].originAccessIdentity`: the bucket is encrypted with SSE-KMS, which an origin access identity cannot read without a Lambda@Edge workaround. Leave `originAccessIdentity` out to use Origin Access Control (the default), which can.',
        'identityOnKmsBucket',
      ),
    );
  });
});

describe('warns for aws-cdk-lib origins as for ours', () => {
  test('an S3 origin with an origin access identity reads an SSE-KMS bucket', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS });
    make(stack, withOrigin({ cdkOrigin: origins.S3BucketOrigin.withOriginAccessIdentity(bucket) }));
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`origins[0].cdkOrigin`: the bucket is encrypted with SSE-KMS, which an origin access identity cannot read without a Lambda@Edge workaround. Use origins.S3BucketOrigin.withOriginAccessControl(bucket), which can.',
        'identityOnKmsBucket',
      ),
    );
  });

  test('an HttpOrigin reached over http-only', () => {
    make(
      stack,
      withOrigin({
        cdkOrigin: new origins.HttpOrigin('backend.example.com', {
          protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        }),
      }),
    );
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`origins[0].cdkOrigin` is reached over http-only: traffic to the origin, even from HTTPS viewers, travels unencrypted. Leave `protocolPolicy` out of its props (https-only).',
        'httpOnlyOrigin',
      ),
    );
  });

  test('(not) for an S3 website endpoint, which has no HTTPS, nor for Origin Access Control on SSE-KMS', () => {
    const site = new s3.Bucket(stack, 'Site', { websiteIndexDocument: 'index.html' });
    const encrypted = new s3.Bucket(stack, 'Encrypted', { encryption: s3.BucketEncryption.KMS });
    make(stack, {
      origins: [
        { name: 'www', cdkOrigin: new origins.S3StaticWebsiteOrigin(site) },
        { name: 'assets', cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(encrypted) },
      ],
      behaviors: [{ pathPattern: '/assets/*', targetOrigin: 'assets' }],
    });
    Annotations.fromStack(stack).hasNoWarning(
      '*',
      Match.stringLikeRegexp('httpOnlyOrigin|identityOnKmsBucket'),
    );
  });
});

/** A Lambda function with a function URL (IAM auth, as Origin Access Control needs). */
function functionUrl(scope: Stack, authType = lambda.FunctionUrlAuthType.AWS_IAM): lambda.FunctionUrl {
  const fn = new lambda.Function(scope, 'App', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200 });'),
  });
  return fn.addFunctionUrl({ authType });
}

/** A REST API with one method. */
function restApi(scope: Stack): apigateway.RestApi {
  const api = new apigateway.RestApi(scope, 'Api');
  api.root.addMethod('GET', new apigateway.MockIntegration());
  return api;
}

/** The distribution's origins as the template has them. */
function renderedOrigins(s: Stack): Record<string, unknown>[] {
  const [resource] = Object.values(config(s).findResources('AWS::CloudFront::Distribution')) as {
    Properties: { DistributionConfig: { Origins: Record<string, unknown>[] } };
  }[];
  return resource.Properties.DistributionConfig.Origins;
}

/** `arn:<partition>:cloudfront::<account>:distribution/<Www>`, as aws-cdk-lib's origins write it. */
const WWW_SOURCE_ARN = {
  'Fn::Join': [
    '',
    [
      'arn:',
      { Ref: 'AWS::Partition' },
      ':cloudfront::',
      { Ref: 'AWS::AccountId' },
      ':distribution/',
      { Ref: 'Www4AF92A2E' },
    ],
  ],
};

const SECURE_CUSTOM = { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] };

describe('renders aws-cdk-lib origins (`cdkOrigin`)', () => {
  test('S3BucketOrigin.withOriginAccessControl on a KMS bucket: its OAC, bucket and key policy statements', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS });
    make(stack, withOrigin({ cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(bucket) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: { 'Fn::GetAtt': ['Bucket83908E77', 'RegionalDomainName'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
        OriginAccessControlId: { 'Fn::GetAtt': ['WwwOriginswwwS3OriginAccessControl4C5EFCB6', 'Id'] },
      },
    ]);
    config(stack).hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { StringEquals: { 'AWS:SourceArn': WWW_SOURCE_ARN } },
          }),
        ],
      }),
    });
    config(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'kms:Decrypt', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      }),
    });
  });

  test('S3BucketOrigin.withOriginAccessIdentity: its identity and bucket policy statement', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    make(stack, withOrigin({ cdkOrigin: origins.S3BucketOrigin.withOriginAccessIdentity(bucket) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: { 'Fn::GetAtt': ['Bucket83908E77', 'RegionalDomainName'] },
        S3OriginConfig: {
          OriginAccessIdentity: {
            'Fn::Join': [
              '',
              ['origin-access-identity/cloudfront/', { Ref: 'WwwOriginswwwS3Origin4FBC934C' }],
            ],
          },
        },
      },
    ]);
    config(stack).resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: [
          Match.objectLike({
            Action: 's3:GetObject',
            Principal: {
              CanonicalUser: { 'Fn::GetAtt': ['WwwOriginswwwS3Origin4FBC934C', 'S3CanonicalUserId'] },
            },
          }),
        ],
      }),
    });
  });

  test('S3BucketOrigin.withBucketDefaults: a public bucket, with no access control and no policy', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    make(stack, withOrigin({ cdkOrigin: origins.S3BucketOrigin.withBucketDefaults(bucket) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: { 'Fn::GetAtt': ['Bucket83908E77', 'RegionalDomainName'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      },
    ]);
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    config(stack).resourceCountIs('AWS::S3::BucketPolicy', 0);
  });

  test('S3StaticWebsiteOrigin: the website endpoint over HTTP', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { websiteIndexDocument: 'index.html' });
    make(stack, withOrigin({ cdkOrigin: new origins.S3StaticWebsiteOrigin(bucket) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: {
          'Fn::Select': [2, { 'Fn::Split': ['/', { 'Fn::GetAtt': ['Bucket83908E77', 'WebsiteURL'] }] }],
        },
        CustomOriginConfig: { OriginProtocolPolicy: 'http-only', OriginSSLProtocols: ['TLSv1.2'] },
      },
    ]);
  });

  test('HttpOrigin: its own settings', () => {
    make(
      stack,
      withOrigin({
        cdkOrigin: new origins.HttpOrigin('backend.example.com', {
          httpsPort: 8443,
          originPath: '/v1',
          readTimeout: Duration.seconds(45),
        }),
      }),
    );
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: 'backend.example.com',
        OriginPath: '/v1',
        CustomOriginConfig: { ...SECURE_CUSTOM, HTTPSPort: 8443, OriginReadTimeout: 45 },
      },
    ]);
  });

  test('LoadBalancerV2Origin: the load balancer DNS name', () => {
    const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', {
      vpc: new ec2.Vpc(stack, 'Vpc'),
      internetFacing: true,
    });
    make(stack, withOrigin({ cdkOrigin: new origins.LoadBalancerV2Origin(alb) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: { 'Fn::GetAtt': ['Alb16C2F182', 'DNSName'] },
        CustomOriginConfig: SECURE_CUSTOM,
      },
    ]);
  });

  test('RestApiOrigin: the API domain and its stage as the origin path', () => {
    make(stack, withOrigin({ cdkOrigin: new origins.RestApiOrigin(restApi(stack)) }));
    const [origin] = renderedOrigins(stack);
    expect(origin).toEqual({
      Id: 'www',
      DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', expect.anything()] }] },
      OriginPath: {
        'Fn::Join': ['', ['/', { 'Fn::Select': [3, { 'Fn::Split': ['/', expect.anything()] }] }]],
      },
      CustomOriginConfig: SECURE_CUSTOM,
    });
    expect(JSON.stringify(origin)).toContain('"Ref":"ApiDeploymentStageprod3EB9684E"');
  });

  test('FunctionUrlOrigin: the function URL, public', () => {
    make(
      stack,
      withOrigin({
        cdkOrigin: new origins.FunctionUrlOrigin(functionUrl(stack, lambda.FunctionUrlAuthType.NONE)),
      }),
    );
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: {
          'Fn::Select': [
            2,
            { 'Fn::Split': ['/', { 'Fn::GetAtt': ['AppFunctionUrl903A073C', 'FunctionUrl'] }] },
          ],
        },
        CustomOriginConfig: SECURE_CUSTOM,
      },
    ]);
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    // The public URL's own permissions (for everyone) are Lambda's; none is CloudFront's.
    expect(
      config(stack).findResources('AWS::Lambda::Permission', {
        Properties: { Principal: 'cloudfront.amazonaws.com' },
      }),
    ).toEqual({});
  });

  test('FunctionUrlOrigin.withOriginAccessControl: its OAC and the permission for this distribution', () => {
    make(
      stack,
      withOrigin({ cdkOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(functionUrl(stack)) }),
    );
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: {
          'Fn::Select': [
            2,
            { 'Fn::Split': ['/', { 'Fn::GetAtt': ['AppFunctionUrl903A073C', 'FunctionUrl'] }] },
          ],
        },
        CustomOriginConfig: SECURE_CUSTOM,
        OriginAccessControlId: {
          'Fn::GetAtt': ['WwwOriginswwwFunctionUrlOriginAccessControl760869AF', 'Id'],
        },
      },
    ]);
    config(stack).hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 'lambda',
        SigningBehavior: 'always',
      }),
    });
    config(stack).hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunctionUrl',
      Principal: 'cloudfront.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': ['AppFunctionUrl903A073C', 'FunctionArn'] },
      SourceArn: WWW_SOURCE_ARN,
    });
  });

  test.each([
    [
      'an Application Load Balancer',
      (s: Stack) =>
        origins.VpcOrigin.withApplicationLoadBalancer(
          new elbv2.ApplicationLoadBalancer(s, 'Endpoint', { vpc: new ec2.Vpc(s, 'Vpc') }),
        ),
      { Ref: 'EndpointEEF1FD8F' },
      { 'Fn::GetAtt': ['EndpointEEF1FD8F', 'DNSName'] },
    ],
    [
      'a Network Load Balancer',
      (s: Stack) =>
        origins.VpcOrigin.withNetworkLoadBalancer(
          new elbv2.NetworkLoadBalancer(s, 'Endpoint', { vpc: new ec2.Vpc(s, 'Vpc') }),
        ),
      { Ref: 'EndpointEEF1FD8F' },
      { 'Fn::GetAtt': ['EndpointEEF1FD8F', 'DNSName'] },
    ],
    [
      'an EC2 instance',
      (s: Stack) =>
        origins.VpcOrigin.withEc2Instance(
          new ec2.Instance(s, 'Endpoint', {
            vpc: new ec2.Vpc(s, 'Vpc'),
            instanceType: new ec2.InstanceType('t3.micro'),
            machineImage: ec2.MachineImage.latestAmazonLinux2023(),
          }),
        ),
      {
        'Fn::Join': [
          '',
          [
            'arn:',
            { Ref: 'AWS::Partition' },
            ':ec2:us-east-1:111111111111:instance/',
            { Ref: 'EndpointEEF1FD8F' },
          ],
        ],
      },
      { 'Fn::GetAtt': ['EndpointEEF1FD8F', 'PrivateDnsName'] },
    ],
  ])('VpcOrigin with %s: its VPC origin', (_, origin, arn, domainName) => {
    make(stack, withOrigin({ cdkOrigin: origin(stack) }));
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: domainName,
        VpcOriginConfig: { VpcOriginId: { 'Fn::GetAtt': ['WwwOriginswwwVpcOrigin7FED3DED', 'Id'] } },
      },
    ]);
    config(stack).hasResourceProperties('AWS::CloudFront::VpcOrigin', {
      VpcOriginEndpointConfig: Match.objectLike({ Arn: arn }),
    });
  });

  test('behaviours and origin groups name them like any origin; addOrigin binds them too', () => {
    const d = new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [
        { name: 'primary', cdkOrigin: new origins.HttpOrigin('a.example.com') },
        { name: 'secondary', domainName: 'b.example.com' },
      ],
      originGroups: [{ name: 'both', primaryOrigin: 'primary', secondaryOrigin: 'secondary' }],
      defaultCacheBehavior: { targetOrigin: 'both' },
    });
    d.addOrigin({ name: 'api', cdkOrigin: new origins.RestApiOrigin(restApi(stack)) });
    d.addBehavior('/api/*', 'api');
    expect(renderedOrigins(stack).map((o) => o.Id)).toEqual(['primary', 'secondary', 'api']);
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        OriginGroups: Match.objectLike({
          Items: [
            Match.objectLike({
              Id: 'both',
              Members: { Items: [{ OriginId: 'primary' }, { OriginId: 'secondary' }], Quantity: 2 },
            }),
          ],
        }),
        DefaultCacheBehavior: Match.objectLike({ TargetOriginId: 'both' }),
        CacheBehaviors: [Match.objectLike({ TargetOriginId: 'api' })],
      }),
    });
  });

  test('each is bound in its own scope, <distribution>/Origins/<name>', () => {
    const d = make(
      stack,
      withOrigin({ cdkOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(functionUrl(stack)) }),
    );
    const scope = d.node.findChild('Origins').node.findChild('www');
    expect(scope.node.children.map((c) => c.node.id).sort()).toEqual([
      'FunctionUrlOriginAccessControl',
      'InvokeFromApiForwww',
    ]);
  });

  test('one whose name is known only at deploy time is bound in the scope named by its prop path', () => {
    const name = new CfnParameter(stack, 'OriginName').valueAsString;
    const bucket = new s3.Bucket(stack, 'Assets');
    const d = new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [{ name, cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(bucket) }],
      defaultCacheBehavior: { targetOrigin: name },
    });
    expect(
      d.node
        .findChild('Origins')
        .node.findChild('origins[0]')
        .node.children.map((c) => c.node.id),
    ).toEqual(['S3OriginAccessControl']);
    expect(renderedOrigins(stack)).toEqual([
      expect.objectContaining({ Id: { Ref: 'OriginName' }, OriginAccessControlId: expect.anything() }),
    ]);
  });
});

describe('renders what CloudFront added to origins', () => {
  test('a custom origin: response completion timeout, IP address type and a client certificate', () => {
    const clientCertificate = acm.Certificate.fromCertificateArn(
      stack,
      'Client',
      'arn:aws:acm:us-east-1:111111111111:certificate/client',
    );
    make(
      stack,
      withOrigin({
        readTimeout: Duration.seconds(40),
        responseCompletionTimeout: Duration.seconds(40),
        ipAddressType: cloudfront.OriginIpAddressType.DUALSTACK,
        clientCertificate,
      }),
    );
    expect(renderedOrigins(stack)).toEqual([
      {
        Id: 'www',
        DomainName: 'backend.example.com',
        ResponseCompletionTimeout: 40,
        CustomOriginConfig: {
          ...SECURE_CUSTOM,
          OriginReadTimeout: 40,
          IpAddressType: 'dualstack',
          OriginMtlsConfig: { ClientCertificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/client' },
        },
      },
    ]);
  });

  test('an S3 origin: its response timeout and response completion timeout', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    make(
      stack,
      withOrigin({
        bucket,
        readTimeout: Duration.seconds(20),
        responseCompletionTimeout: Duration.minutes(1),
      }),
    );
    expect(renderedOrigins(stack)).toEqual([
      expect.objectContaining({
        Id: 'www',
        ResponseCompletionTimeout: 60,
        S3OriginConfig: { OriginAccessIdentity: '', OriginReadTimeout: 20 },
      }),
    ]);
  });
});

describe('fails when (aws-cdk-lib origins and what CloudFront added)', () => {
  test('an aws-cdk-lib origin is given where an origin of this library goes', () => {
    expectError(
      stack,
      { origins: [new origins.HttpOrigin('backend.example.com') as unknown as Origin] },
      "`origins[0]` must be an origin of this library ({ name, bucket | domainName | cdkOrigin }): give an aws-cdk-lib origin as `{ name: 'www', cdkOrigin: origin }`; got: an aws-cdk-lib origin",
    );
  });

  test('an origin has a bucket and an aws-cdk-lib origin', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      withOrigin({ bucket, cdkOrigin: new origins.HttpOrigin('a.example.com') }),
      '`origins[0]` must have exactly one of `bucket` (an S3 origin), `domainName` (a custom origin) or `cdkOrigin` (an aws-cdk-lib origin); got: `bucket` and `cdkOrigin`',
    );
  });

  test.each([
    ['httpPort', 8080, '8080'],
    ['httpsPort', 8443, '8443'],
    ['protocol', cloudfront.OriginProtocolPolicy.HTTP_ONLY, '"http-only"'],
    ['sslPolicy', ['TLSv1.2'], '["TLSv1.2"]'],
    ['originPath', '/v1', '"/v1"'],
    ['customHeaders', { 'X-A': 'b' }, 'an object'],
    ['connectionAttempts', 2, '2'],
    ['connectionTimeout', Duration.seconds(5), '5 seconds'],
    ['readTimeout', Duration.seconds(5), '5 seconds'],
    ['keepaliveTimeout', Duration.seconds(5), '5 seconds'],
    ['responseCompletionTimeout', Duration.seconds(50), '50 seconds'],
    ['ipAddressType', cloudfront.OriginIpAddressType.IPV6, '"ipv6"'],
    ['originShieldRegion', 'us-east-1', '"us-east-1"'],
  ])('%s is given beside an aws-cdk-lib origin', (field, value, shown) => {
    expectError(
      stack,
      withOrigin({ cdkOrigin: new origins.HttpOrigin('a.example.com'), [field]: value }),
      `\`origins[0].${field}\` must be left out beside \`origins[0].cdkOrigin\`: set it in the props of the aws-cdk-lib origin itself; got: ${shown}`,
    );
  });

  test('an origin access identity or a client certificate is given beside an aws-cdk-lib origin', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      withOrigin({
        cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(bucket),
        originAccessIdentity: new cloudfront.OriginAccessIdentity(stack, 'Oai'),
        clientCertificate: acm.Certificate.fromCertificateArn(
          stack,
          'C',
          'arn:aws:acm:us-east-1:111111111111:certificate/c',
        ),
      }),
      [
        '`origins[0].originAccessIdentity` must be left out beside `origins[0].cdkOrigin`: set it in the props of the aws-cdk-lib origin itself; got: "an identity"',
        '`origins[0].clientCertificate` applies only to a custom origin (`domainName`): aws-cdk-lib\'s origins have no client certificate; got: "a certificate"',
      ].join('\n'),
    );
  });

  test('the aws-cdk-lib origin is an origins.OriginGroup', () => {
    const group = new origins.OriginGroup({
      primaryOrigin: new origins.HttpOrigin('a.example.com'),
      fallbackOrigin: new origins.HttpOrigin('b.example.com'),
    });
    expectError(
      stack,
      withOrigin({ cdkOrigin: group }),
      '`origins[0].cdkOrigin` must not be an origins.OriginGroup: list its members as origins of their own and name them in `originGroups` ({ name, primaryOrigin, secondaryOrigin }); got: "an OriginGroup"',
    );
  });

  test('the aws-cdk-lib origin has an originId of its own', () => {
    expectError(
      stack,
      withOrigin({ cdkOrigin: new origins.HttpOrigin('a.example.com', { originId: 'other' }) }),
      '`origins[0].cdkOrigin` must have no `originId` of its own: the origin is rendered under `origins[0].name` ("www"), which behaviours and groups name; got: "other"',
    );
  });

  test('an aws-cdk-lib origin fails over by itself', () => {
    const failing: cloudfront.IOrigin = {
      bind: () => ({
        originProperty: {
          id: 'www',
          domainName: 'a.example.com',
          customOriginConfig: { originProtocolPolicy: 'https-only' },
        },
        failoverConfig: { failoverOrigin: new origins.HttpOrigin('b.example.com') },
      }),
    };
    expectError(
      stack,
      withOrigin({ cdkOrigin: failing }),
      '`origins[0].cdkOrigin` must not fail over by itself: list both origins in `origins` and name them in `originGroups` ({ name, primaryOrigin, secondaryOrigin }); got: "an origin with a failover configuration"',
    );
  });

  test.each([
    [
      { responseCompletionTimeout: Duration.seconds(20) },
      "must be at least `origins[0].readTimeout` (30 seconds, CloudFront's default); got: 20 seconds",
    ],
    [
      { readTimeout: Duration.seconds(60), responseCompletionTimeout: Duration.seconds(59) },
      'must be at least `origins[0].readTimeout` (60 seconds); got: 59 seconds',
    ],
    [
      { responseCompletionTimeout: Duration.millis(30500) },
      'must be a whole number of seconds, at least 1; got: 30.5 seconds',
    ],
  ])('the response completion timeout is %j', (origin, problem) => {
    expectError(stack, withOrigin(origin), `\`origins[0].responseCompletionTimeout\` ${problem}`);
  });

  test('the IP address type is not one CloudFront knows', () => {
    expectError(
      stack,
      withOrigin({ ipAddressType: 'ipv5' as cloudfront.OriginIpAddressType }),
      '`origins[0].ipAddressType` must be one of ipv4, ipv6, dualstack; got: "ipv5"',
    );
  });

  test.each([
    [
      'outside us-east-1',
      'arn:aws:acm:eu-west-1:111111111111:certificate/c',
      'must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there); got: "eu-west-1"',
    ],
    [
      'not an ACM ARN',
      'arn:aws:iam::111111111111:server-certificate/c',
      'must be an ACM certificate ARN such as arn:aws:acm:us-east-1:111111111111:certificate/<id>; got: "arn:aws:iam::111111111111:server-certificate/c"',
    ],
  ])('the client certificate is %s', (_, arn, problem) => {
    expectError(
      stack,
      withOrigin({ clientCertificate: acm.Certificate.fromCertificateArn(stack, 'Client', arn) }),
      `\`origins[0].clientCertificate\` ${problem}`,
    );
  });

  test('an S3 origin has a client certificate or an IP address type', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      withOrigin({
        bucket,
        ipAddressType: cloudfront.OriginIpAddressType.IPV6,
        clientCertificate: acm.Certificate.fromCertificateArn(
          stack,
          'C',
          'arn:aws:acm:us-east-1:111111111111:certificate/c',
        ),
      }),
      [
        '`origins[0].ipAddressType` applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`); got: "ipv6"',
        '`origins[0].clientCertificate` applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`); got: "a certificate"',
      ].join('\n'),
    );
  });

  test.each(['origin-request', 'origin-response'])(
    'a behaviour to an origin with a client certificate runs Lambda@Edge on %s',
    (eventType) => {
      expectError(
        stack,
        {
          ...withOrigin({
            clientCertificate: acm.Certificate.fromCertificateArn(
              stack,
              'C',
              'arn:aws:acm:us-east-1:111111111111:certificate/c',
            ),
          }),
          ...withDefault({ edgeLambdas: [{ eventType, functionVersion: edgeVersion(stack) }] }),
        },
        `\`defaultCacheBehavior.edgeLambdas[0].eventType\` must not be ${eventType} on a behaviour whose origin "www" has a \`clientCertificate\`: CloudFront runs no Lambda@Edge function on origin requests or responses to an origin with mutual TLS; got: "${eventType}"`,
      );
    },
  );
});

describe("fails when a behaviour forwards the viewer's Host header to an origin that refuses it", () => {
  const ORIGIN_KINDS: [string, (s: Stack) => Partial<Origin>, string][] = [
    ['a bucket', (s) => ({ bucket: new s3.Bucket(s, 'Bucket') }), 'an S3 bucket'],
    [
      'S3BucketOrigin.withOriginAccessControl',
      (s) => ({ cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(new s3.Bucket(s, 'Bucket')) }),
      'an S3 bucket',
    ],
    [
      'S3BucketOrigin.withBucketDefaults',
      (s) => ({ cdkOrigin: origins.S3BucketOrigin.withBucketDefaults(new s3.Bucket(s, 'Bucket')) }),
      'an S3 bucket',
    ],
    [
      'FunctionUrlOrigin',
      (s) => ({ cdkOrigin: new origins.FunctionUrlOrigin(functionUrl(s)) }),
      'a Lambda function URL',
    ],
    [
      'FunctionUrlOrigin.withOriginAccessControl',
      (s) => ({ cdkOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(functionUrl(s)) }),
      'a Lambda function URL',
    ],
    ['RestApiOrigin', (s) => ({ cdkOrigin: new origins.RestApiOrigin(restApi(s)) }), 'an API Gateway API'],
    [
      'a function URL domain',
      () => ({ domainName: 'abc123.lambda-url.us-east-1.on.aws' }),
      'a Lambda function URL',
    ],
    [
      'an API Gateway domain',
      () => ({ domainName: 'abc123.execute-api.eu-west-1.amazonaws.com' }),
      'an API Gateway API',
    ],
    ['an S3 REST domain', () => ({ domainName: 'media.s3.eu-west-1.amazonaws.com' }), 'an S3 bucket'],
  ];

  test.each(ORIGIN_KINDS)('forwardHeaders holds Host, to %s', (_, origin, refuser) => {
    expectError(
      stack,
      { ...withOrigin(origin(stack)), ...withDefault({ forwardHeaders: ['Accept', 'host'] }) },
      `\`defaultCacheBehavior.forwardHeaders\` must not forward the viewer's Host header to origin "www", ${refuser}, which refuses a request for another host. Leave Host out; got: ["Accept", "host"]`,
    );
  });

  test.each([
    [
      'forwardHeaders is *',
      { forwardHeaders: ['*'] },
      'forwardHeaders',
      'List the headers it needs instead of *',
      '["*"]',
    ],
    [
      'the managed ALL_VIEWER policy',
      {
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
      },
      'originRequestPolicy',
      'Use ALL_VIEWER_EXCEPT_HOST_HEADER (or CORS_S3_ORIGIN for S3)',
      '"a policy that forwards Host"',
    ],
    [
      'the managed ALL_VIEWER_AND_CLOUDFRONT_2022 policy',
      {
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_AND_CLOUDFRONT_2022,
      },
      'originRequestPolicy',
      'Use ALL_VIEWER_EXCEPT_HOST_HEADER (or CORS_S3_ORIGIN for S3)',
      '"a policy that forwards Host"',
    ],
    [
      'an origin request policy of this app with Host',
      (s: Stack) => ({
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: new cloudfront.OriginRequestPolicy(s, 'P', {
          headerBehavior: cloudfront.OriginRequestHeaderBehavior.allowList('Host'),
        }),
      }),
      'originRequestPolicy',
      'Use ALL_VIEWER_EXCEPT_HOST_HEADER (or CORS_S3_ORIGIN for S3)',
      '"a policy that forwards Host"',
    ],
    [
      'an origin request policy of this app that denies only another header',
      (s: Stack) => ({
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: new cloudfront.OriginRequestPolicy(s, 'P', {
          headerBehavior: cloudfront.OriginRequestHeaderBehavior.denyList('X-A'),
        }),
      }),
      'originRequestPolicy',
      'Use ALL_VIEWER_EXCEPT_HOST_HEADER (or CORS_S3_ORIGIN for S3)',
      '"a policy that forwards Host"',
    ],
    [
      'a cache policy of this app with Host in its key',
      (s: Stack) => ({
        cachePolicy: new cloudfront.CachePolicy(s, 'P', {
          headerBehavior: cloudfront.CacheHeaderBehavior.allowList('Host'),
        }),
      }),
      'cachePolicy',
      'Leave Host out of the cache key',
      '"a policy with Host in its cache key"',
    ],
  ])('%s, to an S3 bucket', (_, behavior, prop, fix, shown) => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      {
        ...withOrigin({ bucket }),
        ...withDefault(typeof behavior === 'function' ? behavior(stack) : behavior),
      },
      `\`defaultCacheBehavior.${prop}\` must not forward the viewer's Host header to origin "www", an S3 bucket, which refuses a request for another host. ${fix}; got: ${shown}`,
    );
  });

  test('a behaviour to an origin group forwards Host to a member that refuses it', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      {
        origins: [
          { name: 'web', domainName: 'backend.example.com' },
          { name: 'files', bucket },
        ],
        originGroups: [{ name: 'both', primaryOrigin: 'web', secondaryOrigin: 'files' }],
        defaultCacheBehavior: { targetOrigin: 'both', forwardHeaders: ['Host'] },
      },
      '`defaultCacheBehavior.forwardHeaders` must not forward the viewer\'s Host header to origin "files", an S3 bucket, which refuses a request for another host. Leave Host out; got: ["Host"]',
    );
  });

  test.each([
    ['HttpOrigin', () => ({ cdkOrigin: new origins.HttpOrigin('a.example.com') })],
    [
      'S3StaticWebsiteOrigin',
      (s: Stack) => ({
        cdkOrigin: new origins.S3StaticWebsiteOrigin(
          new s3.Bucket(s, 'Bucket', { websiteIndexDocument: 'i.html' }),
        ),
      }),
    ],
    ['an S3 website domain', () => ({ domainName: 'media.s3-website-eu-west-1.amazonaws.com' })],
    ['a custom domain', () => ({ domainName: 'backend.example.com' })],
    [
      'a deploy-time domain',
      () => ({ domainName: Lazy.string({ produce: () => 'a.execute-api.us-east-1.amazonaws.com' }) }),
    ],
  ])('(not) Host to %s, which may accept it', (_, origin) => {
    expect(() =>
      make(stack, { ...withOrigin(origin(stack)), ...withDefault({ forwardHeaders: ['Host'] }) }),
    ).not.toThrow();
  });

  test('(not) ALL_VIEWER_EXCEPT_HOST_HEADER or a deploy-time header list to S3', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    make(stack, {
      ...withOrigin({ bucket }),
      ...withDefault({
        cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
        originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      }),
      behaviors: [
        { pathPattern: '/a/*', targetOrigin: 'www', forwardHeaders: Lazy.list({ produce: () => ['Host'] }) },
      ],
    });
    config(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

describe('warns when (aws-cdk-lib origins and what CloudFront added)', () => {
  const ALL = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];

  test('a behaviour sends PUT, PATCH or POST to a function URL behind Origin Access Control', () => {
    make(stack, {
      ...withOrigin({ cdkOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(functionUrl(stack)) }),
      ...withDefault({ allowedMethods: ALL }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`defaultCacheBehavior.allowedMethods` allows PUT, PATCH, POST to origin "www", a Lambda function URL behind Origin Access Control: Lambda refuses a body it cannot verify, so viewers must send the SHA-256 of the body in the x-amz-content-sha256 header.',
        'functionUrlBodyUnsigned',
      ),
    );
  });

  test.each([
    [
      'a public function URL',
      (s: Stack) => new origins.FunctionUrlOrigin(functionUrl(s, lambda.FunctionUrlAuthType.NONE)),
      ALL,
    ],
    [
      'only GET and HEAD',
      (s: Stack) => origins.FunctionUrlOrigin.withOriginAccessControl(functionUrl(s)),
      undefined,
    ],
  ])('(not) for %s', (_, origin, allowedMethods) => {
    make(stack, { ...withOrigin({ cdkOrigin: origin(stack) }), ...withDefault({ allowedMethods }) });
    Annotations.fromStack(stack).hasNoWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('functionUrlBodyUnsigned'),
    );
  });

  test.each([
    [cloudfront.OriginProtocolPolicy.HTTP_ONLY, 'no request'],
    [cloudfront.OriginProtocolPolicy.MATCH_VIEWER, 'no request from an HTTP viewer'],
  ])('a client certificate goes to an origin reached over %s', (protocol, which) => {
    make(
      stack,
      withOrigin({
        protocol,
        clientCertificate: acm.Certificate.fromCertificateArn(
          stack,
          'C',
          'arn:aws:acm:us-east-1:111111111111:certificate/c',
        ),
      }),
    );
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        `\`origins[0].clientCertificate\`: the client certificate is presented only over HTTPS, and \`origins[0].protocol\` is ${protocol}, so ${which} carries it. Use https-only (the default).`,
        'clientCertificateOverHttp',
      ),
    );
  });
});

import { Duration, Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { MINIMAL, config, expectError, make, newStack, warning, withOrigin } from './helpers';
import { Distribution, Origin } from '../lib';

// Origins: S3 or custom, connection settings, custom headers, Origin Shield (lib/private/origin.ts).

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
      '`origins[0]` must have exactly one of `bucket` (an S3 origin) or `domainName` (a custom origin); got: both',
    );
  });

  test('fails when an origin has neither', () => {
    expectError(
      stack,
      { origins: [{ name: 'www' } as Origin] },
      '`origins[0]` must have exactly one of `bucket` (an S3 origin) or `domainName` (a custom origin); got: neither',
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

  test('fails when an S3 origin has custom-origin timeouts', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      stack,
      { origins: [{ name: 'www', bucket, readTimeout: Duration.seconds(10) }] },
      '`origins[0].readTimeout` applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`); got: 10 seconds',
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
  test.each(['readTimeout', 'keepaliveTimeout'] as const)(
    'accepts %s above 60 seconds, with a warning that names the quota',
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
          `\`origins[0].${field}\` is 181 seconds, above CloudFront's default quota of 60 seconds ("${quota}"): the deploy fails unless the quota was raised for your account (Service Quotas).`,
          'originTimeoutQuota',
        ),
      );
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

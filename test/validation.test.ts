import {
  Duration,
  Lazy,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { MINIMAL, newStack } from './helpers';
import {
  CacheBehavior,
  Distribution,
  DistributionProps,
  ErrorResponse,
  Origin,
  SslCertificate,
} from '../lib';

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const IAM_CERT = SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE');

function make(props: Partial<DistributionProps>): Distribution {
  return new Distribution(stack, 'Www', { ...MINIMAL, ...props } as DistributionProps);
}

/** Asserts the exact message: the whole error, not a part of it. */
function expectError(props: Partial<DistributionProps>, msg: string): void {
  expect(() => make(props)).toThrow(new Error(msg));
}

function withOrigin(origin: Partial<Origin>): Partial<DistributionProps> {
  return { origins: [{ name: 'www', ...origin } as Origin] };
}

function withDefault(behavior: object): Partial<DistributionProps> {
  return { defaultCacheBehavior: { targetOrigin: 'www', ...behavior } };
}

function withBehavior(behavior: Partial<CacheBehavior>): Partial<DistributionProps> {
  return { behaviors: [{ targetOrigin: 'www', pathPattern: '/api/*', ...behavior } as CacheBehavior] };
}

function withError(response: Partial<ErrorResponse>): Partial<DistributionProps> {
  return { errorResponses: [{ errorCode: 503, ...response } as ErrorResponse] };
}

describe('required props (for JavaScript callers, whom no compiler checks)', () => {
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
    expectError(props as Partial<DistributionProps>, msg);
  });
});

describe('origins', () => {
  test('fails when there is no origin', () => {
    expectError({ origins: [] }, '`origins` must list at least one origin; got: []');
  });

  test('fails when two origins share a name', () => {
    expectError(
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
      { origins: [{ name: ' ', domainName: 'a.example.com' }], defaultCacheBehavior: { targetOrigin: ' ' } },
      '`origins[0].name` must not be empty; got: " "',
    );
  });

  test('fails when an origin has both a bucket and a domain name', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    expectError(
      withOrigin({ bucket, domainName: 'backend.example.com' }),
      '`origins[0]` must have exactly one of `bucket` (an S3 origin) or `domainName` (a custom origin); got: both',
    );
  });

  test('fails when an origin has neither', () => {
    expectError(
      withOrigin({}),
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
      withOrigin({ bucket, [field]: value }),
      `\`origins[0].${field}\` applies only to a custom origin (\`domainName\`), not to an S3 origin (\`bucket\`); got: ${shown}`,
    );
  });

  test('fails when a custom origin has an origin access identity', () => {
    const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
    expectError(
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
      withOrigin({ domainName: 'backend.example.com', [field]: port }),
      `\`origins[0].${field}\` must be 80, 443 or a whole number from 1024 to 65535; got: ${port}`,
    );
  });

  test.each([80, 443, 1024, 65535])('accepts port %d', (port) => {
    make(withOrigin({ domainName: 'backend.example.com', httpPort: port, httpsPort: port }));
  });

  test('fails when protocol is unknown', () => {
    expectError(
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
    expectError(withOrigin({ domainName: 'backend.example.com', sslPolicy }), msg);
  });
});

describe('behaviours', () => {
  test('fails when targetOrigin names no origin', () => {
    expectError(
      withDefault({ targetOrigin: 'api' }),
      '`defaultCacheBehavior.targetOrigin` must name an origin or origin group ("www"); got: "api"',
    );
  });

  test('fails when a behaviour has no pathPattern', () => {
    expectError(
      { behaviors: [{ targetOrigin: 'www' } as CacheBehavior] },
      '`behaviors[0].pathPattern` is required on every behaviour but the default; got: nothing',
    );
  });

  test.each(['*', '/*'])('fails when pathPattern is %j', (pathPattern) => {
    expectError(
      withBehavior({ pathPattern }),
      `\`behaviors[0].pathPattern\` must not match every path: that is \`defaultCacheBehavior\`; got: ${JSON.stringify(pathPattern)}`,
    );
  });

  test.each(['/a b/*', '/caf\u00e9/*', `/${'a'.repeat(255)}`])(
    'fails when pathPattern is %j',
    (pathPattern) => {
      expectError(
        withBehavior({ pathPattern }),
        `\`behaviors[0].pathPattern\` must be at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " ' @ : + ? & = ! , ;; got: ${JSON.stringify(pathPattern)}`,
      );
    },
  );

  test('fails when two behaviours share a pathPattern', () => {
    expectError(
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
      withDefault({
        allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
        [field]: methods,
      }),
      `\`defaultCacheBehavior.${field}\` must be one of ${sets}; got: ${JSON.stringify(methods).replace(/,/g, ', ')}`,
    );
  });

  test('accepts the methods in any order', () => {
    make(
      withDefault({
        allowedMethods: ['POST', 'GET', 'PUT', 'HEAD', 'DELETE', 'OPTIONS', 'PATCH'],
        cachedMethods: ['HEAD', 'GET'],
      }),
    );
  });

  test('fails when cachedMethods are not within allowedMethods', () => {
    expectError(
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
    expectError(withDefault(ttls), msg);
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
    expectError(withDefault({ [field]: values }), msg);
  });

  test('fails when viewerProtocolPolicy is unknown', () => {
    expectError(
      withBehavior({ viewerProtocolPolicy: 'https' as cloudfront.ViewerProtocolPolicy }),
      '`behaviors[0].viewerProtocolPolicy` must be one of https-only, redirect-to-https, allow-all; got: "https"',
    );
  });
});

describe('error responses', () => {
  test.each([200, 302, 418, 599])('fails when errorCode is %d', (errorCode) => {
    expectError(
      withError({ errorCode }),
      `\`errorResponses[0].errorCode\` must be one of 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; got: ${errorCode}`,
    );
  });

  test('fails when an errorCode repeats', () => {
    expectError(
      { errorResponses: [{ errorCode: 503 }, { errorCode: 503 }] },
      '`errorResponses[].errorCode` must not repeat a code; got: 503',
    );
  });

  test('fails when responseCode is unknown', () => {
    expectError(
      withError({ responsePagePath: '/503.html', responseCode: 302 }),
      '`errorResponses[0].responseCode` must be one of 200, 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; got: 302',
    );
  });

  test('fails when responsePagePath does not start with /', () => {
    expectError(
      withError({ responsePagePath: '503.html' }),
      '`errorResponses[0].responsePagePath` must start with \'/\'; got: "503.html"',
    );
  });

  test('fails when responseCode comes without responsePagePath', () => {
    expectError(
      withError({ responseCode: 200 }),
      '`errorResponses[0].responseCode` needs `responsePagePath` (CloudFront takes both or neither); got: 200',
    );
  });

  test('fails when minTtl is not whole seconds', () => {
    expectError(
      withError({ minTtl: Duration.millis(2500) }),
      '`errorResponses[0].minTtl` must be a whole number of seconds; got: 2.5 seconds',
    );
  });
});

describe('certificates and names', () => {
  test('fails when aliases come without a certificate', () => {
    expectError(
      { aliases: ['example.com'] },
      '`aliases` needs `sslCertificate`: CloudFront accepts no alternate domain name without a certificate that covers it; got: ["example.com"]',
    );
  });

  test.each(['example', 'www..example.com', 'a.*.example.com', '*.*.example.com', 'http://example.com'])(
    'fails when an alias is %j',
    (alias) => {
      expectError(
        { aliases: [alias], sslCertificate: IAM_CERT },
        `\`aliases[0]\` must be a domain name such as www.example.com or *.example.com; got: ${JSON.stringify(alias)}`,
      );
    },
  );

  test('fails when name is not a domain name', () => {
    expectError(
      { name: 'my site' },
      '`name` must be a domain name such as www.example.com or *.example.com; got: "my site"',
    );
  });

  test('fails when there are more than 100 names', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}.example.com`);
    expectError(
      { aliases, sslCertificate: IAM_CERT },
      '`aliases` must hold at most 99 names besides `name` (CloudFront\'s quota of 100); got: "100 names"',
    );
  });

  test('fails when the ACM certificate is not in us-east-1', () => {
    const cert = acm.Certificate.fromCertificateArn(
      stack,
      'Cert',
      'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    );
    expectError(
      { sslCertificate: SslCertificate.fromAcmCertificate(cert) },
      '`sslCertificate` must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there); got: "eu-west-1"',
    );
  });

  test('fails when sslSupportMethod or sslMinimumProtocolVersion come without a certificate', () => {
    expectError(
      {
        sslSupportMethod: cloudfront.SSLMethod.SNI,
        sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      },
      [
        '`sslSupportMethod` applies only with `sslCertificate`; got: "sni-only"',
        '`sslMinimumProtocolVersion` applies only with `sslCertificate` (the default certificate always uses TLSv1); got: "TLSv1.2_2021"',
      ].join('\n'),
    );
  });

  describe('an ACM certificate of this app', () => {
    function cert(domainName: string, subjectAlternativeNames?: string[]) {
      return SslCertificate.fromAcmCertificate(
        new acm.Certificate(stack, 'Cert', { domainName, subjectAlternativeNames }),
      );
    }

    test.each([
      ['www.example.com', ['example.com'], []],
      ['*.example.com', ['example.com'], ['static.example.com']],
      ['example.com', ['*.example.com'], ['*.example.com']],
    ])('covers the names (%s, %j)', (domainName, sans, aliases) => {
      make({ sslCertificate: cert(domainName, sans), aliases: [...aliases, 'example.com'] });
    });

    test('fails when an alias is not covered', () => {
      expectError(
        { sslCertificate: cert('*.example.com'), aliases: ['example.com', 'a.b.example.com'] },
        [
          '`aliases[0]` must be covered by the certificate\'s domain names (*.example.com); got: "example.com"',
          '`aliases[1]` must be covered by the certificate\'s domain names (*.example.com); got: "a.b.example.com"',
        ].join('\n'),
      );
    });

    test('fails when the name is not covered', () => {
      expectError(
        { sslCertificate: cert('example.org', ['www.example.org']) },
        '`name` must be covered by the certificate\'s domain names (example.org, www.example.org); got: "www.example.com"',
      );
    });

    test('does not judge a certificate whose names are tokens', () => {
      const domainName = Lazy.string({ produce: () => 'example.org' });
      const certificate = new acm.Certificate(stack, 'Cert', {
        domainName,
        validation: acm.CertificateValidation.fromEmail({ [domainName]: 'example.org' }),
      });
      make({ sslCertificate: SslCertificate.fromAcmCertificate(certificate) });
    });
  });

  test('static-ip is accepted, with a warning', () => {
    make({ sslCertificate: IAM_CERT, sslSupportMethod: cloudfront.SSLMethod.STATIC_IP });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('`sslSupportMethod` is static-ip'),
    );
  });

  test('fails when SSLv3 comes with SNI', () => {
    expectError(
      { sslCertificate: IAM_CERT, sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.SSL_V3 },
      '`sslMinimumProtocolVersion` may be SSLv3 only with `sslSupportMethod` vip; got: "SSLv3"',
    );
  });

  test('fails when the security policy is unknown', () => {
    expectError(
      {
        sslCertificate: IAM_CERT,
        sslMinimumProtocolVersion: 'TLSv1.2_2030' as cloudfront.SecurityPolicyProtocol,
      },
      '`sslMinimumProtocolVersion` must be one of SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016, TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025; got: "TLSv1.2_2030"',
    );
  });
});

describe('other props', () => {
  test('fails when comment is over 128 characters', () => {
    const comment = 'c'.repeat(129);
    expectError(
      { comment },
      `\`comment\` must be at most 128 characters (CloudFront's limit on Comment); got: "${comment}"`,
    );
  });

  test('fails when priceClass is unknown', () => {
    expectError(
      { priceClass: 'PriceClass_300' as cloudfront.PriceClass },
      '`priceClass` must be one of PriceClass_100, PriceClass_200, PriceClass_All; got: "PriceClass_300"',
    );
  });

  test.each(['/index.html?v=1', '/index.html#top'])('fails when rootObject is %j', (rootObject) => {
    expectError(
      { rootObject },
      `\`rootObject\` must be an object's path without '?' or '#'; got: ${JSON.stringify(rootObject)}`,
    );
  });

  test('fails when logging.path starts with /', () => {
    expectError(
      { logging: { enabled: true, path: '/cdn/' } },
      "`logging.path` must not start with '/' (it is a key prefix such as 'cdn/www/'); got: \"/cdn/\"",
    );
  });

  test('reports every problem of one distribution together', () => {
    expectError(
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
});

describe('does not judge unresolved tokens', () => {
  // The tokens resolve to valid values, but as strings ('${Token[TOKEN.1]}') or numbers they
  // would break every rule: the construct must leave them to deploy time.
  test('in every validated prop', () => {
    const str = (v: string) => Lazy.string({ produce: () => v });
    const num = (v: number) => Lazy.number({ produce: () => v });
    const list = (v: string[]) => Lazy.list({ produce: () => v });
    make({
      name: str('www.example.com'),
      comment: str('A comment'),
      rootObject: str('index.html'),
      priceClass: str('PriceClass_200') as cloudfront.PriceClass,
      origins: [
        {
          name: 'www',
          domainName: str('backend.example.com'),
          httpPort: num(80),
          httpsPort: num(443),
          protocol: str('https-only') as cloudfront.OriginProtocolPolicy,
          sslPolicy: list(['TLSv1.2']),
        },
      ],
      defaultCacheBehavior: {
        targetOrigin: str('www'),
        viewerProtocolPolicy: str('https-only') as cloudfront.ViewerProtocolPolicy,
        minTtl: Duration.seconds(num(0)),
        allowedMethods: list(['GET', 'HEAD']),
        cachedMethods: list(['GET', 'HEAD']),
        forwardHeaders: list(['Host']),
      },
      behaviors: [{ targetOrigin: 'www', pathPattern: str('/api/*') }],
      errorResponses: [
        {
          errorCode: num(503),
          responseCode: num(200),
          responsePagePath: str('/503.html'),
          minTtl: Duration.seconds(num(5)),
        },
      ],
      logging: { enabled: true, path: str('logs/') },
    });
    Template.fromStack(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

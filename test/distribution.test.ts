import {
  App,
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_iam as iam,
  aws_kms as kms,
  aws_route53 as route53,
  aws_route53_targets as targets,
  aws_s3 as s3,
  aws_s3_deployment as s3deploy,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, newStack, warning } from './helpers';
import { Distribution, SslCertificate } from '../lib';

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

/** `arn:<partition>:cloudfront::111111111111:distribution/*`: every distribution of the test account. */
const ACCOUNT_DISTRIBUTIONS = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::111111111111:distribution/*']],
};

function config(): Template {
  return Template.fromStack(stack);
}

function certificate(): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
  );
}

describe('minimal distribution', () => {
  test('renders every default explicitly', () => {
    new Distribution(stack, 'Www', MINIMAL);
    config().resourceCountIs('AWS::CloudFront::Distribution', 1);
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
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
        ViewerCertificate: { CloudFrontDefaultCertificate: true },
        Origins: [
          {
            Id: 'www',
            DomainName: 'backend.example.com',
            CustomOriginConfig: {
              HTTPPort: 80,
              HTTPSPort: 443,
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
          MinTTL: 0,
          DefaultTTL: 86400,
          MaxTTL: 31536000,
          AllowedMethods: ['GET', 'HEAD'],
          CachedMethods: ['GET', 'HEAD'],
          SmoothStreaming: false,
          Compress: true,
          CachePolicyId: Match.absent(),
        },
      },
    });
  });

  test('ViewerCertificate is only CloudFrontDefaultCertificate without a certificate', () => {
    new Distribution(stack, 'Www', MINIMAL);
    const [resource] = Object.values(config().findResources('AWS::CloudFront::Distribution'));
    expect(resource.Properties.DistributionConfig.ViewerCertificate).toEqual({
      CloudFrontDefaultCertificate: true,
    });
  });

  test('without a certificate the name is only the comment, with a warning', () => {
    new Distribution(stack, 'Www', MINIMAL);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp(
        '`name` "www.example.com" is not an alias of this distribution: CloudFront accepts no alternate domain name without a certificate',
      ),
    );
  });

  test('creates no bucket, policy or access control for a custom origin', () => {
    new Distribution(stack, 'Www', MINIMAL);
    config().resourceCountIs('AWS::S3::Bucket', 0);
    config().resourceCountIs('AWS::S3::BucketPolicy', 0);
    config().resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
  });
});

describe('distribution props', () => {
  test('comment overrides the name', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, comment: 'The public site' });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Comment: 'The public site' }),
    });
  });

  test('with a certificate the name is the first alias, then aliases without repeats', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      aliases: ['example.com', 'www.example.com', 'static.example.com'],
      sslCertificate: SslCertificate.fromAcmCertificate(certificate()),
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['www.example.com', 'example.com', 'static.example.com'],
      }),
    });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Www', Match.anyValue());
  });

  test.each([
    ['/', undefined],
    ['/index.html', 'index.html'],
    ['index.html', 'index.html'],
    ['/site/home.html', 'site/home.html'],
  ])('rootObject %j renders DefaultRootObject %j', (rootObject, expected) => {
    new Distribution(stack, 'Www', { ...MINIMAL, rootObject });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: expected ?? Match.absent() }),
    });
  });

  test('enabled false disables the distribution', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, enabled: false });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Enabled: false }),
    });
  });

  test.each([cloudfront.PriceClass.PRICE_CLASS_200, cloudfront.PriceClass.PRICE_CLASS_ALL])(
    'priceClass %s',
    (priceClass) => {
      new Distribution(stack, 'Www', { ...MINIMAL, priceClass });
      config().hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({ PriceClass: priceClass }),
      });
    },
  );

  test('an ACM certificate renders with SNI and TLSv1.2_2021 by default', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromAcmCertificate(certificate()),
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: {
          AcmCertificateArn:
            'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
          IamCertificateId: Match.absent(),
          CloudFrontDefaultCertificate: Match.absent(),
        },
      }),
    });
  });

  test('an IAM server certificate, vip and a newer policy', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslSupportMethod: cloudfront.SSLMethod.VIP,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_3_2025,
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: {
          IamCertificateId: 'ASCACKCEVSQ6C2EXAMPLE',
          SslSupportMethod: 'vip',
          MinimumProtocolVersion: 'TLSv1.3_2025',
          AcmCertificateArn: Match.absent(),
        },
      }),
    });
  });

  test('the specification default TLSv1 is still accepted, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1,
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1' }),
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp(
        '`sslMinimumProtocolVersion` is TLSv1: viewers may connect with broken protocols',
      ),
    );
  });

  test('SSLv3 is accepted with vip, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslSupportMethod: cloudfront.SSLMethod.VIP,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.SSL_V3,
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'SSLv3', SslSupportMethod: 'vip' }),
      }),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Www', Match.stringLikeRegexp('is SSLv3'));
  });
});

describe('origins', () => {
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
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
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

  describe('S3 origin', () => {
    test('uses Origin Access Control and a bucket policy limited to this distribution', () => {
      const bucket = new s3.Bucket(stack, 'Bucket');
      new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
      config().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      config().hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
        OriginAccessControlConfig: Match.objectLike({
          OriginAccessControlOriginType: 's3',
          SigningBehavior: 'always',
          SigningProtocol: 'sigv4',
        }),
      });
      config().hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: [
            {
              Id: 'www',
              DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'RegionalDomainName'] },
              S3OriginConfig: { OriginAccessIdentity: '' },
              OriginAccessControlId: {
                'Fn::GetAtt': [Match.stringLikeRegexp('^WwwS3OriginAccessControl'), 'Id'],
              },
              CustomOriginConfig: Match.absent(),
            },
          ],
        }),
      });
      config().hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: [
            {
              Effect: 'Allow',
              Action: 's3:GetObject',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Resource: {
                'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Bucket'), 'Arn'] }, '/*']],
              },
              Condition: {
                StringEquals: {
                  'AWS:SourceArn': {
                    'Fn::Join': [
                      '',
                      [
                        'arn:',
                        { Ref: 'AWS::Partition' },
                        ':cloudfront::111111111111:distribution/',
                        { Ref: 'Www4AF92A2E' },
                      ],
                    ],
                  },
                },
              },
            },
          ],
        },
      });
    });

    test('two origins on one bucket share one statement and one access control', () => {
      const bucket = new s3.Bucket(stack, 'Bucket');
      new Distribution(stack, 'Www', {
        ...MINIMAL,
        origins: [
          { name: 'a', bucket },
          { name: 'b', bucket },
        ],
        defaultCacheBehavior: { targetOrigin: 'a' },
      });
      config().resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
      const [policy] = Object.values(config().findResources('AWS::S3::BucketPolicy'));
      expect(policy.Properties.PolicyDocument.Statement).toHaveLength(1);
    });

    test('a KMS-encrypted bucket gets a key policy statement for CloudFront', () => {
      const key = new kms.Key(stack, 'Key');
      const bucket = new s3.Bucket(stack, 'Bucket', {
        encryption: s3.BucketEncryption.KMS,
        encryptionKey: key,
      });
      new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
      config().hasResourceProperties('AWS::KMS::Key', {
        KeyPolicy: {
          Statement: Match.arrayWith([
            {
              Effect: 'Allow',
              Action: 'kms:Decrypt',
              Principal: { Service: 'cloudfront.amazonaws.com' },
              Resource: '*',
              Condition: {
                ArnLike: {
                  'AWS:SourceArn': ACCOUNT_DISTRIBUTIONS,
                },
              },
            },
          ]),
        },
      });
      Annotations.fromStack(stack).hasWarning(
        '/Stack/Www',
        Match.stringLikeRegexp("the bucket's KMS key policy lets"),
      );
      // No dependency cycle: the app synthesizes.
      expect(() => App.of(stack)!.synth()).not.toThrow();
    });

    test('an origin access identity is used and granted read instead', () => {
      const bucket = new s3.Bucket(stack, 'Bucket');
      const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
      new Distribution(stack, 'Www', {
        ...MINIMAL,
        origins: [{ name: 'www', bucket, originAccessIdentity: identity }],
      });
      config().resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
      config().hasResourceProperties('AWS::CloudFront::Distribution', {
        DistributionConfig: Match.objectLike({
          Origins: [
            Match.objectLike({
              S3OriginConfig: {
                OriginAccessIdentity: {
                  'Fn::Join': [
                    '',
                    ['origin-access-identity/cloudfront/', { Ref: Match.stringLikeRegexp('^Identity') }],
                  ],
                },
              },
              OriginAccessControlId: Match.absent(),
            }),
          ],
        }),
      });
      config().hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: [
            Match.objectLike({
              Action: 's3:GetObject',
              Principal: {
                CanonicalUser: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Identity'), 'S3CanonicalUserId'] },
              },
            }),
          ],
        },
      });
    });

    test('an imported bucket gets a warning with the statement to add', () => {
      const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'my-imported-bucket');
      new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
      config().resourceCountIs('AWS::S3::BucketPolicy', 0);
      Annotations.fromStack(stack).hasWarning(
        '/Stack/Www',
        Match.stringLikeRegexp(
          'the bucket is imported.*"Principal":\\{"Service":"cloudfront.amazonaws.com"\\},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-imported-bucket/\\*"',
        ),
      );
    });

    test('a bucket in another stack makes no dependency cycle', () => {
      const app = new App();
      const storage = new Stack(app, 'Storage', { env: ENV });
      const cdn = new Stack(app, 'Cdn', { env: ENV });
      const bucket = new s3.Bucket(storage, 'Bucket');
      new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
      expect(() => app.synth()).not.toThrow();
      Template.fromStack(storage).hasResourceProperties('AWS::S3::BucketPolicy', {
        PolicyDocument: {
          Statement: [
            Match.objectLike({
              Condition: {
                ArnLike: {
                  'AWS:SourceArn': ACCOUNT_DISTRIBUTIONS,
                },
              },
            }),
          ],
        },
      });
      Annotations.fromStack(cdn).hasWarning(
        '/Cdn/Www',
        Match.stringLikeRegexp('the bucket is in stack Storage'),
      );
    });
  });
});

describe('cache behaviours', () => {
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
        minTtl: Duration.seconds(1),
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
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        DefaultCacheBehavior: {
          TargetOriginId: 'www',
          ViewerProtocolPolicy: 'https-only',
          ForwardedValues: { QueryString: false, Headers: ['*'], Cookies: { Forward: 'all' } },
          MinTTL: 1,
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

  test('the specification default allow-all is accepted, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      defaultCacheBehavior: {
        targetOrigin: 'www',
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL,
      },
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
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

describe('error responses', () => {
  test('responseCode defaults to errorCode with a page, and minTtl to 10 seconds', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      errorResponses: [
        { errorCode: 503, responsePagePath: '/static/503.html' },
        { errorCode: 404, responsePagePath: '/index.html', responseCode: 200, minTtl: Duration.seconds(0) },
        { errorCode: 500, minTtl: Duration.minutes(1) },
      ],
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: [
          { ErrorCode: 503, ResponsePagePath: '/static/503.html', ResponseCode: 503, ErrorCachingMinTTL: 10 },
          { ErrorCode: 404, ResponsePagePath: '/index.html', ResponseCode: 200, ErrorCachingMinTTL: 0 },
          {
            ErrorCode: 500,
            ResponsePagePath: Match.absent(),
            ResponseCode: Match.absent(),
            ErrorCachingMinTTL: 60,
          },
        ],
      }),
    });
  });
});

describe('logging', () => {
  test('enabled without a bucket creates a log bucket CloudFront can write to', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true } });
    config().resourceCountIs('AWS::S3::Bucket', 1);
    config().hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
    config().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: {
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WwwLoggingBucket'), 'RegionalDomainName'] },
          IncludeCookies: false,
          Prefix: Match.absent(),
        },
      }),
    });
  });

  test('a given bucket, includeCookies and path', () => {
    const bucket = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    const distribution = new Distribution(stack, 'Www', {
      ...MINIMAL,
      logging: { enabled: true, bucket, includeCookies: true, path: 'cdn/www/' },
    });
    expect(distribution.loggingBucket).toBe(bucket);
    config().resourceCountIs('AWS::S3::Bucket', 1);
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: {
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'RegionalDomainName'] },
          IncludeCookies: true,
          Prefix: 'cdn/www/',
        },
      }),
    });
  });

  test('an imported bucket is taken as it is', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'Logs', 'my-logs');
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: Match.objectLike({ Bucket: 'my-logs.s3.us-east-1.amazonaws.com' }),
      }),
    });
  });

  test.each([
    ['no ownership setting (S3 disables ACLs)', {}],
    ['BUCKET_OWNER_ENFORCED', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED }],
  ])('fails when the log bucket has %s', (_, bucketProps) => {
    const bucket = new s3.Bucket(stack, 'Logs', bucketProps);
    expect(() => new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } })).toThrow(
      new Error(
        '`logging.bucket` must have ACLs enabled, since CloudFront writes standard logs with an ACL (S3\'s default, BucketOwnerEnforced, disables them): create it with `objectOwnership: s3.ObjectOwnership.OBJECT_WRITER` (or `BUCKET_OWNER_PREFERRED`); got: "BucketOwnerEnforced"',
      ),
    );
  });

  test('a log bucket with BUCKET_OWNER_PREFERRED is accepted', () => {
    const bucket = new s3.Bucket(stack, 'Logs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.objectLike({ IncludeCookies: false }) }),
    });
  });

  test('a bucket with logging disabled is a warning', () => {
    const bucket = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { bucket } });
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Logging: Match.absent() }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`logging.bucket` is given but `logging.enabled` is not true, so CloudFront writes no logs. Set `logging: { enabled: true, ... }` to log.',
        'loggingBucketUnused',
      ),
    );
  });
});

describe('fits the CDK ecosystem', () => {
  test('the L1 child is Resource, and escape hatches work', () => {
    const distribution = new Distribution(stack, 'Www', MINIMAL);
    const cfn = distribution.node.defaultChild as cloudfront.CfnDistribution;
    expect(cfn).toBeInstanceOf(cloudfront.CfnDistribution);
    cfn.addPropertyOverride('DistributionConfig.HttpVersion', 'http2and3');
    config().hasResourceProperties('AWS::CloudFront::Distribution', {
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
    expect(stack.resolve(distribution.distributionArn)).toEqual({
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':cloudfront::111111111111:distribution/',
          { Ref: 'Www4AF92A2E' },
        ],
      ],
    });
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
    config().hasResourceProperties('AWS::Route53::RecordSet', {
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
    config().hasResourceProperties('Custom::CDKBucketDeployment', {
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
    config().hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 'cloudfront:CreateInvalidation',
            Resource: {
              'Fn::Join': [
                '',
                [
                  'arn:',
                  { Ref: 'AWS::Partition' },
                  ':cloudfront::111111111111:distribution/',
                  { Ref: 'Www4AF92A2E' },
                ],
              ],
            },
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

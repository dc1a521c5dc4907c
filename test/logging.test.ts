import { App, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, config, errorOf, expectError, newStack, warning } from './helpers';
import { Distribution } from '../lib';

// Standard access logging (lib/private/logging.ts, the log bucket in lib/s3-access.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('enabled without a bucket creates a log bucket CloudFront can write to', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true } });
    config(stack).resourceCountIs('AWS::S3::Bucket', 1);
    config(stack).hasResourceProperties('AWS::S3::Bucket', {
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
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ],
      },
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: {
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WwwLoggingBucket'), 'RegionalDomainName'] },
          // CloudFormation's default (false), left out.
          IncludeCookies: Match.absent(),
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
    config(stack).resourceCountIs('AWS::S3::Bucket', 1);
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: Match.objectLike({ Bucket: 'my-logs.s3.us-east-1.amazonaws.com' }),
      }),
    });
  });

  test('a log bucket with BUCKET_OWNER_PREFERRED is accepted', () => {
    const bucket = new s3.Bucket(stack, 'Logs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
    });
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: { Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'RegionalDomainName'] } },
      }),
    });
  });
});

describe('fails when', () => {
  test.each([
    ['no ownership setting (S3 disables ACLs)', {}],
    ['BUCKET_OWNER_ENFORCED', { objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED }],
  ])('fails when the log bucket has %s', (_, bucketProps) => {
    const bucket = new s3.Bucket(stack, 'Logs', bucketProps);
    expect(() => new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } })).toThrow(
      new Error(
        errorOf(
          'Distribution Stack/Www',
          '`logging.bucket` must have ACLs enabled, since CloudFront writes standard logs with an ACL (S3\'s default, BucketOwnerEnforced, disables them): create it with `objectOwnership: s3.ObjectOwnership.OBJECT_WRITER` (or `BUCKET_OWNER_PREFERRED`); got: "BucketOwnerEnforced"',
        ),
      ),
    );
  });

  test("fails when the log bucket's ownership is changed on its L1 after a first distribution logged to it", () => {
    const bucket = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    new Distribution(stack, 'First', { ...MINIMAL, logging: { enabled: true, bucket } });
    (bucket.node.defaultChild as s3.CfnBucket).ownershipControls = {
      rules: [{ objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED }],
    };
    expect(() => new Distribution(stack, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } })).toThrow(
      /`logging.bucket` must have ACLs enabled.*; got: "BucketOwnerEnforced"$/,
    );
  });

  test('fails when logging.path starts with /', () => {
    expectError(
      stack,
      { logging: { enabled: true, path: '/cdn/' } },
      "`logging.path` must not start with '/' (it is a key prefix such as 'cdn/www/'); got: \"/cdn/\"",
    );
  });
});

describe('warns when', () => {
  test('a bucket with logging disabled is a warning', () => {
    const bucket = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    new Distribution(stack, 'Www', { ...MINIMAL, logging: { bucket } });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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

  test.each(['af-south-1', 'ap-east-1', 'eu-south-1', 'me-south-1'])(
    'the log bucket is in %s, where CloudFront delivers no standard logs',
    (region) => {
      const app = new App();
      const logs = new Stack(app, 'Logs', {
        env: { account: ENV.account, region },
        crossRegionReferences: true,
      });
      const bucket = new s3.Bucket(logs, 'Bucket', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
      const web = new Stack(app, 'Web', { env: ENV, crossRegionReferences: true });
      new Distribution(web, 'Www', { ...MINIMAL, logging: { enabled: true, bucket } });
      Annotations.fromStack(web).hasWarning(
        '/Web/Www',
        warning(
          `\`logging.bucket\` (Logs/Bucket) is in ${region}, a Region to which CloudFront does not deliver standard logs: the distribution deploys and no log file ever appears. Log to a bucket in another Region, or use standard logging v2 (\`accessLogs\` with \`AccessLogDestination.bucket\`), which delivers there.`,
          'logsNeverDelivered',
        ),
      );
    },
  );

  test("the log bucket made for logging is in such a Region (the distribution stack's)", () => {
    const bahrain = new Stack(new App(), 'Stack', { env: { account: ENV.account, region: 'me-south-1' } });
    new Distribution(bahrain, 'Www', { ...MINIMAL, logging: { enabled: true } });
    Annotations.fromStack(bahrain).hasWarning(
      '/Stack/Www',
      warning(
        "The log bucket made for `logging` (Stack/Www/LoggingBucket, in the distribution's stack) is in me-south-1, a Region to which CloudFront does not deliver standard logs: the distribution deploys and no log file ever appears. Log to a bucket in another Region, or use standard logging v2 (`accessLogs` with `AccessLogDestination.bucket`), which delivers there.",
        'logsNeverDelivered',
      ),
    );
  });

  test('(not) for buckets in other Regions, imported buckets, deploy-time Regions, or logging off', () => {
    const app = new App();
    const anywhere = new Stack(app, 'Anywhere');
    new Distribution(anywhere, 'Www', { ...MINIMAL, logging: { enabled: true } });
    const frankfurt = new Stack(app, 'Frankfurt', { env: { account: ENV.account, region: 'eu-central-1' } });
    new Distribution(frankfurt, 'Www', { ...MINIMAL, logging: { enabled: true } });
    const bahrain = new Stack(app, 'Bahrain', { env: { account: ENV.account, region: 'me-south-1' } });
    const imported = s3.Bucket.fromBucketAttributes(bahrain, 'Imported', {
      bucketName: 'logs',
      region: 'me-south-1',
    });
    new Distribution(bahrain, 'WithImported', { ...MINIMAL, logging: { enabled: true, bucket: imported } });
    const off = new s3.Bucket(bahrain, 'Off', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    new Distribution(bahrain, 'WithOff', { ...MINIMAL, logging: { enabled: false, bucket: off } });
    for (const s of [anywhere, frankfurt, bahrain]) {
      Annotations.fromStack(s).hasNoWarning('*', Match.stringLikeRegexp('logsNeverDelivered'));
    }
  });
});

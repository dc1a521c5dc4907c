import { App, Stack, aws_cloudfront as cloudfront, aws_kms as kms, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT_DISTRIBUTIONS, ENV, MINIMAL, config, errorOf, newStack, WWW_ARN } from './helpers';
import { Distribution } from '../lib';

// What lets CloudFront read an S3 origin: Origin Access Control, identities, bucket and key policies (lib/s3-access.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('uses Origin Access Control and a bucket policy limited to this distribution', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    config(stack).hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      }),
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
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
                'AWS:SourceArn': WWW_ARN,
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
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    const [policy] = Object.values(config(stack).findResources('AWS::S3::BucketPolicy'));
    expect(policy.Properties.PolicyDocument.Statement).toHaveLength(1);
  });

  test('a KMS-encrypted bucket gets a key policy statement for CloudFront', () => {
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Bucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: key,
    });
    new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    config(stack).hasResourceProperties('AWS::KMS::Key', {
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
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 0);
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
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
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
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

describe('warns when', () => {
  test('an imported bucket gets a warning with the statement to add', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'my-imported-bucket');
    new Distribution(stack, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    config(stack).resourceCountIs('AWS::S3::BucketPolicy', 0);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp(
        'the bucket is imported.*"Principal":\\{"Service":"cloudfront.amazonaws.com"\\},"Action":"s3:GetObject","Resource":"arn:aws:s3:::my-imported-bucket/\\*"',
      ),
    );
  });
});

describe('warns once per cause', () => {
  test('a shared bucket in another stack warns once, not once per distribution', () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const bucket = new s3.Bucket(storage, 'Bucket');
    new Distribution(cdn, 'One', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    new Distribution(cdn, 'Two', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    const warnings = Annotations.fromStack(cdn).findWarning(
      '*',
      Match.stringLikeRegexp('crossStackOriginBucket'),
    );
    expect(warnings.map((w) => w.id)).toEqual(['/Cdn/One']);
  });
});

describe('fails when a reference cannot be wired', () => {
  test("an origin access identity of the distribution's stack reads a bucket of another stack (a cycle)", () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const bucket = new s3.Bucket(storage, 'Bucket');
    const originAccessIdentity = new cloudfront.OriginAccessIdentity(cdn, 'Oai');
    expect(
      () =>
        new Distribution(cdn, 'Www', {
          ...MINIMAL,
          origins: [{ name: 'www', bucket, originAccessIdentity }],
        }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Cdn/Www',
          "`origins[0].originAccessIdentity` must be created in the bucket's stack Storage (or imported by ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity of stack Cdn",
        ),
      ),
    );
  });

  test("an identity in the bucket's stack works", () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const bucket = new s3.Bucket(storage, 'Bucket');
    const originAccessIdentity = new cloudfront.OriginAccessIdentity(storage, 'Oai');
    new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket, originAccessIdentity }] });
    expect(() => app.synth()).not.toThrow();
  });

  test('the bucket is in a stack of another Region', () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: { ...ENV, region: 'eu-west-1' } });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const bucket = new s3.Bucket(storage, 'Bucket');
    expect(() => new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] })).toThrow(
      new Error(
        errorOf(
          'Distribution Cdn/Www',
          "`origins[0].bucket` must be in the environment of the distribution's stack Cdn (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Storage (aws://111111111111/eu-west-1)",
        ),
      ),
    );
  });
});

test('fails, naming the prop, when an environment-agnostic stack references a bucket of a pinned stack', () => {
  const app = new App();
  const storage = new Stack(app, 'Storage', { env: ENV });
  const cdn = new Stack(app, 'Cdn');
  const bucket = new s3.Bucket(storage, 'Bucket');
  expect(() => new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket }] })).toThrow(
    new Error(
      errorOf(
        'Distribution Cdn/Www',
        "`origins[0].bucket` must be in the environment of the distribution's stack Cdn (aws://unknown-account/unknown-region): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Storage (aws://111111111111/us-east-1)",
      ),
    ),
  );
});

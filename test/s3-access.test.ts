import {
  App,
  CfnParameter,
  Stack,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_iam as iam,
  aws_kms as kms,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ACCOUNT_DISTRIBUTIONS, ENV, MINIMAL, config, errorOf, newStack, WWW_ARN } from './helpers';
import { Distribution, DistributionProps, StagingDistribution, StagingTraffic } from '../lib';
import { estimate } from '../lib/private/policy-size';
import { bucketPolicySize } from '../lib/s3-access';

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
              'Fn::GetAtt': [Match.stringLikeRegexp('^CloudFrontDistributionsS3OriginAccessControl'), 'Id'],
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
    const { app, storage, cdn, bucket } = storageAndCdn();
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

describe('names an origin known only by a deploy-time name by its prop path', () => {
  test('in the warning for an imported bucket', () => {
    const bucket = s3.Bucket.fromBucketName(stack, 'Imported', 'my-imported-bucket');
    const name = new CfnParameter(stack, 'OriginName').valueAsString;
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      origins: [{ name, bucket }],
      defaultCacheBehavior: { targetOrigin: name },
    });
    const [found] = Annotations.fromStack(stack).findWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('imported'),
    );
    expect(found.entry.data).toMatch(/^`origins\[0\]`: the bucket is imported/);
    expect(found.entry.data).not.toMatch(/Token\[/);
  });
});

describe('warns once per cause', () => {
  test('a shared bucket in another stack warns once, not once per distribution', () => {
    const { cdn, bucket } = storageAndCdn();
    new Distribution(cdn, 'One', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    new Distribution(cdn, 'Two', { ...MINIMAL, origins: [{ name: 'www', bucket }] });
    const warnings = Annotations.fromStack(cdn).findWarning(
      '*',
      Match.stringLikeRegexp('crossStackOriginBucket'),
    );
    expect(warnings.map((w) => w.id)).toEqual(['/Cdn/One']);
  });
});

/** An app with a bucket in stack Storage and a stack Cdn for the distribution, in these environments. */
function storageAndCdn(storageEnv: typeof ENV | 'agnostic' = ENV, cdnEnv: typeof ENV | 'agnostic' = ENV) {
  const app = new App();
  const storage = new Stack(app, 'Storage', { env: storageEnv === 'agnostic' ? undefined : storageEnv });
  const cdn = new Stack(app, 'Cdn', { env: cdnEnv === 'agnostic' ? undefined : cdnEnv });
  return { app, storage, cdn, bucket: new s3.Bucket(storage, 'Bucket') };
}

describe('fails when a reference cannot be wired', () => {
  test("an origin access identity of the distribution's stack reads a bucket of another stack (a cycle)", () => {
    const { cdn, bucket } = storageAndCdn();
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
          "`origins[0].originAccessIdentity` must be created in the bucket's stack Storage (or imported by a literal ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity of stack Cdn",
        ),
      ),
    );
  });

  test("an identity imported by an ID of the distribution's stack reads a bucket of another stack (a cycle)", () => {
    const { cdn, bucket } = storageAndCdn();
    const id = new CfnParameter(cdn, 'IdentityId').valueAsString;
    const originAccessIdentity = cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(cdn, 'Oai', id);
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
          "`origins[0].originAccessIdentity` must be created in the bucket's stack Storage (or imported by a literal ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity imported by an ID that is a value of stack Cdn",
        ),
      ),
    );
  });

  test('an identity imported by a literal ID reads a bucket of another stack', () => {
    const { app, cdn, bucket } = storageAndCdn();
    const originAccessIdentity = cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(
      cdn,
      'Oai',
      'E2QWRUHEXAMPLE',
    );
    new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', bucket, originAccessIdentity }] });
    expect(() => app.synth()).not.toThrow();
  });

  test("an identity in the bucket's stack works", () => {
    const { app, storage, cdn, bucket } = storageAndCdn();
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

describe('an aws-cdk-lib S3 origin (`cdkOrigin`) gets what `bucket` gets', () => {
  const OTHER_REGION =
    "`origins[0].cdkOrigin` must be in the environment of the distribution's stack Cdn (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Storage (aws://111111111111/eu-west-1)";
  /** An aws-cdk-lib origin on the function URL of a function of `scope`. */
  const urlOrigin = (scope: Stack) => {
    const fn = new lambda.Function(scope, 'Fn', {
      runtime: lambda.Runtime.NODEJS_20_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('exports.handler = async () => ({})'),
    });
    return new origins.FunctionUrlOrigin(fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.NONE }));
  };
  const attempt = (cdn: Stack, cdkOrigin: cloudfront.IOrigin) => () =>
    new Distribution(cdn, 'Www', { ...MINIMAL, origins: [{ name: 'www', cdkOrigin }] });

  test.each([
    ['Origin Access Control', (b: s3.IBucket) => origins.S3BucketOrigin.withOriginAccessControl(b)],
    ['an origin access identity', (b: s3.IBucket) => origins.S3BucketOrigin.withOriginAccessIdentity(b)],
    ['the bucket defaults', (b: s3.IBucket) => origins.S3BucketOrigin.withBucketDefaults(b)],
    ['a website endpoint', (b: s3.IBucket) => new origins.S3StaticWebsiteOrigin(b)],
  ])('fails when the bucket is in a stack of another Region (%s)', (_, origin) => {
    const { cdn, bucket } = storageAndCdn({ ...ENV, region: 'eu-west-1' }, ENV);
    expect(attempt(cdn, origin(bucket))).toThrow(new Error(errorOf('Distribution Cdn/Www', OTHER_REGION)));
  });

  test('fails, naming the prop, when an environment-agnostic stack reads a bucket of a pinned stack', () => {
    const { cdn, bucket } = storageAndCdn(ENV, 'agnostic');
    expect(attempt(cdn, origins.S3BucketOrigin.withOriginAccessControl(bucket))).toThrow(
      new Error(
        errorOf(
          'Distribution Cdn/Www',
          "`origins[0].cdkOrigin` must be in the environment of the distribution's stack Cdn (aws://unknown-account/unknown-region): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Storage (aws://111111111111/us-east-1)",
        ),
      ),
    );
  });

  test('fails when Origin Access Control reads a bucket of another stack (a cycle)', () => {
    const { cdn, bucket } = storageAndCdn(ENV, ENV);
    expect(attempt(cdn, origins.S3BucketOrigin.withOriginAccessControl(bucket))).toThrow(
      new Error(
        errorOf(
          'Distribution Cdn/Www',
          "`origins[0].cdkOrigin` must read a bucket of the distribution's stack Cdn: aws-cdk-lib's S3 origin with Origin Access Control names the distribution in the policy of a bucket of stack Storage, and the distribution names the bucket, a dependency cycle between the stacks. Give the bucket as `bucket` instead (its policy then lets the account's distributions read it), or create the bucket in Cdn; got: a bucket of stack Storage",
        ),
      ),
    );
  });

  test.each([
    ['an origin access identity', (b: s3.IBucket) => origins.S3BucketOrigin.withOriginAccessIdentity(b)],
    ['the bucket defaults', (b: s3.IBucket) => origins.S3BucketOrigin.withBucketDefaults(b)],
  ])('a bucket of another stack of the same environment works (%s)', (_, origin) => {
    const { app, cdn, bucket } = storageAndCdn(ENV, ENV);
    attempt(cdn, origin(bucket))();
    expect(() => app.synth()).not.toThrow();
  });

  test('fails when another aws-cdk-lib origin renders a resource of another Region', () => {
    const app = new App();
    const api = new Stack(app, 'Api', { env: { ...ENV, region: 'eu-west-1' } });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    expect(attempt(cdn, urlOrigin(api))).toThrow(
      new Error(
        errorOf(
          'Distribution Cdn/Www',
          "`origins[0].cdkOrigin` must be in the environment of the distribution's stack Cdn (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Api (aws://111111111111/eu-west-1)",
        ),
      ),
    );
  });

  test('the same aws-cdk-lib origin in one Region works', () => {
    const app = new App();
    const api = new Stack(app, 'Api', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    attempt(cdn, urlOrigin(api))();
    expect(() => app.synth()).not.toThrow();
  });

  test('fails when the bucket is encrypted with the AWS managed key, as `bucket` does', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS_MANAGED });
    expect(
      () =>
        new Distribution(stack, 'Www', {
          ...MINIMAL,
          origins: [{ name: 'www', cdkOrigin: origins.S3BucketOrigin.withOriginAccessControl(bucket) }],
        }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Stack/Www',
          '`origins[0].cdkOrigin` must not read a bucket encrypted with the AWS managed key aws/s3 (BucketEncryption.KMS_MANAGED): CloudFront cannot be allowed to decrypt with it. Use BucketEncryption.S3_MANAGED, or BucketEncryption.KMS with a key of yours; got: "aws/s3"',
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

/** The ARN of the distribution of logical id `logicalId`, as the template has it. */
function arnOf(logicalId: string): object {
  return {
    'Fn::Join': [
      '',
      ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::111111111111:distribution/', { Ref: logicalId }],
    ],
  };
}

/** `count` distributions `Www0`... in `scope`, each with an S3 origin on `bucket`. */
function many(scope: Stack, bucket: s3.IBucket, count: number, extra: Partial<DistributionProps> = {}): void {
  for (let i = 0; i < count; i++) {
    new Distribution(scope, `Www${i}`, { ...MINIMAL, origins: [{ name: 'www', bucket }], ...extra });
  }
}

describe('many distributions on one bucket', () => {
  test('share one Origin Access Control per stack, under a stable id', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    many(stack, bucket, 3);
    new Distribution(stack, 'Other', {
      ...MINIMAL,
      origins: [{ name: 'www', bucket: new s3.Bucket(stack, 'B2') }],
    });
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    expect(stack.node.findChild('CloudFrontDistributionsS3OriginAccessControl')).toBeInstanceOf(
      cloudfront.S3OriginAccessControl,
    );
    const ids = Object.values(config(stack).findResources('AWS::CloudFront::Distribution')).map(
      (d) => d.Properties.DistributionConfig.Origins[0].OriginAccessControlId,
    );
    expect(new Set(ids.map((id) => JSON.stringify(id))).size).toBe(1);
    expect(ids[0]).toEqual({ 'Fn::GetAtt': ['CloudFrontDistributionsS3OriginAccessControl4EDBE101', 'Id'] });
  });

  test('a stack of its own has its own Origin Access Control', () => {
    const other = new Stack(stack.node.root as App, 'Other', { env: ENV });
    many(stack, new s3.Bucket(stack, 'Bucket'), 1);
    many(other, new s3.Bucket(other, 'Bucket'), 1);
    config(stack).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    Template.fromStack(other).resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  test('are listed in one bucket policy statement (AWS:SourceArn with a list)', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    many(stack, bucket, 3);
    const distributions = Object.keys(config(stack).findResources('AWS::CloudFront::Distribution'));
    expect(distributions).toHaveLength(3);
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Resource: Match.anyValue(),
            Condition: { StringEquals: { 'AWS:SourceArn': distributions.map(arnOf) } },
          },
        ],
      },
    });
  });

  test("in other stacks than the bucket's: one statement for the account's distributions", () => {
    const app = stack.node.root as App;
    const bucket = new s3.Bucket(stack, 'Bucket');
    for (const id of ['CdnA', 'CdnB']) many(new Stack(app, id, { env: ENV }), bucket, 2);
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: { ArnLike: { 'AWS:SourceArn': ACCOUNT_DISTRIBUTIONS } },
          }),
        ],
      },
    });
  });

  test('with origin access identities: one statement whose principals are the identities', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    const identities = [0, 1].map((i) => new cloudfront.OriginAccessIdentity(stack, `Oai${i}`));
    identities.forEach(
      (originAccessIdentity, i) =>
        new Distribution(stack, `Www${i}`, {
          ...MINIMAL,
          origins: [{ name: 'www', bucket, originAccessIdentity }],
        }),
    );
    // A third distribution shares the first identity: no repeat.
    new Distribution(stack, 'Www2', {
      ...MINIMAL,
      origins: [{ name: 'www', bucket, originAccessIdentity: identities[0] }],
    });
    const [policy] = Object.values(config(stack).findResources('AWS::S3::BucketPolicy'));
    expect(policy.Properties.PolicyDocument.Statement).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: {
          CanonicalUser: [
            { 'Fn::GetAtt': [expect.stringMatching(/^Oai0/), 'S3CanonicalUserId'] },
            { 'Fn::GetAtt': [expect.stringMatching(/^Oai1/), 'S3CanonicalUserId'] },
          ],
        },
      }),
    ]);
  });

  test('on a KMS bucket: one key policy statement for them all', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS });
    many(stack, bucket, 3);
    const [key] = Object.values(config(stack).findResources('AWS::KMS::Key'));
    const forCloudFront = key.Properties.KeyPolicy.Statement.filter(
      (st: { Principal?: { Service?: string } }) => st.Principal?.Service === 'cloudfront.amazonaws.com',
    );
    expect(forCloudFront).toEqual([
      expect.objectContaining({
        Action: 'kms:Decrypt',
        Condition: { ArnLike: { 'AWS:SourceArn': ACCOUNT_DISTRIBUTIONS } },
      }),
    ]);
  });

  test('250 distributions on one bucket in one stack: one bucket policy, and Origin Access Controls of 100 distributions each', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    many(stack, bucket, 250);
    const template = config(stack);
    template.resourceCountIs('AWS::CloudFront::Distribution', 250);
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 3);
    template.resourceCountIs('AWS::S3::BucketPolicy', 1);
    const counts = countBy(accessControlsOf(stack, 250));
    expect(counts).toEqual({
      CloudFrontDistributionsS3OriginAccessControl: 100,
      CloudFrontDistributionsS3OriginAccessControl2: 100,
      CloudFrontDistributionsS3OriginAccessControl3: 50,
    });
  });
});

describe("Origin Access Controls hold at most 100 distributions (CloudFront's quota)", () => {
  test('in the order the distributions are created', () => {
    many(stack, new s3.Bucket(stack, 'Bucket'), 101);
    const controls = accessControlsOf(stack, 101);
    expect(new Set(controls.slice(0, 100))).toEqual(
      new Set(['CloudFrontDistributionsS3OriginAccessControl']),
    );
    expect(controls[100]).toBe('CloudFrontDistributionsS3OriginAccessControl2');
    config(stack).hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        Description:
          'Origin Access Control 2 for the S3 origins of the CloudFront distributions of this stack',
      }),
    });
  });

  test('adding a distribution never moves one that was there', () => {
    const before = newStack();
    many(before, new s3.Bucket(before, 'Bucket'), 150);
    const after = newStack();
    many(after, new s3.Bucket(after, 'Bucket'), 151);
    expect(accessControlsOf(after, 151).slice(0, 150)).toEqual(accessControlsOf(before, 150));
  });

  test('one distribution with several S3 origins, and one added later, counts once', () => {
    const buckets = [0, 1].map((i) => new s3.Bucket(stack, `Bucket${i}`));
    many(stack, buckets[0], 99);
    const two = new Distribution(stack, 'Two', {
      ...MINIMAL,
      origins: [
        { name: 'a', bucket: buckets[0] },
        { name: 'b', bucket: buckets[1] },
      ],
      defaultCacheBehavior: { targetOrigin: 'a' },
    });
    two.addOrigin({ name: 'c', bucket: buckets[1], originPath: '/c' });
    const controls = () => stack.node.children.filter((c) => c instanceof cloudfront.S3OriginAccessControl);
    expect(controls()).toHaveLength(1);
    new Distribution(stack, 'Last', { ...MINIMAL, origins: [{ name: 'www', bucket: buckets[0] }] });
    expect(controls()).toHaveLength(2);
  });

  test('a staging twin counts as a distribution', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    many(stack, bucket, 99);
    const props = {
      ...MINIMAL,
      origins: [{ name: 'www', bucket }],
      httpVersion: cloudfront.HttpVersion.HTTP2,
    };
    const primary = new Distribution(stack, 'Primary', props);
    new StagingDistribution(stack, 'Staging', {
      ...props,
      primary,
      traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
    });
    const staging = config(stack).findResources('AWS::CloudFront::Distribution', {
      Properties: { DistributionConfig: { Staging: true } },
    });
    const [twin] = Object.values(staging);
    expect(twin.Properties.DistributionConfig.Origins[0].OriginAccessControlId).toEqual({
      'Fn::GetAtt': [expect.stringMatching(/^CloudFrontDistributionsS3OriginAccessControl2/), 'Id'],
    });
  });
});

/** The construct id of the Origin Access Control of each of `Www0`... `Www<count - 1>`, in order. */
function accessControlsOf(scope: Stack, count: number): string[] {
  const resources = config(scope).toJSON().Resources;
  const byLogicalId = new Map(
    scope.node
      .findAll()
      .filter((c) => c instanceof cloudfront.CfnOriginAccessControl)
      .map((c) => [scope.getLogicalId(c as cloudfront.CfnOriginAccessControl), c.node.scope!.node.id]),
  );
  return Array.from({ length: count }, (_, i) => {
    const cfn = scope.node.findChild(`Www${i}`).node.defaultChild as cloudfront.CfnDistribution;
    const origin = resources[scope.getLogicalId(cfn)].Properties.DistributionConfig.Origins[0];
    return byLogicalId.get(origin.OriginAccessControlId['Fn::GetAtt'][0])!;
  });
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

describe("a bucket policy's size", () => {
  test.each([1, 2, 37])(
    'with %i distributions listed (and a statement of its own), counted equals resolved',
    (count) => {
      const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
      many(stack, bucket, count);
      const document = bucket.policy!.document;
      expect(bucketPolicySize(bucket, document)).toBe(estimate(stack.resolve(document)));
    },
  );

  test('a policy without distributions listed is resolved', () => {
    const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    const document = bucket.policy!.document;
    expect(bucketPolicySize(bucket, document)).toBe(estimate(stack.resolve(document)));
  });
});

describe('fails when a policy this library writes to would be too large', () => {
  test('a bucket read by too many distributions', () => {
    const bucket = new s3.Bucket(stack, 'Bucket');
    many(stack, bucket, 330);
    expect(() => App.of(stack)!.synth()).toThrow(
      /\[Stack\/Bucket\] Bucket Stack\/Bucket: its policy must be at most 20480 bytes \(S3's limit on a bucket policy\), or the deploy fails; it lets 330 distributions through Origin Access Control read the bucket\. Spread the distributions over more buckets, move statements of your own out of this policy, or import the bucket \(s3\.Bucket\.fromBucketName\) and write its policy yourself with one AWS:SourceArn pattern such as arn:aws:cloudfront::<account>:distribution\/\*; got: about 2\d{4} bytes/,
    );
  });

  test("a key policy with statements of its own beyond KMS's limit", () => {
    const key = new kms.Key(stack, 'Key');
    for (let i = 0; i < 200; i++) {
      key.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Encrypt'],
          resources: ['*'],
          principals: [
            new iam.ArnPrincipal(`arn:aws:iam::111111111111:role/a-rather-long-role-name-for-the-test-${i}`),
          ],
          conditions: { StringEquals: { 'kms:ViaService': `s3.us-east-1.amazonaws.com` } },
        }),
      );
    }
    many(
      stack,
      new s3.Bucket(stack, 'Bucket', { encryption: s3.BucketEncryption.KMS, encryptionKey: key }),
      1,
    );
    expect(() => App.of(stack)!.synth()).toThrow(
      /\[Stack\/Key\] KMS key Stack\/Key: its policy must be at most 32768 bytes \(KMS's limit on a key policy\), or the deploy fails\. Move statements of your own out of this policy, or import the key and write its policy yourself; got: about \d+ bytes/,
    );
  });

  test('(not) 300 distributions on one bucket', () => {
    many(stack, new s3.Bucket(stack, 'Bucket'), 300);
    expect(() => App.of(stack)!.synth()).not.toThrow();
  });
});

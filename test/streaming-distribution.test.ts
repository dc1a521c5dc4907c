import {
  App,
  CfnParameter,
  Lazy,
  Stack,
  Tags,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, errorOf, newStack, warning } from './helpers';
import { StreamingDistribution, StreamingDistributionProps } from '../lib';

let stack: Stack;
let bucket: s3.Bucket;
beforeEach(() => {
  stack = newStack();
  bucket = new s3.Bucket(stack, 'Media');
});

function config(): Template {
  return Template.fromStack(stack);
}

const RTMP_WARNING = warning(
  'AWS discontinued RTMP distributions on 31 December 2020 and CloudFormation deprecates AWS::CloudFront::StreamingDistribution: CloudFront will not create this one. Serve HLS or DASH from a web Distribution with an S3 origin instead; see the README section "Streaming (RTMP) distributions".',
  'rtmpDiscontinued',
);

test('the README example (snapshot)', () => {
  new StreamingDistribution(stack, 'Rtmp', {
    name: 'media.example.com',
    origin: { bucket },
  });
  expect(config().toJSON()).toMatchSnapshot();
});

describe('minimal streaming distribution', () => {
  beforeEach(() => {
    new StreamingDistribution(stack, 'Rtmp', { name: 'media.example.com', origin: { bucket } });
  });

  test('renders every default explicitly', () => {
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: {
        Comment: 'media.example.com',
        Aliases: ['media.example.com'],
        Enabled: true,
        PriceClass: 'PriceClass_100',
        S3Origin: {
          DomainName: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Media'), 'DomainName'] },
          OriginAccessIdentity: {
            'Fn::Join': [
              '',
              [
                'origin-access-identity/cloudfront/',
                { Ref: Match.stringLikeRegexp('^RtmpOriginAccessIdentity') },
              ],
            ],
          },
        },
        TrustedSigners: { Enabled: false },
        Logging: Match.absent(),
      },
      Tags: [],
    });
  });

  test('creates an identity and grants it read on the bucket, which stays private', () => {
    config().resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    config().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: {
              CanonicalUser: {
                'Fn::GetAtt': [Match.stringLikeRegexp('^RtmpOriginAccessIdentity'), 'S3CanonicalUserId'],
              },
            },
            Resource: {
              'Fn::Join': ['', [{ 'Fn::GetAtt': [Match.stringLikeRegexp('^Media'), 'Arn'] }, '/*']],
            },
          },
        ],
      },
    });
  });

  test('warns that RTMP is discontinued', () => {
    Annotations.fromStack(stack).hasWarning('/Stack/Rtmp', RTMP_WARNING);
  });
});

describe('props', () => {
  test('comment, aliases without repeats, enabled, priceClass', () => {
    new StreamingDistribution(stack, 'Rtmp', {
      name: 'media.example.com',
      comment: 'Old Flash player media',
      aliases: ['rtmp.example.com', 'media.example.com'],
      enabled: false,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL,
      origin: { bucket },
    });
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({
        Comment: 'Old Flash player media',
        Aliases: ['media.example.com', 'rtmp.example.com'],
        Enabled: false,
        PriceClass: 'PriceClass_All',
      }),
    });
  });

  test('a given identity is used and granted read', () => {
    const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
    const rtmp = new StreamingDistribution(stack, 'Rtmp', {
      name: 'media.example.com',
      origin: { bucket, originAccessIdentity: identity },
    });
    expect(rtmp.originAccessIdentity).toBe(identity);
    config().resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({
        S3Origin: Match.objectLike({
          OriginAccessIdentity: {
            'Fn::Join': [
              '',
              ['origin-access-identity/cloudfront/', { Ref: Match.stringLikeRegexp('^Identity') }],
            ],
          },
        }),
      }),
    });
    config().hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [
          Match.objectLike({
            Principal: {
              CanonicalUser: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Identity'), 'S3CanonicalUserId'] },
            },
          }),
        ],
      },
    });
  });

  test('an imported bucket gets a warning with the grant to add', () => {
    const imported = s3.Bucket.fromBucketName(stack, 'Imported', 'old-media');
    new StreamingDistribution(stack, 'Rtmp', { name: 'media.example.com', origin: { bucket: imported } });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Rtmp',
      warning(
        '`origin`: the bucket is imported, so its policy cannot be changed here and CloudFront cannot read it yet. Add this statement to the bucket policy to let the origin access identity read: {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity <the ID of origin access identity Stack/Rtmp/OriginAccessIdentity, known after its deploy>"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::old-media/*"}',
        'importedBucketPolicy',
      ),
    );
  });

  test('a bucket in another stack makes no dependency cycle', () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const media = new s3.Bucket(storage, 'Media');
    new StreamingDistribution(cdn, 'Rtmp', { name: 'media.example.com', origin: { bucket: media } });
    expect(() => app.synth()).not.toThrow();
    Template.fromStack(storage).resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 1);
  });

  test('logging enabled renders Enabled, Bucket and Prefix, with a log bucket CloudFront can write to', () => {
    new StreamingDistribution(stack, 'Rtmp', {
      name: 'media.example.com',
      origin: { bucket },
      logging: { enabled: true },
    });
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({
        Logging: {
          Enabled: true,
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^RtmpLoggingBucket'), 'DomainName'] },
          Prefix: '',
        },
      }),
    });
    config().hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
    });
  });

  test('logging with a given bucket and path', () => {
    const logs = new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    new StreamingDistribution(stack, 'Rtmp', {
      name: 'media.example.com',
      origin: { bucket },
      logging: { enabled: true, bucket: logs, path: 'rtmp/' },
    });
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({
        Logging: {
          Enabled: true,
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Logs'), 'DomainName'] },
          Prefix: 'rtmp/',
        },
      }),
    });
  });

  test('logging disabled renders no block', () => {
    new StreamingDistribution(stack, 'Rtmp', {
      name: 'media.example.com',
      origin: { bucket },
      logging: { enabled: false },
    });
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({ Logging: Match.absent() }),
    });
    config().resourceCountIs('AWS::S3::Bucket', 1);
  });
});

describe('tags', () => {
  test('Tags.of() works and is rendered', () => {
    const rtmp = new StreamingDistribution(stack, 'Rtmp', { name: 'media.example.com', origin: { bucket } });
    Tags.of(rtmp).add('team', 'media');
    Tags.of(stack).add('env', 'prod');
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 'media' },
      ],
    });
  });
});

describe('fits the CDK ecosystem', () => {
  test('the L1 child is Resource and attributes resolve to it', () => {
    const rtmp = new StreamingDistribution(stack, 'Rtmp', { name: 'media.example.com', origin: { bucket } });
    expect(rtmp.node.defaultChild).toBeInstanceOf(cloudfront.CfnStreamingDistribution);
    expect(stack.resolve(rtmp.streamingDistributionId)).toEqual({ Ref: 'Rtmp14D9A5D5' });
    expect(stack.resolve(rtmp.streamingDistributionDomainName)).toEqual({
      'Fn::GetAtt': ['Rtmp14D9A5D5', 'DomainName'],
    });
  });

  test('fromStreamingDistributionAttributes imports one', () => {
    const imported = StreamingDistribution.fromStreamingDistributionAttributes(stack, 'Imported', {
      streamingDistributionId: 'EGTXBD79EXAMPLE',
      domainName: 's5c39gqb8ow64r.cloudfront.net',
    });
    expect(imported.streamingDistributionId).toBe('EGTXBD79EXAMPLE');
    expect(imported.streamingDistributionDomainName).toBe('s5c39gqb8ow64r.cloudfront.net');
  });
});

describe('validation', () => {
  function expectError(props: Partial<StreamingDistributionProps>, msg: string) {
    expect(
      () =>
        new StreamingDistribution(stack, 'Rtmp', {
          name: 'media.example.com',
          origin: { bucket },
          ...props,
        } as StreamingDistributionProps),
    ).toThrow(new Error(errorOf('StreamingDistribution Stack/Rtmp', msg)));
  }

  test.each([{}, undefined])('fails when the bucket is missing (origin %j)', (origin) => {
    expectError(
      { origin: origin as never },
      '`origin.bucket` is required: the S3 bucket to stream media from; got: nothing',
    );
  });

  test.each(['media', 'media..example.com', 'rtmp://media.example.com'])(
    'fails when an alias is %j',
    (alias) => {
      expectError(
        { aliases: [alias] },
        `\`aliases[0]\` must be a domain name such as www.example.com or *.example.com; got: ${JSON.stringify(alias)}`,
      );
    },
  );

  test('fails when the comment is over 128 characters', () => {
    const comment = 'x'.repeat(129);
    expectError(
      { comment },
      `\`comment\` must be at most 128 characters (CloudFront's limit on Comment); got: "${comment}"`,
    );
  });

  test('fails when the name, as the default comment, is over 128 characters', () => {
    const name = `${'a'.repeat(60)}.${'b'.repeat(60)}.example.com`;
    expectError(
      { name },
      `\`name\` must be at most 128 characters (CloudFront's limit on Comment); got: "${name}"`,
    );
  });

  test('fails when the price class is unknown', () => {
    expectError(
      { priceClass: 'PriceClass_50' as cloudfront.PriceClass },
      '`priceClass` must be one of PriceClass_100, PriceClass_200, PriceClass_All; got: "PriceClass_50"',
    );
  });

  test('fails when the log bucket has ACLs disabled, and when the path starts with /', () => {
    const logs = new s3.Bucket(stack, 'Logs');
    expectError(
      { logging: { enabled: true, bucket: logs, path: '/rtmp/' } },
      [
        "`logging.path` must not start with '/' (it is a key prefix such as 'cdn/www/'); got: \"/rtmp/\"",
        '`logging.bucket` must have ACLs enabled, since CloudFront writes standard logs with an ACL (S3\'s default, BucketOwnerEnforced, disables them): create it with `objectOwnership: s3.ObjectOwnership.OBJECT_WRITER` (or `BUCKET_OWNER_PREFERRED`); got: "BucketOwnerEnforced"',
      ].join('\n'),
    );
  });

  test('does not judge unresolved tokens', () => {
    const str = (v: string) => Lazy.string({ produce: () => v });
    new StreamingDistribution(stack, 'Rtmp', {
      name: str('media.example.com'),
      comment: str('A comment'),
      aliases: [str('rtmp.example.com')],
      priceClass: str('PriceClass_All') as cloudfront.PriceClass,
      origin: { bucket },
      logging: { enabled: true, path: str('rtmp/') },
    });
    config().resourceCountIs('AWS::CloudFront::StreamingDistribution', 1);
  });
});

describe('fails when a reference cannot be wired', () => {
  test('the bucket is in a stack of another Region', () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: { ...ENV, region: 'eu-west-1' } });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const media = new s3.Bucket(storage, 'Media');
    expect(
      () => new StreamingDistribution(cdn, 'Rtmp', { name: 'media.example.com', origin: { bucket: media } }),
    ).toThrow(
      new Error(
        errorOf(
          'StreamingDistribution Cdn/Rtmp',
          "`origin.bucket` must be in the environment of the distribution's stack Cdn (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Cdn; got: a resource of stack Storage (aws://111111111111/eu-west-1)",
        ),
      ),
    );
  });

  test("a given identity of the distribution's stack reads a bucket of another stack (a cycle)", () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const media = new s3.Bucket(storage, 'Media');
    const originAccessIdentity = new cloudfront.OriginAccessIdentity(cdn, 'Oai');
    expect(
      () =>
        new StreamingDistribution(cdn, 'Rtmp', {
          name: 'media.example.com',
          origin: { bucket: media, originAccessIdentity },
        }),
    ).toThrow(
      new Error(
        errorOf(
          'StreamingDistribution Cdn/Rtmp',
          "`origin.originAccessIdentity` must be created in the bucket's stack Storage (or imported by a literal ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity of stack Cdn",
        ),
      ),
    );
  });

  test("an identity imported by an ID of the distribution's stack reads a bucket of another stack (a cycle)", () => {
    const app = new App();
    const storage = new Stack(app, 'Storage', { env: ENV });
    const cdn = new Stack(app, 'Cdn', { env: ENV });
    const media = new s3.Bucket(storage, 'Media');
    const id = new CfnParameter(cdn, 'IdentityId').valueAsString;
    const originAccessIdentity = cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(cdn, 'Oai', id);
    expect(
      () =>
        new StreamingDistribution(cdn, 'Rtmp', {
          name: 'media.example.com',
          origin: { bucket: media, originAccessIdentity },
        }),
    ).toThrow(
      new Error(
        errorOf(
          'StreamingDistribution Cdn/Rtmp',
          "`origin.originAccessIdentity` must be created in the bucket's stack Storage (or imported by a literal ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity imported by an ID that is a value of stack Cdn",
        ),
      ),
    );
  });

  test('aliases as a deploy-time list synthesize, after the name', () => {
    const aliases = new CfnParameter(stack, 'Aliases', { type: 'CommaDelimitedList' }).valueAsList;
    new StreamingDistribution(stack, 'Rtmp', { name: 'media.example.com', aliases, origin: { bucket } });
    config().hasResourceProperties('AWS::CloudFront::StreamingDistribution', {
      StreamingDistributionConfig: Match.objectLike({
        Aliases: {
          'Fn::Split': [
            ',',
            { 'Fn::Join': [',', ['media.example.com', { 'Fn::Join': [',', { Ref: 'Aliases' }] }]] },
          ],
        },
      }),
    });
  });
});

describe('fails when plain JavaScript passes a wrong type', () => {
  test.each([
    [{ name: ['media.example.com'] }, '`name` must be a string; got: ["media.example.com"] (a list)'],
    [{ origin: 'media' }, '`origin` must be an object; got: "media" (a string)'],
    [{ logging: { enabled: 1 } }, '`logging.enabled` must be true or false; got: 1 (a number)'],
  ])('%j', (props, msg) => {
    expect(
      () =>
        new StreamingDistribution(stack, 'Rtmp', {
          name: 'media.example.com',
          origin: { bucket },
          ...props,
        } as unknown as StreamingDistributionProps),
    ).toThrow(new Error(errorOf('StreamingDistribution Stack/Rtmp', msg)));
  });
});

import {
  Annotations,
  IResource,
  Lazy,
  Names,
  Resource,
  Stack,
  Token,
  aws_cloudfront as cloudfront,
  aws_iam as iam,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { commonRules } from './private/distribution-rules';
import { WARNING, logBucketProblems, setUpLogBucket } from './private/log-bucket';
import { message, throwIfAny } from './private/validation';

/**
 * The S3 bucket an RTMP distribution streams media from: the specification's `S3Origin`.
 */
export interface StreamingOrigin {
  /**
   * The bucket holding the media files.
   *
   * Becomes `S3Origin.DomainName` (the bucket's `s3.amazonaws.com` domain name).
   */
  readonly bucket: s3.IBucket;

  /**
   * The origin access identity CloudFront reads the bucket with. RTMP distributions support
   * identities only (not Origin Access Control).
   *
   * Becomes `S3Origin.OriginAccessIdentity` (`origin-access-identity/cloudfront/<id>`).
   *
   * @default - a new identity, granted `s3:GetObject` on the bucket: the bucket is never public
   */
  readonly originAccessIdentity?: cloudfront.IOriginAccessIdentity;
}

/**
 * Access logging of an RTMP distribution: the specification's `StreamingLoggingConfig`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
 */
export interface StreamingLoggingConfig {
  /**
   * Whether CloudFront writes access logs.
   *
   * @default false
   */
  readonly enabled?: boolean;

  /**
   * The bucket to write logs to. It must have ACLs enabled.
   *
   * Becomes `Logging.Bucket`.
   *
   * @default - with `enabled`, a new private, encrypted bucket with ACLs enabled for CloudFront
   */
  readonly bucket?: s3.IBucket;

  /**
   * A prefix for the log files' keys, such as `rtmp/`.
   *
   * Becomes `Logging.Prefix` (rendered as `''` when not given: CloudFormation requires it).
   *
   * @default - no prefix
   */
  readonly path?: string;
}

/**
 * Properties of an RTMP distribution: the specification's `StreamingDistribution`.
 */
export interface StreamingDistributionProps {
  /**
   * The name of the distribution: the primary domain name it serves, such as
   * `media.example.com`. The default `comment` and the first alias.
   */
  readonly name: string;

  /**
   * A comment about the distribution, at most 128 characters.
   *
   * Becomes `Comment`.
   *
   * @default - the `name`
   */
  readonly comment?: string;

  /**
   * More domain names the distribution serves. RTMP needs no certificate for them.
   *
   * Becomes `Aliases`, after `name`, without repeats.
   *
   * @default - only `name`
   */
  readonly aliases?: string[];

  /**
   * Whether the distribution accepts requests.
   *
   * Becomes `Enabled`.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The S3 bucket to stream media from.
   *
   * Becomes `S3Origin`.
   */
  readonly origin: StreamingOrigin;

  /**
   * Access logging to S3.
   *
   * Becomes `Logging`.
   *
   * @default - no logging
   */
  readonly logging?: StreamingLoggingConfig;

  /**
   * Which edge locations serve the distribution, by price.
   *
   * Becomes `PriceClass`.
   *
   * @default PriceClass.PRICE_CLASS_100 (the cheapest)
   */
  readonly priceClass?: cloudfront.PriceClass;
}

/**
 * An RTMP distribution, imported or made here.
 */
export interface IStreamingDistribution extends IResource {
  /**
   * The distribution's ID, such as `EGTXBD79EXAMPLE`.
   *
   * @attribute
   */
  readonly streamingDistributionId: string;

  /**
   * The distribution's domain name, such as `s5c39gqb8ow64r.cloudfront.net`.
   *
   * @attribute
   */
  readonly streamingDistributionDomainName: string;
}

/**
 * What identifies an existing RTMP distribution.
 */
export interface StreamingDistributionAttributes {
  /**
   * The distribution's ID.
   */
  readonly streamingDistributionId: string;

  /**
   * The distribution's domain name.
   */
  readonly domainName: string;
}

/**
 * A CloudFront RTMP distribution: streams media files from an S3 bucket over RTMP, RTMPT,
 * RTMPE and RTMPTE, on ports 1935 and 80.
 *
 * **AWS discontinued RTMP distributions on 31 December 2020**, and CloudFormation marks
 * `AWS::CloudFront::StreamingDistribution` deprecated: CloudFront no longer creates them. This
 * construct still synthesizes fully, for people migrating old configuration, and warns. Serve
 * HLS or DASH from a web `Distribution` with an S3 origin instead (see the README).
 *
 * @resource AWS::CloudFront::StreamingDistribution
 * @see https://aws.amazon.com/blogs/networking-and-content-delivery/rtmp-support-discontinuation/
 */
export class StreamingDistribution extends Resource implements IStreamingDistribution {
  /**
   * Imports an existing RTMP distribution.
   */
  public static fromStreamingDistributionAttributes(
    scope: Construct,
    id: string,
    attrs: StreamingDistributionAttributes,
  ): IStreamingDistribution {
    class Import extends Resource implements IStreamingDistribution {
      public readonly streamingDistributionId = attrs.streamingDistributionId;
      public readonly streamingDistributionDomainName = attrs.domainName;
    }
    return new Import(scope, id);
  }

  /**
   * @attribute
   */
  public readonly streamingDistributionId: string;

  /**
   * @attribute
   */
  public readonly streamingDistributionDomainName: string;

  /**
   * The identity CloudFront reads the bucket with.
   */
  public readonly originAccessIdentity: cloudfront.IOriginAccessIdentity;

  /**
   * The bucket access logs go to, when logging is enabled.
   */
  public readonly loggingBucket?: s3.IBucket;

  constructor(scope: Construct, id: string, props: StreamingDistributionProps) {
    super(scope, id);

    const problems = streamingRules(props);
    problems.push(...logBucketProblems(props.logging));
    throwIfAny(problems);

    Annotations.of(this).addWarningV2(
      `${WARNING}:rtmpDiscontinued`,
      'AWS discontinued RTMP distributions on 31 December 2020 and CloudFormation deprecates AWS::CloudFront::StreamingDistribution: CloudFront will not create this one. Serve HLS or DASH from a web Distribution with an S3 origin instead; see the README section "Streaming (RTMP) distributions".',
    );

    const bucket = props.origin.bucket;
    this.originAccessIdentity = props.origin.originAccessIdentity ?? this.newIdentity(bucket, props.name);
    const added = bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects('*')],
        principals: [this.originAccessIdentity.grantPrincipal],
      }),
    ).statementAdded;
    if (!added) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:importedBucketPolicy`,
        '`origin.bucket` is imported, so its policy cannot be changed here: grant the origin access identity s3:GetObject on the bucket\'s objects ({"Effect":"Allow","Principal":{"CanonicalUser":"<the identity\'s S3 canonical user ID>"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::<bucket name>/*"}).',
      );
    }

    this.loggingBucket = setUpLogBucket(this, props.logging);

    const resource = new cloudfront.CfnStreamingDistribution(this, 'Resource', {
      streamingDistributionConfig: {
        comment: props.comment ?? props.name,
        aliases: [...new Set([props.name, ...(props.aliases ?? [])])],
        enabled: props.enabled ?? true,
        priceClass: props.priceClass ?? cloudfront.PriceClass.PRICE_CLASS_100,
        s3Origin: {
          domainName: bucket.bucketDomainName,
          originAccessIdentity: `origin-access-identity/cloudfront/${this.originAccessIdentity.originAccessIdentityId}`,
        },
        // CloudFormation requires TrustedSigners; private content is not part of the specification.
        trustedSigners: { enabled: false },
        // CloudFormation requires all three keys when logging is on.
        logging: this.loggingBucket
          ? { enabled: true, bucket: this.loggingBucket.bucketDomainName, prefix: props.logging?.path ?? '' }
          : undefined,
      },
      tags: [],
    });
    // CloudFormation documents Tags as required on this type, but the L1 drops an empty list:
    // render the tags Tags.of() gives, or an empty list.
    resource.addPropertyOverride(
      'Tags',
      Lazy.any(
        {
          produce: () =>
            ((resource.tags.renderTags() as { key: string; value: string }[] | undefined) ?? []).map((t) => ({
              Key: t.key,
              Value: t.value,
            })),
        },
        { omitEmptyArray: false },
      ),
    );

    this.streamingDistributionId = resource.ref;
    this.streamingDistributionDomainName = resource.attrDomainName;
  }

  private newIdentity(bucket: s3.IBucket, name: string): cloudfront.IOriginAccessIdentity {
    // An identity in the bucket's stack keeps a bucket of another stack free of a cycle.
    const bucketStack = Stack.of(bucket);
    const elsewhere = bucketStack !== Stack.of(this);
    return new cloudfront.OriginAccessIdentity(
      elsewhere ? bucketStack : this,
      elsewhere ? `${Names.uniqueId(this)}OriginAccessIdentity` : 'OriginAccessIdentity',
      { comment: `RTMP distribution ${Token.isUnresolved(name) ? '' : name}`.trim() },
    );
  }
}

/** What CloudFront would reject of a streaming distribution's props. */
function streamingRules(props: StreamingDistributionProps): string[] {
  const problems: string[] = [];
  problems.push(...commonRules(props));
  if (props.origin?.bucket === undefined) {
    problems.push(message('origin.bucket', 'is required: the S3 bucket to stream media from', undefined));
  }
  return problems;
}

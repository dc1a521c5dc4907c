import { IResource, Lazy, Resource, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as streaming from './private/streaming';
import { compact } from './private/template';
import { addWarnings, throwIfAny } from './private/validation';
import { grantIdentityRead, newIdentity, setUpLogBucket } from './s3-access';

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

    throwIfAny(`StreamingDistribution ${this.node.path}`, streaming.rules(props, this));
    addWarnings(this, streaming.warnings(props));

    const bucket = props.origin.bucket;
    this.originAccessIdentity = props.origin.originAccessIdentity ?? newIdentity(this, bucket, props.name);
    grantIdentityRead(this, '`origin`', bucket, this.originAccessIdentity);
    this.loggingBucket = setUpLogBucket(this, props.logging);

    const resource = new cloudfront.CfnStreamingDistribution(this, 'Resource', {
      streamingDistributionConfig: compact(
        streaming.render(props, this.originAccessIdentity, this.loggingBucket),
      ),
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
}

import { aws_s3 as s3 } from 'aws-cdk-lib';

/**
 * Standard (access) logging of a distribution to an S3 bucket.
 *
 * CloudFront writes log files with S3 ACLs, so the bucket must have ACLs enabled
 * (`ObjectOwnership.OBJECT_WRITER` or `BUCKET_OWNER_PREFERRED`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
 */
export interface LoggingConfig {
  /**
   * Whether CloudFront writes access logs.
   *
   * @default false
   */
  readonly enabled?: boolean;

  /**
   * Whether the logs include cookies.
   *
   * Becomes `Logging.IncludeCookies`.
   *
   * @default false
   */
  readonly includeCookies?: boolean;

  /**
   * The bucket to write logs to.
   *
   * Becomes `Logging.Bucket` (the bucket's regional domain name).
   *
   * @default - with `enabled`, a new private, encrypted bucket with ACLs enabled for CloudFront
   */
  readonly bucket?: s3.IBucket;

  /**
   * A prefix for the log files' keys in the bucket, such as `cdn/www/`.
   *
   * Becomes `Logging.Prefix`.
   *
   * @default - no prefix
   */
  readonly path?: string;
}

import { aws_logs as logs, aws_s3 as s3 } from 'aws-cdk-lib';

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

/**
 * The format of access log records (standard logging v2).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
export enum AccessLogFormat {
  /** One JSON object per record. */
  JSON = 'json',
  /** Fields separated by `fieldDelimiter`. */
  PLAIN = 'plain',
  /** W3C extended log format. */
  W3C = 'w3c',
  /** The records as CloudFront writes them. */
  RAW = 'raw',
  /** Apache Parquet files (Amazon S3). */
  PARQUET = 'parquet',
}

/**
 * Where CloudFront delivers access logs (standard logging v2): a CloudWatch Logs log group, an
 * S3 bucket (no ACLs needed) or a Data Firehose stream.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
export class AccessLogDestination {
  /**
   * A CloudWatch Logs log group, in us-east-1 (where CloudFront delivers from). The log group's
   * resource policy gets the statement that lets the log delivery service write to it.
   */
  public static logGroup(logGroup: logs.ILogGroup): AccessLogDestination {
    return new AccessLogDestination('logGroup', logGroup.logGroupArn, logGroup, undefined, {});
  }

  /**
   * An S3 bucket, in any Region. The bucket's policy gets the statement that lets the log
   * delivery service write objects to it.
   */
  public static bucket(bucket: s3.IBucket, options: BucketAccessLogOptions = {}): AccessLogDestination {
    return new AccessLogDestination('bucket', bucket.bucketArn, undefined, bucket, options);
  }

  /**
   * A Data Firehose delivery stream, by its ARN (the log delivery service writes to it through
   * its service-linked role).
   */
  public static firehose(deliveryStreamArn: string): AccessLogDestination {
    return new AccessLogDestination('firehose', deliveryStreamArn, undefined, undefined, {});
  }

  /** @internal */
  public readonly _kind: string;
  /** @internal */
  public readonly _arn: string;
  /** @internal */
  public readonly _logGroup?: logs.ILogGroup;
  /** @internal */
  public readonly _bucket?: s3.IBucket;
  /** @internal */
  public readonly _bucketOptions: BucketAccessLogOptions;

  private constructor(
    kind: string,
    arn: string,
    logGroup: logs.ILogGroup | undefined,
    bucket: s3.IBucket | undefined,
    bucketOptions: BucketAccessLogOptions,
  ) {
    this._kind = kind;
    this._arn = arn;
    this._logGroup = logGroup;
    this._bucket = bucket;
    this._bucketOptions = bucketOptions;
  }
}

/**
 * How access logs are laid out in an S3 bucket.
 */
export interface BucketAccessLogOptions {
  /**
   * The path under which log files go, which may use the variables `{DistributionId}`,
   * `{yyyy}`, `{MM}`, `{dd}` and `{HH}`, such as `cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}`.
   *
   * Becomes the delivery's `S3SuffixPath`.
   *
   * @default - CloudFront's default path
   */
  readonly suffixPath?: string;

  /**
   * Whether the path is Hive-compatible (`year=2026/month=11/...`), for Athena and Glue.
   *
   * Becomes the delivery's `S3EnableHiveCompatiblePath`.
   *
   * @default false
   */
  readonly hiveCompatiblePath?: boolean;
}

/**
 * Access logs through CloudFront's standard logging v2 (CloudWatch vended logs), beside or
 * instead of the specification's `logging` (legacy standard logs, which stays as it is).
 *
 * Renders an `AWS::Logs::DeliverySource` for the distribution, an
 * `AWS::Logs::DeliveryDestination` and the `AWS::Logs::Delivery` between them. CloudFront delivers
 * these logs from us-east-1, so the distribution's stack must be in us-east-1.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */
export interface AccessLogs {
  /**
   * Where the logs go.
   */
  readonly destination: AccessLogDestination;

  /**
   * The format of the records.
   *
   * Becomes the delivery destination's `OutputFormat`.
   *
   * @default - the destination's default format
   */
  readonly format?: AccessLogFormat;

  /**
   * The fields each record holds, in order, such as `['date', 'time', 'c-ip', 'sc-status']`.
   *
   * Becomes the delivery's `RecordFields`.
   *
   * @default - every field
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html
   */
  readonly fields?: string[];

  /**
   * The character(s) between fields in the plain and W3C formats.
   *
   * Becomes the delivery's `FieldDelimiter`.
   *
   * @default - the format's default
   */
  readonly fieldDelimiter?: string;
}

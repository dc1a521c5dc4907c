import { aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { CFN_DEFAULTS, DEFAULTS } from './defaults';
import { literalRegion } from './references';
import { resolvedProperty, unlessDefault } from './template';
import { Shape, Warning, like, message, isDeployTime } from './validation';

/**
 * Standard (legacy) access logging to an S3 bucket, for both kinds of distribution: rules,
 * rendering and warnings, side by side. The log bucket itself is created in `s3-access.ts`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html
 */

/** What standard logging of either kind of distribution needs: the shape both configs share. */
export interface LogSettings {
  readonly enabled?: boolean;
  readonly includeCookies?: boolean;
  readonly bucket?: s3.IBucket;
  readonly path?: string;
}

/** The types of logging's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  enabled: 'boolean',
  includeCookies: 'boolean',
  bucket: like('an s3.IBucket', 'node', 'bucketName'),
  path: 'string',
};

/** True when CloudFront is to write logs. */
export function isEnabled(logging: LogSettings | undefined): boolean {
  return logging?.enabled === true;
}

/**
 * A log prefix is a key prefix; a log bucket of this app must let CloudFront write with ACLs.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html#AccessLogsBucketAndFileOwnership
 */
export function rules(logging: LogSettings | undefined): string[] {
  const problems: string[] = [];
  const path = logging?.path;
  if (typeof path === 'string' && !isDeployTime(path) && path.startsWith('/')) {
    problems.push(
      message('logging.path', "must not start with '/' (it is a key prefix such as 'cdn/www/')", path),
    );
  }
  const bucket = logging?.bucket;
  if (!bucket || !isEnabled(logging)) return problems;
  const cfn = bucket.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return problems;
  const ownership = ownershipOf(cfn);
  if (ownership !== undefined && typeof ownership !== 'string') return problems;
  if (
    ownership === s3.ObjectOwnership.OBJECT_WRITER ||
    ownership === s3.ObjectOwnership.BUCKET_OWNER_PREFERRED
  ) {
    return problems;
  }
  problems.push(
    message(
      'logging.bucket',
      "must have ACLs enabled, since CloudFront writes standard logs with an ACL (S3's default, BucketOwnerEnforced, disables them): create it with `objectOwnership: s3.ObjectOwnership.OBJECT_WRITER` (or `BUCKET_OWNER_PREFERRED`)",
      ownership ?? 'BucketOwnerEnforced',
    ),
  );
  return problems;
}

/**
 * A log bucket's `ObjectOwnership` (undefined: S3's default). Hundreds of distributions may log
 * to one bucket: its L1's value is resolved once.
 */
function ownershipOf(cfn: s3.CfnBucket): unknown {
  const controls = resolvedProperty(cfn, cfn.ownershipControls) as
    s3.CfnBucket.OwnershipControlsProperty | undefined;
  const ownershipRules = controls?.rules as s3.CfnBucket.OwnershipControlsRuleProperty[] | undefined;
  return ownershipRules?.[0]?.objectOwnership;
}

/** A bucket given while logging is off. */
export function warnings(logging: LogSettings | undefined): Warning[] {
  if (isEnabled(logging) || !logging?.bucket) return [];
  return [
    {
      id: 'loggingBucketUnused',
      message:
        '`logging.bucket` is given but `logging.enabled` is not true, so CloudFront writes no logs. Set `logging: { enabled: true, ... }` to log.',
    },
  ];
}

/**
 * The Regions whose buckets CloudFront does not deliver standard logs (legacy) to. Standard
 * logging v2 delivers to them.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#access-logs-choosing-s3-bucket
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html ("Send logs to opt-in AWS Regions")
 */
export const UNDELIVERED_REGIONS: readonly string[] = ['af-south-1', 'ap-east-1', 'eu-south-1', 'me-south-1'];

/**
 * A log bucket in a Region CloudFront does not deliver standard logs to: the distribution
 * deploys, and no log file ever appears. Judged when the bucket's stack has a literal Region
 * (a bucket made in this app, the given one or the one made for `logging`); an imported
 * bucket's Region is not known.
 */
export function deliveryWarnings(
  logging: LogSettings | undefined,
  bucket: s3.IBucket | undefined,
): Warning[] {
  if (!isEnabled(logging) || !bucket) return [];
  const region = literalRegion(undefined, bucket);
  if (region === undefined || !UNDELIVERED_REGIONS.includes(region)) return [];
  const which = logging?.bucket
    ? `\`logging.bucket\` (${bucket.node.path})`
    : `The log bucket made for \`logging\` (${bucket.node.path}, in the distribution's stack)`;
  return [
    {
      id: 'logsNeverDelivered',
      message: `${which} is in ${region}, a Region to which CloudFront does not deliver standard logs: the distribution deploys and no log file ever appears. Log to a bucket in another Region, or use standard logging v2 (\`accessLogs\` with \`AccessLogDestination.bucket\`), which delivers there.`,
    },
  ];
}

/** A web distribution's `Logging`, to `bucket` (the log bucket), or nothing without one. */
export function render(
  bucket: s3.IBucket | undefined,
  logging: LogSettings | undefined,
): cloudfront.CfnDistribution.LoggingProperty | undefined {
  if (!bucket) return undefined;
  return {
    bucket: bucket.bucketRegionalDomainName,
    includeCookies: unlessDefault(
      logging?.includeCookies ?? DEFAULTS.loggingIncludeCookies,
      CFN_DEFAULTS.loggingIncludeCookies,
    ),
    prefix: unlessDefault(logging?.path, CFN_DEFAULTS.loggingPrefix),
  };
}

/** An RTMP distribution's `Logging`: CloudFormation requires all three keys when it logs. */
export function renderStreaming(
  bucket: s3.IBucket | undefined,
  logging: LogSettings | undefined,
): cloudfront.CfnStreamingDistribution.LoggingProperty | undefined {
  if (!bucket) return undefined;
  return {
    enabled: true,
    bucket: bucket.bucketDomainName,
    prefix: logging?.path ?? DEFAULTS.streamingLoggingPrefix,
  };
}

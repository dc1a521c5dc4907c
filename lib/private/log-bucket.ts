import { Annotations, Stack, Token, aws_s3 as s3 } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { message } from './validation';

/** The prefix of every warning id of this library. */
export const WARNING = 'cdk-cloudfront-distributions';

/** What standard logging of either kind of distribution needs: the shape both configs share. */
export interface LogSettings {
  readonly enabled?: boolean;
  readonly bucket?: s3.IBucket;
  readonly path?: string;
}

/**
 * A log bucket of this app must let CloudFront write with ACLs; a log prefix is a key prefix.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html#AccessLogsBucketAndFileOwnership
 */
export function logBucketProblems(logging: LogSettings | undefined): string[] {
  const problems: string[] = [];
  const path = logging?.path;
  if (typeof path === 'string' && !Token.isUnresolved(path) && path.startsWith('/')) {
    problems.push(
      message('logging.path', "must not start with '/' (it is a key prefix such as 'cdn/www/')", path),
    );
  }
  const bucket = logging?.bucket;
  if (!bucket || logging?.enabled !== true) return problems;
  const cfn = bucket.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return problems;
  // aws-cdk-lib keeps L1 properties in a wrapper; resolving gives the plain value.
  const controls = Stack.of(cfn).resolve(cfn.ownershipControls) as
    s3.CfnBucket.OwnershipControlsProperty | undefined;
  const ownership = (controls?.rules as s3.CfnBucket.OwnershipControlsRuleProperty[] | undefined)?.[0]
    ?.objectOwnership;
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
 * The bucket logs go to: the given one, or a new one CloudFront can write to; none when
 * logging is not enabled (with a warning when a bucket was given anyway).
 */
export function setUpLogBucket(scope: Construct, logging: LogSettings | undefined): s3.IBucket | undefined {
  if (logging?.enabled !== true) {
    if (logging?.bucket) {
      Annotations.of(scope).addWarningV2(
        `${WARNING}:loggingBucketUnused`,
        '`logging.bucket` is given but `logging.enabled` is not true, so CloudFront writes no logs. Set `logging: { enabled: true, ... }` to log.',
      );
    }
    return undefined;
  }
  if (logging.bucket) return logging.bucket;
  const bucket = new s3.Bucket(scope, 'LoggingBucket', {
    // CloudFront standard logging writes with ACLs.
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
  });
  // The log bucket is itself the destination of logs: logging its own access would be
  // circular. cdk-nag reads this metadata; no dependency on cdk-nag is needed.
  (bucket.node.defaultChild as s3.CfnBucket).addMetadata('cdk_nag', {
    rules_to_suppress: [
      {
        id: 'AwsSolutions-S1',
        reason: 'This bucket receives CloudFront access logs; logging access to it would be circular.',
      },
    ],
  });
  return bucket;
}

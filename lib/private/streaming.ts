import { aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import * as certificate from './certificate';
import { DEFAULTS } from './defaults';
import * as logging from './logging';
import { crossEnvironment, identityPlacement } from './references';
import * as settings from './settings';
import { Shape, Warning, like, message, typeRules } from './validation';

/**
 * An RTMP (streaming) distribution: the specification's `StreamingDistribution`. Its rules,
 * rendering and warnings; the names, comment, price class and logging are the shared concepts'.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudfront-streamingdistribution.html
 */

/** What an RTMP distribution is made of. */
export interface StreamingInput extends certificate.NamesInput, settings.CommonSettingsInput {
  readonly enabled?: boolean;
  readonly origin: {
    readonly bucket: s3.IBucket;
    readonly originAccessIdentity?: cloudfront.IOriginAccessIdentity;
  };
  readonly logging?: logging.LogSettings;
}

/** The types of an RTMP distribution's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  ...certificate.NAMES_SHAPE,
  ...settings.COMMON_SHAPE,
  origin: {
    bucket: like('an s3.IBucket', 'node', 'bucketName', 'bucketDomainName'),
    originAccessIdentity: like('a cloudfront.IOriginAccessIdentity', 'node', 'originAccessIdentityId'),
  },
  logging: logging.SHAPE,
};

/**
 * Every problem of an RTMP distribution; references to other stacks are judged from `scope`.
 * Props of the wrong type (from plain JavaScript) are reported alone.
 */
export function rules(input: StreamingInput, scope?: IConstruct): string[] {
  if (typeof input !== 'object' || input === null) return [message('props', 'must be an object', input)];
  const types = typeRules('', input, SHAPE);
  if (types.length > 0) return types;
  // Every name of an RTMP distribution is an alias.
  const problems = certificate.nameRules(input, true);
  problems.push(...settings.commonRules(input));
  if (input.origin?.bucket === undefined) {
    problems.push(message('origin.bucket', 'is required: the S3 bucket to stream media from', undefined));
  }
  problems.push(...logging.rules(input.logging));
  if (scope && input.origin?.bucket) {
    problems.push(...crossEnvironment('origin.bucket', input.origin.bucket, scope));
    problems.push(
      ...crossEnvironment('origin.originAccessIdentity', input.origin.originAccessIdentity, scope),
    );
    problems.push(
      ...identityPlacement(
        'origin.originAccessIdentity',
        input.origin.bucket,
        input.origin.originAccessIdentity,
        scope,
      ),
    );
    problems.push(...crossEnvironment('logging.bucket', input.logging?.bucket, scope));
  }
  return problems;
}

/** RTMP is gone; and the shared logging warning. */
export function warnings(input: StreamingInput): Warning[] {
  return [
    {
      id: 'rtmpDiscontinued',
      message:
        'AWS discontinued RTMP distributions on 31 December 2020 and CloudFormation deprecates AWS::CloudFront::StreamingDistribution: CloudFront will not create this one. Serve HLS or DASH from a web Distribution with an S3 origin instead; see the README section "Streaming (RTMP) distributions".',
    },
    ...logging.warnings(input.logging),
  ];
}

/** The `StreamingDistributionConfig`, reading through `identity` and logging to `logBucket`. */
export function render(
  input: StreamingInput,
  identity: cloudfront.IOriginAccessIdentity,
  logBucket: s3.IBucket | undefined,
): cloudfront.CfnStreamingDistribution.StreamingDistributionConfigProperty {
  return {
    comment: input.comment ?? input.name,
    aliases: certificate.renderAliases(input),
    enabled: input.enabled ?? DEFAULTS.enabled,
    priceClass: input.priceClass ?? DEFAULTS.priceClass,
    s3Origin: {
      domainName: input.origin.bucket.bucketDomainName,
      originAccessIdentity: `origin-access-identity/cloudfront/${identity.originAccessIdentityId}`,
    },
    // CloudFormation requires TrustedSigners; private content is not part of the specification.
    trustedSigners: { enabled: false },
    logging: logging.renderStreaming(logBucket, input.logging),
  };
}

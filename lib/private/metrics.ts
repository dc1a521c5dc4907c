import { aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { message } from './validation';

/**
 * A distribution's CloudWatch metrics: where they live and which need the additional metrics
 * subscription. CloudFront publishes its metrics in us-east-1, in namespace AWS/CloudFront, with
 * the dimensions DistributionId and Region (always `Global`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
 */

/** The Region CloudFront publishes its metrics in. */
export const METRICS_REGION = 'us-east-1';

/** The metrics CloudFront publishes only with additional metrics turned on (a paid subscription). */
export const ADDITIONAL_METRICS = [
  'OriginLatency',
  'CacheHitRate',
  '401ErrorRate',
  '403ErrorRate',
  '404ErrorRate',
  '502ErrorRate',
  '503ErrorRate',
  '504ErrorRate',
];

/** The props of metric `metricName` of the distribution `distributionId`, `options` over them. */
export function metricProps(
  metricName: string,
  distributionId: string,
  options: cloudwatch.MetricOptions = {},
): cloudwatch.MetricProps {
  return {
    namespace: 'AWS/CloudFront',
    metricName,
    dimensionsMap: { DistributionId: distributionId, Region: 'Global' },
    region: METRICS_REGION,
    ...options,
  };
}

/** The problem of asking, through `method`, for an additional metric that is not published. */
export function additionalRules(
  metricName: string,
  method: string,
  publishAdditionalMetrics: boolean | undefined,
): string[] {
  if (!ADDITIONAL_METRICS.includes(metricName) || publishAdditionalMetrics === true) return [];
  return [
    message(
      'publishAdditionalMetrics',
      `must be true to use ${method}: CloudFront publishes ${metricName} only as an additional metric`,
      publishAdditionalMetrics,
    ),
  ];
}

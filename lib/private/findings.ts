import { aws_s3 as s3 } from 'aws-cdk-lib';
import { LogSettings, deliveryWarnings } from './logging';
import { covers, matches } from './path-pattern';
import { distributionQuotaWarnings } from './quotas';
import { Warning, isDeployTime } from './validation';
import { CacheBehavior, DefaultCacheBehavior } from '../cache-behavior';
import { ErrorResponse } from '../error-response';
import { Origin, OriginGroup } from '../origins';

/**
 * Findings: configurations CloudFront accepts that do not do what was meant. Each is a warning
 * with a stable id; deploy-time values are never judged.
 */

/** What the findings read of a distribution, as it stands at synth. */
export interface FindingsInput {
  readonly origins: readonly Origin[];
  readonly originGroups?: readonly OriginGroup[];
  readonly defaultCacheBehavior: DefaultCacheBehavior;
  readonly behaviors?: readonly CacheBehavior[];
  readonly errorResponses?: readonly ErrorResponse[];
  readonly logging?: LogSettings;
  /** The bucket standard logs go to: `logging.bucket`, or the one made for `logging`. */
  readonly loggingBucket?: s3.IBucket;
}

/** Every finding of a distribution. */
export function findings(input: FindingsInput): Warning[] {
  return [
    ...shadowedBehaviors(input),
    ...unusedOrigins(input),
    ...errorPagesFromFailingOrigin(input),
    ...deliveryWarnings(input.logging, input.loggingBucket),
    ...distributionQuotaWarnings(input),
  ];
}

/**
 * A behaviour every path of which an earlier behaviour's pattern already matches: CloudFront
 * tries behaviours in order and takes the first match, so it is never used. Only the first such
 * earlier behaviour is named.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
function shadowedBehaviors(input: FindingsInput): Warning[] {
  const patterns = (input.behaviors ?? []).map((b) =>
    typeof b.pathPattern === 'string' && !isDeployTime(b.pathPattern) ? b.pathPattern : undefined,
  );
  return patterns.flatMap((inner, j) => {
    if (inner === undefined) return [];
    const i = patterns.findIndex((outer, k) => k < j && outer !== undefined && covers(outer, inner));
    if (i < 0) return [];
    return [
      {
        id: 'shadowedBehavior',
        message: `\`behaviors[${j}]\` (${JSON.stringify(inner)}) is never used: every path it matches is matched first by \`behaviors[${i}]\` (${JSON.stringify(patterns[i])}), and CloudFront applies the first behaviour that matches. Move it before \`behaviors[${i}]\`, or remove it.`,
      },
    ];
  });
}

/** An origin that no behaviour and no origin group targets: CloudFront never requests it. */
function unusedOrigins(input: FindingsInput): Warning[] {
  const used = new Set([
    ...[input.defaultCacheBehavior, ...(input.behaviors ?? [])].map((b) => b.targetOrigin),
    ...(input.originGroups ?? []).flatMap((g) => [g.primaryOrigin, g.secondaryOrigin]),
  ]);
  // A target or group member known only at deploy time may name any origin.
  if ([...used].some(isDeployTime)) return [];
  return input.origins.flatMap((o, i) =>
    isDeployTime(o.name) || used.has(o.name)
      ? []
      : [
          {
            id: 'unusedOrigin',
            message: `\`origins[${i}]\` (${JSON.stringify(o.name)}) is the target of no behaviour and no origin group: CloudFront never sends it a request. Name it in a behaviour's \`targetOrigin\` or in \`originGroups\`, or remove it.`,
          },
        ],
  );
}

/**
 * The specification's advice: an error page for a 5xx code should come from another origin than
 * the site's, "otherwise it is likely your error page would go down when your site went down".
 * The page's path is routed through the behaviours, in order, as CloudFront routes it.
 */
function errorPagesFromFailingOrigin(input: FindingsInput): Warning[] {
  const site = input.defaultCacheBehavior.targetOrigin;
  const behaviors = input.behaviors ?? [];
  if (
    isDeployTime(site) ||
    behaviors.some((b) => isDeployTime(b.pathPattern) || isDeployTime(b.targetOrigin))
  ) {
    return [];
  }
  return (input.errorResponses ?? []).flatMap((e, i) => {
    const page = e.responsePagePath;
    if (page === undefined || isDeployTime(page) || isDeployTime(e.errorCode) || e.errorCode < 500) return [];
    const index = behaviors.findIndex(
      (b) => typeof b.pathPattern === 'string' && matches(b.pathPattern, page),
    );
    const routed = index >= 0 ? behaviors[index].targetOrigin : site;
    if (routed !== site) return [];
    const through =
      index >= 0
        ? `\`behaviors[${index}]\` (${JSON.stringify(behaviors[index].pathPattern)})`
        : '`defaultCacheBehavior`';
    return [
      {
        id: 'errorPageFromFailingOrigin',
        message: `\`errorResponses[${i}].responsePagePath\` (${JSON.stringify(page)}) for ${e.errorCode} is served through ${through} from origin ${JSON.stringify(site)}, the default behaviour's: when that origin fails, the error page fails with it ("otherwise it is likely your error page would go down when your site went down"). Serve the page from another origin, such as an S3 bucket, through a behaviour whose pathPattern matches it.`,
      },
    ];
  });
}

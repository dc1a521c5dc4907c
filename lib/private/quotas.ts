import { Warning, isDeployTime } from './validation';

/**
 * CloudFront's default quotas on what one distribution holds. They can be raised (Service Quotas,
 * or AWS Support), so going past one is a warning that names it; the limits that cannot be raised
 * are errors where their values are judged (custom headers: `origin.ts`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-web-distributions
 */
export const DISTRIBUTION_QUOTAS = [
  { prop: 'origins', quota: 'Origins per distribution', max: 100 },
  { prop: 'behaviors', quota: 'Cache behaviors per distribution', max: 75 },
  { prop: 'originGroups', quota: 'Origin groups per distribution', max: 10 },
] as const;

/** What the quotas count, as the distribution stands at synth (after addOrigin, addBehavior). */
export interface Counted {
  readonly origins?: readonly unknown[];
  readonly behaviors?: readonly unknown[];
  readonly originGroups?: readonly unknown[];
}

/** Every count of `props` above CloudFront's default quota. */
export function distributionQuotaWarnings(props: Counted): Warning[] {
  return DISTRIBUTION_QUOTAS.flatMap(({ prop, quota, max }) => {
    const list = props[prop];
    if (list === undefined || isDeployTime(list) || list.length <= max) return [];
    return [
      {
        id: 'distributionQuota',
        message: `\`${prop}\` holds ${list.length}, more than CloudFront's default quota "${quota}" (${max}): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).`,
      },
    ];
  });
}

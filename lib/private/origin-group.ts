import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { Shape, message, oneOf, required, unique, unknown, isDeployTime } from './validation';
import { OriginGroup } from '../origins';

/**
 * An origin group: two origins, the second taking over when the first fails. Its rules and
 * rendering, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */

/** The status codes an origin group can fail over on (same page). */
export const FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504];

/** The types of an origin group's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  name: 'string',
  primaryOrigin: 'string',
  secondaryOrigin: 'string',
  failoverStatusCodes: 'number list',
};

/** Origin groups `at` (`originGroups`): unique names, two different origins each, known codes. */
export function rules(at: string, groups: readonly OriginGroup[], originNames: readonly string[]): string[] {
  const problems = unique(
    `${at}[].name`,
    groups.map((g) => g.name).filter((n) => typeof n === 'string'),
    'names',
  );
  const namesKnown = originNames.every((n) => typeof n === 'string' && !isDeployTime(n));
  groups.forEach((g, i) => {
    const gi = `${at}[${i}]`;
    problems.push(...required(`${gi}.name`, g.name));
    if (!unknown(g.name) && originNames.includes(g.name)) {
      problems.push(message(`${gi}.name`, 'must differ from every origin name', g.name));
    }
    for (const field of ['primaryOrigin', 'secondaryOrigin'] as const) {
      problems.push(...required(`${gi}.${field}`, g[field]));
      if (namesKnown && !unknown(g[field]) && !originNames.includes(g[field])) {
        problems.push(
          message(
            `${gi}.${field}`,
            `must name an origin (${originNames.map((n) => JSON.stringify(n)).join(', ')})`,
            g[field],
          ),
        );
      }
    }
    if (!unknown(g.primaryOrigin) && g.primaryOrigin === g.secondaryOrigin) {
      problems.push(message(`${gi}.secondaryOrigin`, 'must differ from `primaryOrigin`', g.secondaryOrigin));
    }
    const codes = g.failoverStatusCodes;
    if (codes !== undefined && !isDeployTime(codes)) {
      if (codes.length === 0) {
        problems.push(message(`${gi}.failoverStatusCodes`, 'must list at least one code', codes));
      }
      codes.forEach((c, j) =>
        problems.push(...oneOf(`${gi}.failoverStatusCodes[${j}]`, c, FAILOVER_STATUS_CODES)),
      );
      problems.push(...unique(`${gi}.failoverStatusCodes`, codes.map(String), 'codes'));
    }
  });
  return problems;
}

/** The groups as CloudFormation's `OriginGroups`, or nothing when there are none. */
export function render(
  groups: readonly OriginGroup[] | undefined,
): cloudfront.CfnDistribution.OriginGroupsProperty | undefined {
  if (!groups?.length) return undefined;
  return {
    quantity: groups.length,
    items: groups.map((g) => {
      const codes = g.failoverStatusCodes ?? [...DEFAULTS.failoverStatusCodes];
      return {
        id: g.name,
        failoverCriteria: { statusCodes: { quantity: codes.length, items: [...codes] } },
        members: { quantity: 2, items: [{ originId: g.primaryOrigin }, { originId: g.secondaryOrigin }] },
      };
    }),
  };
}

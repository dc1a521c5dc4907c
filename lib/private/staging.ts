import { Duration, Stack, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { HEADER_LIMITS } from './origin';
import { Warning, isDeployTime, message, secondsIn, unknown, HEADER_NAME } from './validation';
import { ViewerMtlsInput, defaultHttpVersion } from './viewer-mtls';

/**
 * Staged rollouts (CloudFront continuous deployment): a staging distribution, the continuous
 * deployment policy that sends it part of the primary's traffic, and the primary's link to the
 * policy. The rules CloudFront documents, and the rendering of the policy, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment.html
 */

/**
 * The largest share of traffic a weight may send to the staging distribution (15%).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ContinuousDeploymentSingleWeightConfig.html
 */
export const MAX_WEIGHT = 0.15;

/**
 * Session stickiness: idle and maximum durations of 300-3600 seconds.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-continuousdeploymentpolicy-sessionstickinessconfig.html
 */
export const STICKINESS_SECONDS = { min: 300, max: 3600 };

/**
 * The prefix every header that routes to a staging distribution must have, and the lengths of its
 * name and value.
 *
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ContinuousDeploymentSingleHeaderConfig.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-continuousdeploymentpolicy-singleheaderconfig.html
 */
export const HEADER_PREFIX = 'aws-cf-cd-';

/**
 * HTTP versions continuous deployment cannot be used with: "You can't use continuous deployment
 * with a distribution that supports HTTP/3."
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html
 */
const HTTP3_VERSIONS: readonly string[] = [cloudfront.HttpVersion.HTTP3, cloudfront.HttpVersion.HTTP2_AND_3];

/**
 * The account quotas on staging distributions and on continuous deployment policies: 20 each.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/continuous-deployment-quotas-considerations.html
 */
export const MAX_STAGING_PER_ACCOUNT = 20;

/** The warning for the twin that takes an app past the account quota. */
export function quotaWarning(count: number): Warning[] {
  if (count !== MAX_STAGING_PER_ACCOUNT + 1) return [];
  return [
    {
      id: 'stagingQuota',
      message: `The app now has ${count} staging distributions (each with its continuous deployment policy), more than CloudFront's quota of ${MAX_STAGING_PER_ACCOUNT} per AWS account ("Maximum number of staging distributions per AWS account"): the deploy fails unless the quota was raised.`,
    },
  ];
}

/** How the traffic reaches the staging distribution, as given (see `StagingTraffic`). */
export interface TrafficInput {
  readonly kind: 'weight' | 'header';
  readonly weight?: number;
  readonly idleTtl?: Duration;
  readonly maximumTtl?: Duration;
  readonly header?: string;
  readonly value?: string;
}

/** The traffic rule: a weight within CloudFront's bounds, or a header with its prefix. */
export function trafficRules(t: TrafficInput): string[] {
  const problems: string[] = [];
  if (t.kind === 'weight') {
    const w = t.weight;
    if (!unknown(w) && !(typeof w === 'number' && w >= 0 && w <= MAX_WEIGHT)) {
      problems.push(
        message(
          'traffic.weight',
          `must be a share of traffic from 0 to ${MAX_WEIGHT} (CloudFront sends at most 15% to a staging distribution), such as 0.05 for 5%`,
          w,
        ),
      );
    }
    const { min, max } = STICKINESS_SECONDS;
    problems.push(...secondsIn('traffic.sessionStickiness.idleTtl', t.idleTtl, min, max));
    problems.push(...secondsIn('traffic.sessionStickiness.maximumTtl', t.maximumTtl, min, max));
    return problems;
  }
  const name = t.header;
  if (!unknown(name)) {
    if (!name!.toLowerCase().startsWith(HEADER_PREFIX) || name!.length === HEADER_PREFIX.length) {
      problems.push(
        message(
          'traffic.header',
          `must start with CloudFront's prefix '${HEADER_PREFIX}' and name something after it, such as '${HEADER_PREFIX}canary'`,
          name,
        ),
      );
    } else if (name!.length > HEADER_LIMITS.name || !HEADER_NAME.test(name!)) {
      problems.push(
        message(
          'traffic.header',
          `must be a header name of at most ${HEADER_LIMITS.name} letters, digits and !#$%&'*+.^_\`|~-`,
          name,
        ),
      );
    }
  }
  const value = t.value;
  if (
    !unknown(value) &&
    (value!.length === 0 || value!.length > HEADER_LIMITS.value || /[\r\n]/.test(value!))
  ) {
    problems.push(
      message(
        'traffic.value',
        `must be a header value of 1 to ${HEADER_LIMITS.value} characters on one line`,
        value,
      ),
    );
  }
  return problems;
}

/** What the rules read of the primary and the staging twin. */
export interface PairInput extends ViewerMtlsInput {
  readonly name: string;
  readonly aliases?: string[];
  readonly pricingPlan?: string;
}

/**
 * The rules on the pair: neither serves HTTP/3, the twin has the primary's names (a staging
 * distribution has none of its own: viewers reach it through the primary), both are in one stack
 * (so that CloudFormation orders their creation, update and deletion), the primary is not a staging
 * distribution and has no other twin.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-continuous-deployment.html ("Viewers cannot send requests directly to a staging distribution using a DNS name, IP address, or CNAME")
 */
export function pairRules(
  primary: {
    scope: IConstruct;
    props: PairInput;
    isStaging: boolean;
    twin?: IConstruct;
    tenantOnly?: boolean;
  },
  staging: { scope: IConstruct; props: PairInput },
): string[] {
  const problems: string[] = [];
  const primaryPath = primary.scope.node.path;
  if (primary.isStaging) {
    problems.push(message('primary', 'must be a production distribution, not a staging one', primaryPath));
  }
  // ContinuousDeploymentPolicyId and Staging "only support standard distributions".
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html#unsupported-saas
  // "A distribution cannot join a plan while its configuration uses ... continuous deployment."
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
  for (const [at, plan] of [
    ['primary.pricingPlan', primary.props.pricingPlan],
    ['pricingPlan', staging.props.pricingPlan],
  ] as const) {
    if (plan !== undefined) {
      problems.push(
        message(
          at,
          "must be left out of a staged rollout: CloudFront's flat-rate pricing plans do not support continuous deployment (a staging distribution and its policy)",
          plan,
        ),
      );
    }
  }
  if (primary.tenantOnly === true) {
    problems.push(
      message(
        'primary',
        'must be a standard distribution: CloudFront has no continuous deployment (staging distributions) for multi-tenant distributions',
        primaryPath,
      ),
    );
  }
  if (primary.twin) {
    problems.push(
      message(
        'primary',
        `must be a distribution without a staging twin: it has one already (${primary.twin.node.path}), and CloudFront links one staging distribution to a primary`,
        primaryPath,
      ),
    );
  }
  if (Stack.of(primary.scope) !== Stack.of(staging.scope)) {
    problems.push(
      message(
        'primary',
        `must be in the staging twin's stack (${Stack.of(staging.scope).node.path}), so that CloudFormation creates, updates and deletes the pair in the right order`,
        `${primaryPath} in ${Stack.of(primary.scope).node.path}`,
      ),
    );
  }
  for (const [who, props] of [
    ['primary', primary.props],
    ['staging', staging.props],
  ] as const) {
    const version = props.httpVersion ?? defaultHttpVersion(props);
    if (isDeployTime(version) || !HTTP3_VERSIONS.includes(version)) continue;
    const given = props.httpVersion === undefined ? `${version} (the default)` : version;
    const path = who === 'primary' ? 'primary.httpVersion' : 'httpVersion';
    const whose = who === 'primary' ? ` (the primary, ${primaryPath})` : '';
    problems.push(
      `\`${path}\` must not support HTTP/3${whose}: CloudFront's continuous deployment does not work with HTTP/3. Set \`httpVersion: HttpVersion.HTTP2\` on the primary and on its staging twin; got: ${JSON.stringify(given)}`,
    );
  }
  const names = (p: PairInput) => [p.name, ...(p.aliases ?? [])];
  const [mine, theirs] = [names(staging.props), names(primary.props)];
  if (![...mine, ...theirs].some(isDeployTime) && mine.join(',') !== theirs.join(',')) {
    problems.push(
      message(
        'name, aliases',
        `must be the primary's (${theirs.join(', ')}): a staging distribution has no names of its own, viewers reach it through the primary's`,
        mine.join(', '),
      ),
    );
  }
  return problems;
}

/** The continuous deployment policy's configuration, pointing at the staging domain name. */
export function renderPolicy(
  stagingDomainName: string,
  t: TrafficInput,
  enabled: boolean,
): cloudfront.CfnContinuousDeploymentPolicy.ContinuousDeploymentPolicyConfigProperty {
  const stickiness =
    t.idleTtl && t.maximumTtl
      ? { idleTtl: t.idleTtl.toSeconds(), maximumTtl: t.maximumTtl.toSeconds() }
      : undefined;
  return {
    enabled,
    stagingDistributionDnsNames: [stagingDomainName],
    trafficConfig:
      t.kind === 'weight'
        ? {
            type: 'SingleWeight',
            singleWeightConfig: { weight: t.weight!, sessionStickinessConfig: stickiness },
          }
        : { type: 'SingleHeader', singleHeaderConfig: { header: t.header!, value: t.value! } },
  };
}

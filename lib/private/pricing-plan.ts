import { aws_cloudfront as cloudfront, aws_cloudfront_origins as cdkOrigins } from 'aws-cdk-lib';
import { ManagedPolicyKind, bridge, bridgeable, managedPolicyName } from './cache-policy';
import { DEFAULTS } from './defaults';
import * as logging from './logging';
import { nodeOf, owned } from './references';
import { isDeployTime, message, oneOf } from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';
import { AccessLogs } from '../logging';
import { Origin, OriginGroup } from '../origins';
import { SslCertificate, ViewerMtls } from '../viewer-certificate';

/**
 * CloudFront's flat-rate pricing plans: which configurations a plan accepts, tier by tier, and
 * the `AWS::PricingPlanManager::Subscription` that puts a distribution on one. Rules and rendering,
 * side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-pricingplanmanager-subscription.html
 */

/** The page every rule cites in its message. */
const PAGE = "CloudFront's flat-rate pricing plans";

/** The tiers, cheapest first. */
export const TIERS = ['FREE', 'PRO', 'BUSINESS', 'PREMIUM'] as const;
type Tier = (typeof TIERS)[number];

/**
 * What each tier allows ("Per tier", the table on the flat-rate page): cache behaviours (besides
 * the default one, as CloudFront's own quota counts them), and the lowest tier of each feature.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
 */
export const TIER_LIMITS = {
  behaviors: { FREE: 5, PRO: 10, BUSINESS: 50, PREMIUM: 100 },
  customPolicies: 'BUSINESS',
  originShield: 'PREMIUM',
  originGroups: 'PREMIUM',
  vpcOrigins: 'BUSINESS',
  originMtls: 'BUSINESS',
  viewerMtls: 'PREMIUM',
  keyValueStores: 'PRO',
  cacheTags: 'PRO',
  accessLogs: 'PRO',
} as const;

/** The subscription's fixed fields: the CloudFront plan family, the base usage level. */
export const SUBSCRIPTION = {
  type: 'AWS::PricingPlanManager::Subscription',
  planFamily: 'CloudFront',
  usageLevel: 'DEFAULT',
} as const;

/** What the plan rules read of a distribution's props. */
export interface PlanInput {
  readonly pricingPlan?: string;
  readonly webAclId?: string;
  readonly sslCertificate?: SslCertificate;
  readonly sslSupportMethod?: string;
  readonly anycastIpListId?: string;
  readonly legacyCacheSettings?: boolean;
  readonly origins?: Origin[];
  readonly originGroups?: OriginGroup[];
  readonly behaviors?: unknown[];
  readonly viewerMtls?: ViewerMtls;
  readonly cacheTagHeaderName?: string;
  readonly logging?: logging.LogSettings;
  readonly accessLogs?: AccessLogs;
}

const rank = (tier: Tier) => TIERS.indexOf(tier);

/**
 * Every reason the plan refuses this configuration: the features flat-rate plans do not support
 * ("Unsupported features"), the web ACL a plan requires, and the tier's limits. Lambda@Edge is
 * allowed on every tier. Values known only at deploy time are not judged.
 */
export function rules(input: PlanInput, all: readonly [string, DefaultCacheBehavior][]): string[] {
  const tier = input.pricingPlan as Tier | undefined;
  if (tier === undefined || isDeployTime(tier)) return [];
  const invalid = oneOf('pricingPlan', tier, TIERS);
  if (invalid.length > 0) return invalid;
  const problems: string[] = [];
  const plan = `\`pricingPlan\` ${tier}`;
  const unsupported = (at: string, what: string, got: unknown, instead?: string) =>
    problems.push(
      message(
        at,
        `must be left out with ${plan}: ${PAGE} do not support ${what}${instead ? ` (${instead})` : ''}`,
        got,
      ),
    );
  const needs = (at: string, what: string, lowest: Tier, got: unknown) => {
    if (rank(tier) < rank(lowest)) {
      problems.push(
        message(
          at,
          `must be left out with ${plan}: ${what} needs the ${lowest} tier or higher (${PAGE})`,
          got,
        ),
      );
    }
  };

  // A plan covers one distribution and its web ACL, which it requires.
  if (input.webAclId === undefined) {
    problems.push(
      message(
        'webAclId',
        `is required with ${plan}: a flat-rate plan covers the distribution and its own AWS WAF web ACL (${PAGE})`,
        undefined,
      ),
    );
  }
  if (input.sslCertificate?.iamCertificateId !== undefined) {
    unsupported(
      'sslCertificate',
      'IAM server certificates',
      input.sslCertificate.iamCertificateId,
      'use an ACM certificate',
    );
  }
  if (input.sslSupportMethod === cloudfront.SSLMethod.VIP) {
    unsupported('sslSupportMethod', 'dedicated-IP SSL', input.sslSupportMethod, 'use sni-only');
  }
  if (input.anycastIpListId !== undefined) {
    unsupported('anycastIpListId', 'anycast static IP lists', input.anycastIpListId);
  }

  const legacy = input.legacyCacheSettings ?? DEFAULTS.legacyCacheSettings;
  for (const [at, b] of all) {
    problems.push(...policyRules(at, b, legacy, tier, plan));
    if (b.realtimeLogConfig !== undefined) {
      unsupported(
        `${at}.realtimeLogConfig`,
        'real-time access logs',
        nodeOf(b.realtimeLogConfig)?.path ?? b.realtimeLogConfig.realtimeLogConfigArn,
        'use `accessLogs`',
      );
    }
    if (b.fieldLevelEncryptionId !== undefined) {
      unsupported(`${at}.fieldLevelEncryptionId`, 'field-level encryption', b.fieldLevelEncryptionId);
    }
    (b.functionAssociations ?? []).forEach((f, j) => {
      if (usesKeyValueStore(f.function)) {
        needs(
          `${at}.functionAssociations[${j}].function`,
          'a CloudFront Function with a key value store',
          TIER_LIMITS.keyValueStores,
          nodeOf(f.function)?.path,
        );
      }
    });
  }
  const behaviors = input.behaviors ?? [];
  const maxBehaviors = TIER_LIMITS.behaviors[tier];
  if (!isDeployTime(behaviors) && behaviors.length > maxBehaviors) {
    problems.push(
      message(
        'behaviors',
        `must hold at most ${maxBehaviors} behaviours (besides the default one) with ${plan} (Free 5, Pro 10, Business 50, Premium 100: ${PAGE})`,
        `${behaviors.length} behaviours`,
      ),
    );
  }
  (input.origins ?? []).forEach((o, i) => {
    if (o === undefined || o === null) return;
    const at = `origins[${i}]`;
    if (o.originAccessIdentity !== undefined) {
      unsupported(
        `${at}.originAccessIdentity`,
        'origin access identities',
        nodeOf(o.originAccessIdentity)?.path ?? o.originAccessIdentity.originAccessIdentityId,
        'leave it out for Origin Access Control',
      );
    }
    if (o.originShieldRegion !== undefined) {
      needs(`${at}.originShieldRegion`, 'Origin Shield', TIER_LIMITS.originShield, o.originShieldRegion);
    }
    if (o.clientCertificate !== undefined) {
      needs(
        `${at}.clientCertificate`,
        'origin mutual TLS',
        TIER_LIMITS.originMtls,
        nodeOf(o.clientCertificate)?.path ?? o.clientCertificate.certificateArn,
      );
    }
    if (o.cdkOrigin !== undefined && o.cdkOrigin instanceof cdkOrigins.VpcOrigin) {
      needs(`${at}.cdkOrigin`, 'a VPC origin', TIER_LIMITS.vpcOrigins, 'a VpcOrigin');
    }
  });
  if ((input.originGroups ?? []).length > 0) {
    needs(
      'originGroups',
      'origin failover (origin groups)',
      TIER_LIMITS.originGroups,
      input.originGroups!.map((g) => g?.name),
    );
  }
  if (input.viewerMtls !== undefined) {
    needs('viewerMtls', 'viewer mutual TLS', TIER_LIMITS.viewerMtls, input.viewerMtls.trustStoreId);
  }
  if (input.cacheTagHeaderName !== undefined) {
    needs('cacheTagHeaderName', 'invalidation by cache tag', TIER_LIMITS.cacheTags, input.cacheTagHeaderName);
  }
  if (logging.isEnabled(input.logging)) needs('logging', 'access logs', TIER_LIMITS.accessLogs, 'enabled');
  if (input.accessLogs !== undefined) needs('accessLogs', 'access logs', TIER_LIMITS.accessLogs, 'given');
  return problems;
}

/**
 * A behaviour's policies: legacy cache settings are refused; custom cache, origin request and
 * response headers policies need Business or Premium (Free and Pro take AWS-managed ones), the
 * bridge's included.
 */
function policyRules(
  at: string,
  b: DefaultCacheBehavior,
  legacy: boolean,
  tier: Tier,
  plan: string,
): string[] {
  const problems: string[] = [];
  const custom = rank(tier) < rank(TIER_LIMITS.customPolicies);
  if (b.cachePolicy === undefined) {
    if (legacy || !bridgeable(b)) {
      return [
        message(
          at,
          `must use a cache policy with ${plan}: ${PAGE} do not support legacy cache settings (set \`legacyCacheSettings: false\` to make policies of the behaviour's props, or give a \`cachePolicy\`)`,
          'legacy cache settings',
        ),
      ];
    }
    const bridged = bridge(b);
    if (custom && typeof bridged.cache !== 'string') {
      problems.push(
        message(
          at,
          `must cache as an AWS-managed cache policy does with ${plan}: its props make a custom cache policy, and custom policies need the BUSINESS tier or higher (${PAGE}). Give a managed \`cachePolicy\` such as CachePolicy.CACHING_OPTIMIZED`,
          'a custom cache policy',
        ),
      );
    }
    if (custom && b.originRequestPolicy === undefined && typeof bridged.originRequest === 'object') {
      problems.push(
        message(
          at,
          `must forward as an AWS-managed origin request policy does with ${plan}: its props make a custom origin request policy, and custom policies need the BUSINESS tier or higher (${PAGE})`,
          'a custom origin request policy',
        ),
      );
    }
  }
  const given: [string, unknown, string | undefined, ManagedPolicyKind][] = [
    ['cachePolicy', b.cachePolicy, b.cachePolicy?.cachePolicyId, 'CachePolicy'],
    [
      'originRequestPolicy',
      b.originRequestPolicy,
      b.originRequestPolicy?.originRequestPolicyId,
      'OriginRequestPolicy',
    ],
    [
      'responseHeadersPolicy',
      b.responseHeadersPolicy,
      b.responseHeadersPolicy?.responseHeadersPolicyId,
      'ResponseHeadersPolicy',
    ],
  ];
  for (const [prop, policy, id, kind] of given) {
    if (custom && policy !== undefined && kindOf(policy, id!, kind) === 'custom') {
      problems.push(customPolicy(`${at}.${prop}`, plan, policy, id!));
    }
  }
  return problems;
}

function customPolicy(at: string, plan: string, policy: unknown, id: string): string {
  return message(
    at,
    `must be an AWS-managed policy with ${plan}: custom cache, origin request and response headers policies need the BUSINESS tier or higher (${PAGE})`,
    nodeOf(policy)?.defaultChild !== undefined ? nodeOf(policy)!.path : id,
  );
}

/** A policy made in this app is custom; an imported one is managed when its ID is a managed one. */
function kindOf(policy: unknown, id: string, kind: ManagedPolicyKind): 'managed' | 'custom' | 'unknown' {
  if (owned(policy) && policy.node.defaultChild !== undefined) return 'custom';
  if (isDeployTime(id)) return 'unknown';
  return managedPolicyName(kind, id) !== undefined ? 'managed' : 'custom';
}

/** Whether a CloudFront Function made in this app has a key value store. */
function usesKeyValueStore(fn: unknown): boolean {
  const cfn = nodeOf(fn)?.defaultChild;
  if (cfn === undefined || !(cfn instanceof cloudfront.CfnFunction)) return false;
  const config = cfn.stack.resolve(cfn.functionConfig) as
    { keyValueStoreAssociations?: unknown[] } | undefined;
  return (config?.keyValueStoreAssociations ?? []).length > 0;
}

/**
 * What aws-cdk-lib origins render, judged once bound (at synth): an origin access identity,
 * Origin Shield, a VPC origin.
 */
export function boundRules(
  tier: string | undefined,
  bound: readonly [string, cloudfront.CfnDistribution.OriginProperty][],
): string[] {
  if (tier === undefined || isDeployTime(tier) || !TIERS.includes(tier as Tier)) return [];
  const problems: string[] = [];
  const plan = `\`pricingPlan\` ${tier}`;
  for (const [at, o] of bound) {
    const s3 = o.s3OriginConfig as cloudfront.CfnDistribution.S3OriginConfigProperty | undefined;
    if (typeof s3?.originAccessIdentity === 'string' && s3.originAccessIdentity !== '') {
      problems.push(
        message(
          `${at}.cdkOrigin`,
          `must use Origin Access Control with ${plan}: ${PAGE} do not support origin access identities (S3BucketOrigin.withOriginAccessControl)`,
          'an origin access identity',
        ),
      );
    }
    const shield = o.originShield as cloudfront.CfnDistribution.OriginShieldProperty | undefined;
    if (shield?.enabled === true && rank(tier as Tier) < rank(TIER_LIMITS.originShield)) {
      problems.push(
        message(
          `${at}.cdkOrigin`,
          `must be left out with ${plan}: Origin Shield needs the ${TIER_LIMITS.originShield} tier or higher (${PAGE})`,
          shield.originShieldRegion,
        ),
      );
    }
  }
  return problems;
}

/**
 * The web ACL and CloudFront Functions of a distribution on a plan must be its own: "a CloudFront
 * plan covers exactly one distribution and exactly one WAF web ACL", and a function shared with
 * another distribution makes it ineligible. The error of a distribution on a plan that shares
 * `what` with `other`.
 */
export function sharedMessage(tier: string, what: string, other: string): string {
  return message(
    'pricingPlan',
    `${tier} needs ${what} to be this distribution's alone: ${other} uses it too, and ${PAGE} require a distribution's web ACL and CloudFront Functions to be its own`,
    tier,
  );
}

/** The subscription's properties: the tier, the distribution's ARN and its web ACL's. */
export function renderSubscription(
  tier: string,
  distributionArn: string,
  webAclArn: string,
): Record<string, unknown> {
  return {
    PlanFamily: SUBSCRIPTION.planFamily,
    PlanTier: tier,
    ResourceArns: [distributionArn, webAclArn],
    UsageLevel: SUBSCRIPTION.usageLevel,
  };
}

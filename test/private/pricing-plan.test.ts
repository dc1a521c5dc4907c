import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { TIERS, TIER_LIMITS, boundRules, renderSubscription, rules } from '../../lib/private/pricing-plan';

const MANAGED = { targetOrigin: 'www', cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED };
const WEB_ACL = 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/www/a1b2c3d4';

test('rules: nothing to judge without a plan, or with one known only at deploy time', () => {
  expect(rules({}, [['defaultCacheBehavior', { targetOrigin: 'www' }]])).toEqual([]);
});

test('rules: managed policies of every kind are accepted on Free', () => {
  const b = {
    ...MANAGED,
    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER,
    responseHeadersPolicy: cloudfront.ResponseHeadersPolicy.SECURITY_HEADERS,
  };
  expect(rules({ pricingPlan: 'FREE', webAclId: WEB_ACL }, [['defaultCacheBehavior', b]])).toEqual([]);
});

test('the tiers, cheapest first, and each feature from the tier the page names', () => {
  expect(TIERS).toEqual(['FREE', 'PRO', 'BUSINESS', 'PREMIUM']);
  expect(TIER_LIMITS.behaviors).toEqual({ FREE: 5, PRO: 10, BUSINESS: 50, PREMIUM: 100 });
  expect([TIER_LIMITS.customPolicies, TIER_LIMITS.vpcOrigins, TIER_LIMITS.originMtls]).toEqual([
    'BUSINESS',
    'BUSINESS',
    'BUSINESS',
  ]);
  expect([TIER_LIMITS.originShield, TIER_LIMITS.originGroups, TIER_LIMITS.viewerMtls]).toEqual([
    'PREMIUM',
    'PREMIUM',
    'PREMIUM',
  ]);
});

test('boundRules: Origin Shield on a bound origin below Premium; none without a plan', () => {
  const rendered = {
    id: 'www',
    domainName: 'a.example.com',
    originShield: { enabled: true, originShieldRegion: 'us-east-1' },
  };
  expect(boundRules('BUSINESS', [['origins[0]', rendered]])).toEqual([
    '`origins[0].cdkOrigin` must be left out with `pricingPlan` BUSINESS: Origin Shield needs the PREMIUM tier or higher (CloudFront\'s flat-rate pricing plans); got: "us-east-1"',
  ]);
  expect(boundRules('PREMIUM', [['origins[0]', rendered]])).toEqual([]);
  expect(boundRules(undefined, [['origins[0]', rendered]])).toEqual([]);
});

test('renderSubscription: the CloudFront family, the tier, both ARNs, the base usage level', () => {
  expect(renderSubscription('PRO', 'arn:dist', WEB_ACL)).toEqual({
    PlanFamily: 'CloudFront',
    PlanTier: 'PRO',
    ResourceArns: ['arn:dist', WEB_ACL],
    UsageLevel: 'DEFAULT',
  });
});

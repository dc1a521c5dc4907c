/**
 * A CloudFront flat-rate pricing plan: a fixed monthly price for one distribution and its web ACL,
 * with the features and limits of its tier.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
 */
export enum PricingPlan {
  /** Free: 5 cache behaviours, AWS-managed policies only, no access logs. */
  FREE = 'FREE',
  /** Pro: 10 cache behaviours, AWS-managed policies only; access logs, key value stores, cache tags. */
  PRO = 'PRO',
  /** Business: 50 cache behaviours, custom policies, VPC origins, origin mutual TLS. */
  BUSINESS = 'BUSINESS',
  /** Premium: 100 cache behaviours, Origin Shield, origin groups, viewer mutual TLS. */
  PREMIUM = 'PREMIUM',
}

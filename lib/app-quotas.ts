import { Stack, Token, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { aliasConflicts } from './private/certificate';
import * as pricingPlan from './private/pricing-plan';
import * as quotas from './private/quotas';
import { addWarnings, isDeployTime } from './private/validation';

/**
 * CloudFront's quotas that no one distribution can judge: how many distributions share one
 * resource (a CloudFront Function, a VPC origin, a web ACL, a response headers policy), and how
 * many distributions and Origin Access Controls one account holds, over every stack of the app.
 * Each distribution registers what it names; at synth, when the app is complete, the first
 * distribution's findings judge the whole app once. Not exported from the package.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */

interface Registered {
  readonly distribution: IConstruct;
  /** What it names, as it stands at synth (after addOrigin and addBehavior). */
  readonly uses: () => quotas.SharedUse[];
  /** The prop that holds one of its aliases (`name` or `aliases`). */
  readonly aliasAt?: (alias: string) => string;
  /** Its flat-rate pricing plan, whose web ACL and functions must be its own. */
  readonly plan?: string;
}

/** The distributions of each app, in the order they were created, and whether it was judged. */
const registries = new WeakMap<IConstruct, { readonly distributions: Registered[]; judged: boolean }>();

/** Records a distribution of this library and how to read the shared resources it names. */
export function registerSharing(
  distribution: IConstruct,
  uses: () => quotas.SharedUse[],
  aliasAt?: (alias: string) => string,
  plan?: string,
): void {
  const root = distribution.node.root;
  const registry = registries.get(root) ?? { distributions: [], judged: false };
  registries.set(root, registry);
  registry.distributions.push({ distribution, uses, aliasAt, plan });
}

/**
 * Judges the app of `distribution` against the quotas, once per app, at synth: warnings on the
 * first distribution (or, for the account quotas, the first resource) past a quota that can be
 * raised; a synth error past one that cannot.
 */
export function judgeApp(distribution: IConstruct): void {
  const root = distribution.node.root;
  const registry = registries.get(root);
  if (registry === undefined || registry.judged) return;
  registry.judged = true;
  const ours = registry.distributions;
  // What each distribution names, read once: the sharing quotas and the pricing plans judge it.
  const uses = ours.map((r) => r.uses());
  report(quotas.sharingFindings(uses), (i) => ours[i].distribution);
  // Every distribution and Origin Access Control of the app counts, aws-cdk-lib's included.
  const distributions: cloudfront.CfnDistribution[] = [];
  const accessControls: IConstruct[] = [];
  const tenants: cloudfront.CfnDistributionTenant[] = [];
  for (const c of root.node.findAll()) {
    if (c instanceof cloudfront.CfnDistribution) distributions.push(c);
    else if (c instanceof cloudfront.CfnOriginAccessControl) accessControls.push(c);
    else if (c instanceof cloudfront.CfnDistributionTenant) tenants.push(c);
  }
  judgeAliases(distributions, ours, tenants);
  judgePlans(distributions, ours, uses);
  for (const [quota, found] of [
    [quotas.ACCOUNT_QUOTAS.distributions, distributions],
    [quotas.ACCOUNT_QUOTAS.accessControls, accessControls],
    [quotas.ACCOUNT_QUOTAS.tenants, tenants],
  ] as const) {
    report(
      quotas.accountFindings(quota, found.map(accountOf)),
      // The L1's construct (`Stack/Www`), where warnings about a distribution go.
      (i) => found[i].node.scope ?? found[i],
    );
  }
}

/**
 * Alternate domain names that two distributions of the app cannot both hold (every distribution,
 * aws-cdk-lib's included, and every distribution tenant's domains): a synth error on the later
 * one, naming the other, instead of CloudFront's CNAMEAlreadyExists at deploy. Aliases known only
 * at deploy time are not judged.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html#alternate-domain-names-restrictions
 */
function judgeAliases(
  distributions: cloudfront.CfnDistribution[],
  ours: readonly Registered[],
  tenants: cloudfront.CfnDistributionTenant[],
): void {
  const holders: IConstruct[] = [...distributions, ...tenants];
  const aliases = [...distributions.map((d) => literalAliases(d)), ...tenants.map((t) => literalDomains(t))];
  for (const c of aliasConflicts(aliases.map((a, i) => ({ aliases: a, account: accountOf(holders[i]) })))) {
    const scope = holders[c.at].node.scope ?? holders[c.at];
    const other = holders[c.other].node.scope ?? holders[c.other];
    const registered = ours.find((r) => r.distribution === scope);
    const at =
      registered?.aliasAt?.(c.alias) ??
      (holders[c.at] instanceof cloudfront.CfnDistributionTenant
        ? 'domains'
        : scope instanceof cloudfront.Distribution
          ? 'domainNames'
          : 'aliases');
    const why =
      c.alias === c.otherAlias
        ? `${other.node.path} has it too, and CloudFront takes an alternate domain name in one distribution only, even within one account (CNAMEAlreadyExists at deploy). Remove it from one of them, or move it with CloudFront's alias move`
        : `it overlaps ${JSON.stringify(c.otherAlias)} of ${other.node.path}, a distribution of another account (${accountOf(holders[c.other])}), and CloudFront lets alternate domain names overlap only within one account (CNAMEAlreadyExists at deploy)`;
    const error = `\`${at}\` must not hold ${JSON.stringify(c.alias)}: ${why}; got: ${JSON.stringify(c.alias)}`;
    scope.node.addValidation({ validate: () => [error] });
  }
}

/**
 * A distribution on a flat-rate pricing plan shares no web ACL and no CloudFront Function with
 * another distribution of the app (aws-cdk-lib's included, for the web ACL): a synth error naming
 * the other.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
 */
function judgePlans(
  distributions: cloudfront.CfnDistribution[],
  ours: readonly Registered[],
  uses: readonly quotas.SharedUse[][],
): void {
  const planned = ours.filter((r) => r.plan !== undefined && !isDeployTime(r.plan));
  if (planned.length === 0) return;
  // The web ACL as written: the same token stands for the same web ACL.
  const webAcls = distributions.map(
    (d) => (d.distributionConfig as { webAclId?: unknown } | undefined)?.webAclId,
  );
  for (const r of planned) {
    const errors: string[] = [];
    const mine = distributions.find((d) => d.node.scope === r.distribution);
    const acl = mine ? webAcls[distributions.indexOf(mine)] : undefined;
    if (typeof acl === 'string') {
      const other = distributions.find((d, i) => d !== mine && webAcls[i] === acl);
      if (other) {
        errors.push(
          pricingPlan.sharedMessage(
            r.plan!,
            `its web ACL (\`webAclId\`)`,
            (other.node.scope ?? other).node.path,
          ),
        );
      }
    }
    const own = uses[ours.indexOf(r)].filter((u) => u.quota === quotas.SHARING_QUOTAS.function);
    for (const u of own) {
      const other = ours.find(
        (o, i) => o !== r && uses[i].some((v) => v.quota === u.quota && v.key === u.key),
      );
      if (other) {
        errors.push(
          pricingPlan.sharedMessage(r.plan!, `CloudFront Function ${u.name}`, other.distribution.node.path),
        );
      }
    }
    if (errors.length > 0) r.distribution.node.addValidation({ validate: () => [...new Set(errors)] });
  }
}

/** A distribution's aliases that are known at synth. */
function literalAliases(d: cloudfront.CfnDistribution): string[] {
  const config = d.distributionConfig as { aliases?: unknown };
  let aliases: unknown = config?.aliases;
  // This library renders a list of strings: only another's (a token, a Lazy) is resolved.
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) {
    try {
      aliases = Stack.of(d).resolve(aliases);
    } catch {
      return [];
    }
  }
  return Array.isArray(aliases)
    ? aliases.filter((a): a is string => typeof a === 'string' && !isDeployTime(a))
    : [];
}

/** A distribution tenant's domains that are known at synth. */
function literalDomains(t: cloudfront.CfnDistributionTenant): string[] {
  const domains: unknown = t.domains;
  return Array.isArray(domains) && !isDeployTime(domains)
    ? domains.filter((d): d is string => typeof d === 'string' && !isDeployTime(d))
    : [];
}

/** The account of a construct's stack; undefined for an environment-agnostic one. */
function accountOf(c: IConstruct): string | undefined {
  const account = Stack.of(c).account;
  return Token.isUnresolved(account) ? undefined : account;
}

function report(findings: quotas.QuotaFinding[], target: (at: number) => IConstruct): void {
  for (const f of findings) {
    const scope = target(f.at);
    if (f.warning) addWarnings(scope, [f.warning]);
    if (f.error !== undefined) {
      const error = f.error;
      scope.node.addValidation({ validate: () => [error] });
    }
  }
}

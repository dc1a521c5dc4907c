import { createHash } from 'crypto';
import { Duration, Stack, Token, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BehaviorOptions } from './cache-behavior';
import * as policy from './private/cache-policy';
import { owned } from './private/references';
import { addWarnings } from './private/validation';

/**
 * The policies a behaviour renders: the ones it names, or, with `legacyCacheSettings: false`,
 * the ones the bridge makes from its legacy cache settings. Generated policies are created once
 * per stack and setting, shared by every behaviour and distribution of the stack. Not exported
 * from the package.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
 */

/** The policies of one behaviour; none for a behaviour that keeps the legacy cache settings. */
export interface BehaviorPolicies {
  readonly cachePolicy: cloudfront.ICachePolicy;
  readonly originRequestPolicy?: cloudfront.IOriginRequestPolicy;
}

/** The custom policies of an app and the distributions on each, for CloudFront's quotas. */
interface Usage {
  readonly cachePolicies: Set<string>;
  readonly originRequestPolicies: Set<string>;
  readonly distributions: Map<string, Set<string>>;
}
const usage = new WeakMap<IConstruct, Usage>();

/**
 * The policies of behaviour `b` (at `at`) of `distribution`: its own, the bridge's when `legacy`
 * is false, or none (the legacy cache settings).
 */
export function policiesFor(
  distribution: IConstruct,
  at: string,
  b: BehaviorOptions,
  legacy: boolean,
): BehaviorPolicies | undefined {
  let found: BehaviorPolicies | undefined;
  if (b.cachePolicy) {
    found = { cachePolicy: b.cachePolicy, originRequestPolicy: b.originRequestPolicy };
  } else if (!legacy) {
    if (!policy.bridgeable(b)) {
      addWarnings(distribution, [
        {
          id: 'legacySettingsNotBridged',
          message: `\`${at}\` keeps the legacy cache settings although \`legacyCacheSettings\` is false: its forwarding or TTLs are known only at deploy time, so no policy can be made from them. Give it a \`cachePolicy\`.`,
        },
      ]);
      return undefined;
    }
    const bridged = policy.bridge(b);
    found = {
      cachePolicy: cachePolicyOf(Stack.of(distribution), bridged.cache),
      originRequestPolicy:
        b.originRequestPolicy ?? originRequestPolicyOf(Stack.of(distribution), bridged.originRequest),
    };
  }
  if (found) countUsage(distribution, found);
  return found;
}

function cachePolicyOf(stack: Stack, cache: policy.Bridged['cache']): cloudfront.ICachePolicy {
  if (typeof cache === 'string') return cloudfront.CachePolicy[cache];
  const id = `LegacyCachePolicy${hash(cache)}`;
  const existing = stack.node.tryFindChild(id) as cloudfront.ICachePolicy | undefined;
  if (existing) return existing;
  return new cloudfront.CachePolicy(stack, id, {
    cachePolicyName: policyName(stack, 'cache', hash(cache)),
    comment: 'Legacy cache settings of cdk-cloudfront-distributions, as a cache policy',
    minTtl: Duration.seconds(cache.minTtl),
    defaultTtl: Duration.seconds(cache.defaultTtl),
    maxTtl: Duration.seconds(cache.maxTtl),
    queryStringBehavior:
      cache.queryStrings === 'all'
        ? cloudfront.CacheQueryStringBehavior.all()
        : cloudfront.CacheQueryStringBehavior.none(),
    headerBehavior: cache.headers.length
      ? cloudfront.CacheHeaderBehavior.allowList(...cache.headers)
      : cloudfront.CacheHeaderBehavior.none(),
    cookieBehavior: cookieBehavior(cache.cookies, cloudfront.CacheCookieBehavior),
    enableAcceptEncodingGzip: cache.compress,
    enableAcceptEncodingBrotli: cache.compress,
  });
}

function originRequestPolicyOf(
  stack: Stack,
  settings: policy.Bridged['originRequest'],
): cloudfront.IOriginRequestPolicy | undefined {
  if (settings === undefined) return undefined;
  if (typeof settings === 'string') return cloudfront.OriginRequestPolicy[settings];
  const id = `LegacyOriginRequestPolicy${hash(settings)}`;
  const existing = stack.node.tryFindChild(id) as cloudfront.IOriginRequestPolicy | undefined;
  if (existing) return existing;
  return new cloudfront.OriginRequestPolicy(stack, id, {
    originRequestPolicyName: policyName(stack, 'origin', hash(settings)),
    comment: 'Legacy cache settings of cdk-cloudfront-distributions, as an origin request policy',
    queryStringBehavior:
      settings.queryStrings === 'all'
        ? cloudfront.OriginRequestQueryStringBehavior.all()
        : cloudfront.OriginRequestQueryStringBehavior.none(),
    headerBehavior:
      settings.headers === 'all'
        ? cloudfront.OriginRequestHeaderBehavior.all()
        : settings.headers.length
          ? cloudfront.OriginRequestHeaderBehavior.allowList(...settings.headers)
          : cloudfront.OriginRequestHeaderBehavior.none(),
    cookieBehavior: cookieBehavior(settings.cookies, cloudfront.OriginRequestCookieBehavior),
  });
}

/** The cookies of a policy, with the cookie behaviour class of its kind (cache or origin request). */
function cookieBehavior<T>(
  cookies: 'all' | 'none' | string[],
  kind: { all(): T; none(): T; allowList(...names: string[]): T },
): T {
  if (cookies === 'all') return kind.all();
  if (cookies === 'none') return kind.none();
  return kind.allowList(...cookies);
}

/** 10 hex characters of the settings' SHA-256: the same settings, the same policy. */
function hash(settings: object): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 10);
}

/**
 * A name unique per account (policies are global): the stack's name and Region, the kind, the
 * settings' hash; at most 128 characters of `A-Za-z0-9_-`.
 *
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CachePolicyConfig.html
 */
function policyName(stack: Stack, kind: string, digest: string): string {
  const region = Token.isUnresolved(stack.region)
    ? stack.region
    : stack.region.replace(/[^A-Za-z0-9_-]/g, '');
  const suffix = `-${kind}-${digest}`;
  const base = stack.stackName.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 128 - suffix.length - 16);
  return `${base}-${region}${suffix}`;
}

/** Records the custom policies and warns past CloudFront's default quotas. */
function countUsage(distribution: IConstruct, found: BehaviorPolicies): void {
  const app = distribution.node.root;
  const u = usage.get(app) ?? {
    cachePolicies: new Set(),
    originRequestPolicies: new Set(),
    distributions: new Map(),
  };
  usage.set(app, u);
  // Imported policies are never judged: only the ones this app creates count.
  const custom = (p: object | undefined) => (owned(p) ? p.node.path : undefined);
  const quota = (set: Set<string>, path: string | undefined, max: number, name: string) => {
    if (path === undefined || set.has(path)) return;
    set.add(path);
    if (set.size === max + 1) {
      addWarnings(distribution, [
        {
          id: 'policyQuota',
          message: `The app now has ${set.size} custom ${name}, more than CloudFront's default quota of ${max} per account ("${name} per AWS account"): the deploy fails unless the quota was raised.`,
        },
      ]);
    }
  };
  const cachePath = custom(found.cachePolicy);
  const originPath = custom(found.originRequestPolicy);
  quota(u.cachePolicies, cachePath, policy.MAX_CACHE_POLICIES, 'cache policies');
  quota(u.originRequestPolicies, originPath, policy.MAX_ORIGIN_REQUEST_POLICIES, 'origin request policies');
  for (const path of [cachePath, originPath]) {
    if (path === undefined) continue;
    const users = u.distributions.get(path) ?? new Set<string>();
    u.distributions.set(path, users);
    if (users.has(distribution.node.path)) continue;
    users.add(distribution.node.path);
    if (users.size === policy.MAX_DISTRIBUTIONS_PER_POLICY + 1) {
      addWarnings(distribution, [
        {
          id: 'policyQuota',
          message: `Policy ${path} is now used by ${users.size} distributions, more than CloudFront's default quota of ${policy.MAX_DISTRIBUTIONS_PER_POLICY} distributions associated with one policy: the deploy fails unless the quota was raised.`,
        },
      ]);
    }
  }
}

import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { nodeOf } from './references';
import { Warning, isDeployTime, message, secondsOf } from './validation';
import { BehaviorOptions } from '../cache-behavior';

/**
 * Cache policies and origin request policies on a behaviour, CloudFront's current caching model,
 * and the bridge that renders a behaviour's legacy cache settings (`forwardQueryString`,
 * `forwardHeaders`, `forwardCookies`, the TTLs, `compress`) as policies that cache and forward
 * the same. Rules, warnings and the bridge's mapping, side by side; the policies themselves are
 * created in `cache-policies.ts`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
 */

/** The props of the legacy model that a cache policy replaces. */
export const LEGACY_PROPS = [
  'forwardQueryString',
  'forwardHeaders',
  'forwardCookies',
  'minTtl',
  'defaultTtl',
  'maxTtl',
] as const;

/**
 * CloudFront's quotas on policies: custom cache policies and origin request policies per account,
 * and distributions associated with one policy.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Quotas on policies")
 */
export const MAX_CACHE_POLICIES = 20;
export const MAX_ORIGIN_REQUEST_POLICIES = 20;
export const MAX_DISTRIBUTIONS_PER_POLICY = 100;

/** What a cache policy of this app says, read from its template. */
interface CacheConfig {
  readonly minTtl?: number;
  readonly defaultTtl?: number;
  readonly maxTtl?: number;
  readonly parametersInCacheKeyAndForwardedToOrigin?: {
    readonly headersConfig?: { readonly headerBehavior?: string; readonly headers?: string[] };
    readonly cookiesConfig?: { readonly cookieBehavior?: string };
    readonly queryStringsConfig?: { readonly queryStringBehavior?: string };
    readonly enableAcceptEncodingGzip?: boolean;
    readonly enableAcceptEncodingBrotli?: boolean;
  };
}

/** A policy made in this app (a `cloudfront.CachePolicy` construct): its config; none for managed or imported ones. */
function ownConfig<T>(policy: unknown, read: (cfn: any) => unknown): T | undefined {
  const child = nodeOf(policy)?.defaultChild;
  // Most behaviours name no policy: reading aws-cdk-lib's policy classes would load their modules.
  if (child === undefined) return undefined;
  if (
    !(child instanceof cloudfront.CfnCachePolicy) &&
    !(child instanceof cloudfront.CfnOriginRequestPolicy)
  ) {
    return undefined;
  }
  const config = child.stack.resolve(read(child));
  return typeof config === 'object' && config !== null ? (config as T) : undefined;
}

function cacheConfig(policy: cloudfront.ICachePolicy | undefined): CacheConfig | undefined {
  return ownConfig<CacheConfig>(policy, (c) =>
    c instanceof cloudfront.CfnCachePolicy ? c.cachePolicyConfig : undefined,
  );
}

/** Whether an origin request policy forwards the viewer's Host header. */
export function forwardsHost(policy: cloudfront.IOriginRequestPolicy): boolean {
  // The managed policies with every viewer header.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
  const allViewer = [
    cloudfront.OriginRequestPolicy.ALL_VIEWER,
    cloudfront.OriginRequestPolicy.ALL_VIEWER_AND_CLOUDFRONT_2022,
  ].map((p) => p.originRequestPolicyId);
  if (allViewer.includes(policy.originRequestPolicyId)) return true;
  const config = ownConfig<{ headersConfig?: { headerBehavior?: string; headers?: string[] } }>(
    policy,
    (c) => (c instanceof cloudfront.CfnOriginRequestPolicy ? c.originRequestPolicyConfig : undefined),
  );
  const headers = config?.headersConfig;
  const listsHost = (headers?.headers ?? []).some((h) => typeof h === 'string' && h.toLowerCase() === 'host');
  if (headers?.headerBehavior === 'allViewer') return true;
  if (headers?.headerBehavior === 'allExcept') return !listsHost;
  return (
    (headers?.headerBehavior === 'whitelist' ||
      headers?.headerBehavior === 'allViewerAndWhitelistCloudFront') &&
    listsHost
  );
}

/**
 * Whether a cache policy of this app puts the viewer's Host header in the cache key, which
 * forwards it to the origin.
 */
export function keysOnHost(policy: cloudfront.ICachePolicy): boolean {
  const headers = cacheConfig(policy)?.parametersInCacheKeyAndForwardedToOrigin?.headersConfig;
  return (
    headers?.headerBehavior === 'whitelist' &&
    (headers.headers ?? []).some((h) => typeof h === 'string' && h.toLowerCase() === 'host')
  );
}

/** What a behaviour's policy rules need to know of the distribution. */
export interface PolicyContext {
  /** Whether behaviours without a cache policy keep the legacy cache settings. */
  readonly legacy: boolean;
}

/** Every problem of a behaviour's policies. */
export function rules(at: string, b: BehaviorOptions, context: PolicyContext): string[] {
  const problems: string[] = [];
  if (b.cachePolicy !== undefined) {
    for (const prop of LEGACY_PROPS) {
      if (b[prop] !== undefined) {
        problems.push(
          message(
            `${at}.${prop}`,
            `must be left out when \`${at}.cachePolicy\` is given: the cache policy sets what is cached and forwarded, and the TTLs`,
            b[prop],
          ),
        );
      }
    }
  } else if (b.originRequestPolicy !== undefined && context.legacy) {
    // "You cannot use an origin request policy in a cache behavior without a cache policy."
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
    problems.push(
      message(
        `${at}.originRequestPolicy`,
        'needs `cachePolicy` (or `legacyCacheSettings: false`): CloudFront takes no origin request policy on a behaviour without a cache policy',
        'an origin request policy',
      ),
    );
  }
  problems.push(...bridgeRules(at, b, context));
  const config = cacheConfig(b.cachePolicy);
  const key = config?.parametersInCacheKeyAndForwardedToOrigin;
  // "HeaderBehavior is invalid for policy with caching disabled": a policy whose TTLs are all 0
  // may have nothing in its key.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cache-key-understand-cache-policy.html
  if (config && config.minTtl === 0 && config.defaultTtl === 0 && config.maxTtl === 0 && key) {
    const inKey = [
      key.headersConfig?.headerBehavior !== 'none' ? 'headers' : undefined,
      key.cookiesConfig?.cookieBehavior !== 'none' ? 'cookies' : undefined,
      key.queryStringsConfig?.queryStringBehavior !== 'none' ? 'query strings' : undefined,
    ].filter((x) => x !== undefined);
    if (inKey.length > 0) {
      problems.push(
        message(
          `${at}.cachePolicy`,
          'must not put headers, cookies or query strings in the cache key when its TTLs disable caching (all 0): CloudFront refuses it. Forward them with an origin request policy instead',
          `a policy with ${inKey.join(', ')} in its key`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Headers CloudFront forwards only through a cache key, never an origin request policy.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
 */
const CACHE_KEY_ONLY_HEADERS = ['authorization', 'accept-encoding'];

/** What the bridge cannot render: a behaviour that does not cache and forwards such a header. */
function bridgeRules(at: string, b: BehaviorOptions, context: PolicyContext): string[] {
  if (context.legacy || b.cachePolicy !== undefined || !bridgeable(b)) return [];
  // A TTL of a fraction of a second is the behaviour's TTL rule's to report: the bridge converts
  // whole seconds only.
  const ttls = [b.minTtl, b.defaultTtl, b.maxTtl].filter((d) => d !== undefined && d !== null);
  if (ttls.some((d) => !Number.isInteger(secondsOf(d!)))) return [];
  const bridged = bridge(b);
  const headers = typeof bridged.originRequest === 'object' ? bridged.originRequest.headers : [];
  const keyOnly = headers === 'all' ? [] : headers.filter((h) => CACHE_KEY_ONLY_HEADERS.includes(h));
  if (keyOnly.length === 0) return [];
  return [
    message(
      `${at}.forwardHeaders`,
      `must not hold ${keyOnly.join(' or ')} on a behaviour that does not cache when \`legacyCacheSettings\` is false: CloudFront forwards them only as part of a cache key, and a policy that disables caching has none. Give the behaviour a \`cachePolicy\`, or keep the legacy cache settings`,
      b.forwardHeaders,
    ),
  ];
}

/** A cache policy of this app that `compress` cannot use. */
export function warnings(at: string, b: BehaviorOptions): Warning[] {
  const key = cacheConfig(b.cachePolicy)?.parametersInCacheKeyAndForwardedToOrigin;
  if ((b.compress ?? DEFAULTS.compress) !== true || !key) return [];
  if (key.enableAcceptEncodingGzip || key.enableAcceptEncodingBrotli) return [];
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/ServingCompressedFiles.html
  return [
    {
      id: 'compressWithoutEncodings',
      message: `\`${at}.compress\` is on but \`${at}.cachePolicy\` accepts neither gzip nor Brotli: CloudFront will not compress. Set \`enableAcceptEncodingGzip\` or \`enableAcceptEncodingBrotli\` on the policy, or \`compress: false\`.`,
    },
  ];
}

/** The settings of a cache policy, as the bridge makes them. */
export interface CacheSettings {
  readonly minTtl: number;
  readonly defaultTtl: number;
  readonly maxTtl: number;
  readonly queryStrings: 'all' | 'none';
  /** Header names, sorted and lower-cased; empty for none. */
  readonly headers: string[];
  /** `all`, `none`, or cookie names, sorted. */
  readonly cookies: 'all' | 'none' | string[];
  readonly compress: boolean;
}

/** The settings of an origin request policy, as the bridge makes them. */
export interface OriginRequestSettings {
  readonly queryStrings: 'all' | 'none';
  /** `all` (every viewer header), or names, sorted and lower-cased; empty for none. */
  readonly headers: 'all' | string[];
  readonly cookies: 'all' | 'none' | string[];
}

/** What the bridge renders a legacy behaviour as. */
export interface Bridged {
  /** A managed policy's name (a static of `cloudfront.CachePolicy`), or settings for a generated one. */
  readonly cache:
    'CACHING_DISABLED' | 'CACHING_OPTIMIZED' | 'CACHING_OPTIMIZED_FOR_UNCOMPRESSED_OBJECTS' | CacheSettings;
  /** A managed policy's name (a static of `cloudfront.OriginRequestPolicy`), settings, or none. */
  readonly originRequest?: 'ALL_VIEWER' | 'USER_AGENT_REFERER_HEADERS' | OriginRequestSettings;
}

const seconds = (d: Duration | undefined, fallback: Duration) => (d ?? fallback).toSeconds();

function cookiesOf(cookies: readonly string[] | undefined): 'all' | 'none' | string[] {
  if (cookies === undefined || cookies.length === 0) return 'none';
  if (cookies.length === 1 && cookies[0] === '*') return 'all';
  return [...cookies].sort();
}

/**
 * The policies that cache and forward exactly what the legacy settings of `b` would: the same
 * key (query strings all or none, the headers, the cookies), the same TTLs, gzip and Brotli when
 * `compress` is on; where the legacy model does not cache (every header forwarded, or `maxTtl`
 * 0), `CachingDisabled` and an origin request policy that forwards the same values. A managed
 * policy wherever one has exactly these settings.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 */
export function bridge(b: BehaviorOptions): Bridged {
  const queryStrings = (b.forwardQueryString ?? DEFAULTS.forwardQueryString) ? 'all' : 'none';
  const cookies = cookiesOf(b.forwardCookies);
  const allHeaders = b.forwardHeaders?.length === 1 && b.forwardHeaders[0] === '*';
  const maxTtl = seconds(b.maxTtl, DEFAULTS.maxTtl);
  if (allHeaders || maxTtl === 0) {
    const headers: 'all' | string[] = allHeaders
      ? 'all'
      : [...(b.forwardHeaders ?? [])].map((h) => h.toLowerCase()).sort();
    if (queryStrings === 'none' && headers.length === 0 && cookies === 'none') {
      return { cache: 'CACHING_DISABLED' };
    }
    // The managed AllViewer and UserAgentRefererHeaders forward exactly these.
    if (queryStrings === 'all' && headers === 'all' && cookies === 'all') {
      return { cache: 'CACHING_DISABLED', originRequest: 'ALL_VIEWER' };
    }
    if (
      queryStrings === 'none' &&
      cookies === 'none' &&
      headers !== 'all' &&
      headers.join() === 'referer,user-agent'
    ) {
      return { cache: 'CACHING_DISABLED', originRequest: 'USER_AGENT_REFERER_HEADERS' };
    }
    return { cache: 'CACHING_DISABLED', originRequest: { queryStrings, headers, cookies } };
  }
  const settings: CacheSettings = {
    minTtl: seconds(b.minTtl, DEFAULTS.minTtl),
    defaultTtl: seconds(b.defaultTtl, DEFAULTS.defaultTtl),
    maxTtl,
    queryStrings,
    headers: [...(b.forwardHeaders ?? [])].map((h) => h.toLowerCase()).sort(),
    cookies,
    compress: b.compress ?? DEFAULTS.compress,
  };
  // CachingOptimized and CachingOptimizedForUncompressedObjects: TTLs 1 / 86400 / 31536000 and
  // an empty key, with and without gzip and Brotli.
  const optimized =
    settings.minTtl === 1 &&
    settings.defaultTtl === 86400 &&
    settings.maxTtl === 31536000 &&
    settings.queryStrings === 'none' &&
    settings.headers.length === 0 &&
    settings.cookies === 'none';
  if (optimized) {
    return { cache: settings.compress ? 'CACHING_OPTIMIZED' : 'CACHING_OPTIMIZED_FOR_UNCOMPRESSED_OBJECTS' };
  }
  return { cache: settings };
}

/** True when the bridge can map the behaviour: every value it reads is known at synth. */
export function bridgeable(b: BehaviorOptions): boolean {
  return ![
    b.forwardQueryString,
    b.forwardHeaders,
    b.forwardCookies,
    b.minTtl,
    b.defaultTtl,
    b.maxTtl,
    b.compress,
  ]
    .concat(b.forwardHeaders ?? [], b.forwardCookies ?? [])
    .some((v) => isDeployTime(v));
}

/** The kinds of policy CloudFront manages some of. */
export type ManagedPolicyKind = 'CachePolicy' | 'OriginRequestPolicy' | 'ResponseHeadersPolicy';

/**
 * aws-cdk-lib's constants of CloudFront's managed policies, by class (its statics are not
 * enumerable: the classes are decorated).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-response-headers-policies.html
 */
const MANAGED_POLICIES: Record<ManagedPolicyKind, readonly string[]> = {
  CachePolicy: [
    'AMPLIFY',
    'CACHING_OPTIMIZED',
    'CACHING_OPTIMIZED_FOR_UNCOMPRESSED_OBJECTS',
    'CACHING_DISABLED',
    'ELEMENTAL_MEDIA_PACKAGE',
    'USE_ORIGIN_CACHE_CONTROL_HEADERS',
    'USE_ORIGIN_CACHE_CONTROL_HEADERS_QUERY_STRINGS',
  ] satisfies (keyof typeof cloudfront.CachePolicy)[],
  OriginRequestPolicy: [
    'USER_AGENT_REFERER_HEADERS',
    'CORS_CUSTOM_ORIGIN',
    'CORS_S3_ORIGIN',
    'ALL_VIEWER',
    'ELEMENTAL_MEDIA_TAILOR',
    'ALL_VIEWER_AND_CLOUDFRONT_2022',
    'ALL_VIEWER_EXCEPT_HOST_HEADER',
  ] satisfies (keyof typeof cloudfront.OriginRequestPolicy)[],
  ResponseHeadersPolicy: [
    'CORS_ALLOW_ALL_ORIGINS',
    'CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT',
    'SECURITY_HEADERS',
    'CORS_ALLOW_ALL_ORIGINS_AND_SECURITY_HEADERS',
    'CORS_ALLOW_ALL_ORIGINS_WITH_PREFLIGHT_AND_SECURITY_HEADERS',
  ] satisfies (keyof typeof cloudfront.ResponseHeadersPolicy)[],
};

/** Each kind's managed policies, by ID: the constant's name. */
const managedById = new Map<ManagedPolicyKind, Map<string, string>>();

/** The name of aws-cdk-lib's constant for the managed policy `id` of `kind`, such as CACHING_OPTIMIZED. */
export function managedPolicyName(kind: ManagedPolicyKind, id: string): string | undefined {
  let byId = managedById.get(kind);
  if (byId === undefined) {
    const cls = cloudfront[kind] as unknown as Record<string, Record<string, unknown>>;
    byId = new Map(
      MANAGED_POLICIES[kind].map((name) => {
        const p = cls[name];
        return [(p.cachePolicyId ?? p.originRequestPolicyId ?? p.responseHeadersPolicyId) as string, name];
      }),
    );
    managedById.set(kind, byId);
  }
  return byId.get(id);
}

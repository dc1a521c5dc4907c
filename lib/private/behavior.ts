import { Duration, Token, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { Warning, message, oneOf, required, setOf, ttl, unique, unknown, wildcardAlone } from './validation';
import { BehaviorOptions, CacheBehavior, DefaultCacheBehavior } from '../cache-behavior';

/**
 * A cache behaviour: its target, path pattern, forwarding (query strings, headers, cookies),
 * TTLs, methods and edge functions. Its rules, rendering and warnings, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html
 */

/** The method sets CloudFront accepts as AllowedMethods and CachedMethods. */
export const ALLOWED_METHOD_SETS = [
  ['GET', 'HEAD'],
  ['GET', 'HEAD', 'OPTIONS'],
  ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
];
export const CACHED_METHOD_SETS = [
  ['GET', 'HEAD'],
  ['GET', 'HEAD', 'OPTIONS'],
];

const VIEWER_PROTOCOL_POLICIES = Object.values(cloudfront.ViewerProtocolPolicy);

/**
 * Characters CloudFront allows in a path pattern.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
const PATH_PATTERN = /^[A-Za-z0-9_\-.*$/~"'@:+?&=!,;]+$/;

/**
 * Every problem of one behaviour `at` (`defaultCacheBehavior`, `behaviors[0]`).
 *
 * `targets` are the origin and origin group names `targetOrigin` may name; `undefined` while
 * origins may still be added (`addOrigin`), when the final check waits for synth.
 */
export function rules(at: string, b: DefaultCacheBehavior, targets: readonly string[] | undefined): string[] {
  const problems: string[] = required(`${at}.targetOrigin`, b.targetOrigin);
  // Judged only when every origin name is known: a token may be the name it means.
  const known =
    targets !== undefined && targets.every((n) => typeof n === 'string' && !Token.isUnresolved(n));
  if (known && targets.length > 0 && !unknown(b.targetOrigin) && !targets.includes(b.targetOrigin)) {
    problems.push(
      message(
        `${at}.targetOrigin`,
        `must name an origin or origin group (${targets.map((n) => JSON.stringify(n)).join(', ')})`,
        b.targetOrigin,
      ),
    );
  }
  problems.push(...oneOf(`${at}.viewerProtocolPolicy`, b.viewerProtocolPolicy, VIEWER_PROTOCOL_POLICIES));
  problems.push(...ttl(`${at}.minTtl`, b.minTtl));
  problems.push(...ttl(`${at}.defaultTtl`, b.defaultTtl));
  problems.push(...ttl(`${at}.maxTtl`, b.maxTtl));
  problems.push(...ttlOrder(at, b));
  problems.push(...methodRules(at, b));
  problems.push(...functionRules(at, b));
  problems.push(...wildcardAlone(`${at}.forwardHeaders`, b.forwardHeaders));
  problems.push(
    ...unique(
      `${at}.forwardHeaders`,
      b.forwardHeaders?.map((h) => h.toLowerCase()),
    ),
  );
  problems.push(...wildcardAlone(`${at}.forwardCookies`, b.forwardCookies));
  problems.push(...unique(`${at}.forwardCookies`, b.forwardCookies));
  return problems;
}

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesAllowedHTTPMethods */
function methodRules(at: string, b: BehaviorOptions): string[] {
  const problems = setOf(`${at}.allowedMethods`, b.allowedMethods, ALLOWED_METHOD_SETS);
  problems.push(...setOf(`${at}.cachedMethods`, b.cachedMethods, CACHED_METHOD_SETS));
  const allowed = (b.allowedMethods ?? DEFAULTS.methods).map((m) => m.toUpperCase());
  const cached = b.cachedMethods ?? [];
  const outside =
    Token.isUnresolved(b.allowedMethods) || Token.isUnresolved(cached)
      ? []
      : cached.filter((m) => !Token.isUnresolved(m) && !allowed.includes(m.toUpperCase()));
  if (outside.length > 0) {
    problems.push(
      message(
        `${at}.cachedMethods`,
        `must be within \`${at}.allowedMethods\` (${allowed.join(', ')})`,
        cached,
      ),
    );
  }
  return problems;
}

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/Expiration.html */
function ttlOrder(at: string, b: BehaviorOptions): string[] {
  const s = (d: Duration | undefined) =>
    d === undefined || d.isUnresolved() ? undefined : d.toSeconds({ integral: false });
  // An unset TTL is its default; an unresolved one is not judged.
  const min = b.minTtl ? (s(b.minTtl) ?? 0) : DEFAULTS.minTtl.toSeconds();
  const def = b.defaultTtl ? s(b.defaultTtl) : DEFAULTS.defaultTtl.toSeconds();
  const max = b.maxTtl ? s(b.maxTtl) : DEFAULTS.maxTtl.toSeconds();
  const problems: string[] = [];
  if (def !== undefined && min > def) {
    problems.push(
      `\`${at}.minTtl\` must not exceed \`${at}.defaultTtl\` (${def} seconds); got: ${min} seconds`,
    );
  }
  if (max !== undefined && def !== undefined && def > max) {
    problems.push(
      `\`${at}.defaultTtl\` must not exceed \`${at}.maxTtl\` (${max} seconds); got: ${def} seconds`,
    );
  } else if (max !== undefined && min > max) {
    problems.push(`\`${at}.minTtl\` must not exceed \`${at}.maxTtl\` (${max} seconds); got: ${min} seconds`);
  }
  return problems;
}

/**
 * CloudFront Functions and Lambda@Edge on a behaviour.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
function functionRules(at: string, b: BehaviorOptions): string[] {
  const problems: string[] = [];
  const functions = b.functionAssociations ?? [];
  const lambdas = b.edgeLambdas ?? [];
  problems.push(
    ...unique(
      `${at}.functionAssociations`,
      functions.map((f) => f.eventType),
      'event types',
    ),
  );
  problems.push(
    ...unique(
      `${at}.edgeLambdas`,
      lambdas.map((l) => l.eventType),
      'event types',
    ),
  );
  functions.forEach((f, i) =>
    problems.push(
      ...oneOf(
        `${at}.functionAssociations[${i}].eventType`,
        f.eventType,
        Object.values(cloudfront.FunctionEventType),
      ),
    ),
  );
  const viewerEvents: string[] = [
    cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
    cloudfront.LambdaEdgeEventType.VIEWER_RESPONSE,
  ];
  const requestEvents: string[] = [
    cloudfront.LambdaEdgeEventType.VIEWER_REQUEST,
    cloudfront.LambdaEdgeEventType.ORIGIN_REQUEST,
  ];
  lambdas.forEach((l, i) => {
    const li = `${at}.edgeLambdas[${i}]`;
    problems.push(...oneOf(`${li}.eventType`, l.eventType, Object.values(cloudfront.LambdaEdgeEventType)));
    if (functions.length > 0 && viewerEvents.includes(l.eventType)) {
      problems.push(
        message(
          `${li}.eventType`,
          'must not be a viewer event when the behaviour has `functionAssociations` (CloudFront Functions and Lambda@Edge cannot share viewer events)',
          l.eventType,
        ),
      );
    }
    if (l.includeBody && !requestEvents.includes(l.eventType)) {
      problems.push(
        message(`${li}.includeBody`, 'applies only to viewer-request and origin-request events', l.eventType),
      );
    }
    const version = l.functionVersion;
    if (!unknown(version.version) && version.version === '$LATEST') {
      problems.push(
        message(`${li}.functionVersion`, 'must be a published version, not $LATEST', version.version),
      );
    }
    const region = version.env.region;
    if (!unknown(region) && region !== 'us-east-1') {
      problems.push(message(`${li}.functionVersion`, 'must be a Lambda@Edge version in us-east-1', region));
    }
  });
  return problems;
}

/**
 * The path patterns of the behaviours `at` (`behaviors`): on every one, unique, not matching
 * every path, of CloudFront's characters.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
export function patternRules(at: string, behaviors: readonly { pathPattern: string }[]): string[] {
  const problems = unique(
    `${at}[].pathPattern`,
    behaviors.map((b) => b.pathPattern).filter((p) => typeof p === 'string'),
    'patterns',
  );
  behaviors.forEach((b, i) => {
    const pi = `${at}[${i}].pathPattern`;
    const p = b.pathPattern;
    if (p === undefined || p === null || (typeof p === 'string' && p.length === 0)) {
      problems.push(message(pi, 'is required on every behaviour but the default', p ?? undefined));
      return;
    }
    if (Token.isUnresolved(p)) return;
    if (p === '*' || p === '/*') {
      problems.push(message(pi, 'must not match every path: that is `defaultCacheBehavior`', p));
    } else if (p.length > 255 || !PATH_PATTERN.test(p)) {
      problems.push(
        message(pi, 'must be at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " \' @ : + ? & = ! , ;', p),
      );
    }
  });
  return problems;
}

/** Legal but risky settings of one behaviour. */
export function warnings(at: string, b: BehaviorOptions): Warning[] {
  if (b.viewerProtocolPolicy !== cloudfront.ViewerProtocolPolicy.ALLOW_ALL) return [];
  return [
    {
      id: 'allowAll',
      message: `\`${at}.viewerProtocolPolicy\` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.`,
    },
  ];
}

/** `forwardCookies` as CloudFront's `Cookies`: `['*']` is all, `[]` none, names a whitelist. */
export function renderCookies(
  cookies: readonly string[] | undefined,
): cloudfront.CfnDistribution.CookiesProperty {
  if (cookies === undefined || cookies.length === 0) return { forward: 'none' };
  if (cookies.length === 1 && cookies[0] === '*') return { forward: 'all' };
  return { forward: 'whitelist', whitelistedNames: [...cookies] };
}

function seconds(d: Duration | undefined, fallback: Duration): number {
  return (d ?? fallback).toSeconds();
}

/** The default behaviour as CloudFormation's `DefaultCacheBehavior`, every default explicit. */
export function renderDefault(
  b: DefaultCacheBehavior,
): cloudfront.CfnDistribution.DefaultCacheBehaviorProperty {
  const headers = b.forwardHeaders ?? [];
  return {
    targetOriginId: b.targetOrigin,
    viewerProtocolPolicy: b.viewerProtocolPolicy ?? DEFAULTS.viewerProtocolPolicy,
    forwardedValues: {
      queryString: b.forwardQueryString ?? DEFAULTS.forwardQueryString,
      headers: headers.length > 0 ? [...headers] : undefined,
      cookies: renderCookies(b.forwardCookies),
    },
    minTtl: seconds(b.minTtl, DEFAULTS.minTtl),
    defaultTtl: seconds(b.defaultTtl, DEFAULTS.defaultTtl),
    maxTtl: seconds(b.maxTtl, DEFAULTS.maxTtl),
    allowedMethods: [...(b.allowedMethods ?? DEFAULTS.methods)],
    cachedMethods: [...(b.cachedMethods ?? DEFAULTS.methods)],
    smoothStreaming: b.smoothStreaming ?? DEFAULTS.smoothStreaming,
    compress: b.compress ?? DEFAULTS.compress,
    responseHeadersPolicyId: b.responseHeadersPolicy?.responseHeadersPolicyId,
    functionAssociations: b.functionAssociations?.length
      ? b.functionAssociations.map((f) => ({
          eventType: f.eventType,
          functionArn: f.function.functionRef.functionArn,
        }))
      : undefined,
    lambdaFunctionAssociations: b.edgeLambdas?.length
      ? b.edgeLambdas.map((l) => ({
          eventType: l.eventType,
          lambdaFunctionArn: l.functionVersion.edgeArn,
          includeBody: l.includeBody,
        }))
      : undefined,
  };
}

/** A path-pattern behaviour as CloudFormation's `CacheBehavior`. */
export function render(b: CacheBehavior): cloudfront.CfnDistribution.CacheBehaviorProperty {
  return { pathPattern: b.pathPattern, ...renderDefault(b) };
}

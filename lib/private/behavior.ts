import { Duration, Resource, aws_cloudfront as cloudfront, aws_lambda as lambda } from 'aws-cdk-lib';
import { CFN_DEFAULTS, DEFAULTS } from './defaults';
import { unlessDefault } from './template';
import {
  Shape,
  like,
  Warning,
  anyDeployTime,
  message,
  oneOf,
  required,
  secondsOf,
  setOf,
  ttl,
  unique,
  unknown,
  wildcardAlone,
  isDeployTime,
} from './validation';
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

/** The types of a behaviour's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  targetOrigin: 'string',
  forwardQueryString: 'boolean',
  forwardHeaders: 'string list',
  forwardCookies: 'string list',
  viewerProtocolPolicy: 'string',
  defaultTtl: 'Duration',
  minTtl: 'Duration',
  maxTtl: 'Duration',
  allowedMethods: 'string list',
  cachedMethods: 'string list',
  smoothStreaming: 'boolean',
  compress: 'boolean',
  responseHeadersPolicy: like('a cloudfront.IResponseHeadersPolicy', 'responseHeadersPolicyId'),
  functionAssociations: {
    list: { function: like('a cloudfront.IFunction', 'functionRef'), eventType: 'string' },
  },
  cachePolicy: like('a cloudfront.ICachePolicy', 'cachePolicyId'),
  originRequestPolicy: like('a cloudfront.IOriginRequestPolicy', 'originRequestPolicyId'),
  trustedKeyGroups: { list: like('a cloudfront.IKeyGroup', 'keyGroupId') },
  trustedSigners: 'string list',
  realtimeLogConfig: like('a cloudfront.IRealtimeLogConfig', 'realtimeLogConfigArn'),
  enableGrpc: 'boolean',
  fieldLevelEncryptionId: 'string',
  edgeLambdas: {
    list: {
      functionVersion: like('a lambda.IVersion', 'node', 'edgeArn', 'version'),
      eventType: 'string',
      includeBody: 'boolean',
    },
  },
};
/** The types of a path-pattern behaviour's props. */
export const PATH_SHAPE: Shape = { ...SHAPE, pathPattern: 'string' };

/**
 * CloudFront's quotas on the names a behaviour forwards in the legacy cache settings; both can be
 * raised on request, so exceeding them is a warning.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Quotas on headers", "Quotas on cookies")
 */
export const MAX_FORWARDED_HEADERS = 10;
export const MAX_FORWARDED_COOKIES = 10;

/** The methods a behaviour that targets an origin group may not allow. */
const ORIGIN_GROUP_FORBIDDEN_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'];

/** What a behaviour's references are judged against. */
export interface Targets {
  /**
   * The origin and origin group names `targetOrigin` may name; `undefined` while origins may
   * still be added (`addOrigin`), when the final check waits for synth.
   */
  readonly names?: readonly string[];
  /** The origin group names among them. */
  readonly groups?: readonly string[];
}

/** Every problem of one behaviour `at` (`defaultCacheBehavior`, `behaviors[0]`). */
export function rules(at: string, b: DefaultCacheBehavior, targetsOf: Targets = {}): string[] {
  const targets = targetsOf.names;
  const problems: string[] = required(`${at}.targetOrigin`, b.targetOrigin);
  // Judged only when every origin name is known: a token may be the name it means.
  const known = targets !== undefined && targets.every((n) => typeof n === 'string' && !isDeployTime(n));
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
  problems.push(...originGroupMethods(at, b, targetsOf.groups ?? []));
  problems.push(...functionRules(at, b));
  problems.push(...signerRules(at, b));
  problems.push(...grpcMethods(at, b));
  problems.push(...fieldLevelEncryptionRules(at, b));
  problems.push(...forwardedNames(`${at}.forwardHeaders`, b.forwardHeaders, 'header'));
  problems.push(
    ...unique(
      `${at}.forwardHeaders`,
      b.forwardHeaders?.map((h) => (isDeployTime(h) ? h : h.toLowerCase())),
    ),
  );
  problems.push(...forwardedNames(`${at}.forwardCookies`, b.forwardCookies, 'cookie'));
  problems.push(...unique(`${at}.forwardCookies`, b.forwardCookies));
  // "You must specify 0 for MinTTL if you configure CloudFront to forward all headers to your origin"
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html
  const min = b.minTtl;
  if (
    b.forwardHeaders?.length === 1 &&
    b.forwardHeaders[0] === '*' &&
    min !== undefined &&
    !isDeployTime(min) &&
    min.toSeconds({ integral: false }) > 0
  ) {
    problems.push(
      message(
        `${at}.minTtl`,
        "must be 0 when `forwardHeaders` is ['*'] (CloudFront caches nothing then)",
        min,
      ),
    );
  }
  return problems;
}

/**
 * Who signs URLs and cookies: key groups (recommended) or AWS accounts, not both, and accounts
 * as 12-digit IDs or `self`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html#choosing-key-groups-or-AWS-accounts
 */
function signerRules(at: string, b: BehaviorOptions): string[] {
  const problems: string[] = [];
  const signers = b.trustedSigners;
  if (b.trustedKeyGroups?.length && signers?.length) {
    problems.push(
      message(
        `${at}.trustedSigners`,
        `must be left out when \`${at}.trustedKeyGroups\` is given: a behaviour's signers are key groups or AWS accounts, not both (key groups are recommended)`,
        signers,
      ),
    );
  }
  if (signers !== undefined && !isDeployTime(signers)) {
    signers.forEach((s, i) => {
      if (!unknown(s) && s !== 'self' && !/^\d{12}$/.test(s)) {
        problems.push(
          message(`${at}.trustedSigners[${i}]`, "must be a 12-digit AWS account ID or 'self'", s),
        );
      }
    });
    problems.push(...unique(`${at}.trustedSigners`, signers));
  }
  return problems;
}

/**
 * gRPC needs every method allowed: "The parameter gRPC only supports the POST method", and only
 * the full set of methods includes POST.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-using-grpc.html
 */
function grpcMethods(at: string, b: BehaviorOptions): string[] {
  if (b.enableGrpc !== true) return [];
  // "Lambda@Edge isn't supported with gRPC requests."
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-at-the-edge.html
  const edge = b.edgeLambdas?.length
    ? [
        message(
          `${at}.edgeLambdas`,
          `must be left out when \`${at}.enableGrpc\` is true: CloudFront supports no Lambda@Edge with gRPC (CloudFront Functions work)`,
          b.edgeLambdas.map((l) => l.eventType),
        ),
      ]
    : [];
  return [...everyMethod(at, b, `when \`${at}.enableGrpc\` is true: gRPC requests are POSTs`), ...edge];
}

/**
 * The problem of a behaviour that must allow every method (the only set with POST), for `why`;
 * a deploy-time list is not judged.
 */
function everyMethod(at: string, b: BehaviorOptions, why: string): string[] {
  if (anyDeployTime(b.allowedMethods)) return [];
  const allowed = b.allowedMethods ?? DEFAULTS.methods;
  if (allowed.some((m) => typeof m === 'string' && m.toUpperCase() === 'POST')) return [];
  return [
    message(
      `${at}.allowedMethods`,
      `must allow every method (GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE) ${why}`,
      allowed,
    ),
  ];
}

/**
 * Field-level encryption encrypts fields of a request body that viewers send over HTTPS: the
 * behaviour must require HTTPS and allow the methods that carry a body.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/field-level-encryption.html
 */
function fieldLevelEncryptionRules(at: string, b: BehaviorOptions): string[] {
  if (unknown(b.fieldLevelEncryptionId)) return [];
  const problems: string[] = [];
  if (b.fieldLevelEncryptionId === '') {
    problems.push(
      message(`${at}.fieldLevelEncryptionId`, 'must be the ID of a field-level encryption configuration', ''),
    );
  }
  if (b.viewerProtocolPolicy === cloudfront.ViewerProtocolPolicy.ALLOW_ALL) {
    problems.push(
      message(
        `${at}.viewerProtocolPolicy`,
        `must be redirect-to-https or https-only with \`${at}.fieldLevelEncryptionId\`: field-level encryption needs HTTPS from viewers`,
        b.viewerProtocolPolicy,
      ),
    );
  }
  problems.push(
    ...everyMethod(
      at,
      b,
      `with \`${at}.fieldLevelEncryptionId\`: field-level encryption works on request bodies`,
    ),
  );
  return problems;
}

/**
 * gRPC is HTTP/2: the distribution's `httpVersion` must include it.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-using-grpc.html
 */
export function grpcHttpVersion(at: string, b: BehaviorOptions, httpVersion: string | undefined): string[] {
  if (b.enableGrpc !== true || isDeployTime(httpVersion)) return [];
  const version = httpVersion ?? DEFAULTS.httpVersion;
  if (version === cloudfront.HttpVersion.HTTP2 || version === cloudfront.HttpVersion.HTTP2_AND_3) return [];
  return [
    message(
      'httpVersion',
      `must be http2 or http2and3 when \`${at}.enableGrpc\` is true: gRPC runs over HTTP/2`,
      version,
    ),
  ];
}

/**
 * Forwarded header or cookie names: `'*'` alone, or names that are not empty and hold no space.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html
 */
function forwardedNames(at: string, names: readonly string[] | undefined, what: string): string[] {
  if (names === undefined || isDeployTime(names)) return [];
  const problems = wildcardAlone(at, names);
  names.forEach((n, i) => {
    if (!isDeployTime(n) && (n.trim().length === 0 || /\s/.test(n))) {
      problems.push(message(`${at}[${i}]`, `must be a ${what} name without spaces`, n));
    }
  });
  return problems;
}

/**
 * "The parameter AllowedMethods cannot include POST, PUT, PATCH, or DELETE for a cached behavior
 * associated with an origin group."
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */
function originGroupMethods(
  at: string,
  b: BehaviorOptions & { targetOrigin?: string },
  groups: readonly string[],
): string[] {
  if (unknown(b.targetOrigin) || !groups.includes(b.targetOrigin!) || anyDeployTime(b.allowedMethods)) {
    return [];
  }
  const forbidden = (b.allowedMethods ?? []).filter((m) =>
    ORIGIN_GROUP_FORBIDDEN_METHODS.includes(m.toUpperCase()),
  );
  if (forbidden.length === 0) return [];
  return [
    message(
      `${at}.allowedMethods`,
      `must not include POST, PUT, PATCH or DELETE: the behaviour targets origin group ${JSON.stringify(b.targetOrigin)}, and CloudFront fails over only requests it may repeat`,
      b.allowedMethods,
    ),
  ];
}

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesAllowedHTTPMethods */
function methodRules(at: string, b: BehaviorOptions): string[] {
  const allowedProblems = setOf(`${at}.allowedMethods`, b.allowedMethods, ALLOWED_METHOD_SETS);
  const problems = [...allowedProblems, ...setOf(`${at}.cachedMethods`, b.cachedMethods, CACHED_METHOD_SETS)];
  // Judged only when both lists are wholly known and the allowed ones are a set CloudFront takes.
  if (allowedProblems.length > 0 || anyDeployTime(b.allowedMethods) || anyDeployTime(b.cachedMethods)) {
    return problems;
  }
  const allowed = (b.allowedMethods ?? DEFAULTS.methods).map((m) => m.toUpperCase());
  const cached = b.cachedMethods ?? [];
  const outside = cached.filter((m) => !allowed.includes(m.toUpperCase()));
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
  // An unset TTL is its default; an unresolved one is not judged.
  const min = secondsOf(b.minTtl ?? DEFAULTS.minTtl) ?? 0;
  const def = secondsOf(b.defaultTtl ?? DEFAULTS.defaultTtl);
  const max = secondsOf(b.maxTtl ?? DEFAULTS.maxTtl);
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
  functions.forEach((f, i) => {
    const fi = `${at}.functionAssociations[${i}]`;
    // From plain JavaScript, a member may be left out: CloudFormation requires both.
    if (f.function === undefined) problems.push(message(`${fi}.function`, 'is required', undefined));
    if (f.eventType === undefined) problems.push(message(`${fi}.eventType`, 'is required', undefined));
    problems.push(...oneOf(`${fi}.eventType`, f.eventType, Object.values(cloudfront.FunctionEventType)));
  });
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
    if (l.eventType === undefined) problems.push(message(`${li}.eventType`, 'is required', undefined));
    if (l.functionVersion === undefined) {
      problems.push(message(`${li}.functionVersion`, 'is required', undefined));
    } else {
      problems.push(...edgeVersionRules(`${li}.functionVersion`, l.functionVersion));
    }
  });
  return problems;
}

/**
 * A Lambda@Edge function version: a numbered version of a function in us-east-1. Its region is
 * read from a literal ARN (a version imported from another region's stack), else from the stack
 * of a version created in this app; an imported version with a deploy-time ARN is not judged.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
function edgeVersionRules(at: string, version: lambda.IVersion): string[] {
  // aws-cdk-lib refuses to give the edge ARN of $LATEST.
  if (!unknown(version.version) && version.version === '$LATEST') {
    return [message(at, 'must be a published version, not $LATEST', version.version)];
  }
  const problems: string[] = [];
  const arn = version.edgeArn;
  if (!unknown(arn)) {
    // arn:aws:lambda:us-east-1:123456789012:function:name:qualifier
    const parts = arn.split(':');
    const qualifier = parts[7];
    if (parts.length < 7 || parts[2] !== 'lambda') {
      return [
        message(
          at,
          'must be a Lambda function version ARN such as arn:aws:lambda:us-east-1:111111111111:function:name:1',
          arn,
        ),
      ];
    }
    if (qualifier === undefined || !/^\d+$/.test(qualifier)) {
      problems.push(
        message(
          at,
          'must be a numbered version (not $LATEST, an alias or an unqualified function): Lambda@Edge runs only published versions',
          qualifier ?? arn,
        ),
      );
    }
    if (parts[3] !== 'us-east-1') {
      problems.push(message(at, 'must be a Lambda@Edge version in us-east-1', parts[3]));
    }
    return problems;
  }
  const region = version.env.region;
  if (Resource.isOwnedResource(version) && !unknown(region) && region !== 'us-east-1') {
    problems.push(message(at, 'must be a Lambda@Edge version in us-east-1', region));
  }
  return problems;
}

/**
 * The path patterns of the behaviours `at` (`behaviors`): on every one, unique, not matching
 * every path, of CloudFront's characters.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */
export function patternRules(at: string, behaviors: readonly { pathPattern: string }[]): string[] {
  const patterns = behaviors.map((b) => b.pathPattern);
  const problems = unique(
    `${at}[].pathPattern`,
    patterns.filter((p) => typeof p === 'string'),
    'patterns',
  );
  // CloudFront treats `api/*` and `/api/*` as one pattern. Each pattern is made bare once.
  const bares = patterns.map((p) =>
    typeof p === 'string' && !isDeployTime(p) ? p.replace(/^\//, '') : undefined,
  );
  patterns.forEach((p, j) => {
    const i =
      bares[j] === undefined ? -1 : bares.findIndex((q, k) => k < j && q === bares[j] && patterns[k] !== p);
    if (i >= 0) {
      problems.push(
        message(
          `${at}[${j}].pathPattern`,
          `must differ from \`${at}[${i}].pathPattern\` (${JSON.stringify(patterns[i])}) by more than a leading '/': CloudFront treats them as one pattern`,
          p,
        ),
      );
    }
  });
  behaviors.forEach((b, i) => {
    const pi = `${at}[${i}].pathPattern`;
    const p = b.pathPattern;
    if (p === undefined || p === null || (typeof p === 'string' && p.length === 0)) {
      problems.push(message(pi, 'is required on every behaviour but the default', p ?? undefined));
      return;
    }
    if (isDeployTime(p)) return;
    if (p === '*' || p === '/*') {
      problems.push(message(pi, 'must not match every path: that is `defaultCacheBehavior`', p));
    } else if (p.length > 255 || !PATH_PATTERN.test(p)) {
      problems.push(
        message(
          pi,
          'must be at most 255 characters, each a letter, a digit or one of _-.*$/~"\'@:+?&=!,; (no space)',
          p,
        ),
      );
    }
  });
  return problems;
}

/** Legal but risky settings of one behaviour, and forwarding beyond CloudFront's default quotas. */
export function warnings(at: string, b: BehaviorOptions): Warning[] {
  const found: Warning[] = [];
  if (b.trustedSigners?.length && !b.trustedKeyGroups?.length) {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html#choosing-key-groups-or-AWS-accounts
    found.push({
      id: 'trustedSigners',
      message: `\`${at}.trustedSigners\` uses CloudFront key pairs of AWS accounts, which only the account's root user can manage. Use \`trustedKeyGroups\` (key groups, managed with IAM and CloudFormation) instead.`,
    });
  }
  if (b.viewerProtocolPolicy === cloudfront.ViewerProtocolPolicy.ALLOW_ALL) {
    found.push({
      id: 'allowAll',
      message: `\`${at}.viewerProtocolPolicy\` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.`,
    });
  }
  const quota = (prop: string, names: readonly string[] | undefined, max: number, name: string) => {
    if (names === undefined || isDeployTime(names) || names.length <= max) return;
    found.push({
      id: 'forwardedNamesQuota',
      message: `\`${at}.${prop}\` lists ${names.length} names, more than CloudFront's default quota "${name}" (${max}): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).`,
    });
  };
  quota(
    'forwardHeaders',
    b.forwardHeaders,
    MAX_FORWARDED_HEADERS,
    'Headers per cache behavior (legacy cache settings)',
  );
  quota(
    'forwardCookies',
    b.forwardCookies,
    MAX_FORWARDED_COOKIES,
    'Cookies per cache behavior (legacy cache settings)',
  );
  return found;
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

/** The IDs of a behaviour's policies, when it uses CloudFront's current caching model. */
export interface PolicyIds {
  readonly cachePolicyId: string;
  readonly originRequestPolicyId?: string;
}

/**
 * The default behaviour as CloudFormation's `DefaultCacheBehavior`: the legacy cache settings
 * (`ForwardedValues` and TTLs), or, with `policies`, their IDs instead; a value equal to
 * CloudFormation's default is left out.
 */
export function renderDefault(
  b: DefaultCacheBehavior,
  policies?: PolicyIds,
): cloudfront.CfnDistribution.DefaultCacheBehaviorProperty {
  const headers = b.forwardHeaders ?? [];
  const caching = policies
    ? { cachePolicyId: policies.cachePolicyId, originRequestPolicyId: policies.originRequestPolicyId }
    : {
        forwardedValues: {
          queryString: b.forwardQueryString ?? DEFAULTS.forwardQueryString,
          headers: headers.length > 0 ? [...headers] : undefined,
          cookies: renderCookies(b.forwardCookies),
        },
        minTtl: unlessDefault(seconds(b.minTtl, DEFAULTS.minTtl), CFN_DEFAULTS.minTtl),
        defaultTtl: unlessDefault(seconds(b.defaultTtl, DEFAULTS.defaultTtl), CFN_DEFAULTS.defaultTtl),
        maxTtl: unlessDefault(seconds(b.maxTtl, DEFAULTS.maxTtl), CFN_DEFAULTS.maxTtl),
      };
  return {
    targetOriginId: b.targetOrigin,
    viewerProtocolPolicy: b.viewerProtocolPolicy ?? DEFAULTS.viewerProtocolPolicy,
    ...caching,
    allowedMethods: unlessDefault([...(b.allowedMethods ?? DEFAULTS.methods)], CFN_DEFAULTS.methods),
    cachedMethods: unlessDefault([...(b.cachedMethods ?? DEFAULTS.methods)], CFN_DEFAULTS.methods),
    smoothStreaming: unlessDefault(
      b.smoothStreaming ?? DEFAULTS.smoothStreaming,
      CFN_DEFAULTS.smoothStreaming,
    ),
    compress: unlessDefault(b.compress ?? DEFAULTS.compress, CFN_DEFAULTS.compress),
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
    trustedKeyGroups: b.trustedKeyGroups?.length ? b.trustedKeyGroups.map((k) => k.keyGroupId) : undefined,
    trustedSigners: b.trustedSigners?.length ? [...b.trustedSigners] : undefined,
    realtimeLogConfigArn: b.realtimeLogConfig?.realtimeLogConfigArn,
    grpcConfig: b.enableGrpc === undefined ? undefined : { enabled: b.enableGrpc },
    fieldLevelEncryptionId: b.fieldLevelEncryptionId,
  };
}

/** A path-pattern behaviour as CloudFormation's `CacheBehavior`. */
export function render(
  b: CacheBehavior,
  policies?: PolicyIds,
): cloudfront.CfnDistribution.CacheBehaviorProperty {
  return { pathPattern: b.pathPattern, ...renderDefault(b, policies) };
}

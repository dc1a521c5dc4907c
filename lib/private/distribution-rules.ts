import { Token, aws_certificatemanager as acm, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { distributionExtras, functionRules, originExtras, originGroupRules } from './extended-rules';
import { DEFAULTS } from './render';
import {
  coveredBy,
  domainName,
  message,
  nonEmpty,
  required,
  oneOf,
  originPort,
  setOf,
  ttl,
  unique,
  unknown,
  wildcardAlone,
} from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';
import type { DistributionProps } from '../distribution';
import { ErrorResponse } from '../error-response';
import { Origin } from '../origins';

/**
 * The rules of CloudFront that a DistributionConfig can be judged by at synth time.
 * Each function returns every problem it finds; none throws.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html
 */

/** The protocols CloudFront can use with a custom origin over HTTPS. */
export const ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
/** The origin SSL protocols that are broken and get a warning. */
export const INSECURE_ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

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

/**
 * The HTTP status codes CloudFront can customize.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html
 */
export const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
export const RESPONSE_CODES = [200, ...ERROR_CODES];

const PRICE_CLASSES = Object.values(cloudfront.PriceClass);
const VIEWER_PROTOCOL_POLICIES = Object.values(cloudfront.ViewerProtocolPolicy);
const ORIGIN_PROTOCOL_POLICIES = Object.values(cloudfront.OriginProtocolPolicy);
const SSL_METHODS = Object.values(cloudfront.SSLMethod);
const SECURITY_POLICIES = Object.values(cloudfront.SecurityPolicyProtocol);

/** CloudFront's limit on alternate domain names per distribution (a default quota). */
export const MAX_ALIASES = 100;

/** Characters CloudFront allows in a path pattern. */
const PATH_PATTERN = /^[A-Za-z0-9_\-.*$/~"'@:+?&=!,;]+$/;

function originRules(origins: readonly Origin[]): string[] {
  if (origins.length === 0) {
    return [message('origins', 'must list at least one origin', [])];
  }
  const problems = unique(
    'origins[].name',
    origins.map((o) => o.name),
    'names',
  );
  origins.forEach((o, i) => {
    const at = `origins[${i}]`;
    problems.push(...required(`${at}.name`, o.name));
    problems.push(...nonEmpty(`${at}.name`, o.name));
    const isS3 = o.bucket !== undefined;
    const isCustom = o.domainName !== undefined;
    if (isS3 === isCustom) {
      problems.push(
        `\`${at}\` must have exactly one of \`bucket\` (an S3 origin) or \`domainName\` (a custom origin); got: ${
          isS3 ? 'both' : 'neither'
        }`,
      );
    }
    if (isS3 && !isCustom) {
      // Fields of CustomOriginConfig, beyond the specification's included.
      for (const field of [
        'httpPort',
        'httpsPort',
        'protocol',
        'sslPolicy',
        'readTimeout',
        'keepaliveTimeout',
      ] as const) {
        if (o[field] !== undefined) {
          problems.push(
            message(
              `${at}.${field}`,
              'applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`)',
              o[field],
            ),
          );
        }
      }
    }
    if (isCustom && o.originAccessIdentity !== undefined) {
      problems.push(
        `\`${at}.originAccessIdentity\` applies only to an S3 origin (\`bucket\`); got: an identity on custom origin ${JSON.stringify(o.domainName)}`,
      );
    }
    problems.push(...originExtras(at, o));
    problems.push(...domainName(`${at}.domainName`, o.domainName, false));
    problems.push(...originPort(`${at}.httpPort`, o.httpPort));
    problems.push(...originPort(`${at}.httpsPort`, o.httpsPort));
    problems.push(...oneOf(`${at}.protocol`, o.protocol, ORIGIN_PROTOCOL_POLICIES));
    if (o.sslPolicy !== undefined && !Token.isUnresolved(o.sslPolicy)) {
      if (o.sslPolicy.length === 0) {
        problems.push(
          message(
            `${at}.sslPolicy`,
            `must list at least one of ${ORIGIN_SSL_PROTOCOLS.join(', ')}`,
            o.sslPolicy,
          ),
        );
      }
      o.sslPolicy.forEach((p, j) =>
        problems.push(...oneOf(`${at}.sslPolicy[${j}]`, p, ORIGIN_SSL_PROTOCOLS)),
      );
      problems.push(...unique(`${at}.sslPolicy`, o.sslPolicy));
    }
  });
  return problems;
}

function behaviorRules(
  at: string,
  b: DefaultCacheBehavior,
  originNames: readonly string[] | undefined,
): string[] {
  const problems: string[] = required(`${at}.targetOrigin`, b.targetOrigin);
  // Judged only when every origin name is known: a token may be the name it means.
  // Not judged at all while origins may still be added (`originNames` undefined).
  const known =
    originNames !== undefined && originNames.every((n) => typeof n === 'string' && !Token.isUnresolved(n));
  if (known && originNames.length > 0 && !unknown(b.targetOrigin) && !originNames.includes(b.targetOrigin)) {
    problems.push(
      message(
        `${at}.targetOrigin`,
        `must name an origin or origin group (${originNames.map((n) => JSON.stringify(n)).join(', ')})`,
        b.targetOrigin,
      ),
    );
  }
  problems.push(...oneOf(`${at}.viewerProtocolPolicy`, b.viewerProtocolPolicy, VIEWER_PROTOCOL_POLICIES));
  problems.push(...ttl(`${at}.minTtl`, b.minTtl));
  problems.push(...ttl(`${at}.defaultTtl`, b.defaultTtl));
  problems.push(...ttl(`${at}.maxTtl`, b.maxTtl));
  problems.push(...ttlOrder(at, b));
  problems.push(...setOf(`${at}.allowedMethods`, b.allowedMethods, ALLOWED_METHOD_SETS));
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

function ttlOrder(at: string, b: DefaultCacheBehavior): string[] {
  const s = (d: typeof b.minTtl) =>
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

function pathPatternRules(behaviors: readonly { pathPattern: string }[]): string[] {
  const problems = unique(
    'behaviors[].pathPattern',
    behaviors.map((b) => b.pathPattern).filter((p) => typeof p === 'string'),
    'patterns',
  );
  behaviors.forEach((b, i) => {
    const at = `behaviors[${i}].pathPattern`;
    const p = b.pathPattern;
    if (p === undefined || p === null || (typeof p === 'string' && p.length === 0)) {
      problems.push(message(at, 'is required on every behaviour but the default', p ?? undefined));
      return;
    }
    if (Token.isUnresolved(p)) return;
    if (p === '*' || p === '/*') {
      problems.push(message(at, 'must not match every path: that is `defaultCacheBehavior`', p));
    } else if (p.length > 255 || !PATH_PATTERN.test(p)) {
      problems.push(
        message(at, 'must be at most 255 characters of A-Z a-z 0-9 _ - . * $ / ~ " \' @ : + ? & = ! , ;', p),
      );
    }
  });
  return problems;
}

function errorResponseRules(responses: readonly ErrorResponse[]): string[] {
  const problems: string[] = [];
  const codes = responses.map((e) => e.errorCode).filter((c) => !unknown(c));
  const repeated = codes.filter((c, i) => codes.indexOf(c) !== i);
  if (repeated.length > 0) {
    problems.push(
      message(
        'errorResponses[].errorCode',
        'must not repeat a code',
        [...new Set(repeated)].length === 1 ? repeated[0] : [...new Set(repeated)],
      ),
    );
  }
  responses.forEach((e, i) => {
    const at = `errorResponses[${i}]`;
    problems.push(...required(`${at}.errorCode`, e.errorCode));
    problems.push(...oneOf(`${at}.errorCode`, e.errorCode, ERROR_CODES));
    problems.push(...oneOf(`${at}.responseCode`, e.responseCode, RESPONSE_CODES));
    if (!unknown(e.responsePagePath) && !e.responsePagePath!.startsWith('/')) {
      problems.push(message(`${at}.responsePagePath`, "must start with '/'", e.responsePagePath));
    }
    if (e.responseCode !== undefined && e.responsePagePath === undefined) {
      problems.push(
        message(
          `${at}.responseCode`,
          'needs `responsePagePath` (CloudFront takes both or neither)',
          e.responseCode,
        ),
      );
    }
    problems.push(...ttl(`${at}.minTtl`, e.minTtl));
  });
  return problems;
}

function certificateRules(props: DistributionProps): string[] {
  const problems: string[] = [];
  const cert = props.sslCertificate;
  const aliases = props.aliases ?? [];
  if (!cert) {
    if (aliases.length > 0) {
      problems.push(
        message(
          'aliases',
          'needs `sslCertificate`: CloudFront accepts no alternate domain name without a certificate that covers it',
          aliases,
        ),
      );
    }
    if (props.sslSupportMethod !== undefined) {
      problems.push(
        message('sslSupportMethod', 'applies only with `sslCertificate`', props.sslSupportMethod),
      );
    }
    if (props.sslMinimumProtocolVersion !== undefined) {
      problems.push(
        message(
          'sslMinimumProtocolVersion',
          'applies only with `sslCertificate` (the default certificate always uses TLSv1)',
          props.sslMinimumProtocolVersion,
        ),
      );
    }
    return problems;
  }
  problems.push(...oneOf('sslSupportMethod', props.sslSupportMethod, SSL_METHODS));
  problems.push(...oneOf('sslMinimumProtocolVersion', props.sslMinimumProtocolVersion, SECURITY_POLICIES));
  const method = props.sslSupportMethod ?? cloudfront.SSLMethod.SNI;
  // "If SslSupportMethod is sni-only, then MinimumProtocolVersion must be TLSv1 or higher."
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
  if (
    props.sslMinimumProtocolVersion === cloudfront.SecurityPolicyProtocol.SSL_V3 &&
    !unknown(method) &&
    method !== cloudfront.SSLMethod.VIP
  ) {
    problems.push(
      message(
        'sslMinimumProtocolVersion',
        'may be SSLv3 only with `sslSupportMethod` vip',
        props.sslMinimumProtocolVersion,
      ),
    );
  }
  // An imported certificate's region is in its ARN; a certificate made here, its stack's.
  const arn = cert.acmCertificate?.certificateArn;
  const region =
    arn !== undefined && !Token.isUnresolved(arn) ? arn.split(':')[3] : cert.acmCertificate?.env.region;
  if (region !== undefined && !Token.isUnresolved(region) && region !== 'us-east-1') {
    problems.push(
      message(
        'sslCertificate',
        'must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there)',
        region,
      ),
    );
  }
  problems.push(...certificateCoverage(props));
  return problems;
}

/**
 * Every name a distribution serves must be covered by its certificate; this is known when the
 * certificate is an `acm.Certificate` of this app, whose domain names are in the template.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
function certificateCoverage(props: DistributionProps): string[] {
  const cfn = props.sslCertificate?.acmCertificate?.node.defaultChild;
  if (!(cfn instanceof acm.CfnCertificate)) return [];
  const domains: unknown[] = [
    cfn.domainName,
    ...(Array.isArray(cfn.subjectAlternativeNames) ? cfn.subjectAlternativeNames : []),
  ];
  if (
    Token.isUnresolved(cfn.subjectAlternativeNames) ||
    domains.some((d) => typeof d !== 'string' || Token.isUnresolved(d))
  ) {
    return [];
  }
  const names: [string, string][] = [
    ['name', props.name],
    ...(props.aliases ?? []).map((a, i): [string, string] => [`aliases[${i}]`, a]),
  ];
  return names
    .filter(([, n]) => typeof n === 'string' && !Token.isUnresolved(n))
    .filter(([, n]) => !domains.some((d) => coveredBy(n, d as string)))
    .map(([at, n]) =>
      message(at, `must be covered by the certificate's domain names (${domains.join(', ')})`, n),
    );
}

/** The props both kinds of distribution share, and what CloudFront requires of them. */
export interface CommonProps {
  readonly name: string;
  readonly comment?: string;
  readonly aliases?: string[];
  readonly priceClass?: cloudfront.PriceClass;
}

/** Rules for `name`, `comment`, `aliases` and `priceClass`, the same for web and RTMP. */
export function commonRules(props: CommonProps): string[] {
  const problems: string[] = required('name', props.name);
  problems.push(...domainName('name', props.name, true));
  const comment = props.comment ?? props.name;
  if (!unknown(comment) && comment.length > 128) {
    problems.push(
      message(
        props.comment === undefined ? 'name' : 'comment',
        "must be at most 128 characters (CloudFront's limit on Comment)",
        comment,
      ),
    );
  }
  if (!Token.isUnresolved(props.aliases)) {
    (props.aliases ?? []).forEach((a, i) => problems.push(...domainName(`aliases[${i}]`, a, true)));
    if ((props.aliases ?? []).length + 1 > MAX_ALIASES) {
      problems.push(
        message(
          'aliases',
          `must hold at most ${MAX_ALIASES - 1} names besides \`name\` (CloudFront's quota of ${MAX_ALIASES})`,
          `${props.aliases!.length} names`,
        ),
      );
    }
  }
  problems.push(...oneOf('priceClass', props.priceClass, PRICE_CLASSES));
  return problems;
}

/**
 * Every rule a distribution's props break, in the order of the props.
 *
 * With `deferReferences`, `targetOrigin` is not judged: origins may still be added
 * (`addOrigin`), and the final check runs at synth.
 */
export function distributionRules(props: DistributionProps, deferReferences = false): string[] {
  const origins = props.origins ?? [];
  const originNames = origins.map((o) => o.name);
  const groups = props.originGroups ?? [];
  const targets = deferReferences ? undefined : [...originNames, ...groups.map((g) => g.name)];
  const behaviors = props.behaviors ?? [];
  const problems: string[] = [];

  problems.push(...commonRules(props));
  if (!unknown(props.rootObject) && /[?#]/.test(props.rootObject!)) {
    problems.push(message('rootObject', "must be an object's path without '?' or '#'", props.rootObject));
  }
  problems.push(...originRules(origins));
  problems.push(...originGroupRules(groups, originNames));
  if (props.defaultCacheBehavior === undefined) {
    problems.push(message('defaultCacheBehavior', 'is required', undefined));
  } else {
    problems.push(...behaviorRules('defaultCacheBehavior', props.defaultCacheBehavior, targets));
  }
  problems.push(...pathPatternRules(behaviors));
  behaviors.forEach((b, i) => problems.push(...behaviorRules(`behaviors[${i}]`, b, targets)));
  problems.push(...errorResponseRules(props.errorResponses ?? []));
  problems.push(...certificateRules(props));
  problems.push(...distributionExtras(props));
  return problems;
}

import { Token, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { COUNTRY_CODES } from './countries';
import { integerIn, message, oneOf, required, secondsIn, unique, unknown } from './validation';
import { BehaviorOptions } from '../cache-behavior';
import { Origin, OriginGroup } from '../origins';

/**
 * Rules for what this library adds beyond the specification: origin settings, origin groups,
 * behaviour functions and distribution-wide settings. Each returns every problem it finds.
 */

/**
 * Headers CloudFront cannot add to origin requests (and the prefixes it reserves).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html#add-origin-custom-headers-denylist
 */
const FORBIDDEN_HEADERS = [
  'Cache-Control',
  'Connection',
  'Content-Length',
  'Cookie',
  'Host',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Max-Forwards',
  'Pragma',
  'Proxy-Authorization',
  'Proxy-Connection',
  'Range',
  'Request-Range',
  'TE',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
  'X-Real-Ip',
];
const FORBIDDEN_PREFIXES = ['X-Amz-', 'X-Edge-'];

/**
 * The status codes an origin group can fail over on.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */
export const FAILOVER_STATUS_CODES = [400, 403, 404, 416, 500, 502, 503, 504];

const HTTP_VERSIONS = Object.values(cloudfront.HttpVersion);

/** The settings an origin has beyond the specification. */
export function originExtras(at: string, o: Origin): string[] {
  const problems: string[] = [];
  const path = o.originPath;
  if (!unknown(path) && (!path!.startsWith('/') || path!.endsWith('/') || path!.length > 255)) {
    problems.push(
      message(
        `${at}.originPath`,
        "must start with '/', not end with '/' and be at most 255 characters, such as '/production'",
        path,
      ),
    );
  }
  if (o.customHeaders !== undefined && !Token.isUnresolved(o.customHeaders)) {
    for (const name of Object.keys(o.customHeaders)) {
      const lower = name.toLowerCase();
      const forbidden =
        FORBIDDEN_HEADERS.some((h) => h.toLowerCase() === lower) ||
        FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p.toLowerCase()));
      if (forbidden) {
        problems.push(
          message(
            `${at}.customHeaders`,
            `must not set a header CloudFront reserves (${FORBIDDEN_HEADERS.join(', ')}, X-Amz-*, X-Edge-*)`,
            name,
          ),
        );
      } else if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
        problems.push(
          message(
            `${at}.customHeaders`,
            "must have header names of letters, digits and !#$%&'*+.^_`|~-",
            name,
          ),
        );
      }
    }
    problems.push(
      ...unique(
        `${at}.customHeaders`,
        Object.keys(o.customHeaders).map((h) => h.toLowerCase()),
        'header names',
      ),
    );
  }
  problems.push(...integerIn(`${at}.connectionAttempts`, o.connectionAttempts, 1, 3));
  problems.push(...secondsIn(`${at}.connectionTimeout`, o.connectionTimeout, 1, 10));
  problems.push(...secondsIn(`${at}.readTimeout`, o.readTimeout, 1, 180));
  problems.push(...secondsIn(`${at}.keepaliveTimeout`, o.keepaliveTimeout, 1, 180));
  if (!unknown(o.originShieldRegion) && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(o.originShieldRegion!)) {
    problems.push(
      message(`${at}.originShieldRegion`, 'must be an AWS Region such as us-east-1', o.originShieldRegion),
    );
  }
  return problems;
}

/** Origin groups: unique names, two different origins each, known failover codes. */
export function originGroupRules(groups: readonly OriginGroup[], originNames: readonly string[]): string[] {
  const problems = unique(
    'originGroups[].name',
    groups.map((g) => g.name).filter((n) => typeof n === 'string'),
    'names',
  );
  const namesKnown = originNames.every((n) => typeof n === 'string' && !Token.isUnresolved(n));
  groups.forEach((g, i) => {
    const at = `originGroups[${i}]`;
    problems.push(...required(`${at}.name`, g.name));
    if (!unknown(g.name) && originNames.includes(g.name)) {
      problems.push(message(`${at}.name`, 'must differ from every origin name', g.name));
    }
    for (const field of ['primaryOrigin', 'secondaryOrigin'] as const) {
      problems.push(...required(`${at}.${field}`, g[field]));
      if (namesKnown && !unknown(g[field]) && !originNames.includes(g[field])) {
        problems.push(
          message(
            `${at}.${field}`,
            `must name an origin (${originNames.map((n) => JSON.stringify(n)).join(', ')})`,
            g[field],
          ),
        );
      }
    }
    if (!unknown(g.primaryOrigin) && g.primaryOrigin === g.secondaryOrigin) {
      problems.push(message(`${at}.secondaryOrigin`, 'must differ from `primaryOrigin`', g.secondaryOrigin));
    }
    const codes = g.failoverStatusCodes;
    if (codes !== undefined && !Token.isUnresolved(codes)) {
      if (codes.length === 0) {
        problems.push(message(`${at}.failoverStatusCodes`, 'must list at least one code', codes));
      }
      codes.forEach((c, j) =>
        problems.push(...oneOf(`${at}.failoverStatusCodes[${j}]`, c, FAILOVER_STATUS_CODES)),
      );
      problems.push(...unique(`${at}.failoverStatusCodes`, codes.map(String), 'codes'));
    }
  });
  return problems;
}

/**
 * CloudFront Functions and Lambda@Edge on a behaviour.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/edge-functions-restrictions.html
 */
export function functionRules(at: string, b: BehaviorOptions): string[] {
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

/** Distribution-wide settings beyond the specification. */
export function distributionExtras(props: {
  webAclId?: string;
  geoRestriction?: cloudfront.GeoRestriction;
  httpVersion?: cloudfront.HttpVersion;
}): string[] {
  const problems: string[] = [];
  const acl = props.webAclId;
  if (!unknown(acl) && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/.test(acl!)) {
    problems.push(
      message('webAclId', 'must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1)', acl),
    );
  }
  const geo = props.geoRestriction;
  if (geo && !Token.isUnresolved(geo.locations)) {
    if (geo.locations.length === 0) {
      problems.push(message('geoRestriction', 'must list at least one country code', geo.locations));
    }
    geo.locations.forEach((c, i) => {
      if (!Token.isUnresolved(c) && !COUNTRY_CODES.has(c)) {
        problems.push(
          message(
            `geoRestriction.locations[${i}]`,
            'must be an ISO 3166-1 alpha-2 country code such as US or DE',
            c,
          ),
        );
      }
    });
    problems.push(...unique('geoRestriction.locations', geo.locations, 'codes'));
  }
  problems.push(...oneOf('httpVersion', props.httpVersion, HTTP_VERSIONS));
  return problems;
}

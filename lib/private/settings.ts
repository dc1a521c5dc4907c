import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import * as viewerMtls from './viewer-mtls';
import { ViewerMtls } from '../viewer-certificate';
import { COUNTRY_CODES } from './countries';
import { CFN_DEFAULTS, DEFAULTS } from './defaults';
import { unlessDefault } from './template';
import {
  Shape,
  Warning,
  like,
  isDeployTime,
  message,
  oneOf,
  unique,
  unknown,
  HEADER_NAME,
} from './validation';

/**
 * Distribution-level settings: comment, price class, root object, enabled, WAF, geo
 * restriction, HTTP version and IPv6. Rules and rendering, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 */

const PRICE_CLASSES = Object.values(cloudfront.PriceClass);
const HTTP_VERSIONS = Object.values(cloudfront.HttpVersion);

/** The types of the shared settings' props, for callers no compiler checks. */
export const COMMON_SHAPE: Shape = { comment: 'string', priceClass: 'string', enabled: 'boolean' };
/** The types of a web distribution's settings. */
export const SHAPE: Shape = {
  ...COMMON_SHAPE,
  rootObject: 'string',
  webAclId: 'string',
  geoRestriction: like('a cloudfront.GeoRestriction', 'restrictionType', 'locations'),
  httpVersion: 'string',
  enableIpv6: 'boolean',
  publishAdditionalMetrics: 'boolean',
  anycastIpListId: 'string',
  cacheTagHeaderName: 'string',
  viewerMtls: viewerMtls.SHAPE,
  tags: 'string map',
  legacyCacheSettings: 'boolean',
};

/**
 * CloudFront's default quota on tags per distribution ("Tags that can be added to a
 * distribution"), which can be raised on request.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const MAX_TAGS = 50;

/**
 * Characters of a tag key or value, and their lengths.
 *
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_Tag.html
 */
const TAG_CHARACTERS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The settings both kinds of distribution share. */
export interface CommonSettingsInput {
  readonly name: string;
  readonly comment?: string;
  readonly priceClass?: cloudfront.PriceClass;
}

/** The settings of a web distribution. */
export interface SettingsInput extends CommonSettingsInput {
  readonly rootObject?: string;
  readonly enabled?: boolean;
  readonly webAclId?: string;
  readonly geoRestriction?: cloudfront.GeoRestriction;
  readonly httpVersion?: cloudfront.HttpVersion;
  readonly enableIpv6?: boolean;
  readonly publishAdditionalMetrics?: boolean;
  readonly anycastIpListId?: string;
  readonly cacheTagHeaderName?: string;
  readonly viewerMtls?: ViewerMtls;
  readonly tags?: { [key: string]: string };
  readonly legacyCacheSettings?: boolean;
}

/** `comment` (the `name` by default) and `priceClass`, the same for web and RTMP. */
export function commonRules(input: CommonSettingsInput): string[] {
  const problems: string[] = [];
  const comment = input.comment ?? input.name;
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html#DownloadDistValuesComment
  if (!unknown(comment) && comment.length > 128) {
    problems.push(
      message(
        input.comment === undefined ? 'name' : 'comment',
        "must be at most 128 characters (CloudFront's limit on Comment)",
        comment,
      ),
    );
  }
  problems.push(...oneOf('priceClass', input.priceClass, PRICE_CLASSES));
  return problems;
}

/** A web distribution's root object, WAF, geo restriction and HTTP version. */
export function rules(input: SettingsInput): string[] {
  const problems: string[] = [];
  // "The default root object file name is too big or contains an invalid character"
  // (InvalidDefaultRootObject): at most 255 characters, printable, no query or fragment.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
  const root = input.rootObject;
  if (!unknown(root)) {
    if (/[?#]/.test(root!)) {
      problems.push(message('rootObject', "must be an object's path without '?' or '#'", root));
    } else if (root!.replace(/^\/+/, '').length > 255 || !/^[\x21-\x7e]*$/.test(root!)) {
      problems.push(
        message(
          'rootObject',
          'must be at most 255 printable characters, without spaces, such as /index.html',
          root,
        ),
      );
    }
  }
  problems.push(...tagRules(input.tags));
  const acl = input.webAclId;
  if (!unknown(acl) && !WEB_ACL_ARN.test(acl!)) {
    problems.push(
      message('webAclId', 'must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1)', acl),
    );
  }
  problems.push(...geoRestrictionRules('geoRestriction', input.geoRestriction));
  problems.push(...oneOf('httpVersion', input.httpVersion, HTTP_VERSIONS));
  // The name of the header the origin returns cache tags in: a header name (RFC 9110's token
  // characters), such as x-amz-meta-cache-tag for S3 metadata.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-by-tags.html
  const tagHeader = input.cacheTagHeaderName;
  if (!unknown(tagHeader) && !HEADER_NAME.test(tagHeader!)) {
    problems.push(
      message(
        'cacheTagHeaderName',
        "must be an HTTP header name of letters, digits and !#$%&'*+.^_`|~-",
        tagHeader,
      ),
    );
  }
  return problems;
}

/**
 * The ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1): the only kind a distribution
 * or a distribution tenant takes.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html
 */
export const WEB_ACL_ARN = /^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/;

/**
 * A geo restriction (a distribution's, or a tenant's customization at `at`): at least one
 * country, each an ISO 3166-1 alpha-2 code, once.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html
 */
export function geoRestrictionRules(at: string, geo: cloudfront.GeoRestriction | undefined): string[] {
  if (!geo || isDeployTime(geo.locations)) return [];
  const problems: string[] = [];
  if (geo.locations.length === 0) {
    problems.push(message(at, 'must list at least one country code', geo.locations));
  }
  geo.locations.forEach((c, i) => {
    if (!isDeployTime(c) && !COUNTRY_CODES.has(c)) {
      problems.push(
        message(`${at}.locations[${i}]`, 'must be an ISO 3166-1 alpha-2 country code such as US or DE', c),
      );
    }
  });
  problems.push(...unique(`${at}.locations`, geo.locations, 'codes'));
  return problems;
}

/** Tag keys of 1 to 128 and values of up to 256 characters of CloudFront's set. */
function tagRules(tags: { [key: string]: string } | undefined): string[] {
  if (tags === undefined || isDeployTime(tags)) return [];
  const problems: string[] = [];
  for (const [key, value] of Object.entries(tags)) {
    if (!isDeployTime(key) && (key.length < 1 || key.length > 128 || !TAG_CHARACTERS.test(key))) {
      problems.push(
        message('tags', 'must have keys of 1 to 128 letters, digits, spaces and _ . : / = + - @', key),
      );
    }
    if (!unknown(value) && (value.length > 256 || !TAG_CHARACTERS.test(value))) {
      problems.push(
        message(`tags.${key}`, 'must be at most 256 letters, digits, spaces and _ . : / = + - @', value),
      );
    }
  }
  return problems;
}

/** More tags than the default quota. */
export function warnings(input: SettingsInput): Warning[] {
  const count = input.tags && !isDeployTime(input.tags) ? Object.keys(input.tags).length : 0;
  if (count <= MAX_TAGS) return [];
  return [
    {
      id: 'tagQuota',
      message: `\`tags\` holds ${count} tags, more than CloudFront's default quota "Tags that can be added to a distribution" (${MAX_TAGS}): the deploy fails unless the quota was raised for your account.`,
    },
  ];
}

/** `rootObject` as DefaultRootObject: `/` is none, `/index.html` is `index.html`. */
export function renderRootObject(rootObject: string | undefined): string | undefined {
  const stripped = (rootObject ?? DEFAULTS.rootObject).replace(/^\/+/, '');
  return stripped.length > 0 ? stripped : undefined;
}

/** The distribution-level fields of a web distribution's `DistributionConfig`. */
export function render(input: SettingsInput) {
  return {
    comment: input.comment ?? input.name,
    defaultRootObject: renderRootObject(input.rootObject),
    enabled: input.enabled ?? DEFAULTS.enabled,
    priceClass: unlessDefault(input.priceClass ?? DEFAULTS.priceClass, CFN_DEFAULTS.priceClass),
    webAclId: input.webAclId,
    restrictions: input.geoRestriction
      ? {
          geoRestriction: {
            restrictionType: input.geoRestriction.restrictionType,
            locations: input.geoRestriction.locations,
          },
        }
      : undefined,
    httpVersion: unlessDefault(
      input.httpVersion ?? viewerMtls.defaultHttpVersion(input),
      CFN_DEFAULTS.httpVersion,
    ),
    anycastIpListId: input.anycastIpListId,
    cacheTagConfig: input.cacheTagHeaderName ? { headerName: input.cacheTagHeaderName } : undefined,
    viewerMtlsConfig: viewerMtls.render(input.viewerMtls),
    connectionFunctionAssociation: viewerMtls.renderConnectionFunction(input.viewerMtls),
    ipv6Enabled: input.enableIpv6 ?? DEFAULTS.enableIpv6,
  };
}

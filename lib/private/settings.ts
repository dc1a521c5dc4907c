import { Token, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { COUNTRY_CODES } from './countries';
import { DEFAULTS } from './defaults';
import { message, oneOf, unique, unknown } from './validation';

/**
 * Distribution-level settings: comment, price class, root object, enabled, WAF, geo
 * restriction, HTTP version and IPv6. Rules and rendering, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesGeneral.html
 */

const PRICE_CLASSES = Object.values(cloudfront.PriceClass);
const HTTP_VERSIONS = Object.values(cloudfront.HttpVersion);

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
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DefaultRootObject.html
  if (!unknown(input.rootObject) && /[?#]/.test(input.rootObject!)) {
    problems.push(message('rootObject', "must be an object's path without '?' or '#'", input.rootObject));
  }
  const acl = input.webAclId;
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-awswaf.html
  if (!unknown(acl) && !/^arn:aws[a-z-]*:wafv2:us-east-1:\d{12}:global\/webacl\/[\w-]+\/[\w-]+$/.test(acl!)) {
    problems.push(
      message('webAclId', 'must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1)', acl),
    );
  }
  const geo = input.geoRestriction;
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/georestrictions.html
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
  problems.push(...oneOf('httpVersion', input.httpVersion, HTTP_VERSIONS));
  return problems;
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
    priceClass: input.priceClass ?? DEFAULTS.priceClass,
    webAclId: input.webAclId,
    restrictions: input.geoRestriction
      ? {
          geoRestriction: {
            restrictionType: input.geoRestriction.restrictionType,
            locations: input.geoRestriction.locations,
          },
        }
      : undefined,
    httpVersion: input.httpVersion ?? DEFAULTS.httpVersion,
    ipv6Enabled: input.enableIpv6 ?? DEFAULTS.enableIpv6,
  };
}

import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { CacheBehavior, DefaultCacheBehavior } from '../cache-behavior';
import { ErrorResponse } from '../error-response';
import { Origin, OriginGroup } from '../origins';

/** Defaults shared by rendering, docs and tests. */
export const DEFAULTS = {
  rootObject: '/',
  priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
  sslSupportMethod: cloudfront.SSLMethod.SNI,
  sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  httpPort: 80,
  httpsPort: 443,
  originProtocol: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
  originSslPolicy: ['TLSv1.2'],
  viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
  forwardQueryString: true,
  minTtl: Duration.seconds(0),
  defaultTtl: Duration.days(1),
  maxTtl: Duration.days(365),
  methods: ['GET', 'HEAD'],
  compress: true,
  smoothStreaming: false,
  errorCachingMinTtl: Duration.seconds(10),
  httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
  failoverStatusCodes: [500, 502, 503, 504],
} as const;

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

/** A behaviour's settings, common to the default and the path-pattern behaviours. */
function renderBehaviorSettings(b: DefaultCacheBehavior) {
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

export function renderDefaultBehavior(
  b: DefaultCacheBehavior,
): cloudfront.CfnDistribution.DefaultCacheBehaviorProperty {
  return renderBehaviorSettings(b);
}

export function renderBehavior(b: CacheBehavior): cloudfront.CfnDistribution.CacheBehaviorProperty {
  return { pathPattern: b.pathPattern, ...renderBehaviorSettings(b) };
}

/** A custom origin's connection settings. */
export function renderCustomOriginConfig(o: Origin): cloudfront.CfnDistribution.CustomOriginConfigProperty {
  return {
    httpPort: o.httpPort ?? DEFAULTS.httpPort,
    httpsPort: o.httpsPort ?? DEFAULTS.httpsPort,
    originProtocolPolicy: o.protocol ?? DEFAULTS.originProtocol,
    originSslProtocols: [...(o.sslPolicy ?? DEFAULTS.originSslPolicy)],
    originReadTimeout: o.readTimeout?.toSeconds(),
    originKeepaliveTimeout: o.keepaliveTimeout?.toSeconds(),
  };
}

/** What any origin may have beyond the specification; only what is set is rendered. */
export function renderOriginExtras(o: Origin) {
  const headers = Object.entries(o.customHeaders ?? {});
  return {
    originPath: o.originPath,
    originCustomHeaders: headers.length
      ? headers.map(([headerName, headerValue]) => ({ headerName, headerValue }))
      : undefined,
    connectionAttempts: o.connectionAttempts,
    connectionTimeout: o.connectionTimeout?.toSeconds(),
    originShield: o.originShieldRegion
      ? { enabled: true, originShieldRegion: o.originShieldRegion }
      : undefined,
  };
}

export function renderOriginGroups(
  groups: readonly OriginGroup[],
): cloudfront.CfnDistribution.OriginGroupsProperty {
  return {
    quantity: groups.length,
    items: groups.map((g) => {
      const codes = g.failoverStatusCodes ?? [...DEFAULTS.failoverStatusCodes];
      return {
        id: g.name,
        failoverCriteria: { statusCodes: { quantity: codes.length, items: [...codes] } },
        members: { quantity: 2, items: [{ originId: g.primaryOrigin }, { originId: g.secondaryOrigin }] },
      };
    }),
  };
}

export function renderErrorResponse(
  e: ErrorResponse,
): cloudfront.CfnDistribution.CustomErrorResponseProperty {
  const withPage = e.responsePagePath !== undefined;
  return {
    errorCode: e.errorCode,
    responsePagePath: e.responsePagePath,
    // CloudFront takes ResponsePagePath and ResponseCode together or not at all.
    responseCode: withPage ? (e.responseCode ?? e.errorCode) : undefined,
    errorCachingMinTtl: seconds(e.minTtl, DEFAULTS.errorCachingMinTtl),
  };
}

/** `rootObject` as DefaultRootObject: `/` is none, `/index.html` is `index.html`. */
export function renderRootObject(rootObject: string | undefined): string | undefined {
  const value = rootObject ?? DEFAULTS.rootObject;
  const stripped = value.replace(/^\/+/, '');
  return stripped.length > 0 ? stripped : undefined;
}

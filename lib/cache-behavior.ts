import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';

/**
 * How CloudFront caches and forwards requests: the settings every cache behaviour shares.
 *
 * The specification's caching model: what is forwarded to the origin (`ForwardedValues`) and
 * the TTLs are set on the behaviour itself, not through cache policies.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html#DownloadDistValuesCacheBehavior
 */
export interface BehaviorOptions {
  /**
   * Whether to forward the query string to the origin (and cache on it).
   *
   * Becomes `ForwardedValues.QueryString`.
   *
   * @default true
   */
  readonly forwardQueryString?: boolean;

  /**
   * The HTTP headers to forward to the origin (and cache on). `['*']` forwards all of them
   * (and then `minTtl` must be 0), `[]` none. More than 10 names (CloudFront's default quota)
   * get a warning.
   *
   * Becomes `ForwardedValues.Headers`.
   *
   * @default [] - no headers
   */
  readonly forwardHeaders?: string[];

  /**
   * The cookies to forward to the origin (and cache on). `['*']` forwards all of them,
   * `[]` none, a list only those names. More than 10 names (CloudFront's default quota) get a
   * warning.
   *
   * Becomes `ForwardedValues.Cookies` (`Forward` all, none or whitelist with
   * `WhitelistedNames`).
   *
   * @default [] - no cookies
   */
  readonly forwardCookies?: string[];

  /**
   * What CloudFront does with viewers that use HTTP.
   *
   * The specification's default, `allow-all`, serves pages over plain HTTP; it is still
   * accepted, with a warning. Becomes `ViewerProtocolPolicy`.
   *
   * @default ViewerProtocolPolicy.REDIRECT_TO_HTTPS (the specification's default is `allow-all`)
   */
  readonly viewerProtocolPolicy?: cloudfront.ViewerProtocolPolicy;

  /**
   * How long an object stays cached when the origin sends no `Cache-Control` or `Expires`.
   *
   * Becomes `DefaultTTL`, in whole seconds.
   *
   * @default Duration.days(1)
   */
  readonly defaultTtl?: Duration;

  /**
   * The least time an object stays cached, whatever the origin says.
   *
   * Becomes `MinTTL`, in whole seconds.
   *
   * @default Duration.seconds(0)
   */
  readonly minTtl?: Duration;

  /**
   * The longest time an object stays cached, whatever the origin says.
   *
   * Becomes `MaxTTL`, in whole seconds.
   *
   * @default Duration.days(365)
   */
  readonly maxTtl?: Duration;

  /**
   * The HTTP methods CloudFront passes to the origin: `['GET', 'HEAD']`,
   * `['GET', 'HEAD', 'OPTIONS']` or all seven (`DELETE`, `GET`, `HEAD`, `OPTIONS`, `PATCH`,
   * `POST`, `PUT`), in any order, in upper case. A behaviour that targets an origin group may
   * allow only the first two sets.
   *
   * Becomes `AllowedMethods`.
   *
   * @default ['GET', 'HEAD']
   */
  readonly allowedMethods?: string[];

  /**
   * The HTTP methods whose responses CloudFront caches: `['GET', 'HEAD']` or
   * `['GET', 'HEAD', 'OPTIONS']`, within `allowedMethods`.
   *
   * Becomes `CachedMethods`.
   *
   * @default ['GET', 'HEAD']
   */
  readonly cachedMethods?: string[];

  /**
   * Whether to serve Microsoft Smooth Streaming media from this behaviour.
   *
   * Becomes `SmoothStreaming`.
   *
   * @default false
   */
  readonly smoothStreaming?: boolean;

  /**
   * Whether CloudFront compresses content (gzip, Brotli) for viewers that accept it.
   * Not in the specification, which predates it.
   *
   * Becomes `Compress`.
   *
   * @default true
   */
  readonly compress?: boolean;

  /**
   * The response headers policy CloudFront applies to responses, such as
   * `ResponseHeadersPolicy.SECURITY_HEADERS`. Beyond the specification.
   *
   * Becomes `ResponseHeadersPolicyId`.
   *
   * @default - none
   */
  readonly responseHeadersPolicy?: cloudfront.IResponseHeadersPolicy;

  /**
   * CloudFront Functions to run on viewer requests or responses: one per event type.
   * Beyond the specification.
   *
   * Becomes `FunctionAssociations`.
   *
   * @default - none
   */
  readonly functionAssociations?: cloudfront.FunctionAssociation[];

  /**
   * Lambda@Edge function versions (from us-east-1) to run: one per event type, and none on
   * viewer events when `functionAssociations` are given. Beyond the specification.
   *
   * Becomes `LambdaFunctionAssociations`.
   *
   * @default - none
   */
  readonly edgeLambdas?: cloudfront.EdgeLambda[];

  /**
   * The cache policy: what goes into the cache key, the TTLs, and whether compressed objects are
   * cached. aws-cdk-lib's managed policies (`cloudfront.CachePolicy.CACHING_OPTIMIZED`), an
   * imported one (`CachePolicy.fromCachePolicyId`) or a `new cloudfront.CachePolicy(...)`.
   * Beyond the specification.
   *
   * Becomes `CachePolicyId`; the behaviour then renders no `ForwardedValues` nor TTLs, and
   * `forwardQueryString`, `forwardHeaders`, `forwardCookies`, `minTtl`, `defaultTtl` and
   * `maxTtl` must be left out.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
   * @default - the behaviour's legacy cache settings; with the distribution's
   * `legacyCacheSettings: false`, a policy made from them
   */
  readonly cachePolicy?: cloudfront.ICachePolicy;

  /**
   * The origin request policy: what is forwarded to the origin beyond the cache key, without
   * splitting the cache. aws-cdk-lib's managed policies (`cloudfront.OriginRequestPolicy.CORS_S3_ORIGIN`),
   * an imported one or a `new cloudfront.OriginRequestPolicy(...)`. Needs `cachePolicy` (or the
   * distribution's `legacyCacheSettings: false`). Beyond the specification.
   *
   * Becomes `OriginRequestPolicyId`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-origin-requests.html
   * @default - none; with `legacyCacheSettings: false` and a behaviour that does not cache, one
   * that forwards what its legacy settings forward
   */
  readonly originRequestPolicy?: cloudfront.IOriginRequestPolicy;

  /**
   * The key groups whose public keys verify signed URLs and signed cookies: with them, CloudFront
   * serves the behaviour's requests only when they are signed. Beyond the specification.
   *
   * Becomes `TrustedKeyGroups`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html
   * @default - no signed URLs or cookies required
   */
  readonly trustedKeyGroups?: cloudfront.IKeyGroup[];

  /**
   * The AWS accounts (12-digit IDs, or `self`) whose CloudFront key pairs sign URLs and cookies:
   * the legacy way, which needs the account's root user; `trustedKeyGroups` is recommended and gets
   * no warning. Not both on one behaviour. Beyond the specification.
   *
   * Becomes `TrustedSigners`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-trusted-signers.html#choosing-key-groups-or-AWS-accounts
   * @default - no signed URLs or cookies required
   */
  readonly trustedSigners?: string[];

  /**
   * The real-time log configuration that receives a record of each request, within seconds
   * (`new cloudfront.RealtimeLogConfig(...)` with a Kinesis data stream). Beyond the
   * specification.
   *
   * Becomes `RealtimeLogConfigArn`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/real-time-logs.html
   * @default - no real-time logs
   */
  readonly realtimeLogConfig?: cloudfront.IRealtimeLogConfig;

  /**
   * The ID of a field-level encryption configuration (`cloudfront.CfnFieldLevelEncryptionConfig`'s
   * `ref`) that encrypts chosen fields of POST bodies at the edge. Needs HTTPS from viewers
   * (`viewerProtocolPolicy` redirect-to-https or https-only), HTTPS to the origin, and methods
   * that carry a body (`allowedMethods` with POST). Beyond the specification.
   *
   * Becomes `FieldLevelEncryptionId`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/field-level-encryption.html
   * @default - no field-level encryption
   */
  readonly fieldLevelEncryptionId?: string;

  /**
   * Whether CloudFront proxies gRPC requests (`Content-Type: application/grpc`) to the origin.
   * Needs every method allowed (`allowedMethods` with POST), HTTP/2 (`httpVersion` http2 or
   * http2and3), HTTPS to an origin without mutual TLS, and no `edgeLambdas`. Beyond the
   * specification.
   *
   * Becomes `GrpcConfig.Enabled`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-using-grpc.html
   * @default false
   */
  readonly enableGrpc?: boolean;
}

/**
 * The default cache behaviour: what CloudFront does with a request that matches no `behaviors`
 * path pattern.
 */
export interface DefaultCacheBehavior extends BehaviorOptions {
  /**
   * The `name` of the origin this behaviour sends requests to.
   *
   * Becomes `TargetOriginId`.
   */
  readonly targetOrigin: string;
}

/**
 * A cache behaviour for the requests whose path matches `pathPattern`.
 *
 * CloudFront tries behaviours in the order of the list and uses the first that matches.
 */
export interface CacheBehavior extends DefaultCacheBehavior {
  /**
   * The path pattern this behaviour applies to, such as `/images/*.jpg` or `api/*`.
   * `*` matches any characters, `?` exactly one. Unique in the distribution.
   *
   * Becomes `CacheBehaviors[].PathPattern`.
   */
  readonly pathPattern: string;
}

import {
  Duration,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';

/**
 * An origin: where CloudFront fetches what it serves.
 *
 * The fields pick the kind: `bucket` makes an S3 origin (the specification's `S3Origin`),
 * `domainName` a custom HTTP(S) origin (`CustomOrigin`), and `cdkOrigin` any origin aws-cdk-lib
 * models (`aws_cloudfront_origins`: function URLs, VPC origins, load balancers, API Gateway,
 * public buckets, S3 websites). Give exactly one of them.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html
 */
export interface Origin {
  /**
   * A name for this origin, unique in the distribution; behaviours name it in `targetOrigin`.
   *
   * Becomes `Origins[].Id`.
   */
  readonly name: string;

  /**
   * The S3 bucket to serve content from. Makes this an S3 origin.
   *
   * CloudFront reaches the bucket's regional REST endpoint (`Origins[].DomainName`) through
   * Origin Access Control (`S3OriginAccessControl`), and the construct adds the bucket policy
   * statement that lets only this distribution read, plus the key policy statement for a
   * KMS-encrypted bucket. The bucket stays private.
   *
   * @default - no bucket: give `domainName` or `cdkOrigin` instead
   */
  readonly bucket?: s3.IBucket;

  /**
   * An origin as aws-cdk-lib models it, such as `new origins.RestApiOrigin(api)`,
   * `origins.FunctionUrlOrigin.withOriginAccessControl(url)` or
   * `origins.VpcOrigin.withApplicationLoadBalancer(alb)`.
   *
   * The distribution binds it as aws-cdk-lib's own `Distribution` does: in its own scope
   * (`<distribution>/Origins/<name>`, or `.../origins[i]` for a name known only at deploy time),
   * with this distribution's ID for the access it grants
   * (Origin Access Control, bucket and key policies, Lambda permissions, VPC origins). What the
   * binding returns is rendered under `name` (`Origins[].Id`). Its connection settings (ports,
   * protocol, SSL policy, timeouts, path, custom headers, Origin Shield) are the origin's own
   * props: they cannot be given here beside it. For failover, list the members as origins and
   * name them in `originGroups` (aws-cdk-lib's `origins.OriginGroup` is not accepted here).
   *
   * (Named `cdkOrigin`, not `origin`: a member named like its struct would rename the struct
   * `Origin` to `Origin_` in C#.)
   *
   * @default - no aws-cdk-lib origin: give `bucket` or `domainName` instead
   * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudfront_origins-readme.html
   */
  readonly cdkOrigin?: cloudfront.IOrigin;

  /**
   * A legacy origin access identity to reach `bucket` with, instead of Origin Access Control.
   *
   * The construct grants it `s3:GetObject` on the bucket. Only for an S3 origin.
   * Becomes `Origins[].S3OriginConfig.OriginAccessIdentity`.
   *
   * @default - Origin Access Control (recommended by AWS over identities)
   */
  readonly originAccessIdentity?: cloudfront.IOriginAccessIdentity;

  /**
   * The host name of a custom (HTTP or HTTPS) origin, such as `backend.example.com`.
   * Makes this a custom origin.
   *
   * Becomes `Origins[].DomainName`.
   *
   * @default - no custom origin: give `bucket` or `cdkOrigin` instead
   */
  readonly domainName?: string;

  /**
   * The port the custom origin serves HTTP on. Only for a custom origin.
   *
   * Becomes `CustomOriginConfig.HTTPPort`.
   *
   * @default 80
   */
  readonly httpPort?: number;

  /**
   * The port the custom origin serves HTTPS on. Only for a custom origin.
   *
   * Becomes `CustomOriginConfig.HTTPSPort`.
   *
   * @default 443
   */
  readonly httpsPort?: number;

  /**
   * The protocol CloudFront uses to reach the custom origin. Only for a custom origin.
   *
   * The specification's default, `match-viewer`, sends plain HTTP to the origin whenever a
   * viewer uses HTTP; `http-only` always does (and gets a warning). Becomes
   * `CustomOriginConfig.OriginProtocolPolicy`.
   *
   * @default OriginProtocolPolicy.HTTPS_ONLY (the specification's default is `match-viewer`)
   */
  readonly protocol?: cloudfront.OriginProtocolPolicy;

  /**
   * The SSL/TLS protocols CloudFront may use with the custom origin over HTTPS:
   * any of `SSLv3`, `TLSv1`, `TLSv1.1`, `TLSv1.2`. Only for a custom origin.
   *
   * The specification's default, SSLv3 and TLSv1, is broken cryptography: the old protocols are
   * still accepted, with a warning. Becomes `CustomOriginConfig.OriginSSLProtocols`.
   *
   * @default ['TLSv1.2'] (the specification's default is ['SSLv3', 'TLSv1'])
   */
  readonly sslPolicy?: string[];

  /**
   * A path CloudFront prepends to every request to this origin, such as `/production`:
   * starts with `/`, does not end with `/`. Beyond the specification.
   *
   * Becomes `Origins[].OriginPath`.
   *
   * @default - no path
   */
  readonly originPath?: string;

  /**
   * Headers CloudFront adds to every request to this origin, such as a secret the origin checks.
   * CloudFront forbids some (`Host`, `Cookie`, `X-Amz-*`, ...); they are rejected. Beyond the
   * specification.
   *
   * Becomes `Origins[].OriginCustomHeaders`.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html
   */
  readonly customHeaders?: { [name: string]: string };

  /**
   * How many times CloudFront tries to connect to the origin, from 1 to 3. Beyond the
   * specification.
   *
   * Becomes `Origins[].ConnectionAttempts`.
   *
   * @default 3 (CloudFront's default; not rendered)
   */
  readonly connectionAttempts?: number;

  /**
   * How long CloudFront waits to connect to the origin, from 1 to 10 seconds. Beyond the
   * specification.
   *
   * Becomes `Origins[].ConnectionTimeout`.
   *
   * @default Duration.seconds(10) (CloudFront's default; not rendered)
   */
  readonly connectionTimeout?: Duration;

  /**
   * How long CloudFront waits for a response from the origin (S3 or custom): whole seconds
   * from 1. Above 120 seconds (CloudFront's default quota "Response timeout per origin") it is
   * accepted with a warning: it deploys only where the quota was raised. Beyond the
   * specification.
   *
   * Becomes `CustomOriginConfig.OriginReadTimeout` or `S3OriginConfig.OriginReadTimeout`.
   *
   * @default Duration.seconds(30) (CloudFront's default; not rendered)
   */
  readonly readTimeout?: Duration;

  /**
   * How long CloudFront keeps an idle connection to a custom origin open: whole seconds from 1.
   * Above 120 seconds (CloudFront's default quota "Keep-alive timeout per origin") it is
   * accepted with a warning: it deploys only where the quota was raised. Only for a custom
   * origin. Beyond the specification.
   *
   * Becomes `CustomOriginConfig.OriginKeepaliveTimeout`.
   *
   * @default Duration.seconds(5) (CloudFront's default; not rendered)
   */
  readonly keepaliveTimeout?: Duration;

  /**
   * The AWS Region of the Origin Shield cache in front of this origin, such as `us-east-1`
   * (best: the Region closest to the origin). Beyond the specification.
   *
   * Becomes `Origins[].OriginShield`.
   *
   * @default - no Origin Shield
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-shield.html
   */
  readonly originShieldRegion?: string;

  /**
   * How long a request to the origin may take in all, across every packet and retry: whole
   * seconds, at least `readTimeout` (30 seconds when not set). Beyond the specification.
   *
   * Becomes `Origins[].ResponseCompletionTimeout`.
   *
   * @default - no limit
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#response-completion-timeout
   */
  readonly responseCompletionTimeout?: Duration;

  /**
   * Which IP protocol CloudFront uses to reach the custom origin: IPv4, IPv6 or both
   * (dual-stack). Only for a custom origin. Beyond the specification.
   *
   * Becomes `CustomOriginConfig.IpAddressType`.
   *
   * @default - IPv4 (CloudFront's default; not rendered)
   * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html
   */
  readonly ipAddressType?: cloudfront.OriginIpAddressType;

  /**
   * The client certificate CloudFront presents to the custom origin (origin mutual TLS): an ACM
   * certificate in us-east-1 whose extended key usage includes TLS client authentication.
   * Only for a custom origin reached over HTTPS, and not on behaviours with Lambda@Edge
   * functions on origin requests or responses. Beyond the specification.
   *
   * Becomes `CustomOriginConfig.OriginMtlsConfig.ClientCertificateArn`.
   *
   * @default - no client certificate
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html
   */
  readonly clientCertificate?: acm.ICertificate;
}

/**
 * Two origins behind one name: CloudFront sends requests to the primary and fails over to the
 * secondary when the primary answers with one of `failoverStatusCodes` or cannot be reached.
 * Behaviours can name the group in `targetOrigin`. Beyond the specification.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/high_availability_origin_failover.html
 */
export interface OriginGroup {
  /**
   * A name for the group, unique among origins and groups.
   *
   * Becomes `OriginGroups.Items[].Id`.
   */
  readonly name: string;

  /**
   * The `name` of the origin CloudFront tries first.
   */
  readonly primaryOrigin: string;

  /**
   * The `name` of the origin CloudFront fails over to.
   */
  readonly secondaryOrigin: string;

  /**
   * The status codes from the primary that make CloudFront try the secondary: any of 400, 403,
   * 404, 416, 500, 502, 503, 504.
   *
   * Becomes `FailoverCriteria.StatusCodes`.
   *
   * @default [500, 502, 503, 504]
   */
  readonly failoverStatusCodes?: number[];
}

import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';

/**
 * Every default of both constructs: the one source that rendering, the rules and the docs test
 * (`test/readme.test.ts`, against the README's "Default settings" table) read.
 *
 * Where a default differs from the specification's, the README's "Differences from the
 * specification" says why.
 */
export const DEFAULTS = {
  enabled: true,
  rootObject: '/',
  priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
  sslSupportMethod: cloudfront.SSLMethod.SNI,
  sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
  httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
  enableIpv6: true,
  legacyCacheSettings: true,
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
  failoverStatusCodes: [500, 502, 503, 504],
  // CloudFront's own default response timeout, never rendered: the rules compare with it.
  originReadTimeout: Duration.seconds(30),
  loggingIncludeCookies: false,
  // CloudFormation requires Prefix whenever an RTMP distribution logs.
  streamingLoggingPrefix: '',
  // A multi-tenant distribution requires cache policies: its behaviours' props become policies.
  multiTenantLegacyCacheSettings: false,
  // Multi-tenant distributions: tenants and connection groups.
  tenantEnabled: true,
  connectionGroupEnabled: true,
  connectionGroupIpv6Enabled: true,
  validationTokenHost: 'cloudfront',
  certificateTransparencyLogging: true,
} as const;

/**
 * CloudFormation's own defaults for fields of `AWS::CloudFront::Distribution` that this library
 * renders (the `default`s of the resource schema, which the CloudFormation reference documents): a
 * value equal to one is left out of the template (`unlessDefault`), which deploys the same and
 * takes less of CloudFormation's 1 MB limit on a template. Where our default differs (`compress`,
 * `priceClass`, `httpVersion`, the error caching TTL), ours is rendered. Without a certificate no
 * `ViewerCertificate` is rendered: CloudFormation's default is CloudFront's default certificate.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-cachebehavior.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-customoriginconfig.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-logging.html
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-distributionconfig.html
 */
export const CFN_DEFAULTS = {
  methods: ['GET', 'HEAD'],
  smoothStreaming: false,
  compress: false,
  minTtl: 0,
  defaultTtl: 86400,
  maxTtl: 31536000,
  httpPort: 80,
  httpsPort: 443,
  originReadTimeout: 30,
  originKeepaliveTimeout: 5,
  loggingIncludeCookies: false,
  loggingPrefix: '',
  priceClass: 'PriceClass_All',
  httpVersion: 'http1.1',
} as const;

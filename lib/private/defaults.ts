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
} as const;

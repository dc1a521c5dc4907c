import { aws_certificatemanager as acm, aws_route53 as route53 } from 'aws-cdk-lib';

/**
 * A certificate for the distribution to request from ACM, validated through a Route 53 hosted
 * zone.
 */
export interface DnsValidatedCertificateProps {
  /**
   * The certificate's domain name, such as `www.example.com` or `*.example.com`.
   */
  readonly domainName: string;

  /**
   * More names the certificate covers.
   *
   * @default - only `domainName`
   */
  readonly subjectAlternativeNames?: string[];

  /**
   * The public hosted zone ACM validates the names through (it adds the validation records).
   * Made in the distribution's own stack, it must be in us-east-1 with it; otherwise import it
   * (`HostedZone.fromHostedZoneAttributes`, `fromLookup`) or make it in a stack the distribution's
   * stack does not feed.
   */
  readonly hostedZone: route53.IHostedZone;
}

/**
 * The TLS certificate a distribution serves its own domain names with.
 *
 * The specification's `ssl_certificate` was an IAM server certificate; ACM certificates are
 * what AWS recommends today. Either must be valid for the distribution's `name` and `aliases`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
export class SslCertificate {
  /**
   * An AWS Certificate Manager certificate. CloudFront requires it in us-east-1.
   *
   * Becomes `ViewerCertificate.AcmCertificateArn`.
   */
  public static fromAcmCertificate(certificate: acm.ICertificate): SslCertificate {
    return new SslCertificate(certificate, undefined);
  }

  /**
   * An ACM certificate the distribution requests, validated through a Route 53 hosted zone, made
   * in us-east-1 whatever the distribution's stack: in that stack when it is in us-east-1,
   * otherwise in its companion stack `<stack>-us-east-1` (same account), deployed before it; the
   * distribution's stack reads the ARN through aws-cdk-lib's cross-region references. The stack
   * needs an explicit `env`.
   *
   * Renders an `AWS::CertificateManager::Certificate`; becomes `ViewerCertificate.AcmCertificateArn`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html#https-requirements-aws-region
   */
  public static dnsValidated(props: DnsValidatedCertificateProps): SslCertificate {
    return new SslCertificate(undefined, undefined, props);
  }

  /**
   * An IAM server certificate, by its ID (such as `ASCACKCEVSQ6C2EXAMPLE`), as the
   * specification's `ServerCertificate`.
   *
   * Becomes `ViewerCertificate.IamCertificateId`.
   */
  public static fromIamCertificateId(certificateId: string): SslCertificate {
    return new SslCertificate(undefined, certificateId);
  }

  /**
   * The ACM certificate, when this is one.
   */
  public readonly acmCertificate?: acm.ICertificate;

  /**
   * The IAM server certificate's ID, when this is one.
   */
  public readonly iamCertificateId?: string;

  /**
   * The certificate to request, when this is a DNS-validated one.
   *
   * @internal
   */
  public readonly _request?: DnsValidatedCertificateProps;

  private constructor(
    acmCertificate: acm.ICertificate | undefined,
    iamCertificateId: string | undefined,
    request?: DnsValidatedCertificateProps,
  ) {
    this.acmCertificate = acmCertificate;
    this.iamCertificateId = iamCertificateId;
    this._request = request;
  }
}

/**
 * How CloudFront treats viewers' client certificates (viewer mutual TLS).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/mtls-authentication.html
 */
export enum ViewerMtlsMode {
  /** Every viewer must present a certificate the trust store validates. */
  REQUIRED = 'required',
  /** A certificate is validated when a viewer presents one; viewers without one still connect. */
  OPTIONAL = 'optional',
  /** CloudFront passes the viewer's certificate on without validating it. */
  PASSTHROUGH = 'passthrough',
}

/**
 * Viewer mutual TLS: viewers present X.509 client certificates that CloudFront validates against
 * a trust store of your certificate authorities. Every behaviour must then redirect HTTP to HTTPS
 * or serve HTTPS only, and the distribution must not serve HTTP/3.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/enable-mtls-distributions.html
 */
export interface ViewerMtls {
  /**
   * The ID of the trust store holding the certificate authorities, such as the `attrId` of a
   * `cloudfront.CfnTrustStore`.
   *
   * Becomes `ViewerMtlsConfig.TrustStoreConfig.TrustStoreId`.
   */
  readonly trustStoreId: string;

  /**
   * Whether viewers must present a certificate.
   *
   * Becomes `ViewerMtlsConfig.Mode`.
   *
   * @default ViewerMtlsMode.REQUIRED
   */
  readonly mode?: ViewerMtlsMode;

  /**
   * Whether CloudFront tells viewers, in the TLS handshake, the names of the certificate
   * authorities it trusts.
   *
   * Becomes `TrustStoreConfig.AdvertiseTrustStoreCaNames`.
   *
   * @default - CloudFront's default (not rendered)
   */
  readonly advertiseTrustStoreCaNames?: boolean;

  /**
   * Whether CloudFront accepts expired client certificates.
   *
   * Becomes `TrustStoreConfig.IgnoreCertificateExpiry`.
   *
   * @default - CloudFront's default (not rendered)
   */
  readonly ignoreCertificateExpiry?: boolean;

  /**
   * The ID of a connection function (`cloudfront.CfnConnectionFunction`'s `attrId`, published to
   * LIVE) that decides, after the certificate is validated, whether the connection is allowed:
   * one per distribution, and only with mutual TLS, which is why it is set here.
   *
   * Becomes `ConnectionFunctionAssociation.Id`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/associate-connection-functions.html
   * @default - no connection function
   */
  readonly connectionFunctionId?: string;
}

import { aws_certificatemanager as acm } from 'aws-cdk-lib';

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

  private constructor(acmCertificate: acm.ICertificate | undefined, iamCertificateId: string | undefined) {
    this.acmCertificate = acmCertificate;
    this.iamCertificateId = iamCertificateId;
  }
}

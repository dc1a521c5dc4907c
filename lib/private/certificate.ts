import { Token, aws_certificatemanager as acm, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { Warning, coveredBy, domainName, message, oneOf, required, unknown } from './validation';
import { SslCertificate } from '../viewer-certificate';

/**
 * The names a distribution serves (`name`, `aliases`) and the certificate that proves them:
 * rules, rendering and warnings, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */

/**
 * CloudFront's limit on alternate domain names per distribution (a default quota).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const MAX_ALIASES = 100;

const SSL_METHODS = Object.values(cloudfront.SSLMethod);
const SECURITY_POLICIES = Object.values(cloudfront.SecurityPolicyProtocol);

/** The viewer security policies that allow broken protocols and get a warning. */
const INSECURE_VIEWER_POLICIES: string[] = [
  cloudfront.SecurityPolicyProtocol.SSL_V3,
  cloudfront.SecurityPolicyProtocol.TLS_V1,
  cloudfront.SecurityPolicyProtocol.TLS_V1_2016,
  cloudfront.SecurityPolicyProtocol.TLS_V1_1_2016,
];

/** The names of either kind of distribution. */
export interface NamesInput {
  readonly name: string;
  readonly aliases?: string[];
}

/** The names and certificate of a web distribution. */
export interface CertificateInput extends NamesInput {
  readonly sslCertificate?: SslCertificate;
  readonly sslSupportMethod?: cloudfront.SSLMethod;
  readonly sslMinimumProtocolVersion?: cloudfront.SecurityPolicyProtocol;
}

/** `name` and `aliases`, the same for web and RTMP: domain names, within CloudFront's quota. */
export function nameRules(input: NamesInput): string[] {
  const problems: string[] = required('name', input.name);
  problems.push(...domainName('name', input.name, true));
  if (!Token.isUnresolved(input.aliases)) {
    (input.aliases ?? []).forEach((a, i) => problems.push(...domainName(`aliases[${i}]`, a, true)));
    if ((input.aliases ?? []).length + 1 > MAX_ALIASES) {
      problems.push(
        message(
          'aliases',
          `must hold at most ${MAX_ALIASES - 1} names besides \`name\` (CloudFront's quota of ${MAX_ALIASES})`,
          `${input.aliases!.length} names`,
        ),
      );
    }
  }
  return problems;
}

/** The certificate, and what needs one. */
export function rules(input: CertificateInput): string[] {
  const problems: string[] = [];
  const cert = input.sslCertificate;
  const aliases = input.aliases ?? [];
  if (!cert) {
    if (aliases.length > 0) {
      problems.push(
        message(
          'aliases',
          'needs `sslCertificate`: CloudFront accepts no alternate domain name without a certificate that covers it',
          aliases,
        ),
      );
    }
    if (input.sslSupportMethod !== undefined) {
      problems.push(
        message('sslSupportMethod', 'applies only with `sslCertificate`', input.sslSupportMethod),
      );
    }
    if (input.sslMinimumProtocolVersion !== undefined) {
      problems.push(
        message(
          'sslMinimumProtocolVersion',
          'applies only with `sslCertificate` (the default certificate always uses TLSv1)',
          input.sslMinimumProtocolVersion,
        ),
      );
    }
    return problems;
  }
  problems.push(...oneOf('sslSupportMethod', input.sslSupportMethod, SSL_METHODS));
  problems.push(...oneOf('sslMinimumProtocolVersion', input.sslMinimumProtocolVersion, SECURITY_POLICIES));
  const method = input.sslSupportMethod ?? DEFAULTS.sslSupportMethod;
  // "If SslSupportMethod is sni-only, then MinimumProtocolVersion must be TLSv1 or higher."
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
  if (
    input.sslMinimumProtocolVersion === cloudfront.SecurityPolicyProtocol.SSL_V3 &&
    !unknown(method) &&
    method !== cloudfront.SSLMethod.VIP
  ) {
    problems.push(
      message(
        'sslMinimumProtocolVersion',
        'may be SSLv3 only with `sslSupportMethod` vip',
        input.sslMinimumProtocolVersion,
      ),
    );
  }
  // An imported certificate's region is in its ARN; a certificate made here, its stack's.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html#https-requirements-aws-region
  const arn = cert.acmCertificate?.certificateArn;
  const region =
    arn !== undefined && !Token.isUnresolved(arn) ? arn.split(':')[3] : cert.acmCertificate?.env.region;
  if (region !== undefined && !Token.isUnresolved(region) && region !== 'us-east-1') {
    problems.push(
      message(
        'sslCertificate',
        'must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there)',
        region,
      ),
    );
  }
  problems.push(...coverage(input));
  return problems;
}

/**
 * Every name a distribution serves must be covered by its certificate; this is known when the
 * certificate is an `acm.Certificate` of this app, whose domain names are in the template.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
function coverage(input: CertificateInput): string[] {
  const cfn = input.sslCertificate?.acmCertificate?.node.defaultChild;
  if (!(cfn instanceof acm.CfnCertificate)) return [];
  const domains: unknown[] = [
    cfn.domainName,
    ...(Array.isArray(cfn.subjectAlternativeNames) ? cfn.subjectAlternativeNames : []),
  ];
  if (
    Token.isUnresolved(cfn.subjectAlternativeNames) ||
    domains.some((d) => typeof d !== 'string' || Token.isUnresolved(d))
  ) {
    return [];
  }
  const names: [string, string][] = [
    ['name', input.name],
    ...(input.aliases ?? []).map((a, i): [string, string] => [`aliases[${i}]`, a]),
  ];
  return names
    .filter(([, n]) => typeof n === 'string' && !Token.isUnresolved(n))
    .filter(([, n]) => !domains.some((d) => coveredBy(n, d as string)))
    .map(([at, n]) =>
      message(at, `must be covered by the certificate's domain names (${domains.join(', ')})`, n),
    );
}

/** Names that do not do what they seem to, and legal but risky TLS settings. */
export function warnings(input: CertificateInput): Warning[] {
  const found: Warning[] = [];
  if (!input.sslCertificate) {
    found.push({
      id: 'nameNotAnAlias',
      message: `\`name\` ${JSON.stringify(input.name)} is not an alias of this distribution: CloudFront accepts no alternate domain name without a certificate. It serves only its *.cloudfront.net domain name; give \`sslCertificate\` to serve ${JSON.stringify(input.name)}.`,
    });
  }
  if (input.sslSupportMethod === cloudfront.SSLMethod.STATIC_IP) {
    // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
    found.push({
      id: 'staticIp',
      message:
        '`sslSupportMethod` is static-ip: CloudFront rejects it unless the CloudFront team enabled static IPs for your account. Use sni-only (the default) or vip.',
    });
  }
  const version = input.sslMinimumProtocolVersion;
  if (version !== undefined && INSECURE_VIEWER_POLICIES.includes(version)) {
    found.push({
      id: 'insecureMinimumProtocolVersion',
      message: `\`sslMinimumProtocolVersion\` is ${version}: viewers may connect with broken protocols. Use TLSv1.2_2021 (the default) or newer.`,
    });
  }
  return found;
}

/** `Aliases` and `ViewerCertificate`: the name first, then the aliases, only with a certificate. */
export function render(input: CertificateInput): {
  aliases?: string[];
  viewerCertificate: cloudfront.CfnDistribution.ViewerCertificateProperty;
} {
  const cert = input.sslCertificate;
  if (!cert) return { aliases: undefined, viewerCertificate: { cloudFrontDefaultCertificate: true } };
  return {
    aliases: [...new Set([input.name, ...(input.aliases ?? [])])],
    viewerCertificate: {
      acmCertificateArn: cert.acmCertificate?.certificateArn,
      iamCertificateId: cert.iamCertificateId,
      sslSupportMethod: input.sslSupportMethod ?? DEFAULTS.sslSupportMethod,
      minimumProtocolVersion: input.sslMinimumProtocolVersion ?? DEFAULTS.sslMinimumProtocolVersion,
    },
  };
}

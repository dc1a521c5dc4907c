import { Fn, Stack, aws_certificatemanager as acm, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DEFAULTS } from './defaults';
import { HOME_REGION } from './home-region';
import { literalRegion, owned, referencedStacks } from './references';
import {
  Shape,
  like,
  Warning,
  coveredBy,
  nonEmpty,
  show,
  domainName,
  message,
  oneOf,
  required,
  unknown,
  isDeployTime,
} from './validation';
import { DnsValidatedCertificateProps, SslCertificate } from '../viewer-certificate';

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

/** The types of the names' props, for callers no compiler checks. */
export const NAMES_SHAPE: Shape = { name: 'string', aliases: 'string list' };
/** The types of the certificate's props. */
export const SHAPE: Shape = {
  ...NAMES_SHAPE,
  sslCertificate: like(
    'an SslCertificate (SslCertificate.fromAcmCertificate or fromIamCertificateId)',
    'acmCertificate',
    'iamCertificateId',
  ),
  sslSupportMethod: 'string',
  sslMinimumProtocolVersion: 'string',
};

/**
 * `name` and `aliases`. The name is an alias, and so must be a domain name, when `nameIsAlias`:
 * with a certificate, and always on an RTMP distribution. Without a certificate it is only the
 * comment: any non-empty text (its length is the comment's rule).
 */
export function nameRules(input: NamesInput, nameIsAlias: boolean): string[] {
  const problems: string[] = required('name', input.name);
  if (nameIsAlias) {
    problems.push(...aliasRules('name', input.name));
  } else {
    problems.push(...nonEmpty('name', input.name));
  }
  if (!isDeployTime(input.aliases)) {
    (input.aliases ?? []).forEach((a, i) => problems.push(...aliasRules(`aliases[${i}]`, a)));
  }
  return problems;
}

/**
 * An alternate domain name: a domain name, in lower case (CloudFront's validator refuses upper
 * case letters in CNAMEs).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export function aliasRules(at: string, name: string | undefined): string[] {
  const problems = domainName(at, name, true);
  if (problems.length === 0 && !unknown(name) && name !== name!.toLowerCase()) {
    problems.push(message(at, `must be in lower case, such as ${JSON.stringify(name!.toLowerCase())}`, name));
  }
  return problems;
}

/** True when the name is served as an alias: the first of `Aliases`. */
function isDomainName(name: string): boolean {
  return typeof name === 'string' && !isDeployTime(name) && domainName('name', name, true).length === 0;
}

/**
 * An ACM certificate ARN: `arn:<partition>:acm:<region>:<account>:certificate/<id>`.
 *
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscertificatemanager.html
 */
const ACM_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;

/**
 * The certificate, and what needs one. `nameIsAlias` is false on a multi-tenant distribution,
 * whose `name` is only its comment: its certificate covers the tenants' domains.
 */
export function rules(input: CertificateInput, nameIsAlias = true): string[] {
  const problems: string[] = [];
  const cert = input.sslCertificate;
  const aliases = input.aliases ?? [];
  if (!cert) {
    // A multi-tenant distribution's aliases are refused as such (`tenants.ts`).
    if (nameIsAlias && !isDeployTime(aliases) && aliases.length > 0) {
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
  // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
  const iamId = cert.iamCertificateId;
  if (cert.acmCertificate === undefined && !unknown(iamId) && !/^[A-Z0-9]{1,32}$/.test(iamId!)) {
    problems.push(
      message(
        'sslCertificate',
        'must be an IAM server certificate ID: 1 to 32 upper-case letters and digits, such as ASCACKCEVSQ6C2EXAMPLE',
        iamId,
      ),
    );
  }
  const acmProblems = acmCertificateRules('sslCertificate', cert.acmCertificate);
  problems.push(...acmProblems);
  if (acmProblems.length > 0) return problems;
  problems.push(...coverage(input, nameIsAlias));
  return problems;
}

/**
 * An ACM certificate CloudFront can use: an ACM ARN, in us-east-1. An imported certificate's
 * region is in its ARN; a certificate made in this app, its stack's. An imported one whose ARN is
 * known only at deploy time is not judged.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html#https-requirements-aws-region
 */
export function acmCertificateRules(at: string, acmCert: acm.ICertificate | undefined): string[] {
  const arn = acmCert?.certificateArn;
  if (!unknown(arn) && !ACM_ARN.test(arn!)) {
    return [
      message(
        at,
        'must be an ACM certificate ARN such as arn:aws:acm:us-east-1:111111111111:certificate/<id>',
        arn,
      ),
    ];
  }
  const region = literalRegion(arn, acmCert);
  if (region !== undefined && region !== 'us-east-1') {
    return [
      message(
        at,
        'must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there)',
        region,
      ),
    ];
  }
  return [];
}

/**
 * Every name a distribution serves must be covered by its certificate; this is known when the
 * certificate is an `acm.Certificate` of this app, whose domain names are in the template.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */
function coverage(input: CertificateInput, nameIsAlias: boolean): string[] {
  const requested = input.sslCertificate?._request;
  const cfn = requested ?? input.sslCertificate?.acmCertificate?.node.defaultChild;
  // An imported certificate has no L1: asking `instanceof` first would load aws-cdk-lib's
  // generated ACM module (about 10 ms) for every app with one.
  if (cfn === undefined || (requested === undefined && !(cfn instanceof acm.CfnCertificate))) return [];
  const certificate = cfn as { domainName: string; subjectAlternativeNames?: string[] };
  const domains: unknown[] = [
    certificate.domainName,
    ...(Array.isArray(certificate.subjectAlternativeNames) ? certificate.subjectAlternativeNames : []),
  ];
  if (
    isDeployTime(certificate.subjectAlternativeNames) ||
    domains.some((d) => typeof d !== 'string' || isDeployTime(d))
  ) {
    return [];
  }
  const names: [string, string][] = [
    ...(nameIsAlias ? [['name', input.name] as [string, string]] : []),
    ...(input.aliases ?? []).map((a, i): [string, string] => [`aliases[${i}]`, a]),
  ];
  return names
    .filter(([, n]) => typeof n === 'string' && !isDeployTime(n))
    .filter(([, n]) => !domains.some((d) => coveredBy(n, d as string)))
    .map(([at, n]) =>
      message(at, `must be covered by the certificate's domain names (${domains.join(', ')})`, n),
    );
}

/**
 * A requested certificate (`SslCertificate.dnsValidated`) outside us-east-1 is made in the
 * companion stack the distribution's stack depends on: a value of the distribution's own stack in
 * the request (its zone made there, a `CfnParameter` as a name) would make the companion depend on
 * the stack, a cycle.
 */
export function requestPlacement(request: DnsValidatedCertificateProps, scope: IConstruct): string[] {
  const stack = Stack.of(scope);
  if (stack.region === HOME_REGION) return [];
  const why = `the certificate is made in ${HOME_REGION}, in the stack's companion ${stack.stackName}-${HOME_REGION}, which the stack depends on, and this value would make the companion depend on the stack`;
  const fields: [string, unknown, string][] = [
    ['domainName', request.domainName, 'Give a literal name, or a value of another stack'],
    [
      'subjectAlternativeNames',
      request.subjectAlternativeNames,
      'Give literal names, or values of another stack',
    ],
    [
      'hostedZone',
      request.hostedZone?.hostedZoneId,
      'Make the zone in another stack, or import it (HostedZone.fromHostedZoneAttributes)',
    ],
  ];
  return fields
    .filter(([, value]) => value !== undefined && referencedStacks(value, scope).has(stack))
    .map(([field, , instead]) =>
      message(
        `sslCertificate.${field}`,
        `must not be a value of the distribution's stack ${stack.node.path} (${stack.region}): ${why}. ${instead}`,
        field === 'hostedZone' && owned(request.hostedZone)
          ? request.hostedZone.node.path
          : `a value of stack ${stack.node.path}`,
      ),
    );
}

/**
 * Names that do not do what they seem to, legal but risky TLS settings, quotas. `nameIsAlias` is
 * false where the name is never an alias (a multi-tenant distribution's).
 */
export function warnings(input: CertificateInput, nameIsAlias = true): Warning[] {
  const found: Warning[] = [];
  if (!input.sslCertificate && input.sslMinimumProtocolVersion !== undefined) {
    // CloudFront accepts the field with its default certificate and ignores it.
    // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
    found.push({
      id: 'minimumProtocolVersionIgnored',
      message: `\`sslMinimumProtocolVersion\` ${show(input.sslMinimumProtocolVersion)} has no effect without \`sslCertificate\`: with its default *.cloudfront.net certificate CloudFront always accepts TLSv1. Give a certificate, or leave it out.`,
    });
  }
  const aliases = input.aliases;
  if (aliases !== undefined && !isDeployTime(aliases) && aliases.length + 1 > MAX_ALIASES) {
    found.push({
      id: 'aliasQuota',
      message: `\`aliases\` holds ${aliases.length} names besides \`name\`, more than CloudFront's default quota "Alternate domain names (CNAMEs) per distribution" (${MAX_ALIASES} in all): the deploy fails unless the quota was raised for your account (Service Quotas).`,
    });
  }
  if (nameIsAlias && !input.sslCertificate && isDomainName(input.name)) {
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

/**
 * `Aliases` and `ViewerCertificate`: the name first, then the aliases, only with a certificate.
 * A list of aliases known only at deploy time is joined to the name in the template. Without a
 * certificate neither is rendered: CloudFormation's default `ViewerCertificate` is CloudFront's
 * default certificate.
 */
export function render(input: CertificateInput): {
  aliases?: string[];
  viewerCertificate?: cloudfront.CfnDistribution.ViewerCertificateProperty;
} {
  const cert = input.sslCertificate;
  if (!cert) return { aliases: undefined, viewerCertificate: undefined };
  return {
    aliases: renderAliases(input),
    viewerCertificate: {
      acmCertificateArn: cert.acmCertificate?.certificateArn,
      iamCertificateId: cert.iamCertificateId,
      sslSupportMethod: input.sslSupportMethod ?? DEFAULTS.sslSupportMethod,
      minimumProtocolVersion: input.sslMinimumProtocolVersion ?? DEFAULTS.sslMinimumProtocolVersion,
    },
  };
}

/** The name, then the aliases without repeats; `Fn::Split` of a join when the list is a token. */
export function renderAliases(input: NamesInput): string[] {
  if (isDeployTime(input.aliases)) {
    return Fn.split(',', Fn.join(',', [input.name, Fn.join(',', input.aliases!)]));
  }
  return [...new Set([input.name, ...(input.aliases ?? [])])];
}

/** Two distributions whose alternate domain names CloudFront refuses together. */
export interface AliasConflict {
  /** The later distribution (by position in the list), and its alias. */
  readonly at: number;
  readonly alias: string;
  /** The earlier one, and its alias that the first repeats or overlaps. */
  readonly other: number;
  readonly otherAlias: string;
}

/** Whether wildcard `wildcard` (`*.example.com`) overlaps `name`: any name below its domain. */
function overlaps(wildcard: string, name: string): boolean {
  return wildcard.startsWith('*.') && name !== wildcard && name.endsWith(wildcard.slice(1));
}

/**
 * The alternate domain names CloudFront refuses between distributions: a name in two
 * distributions, "even if your AWS account owns the other distribution"; and a wildcard that
 * overlaps a name of another account's distribution (overlapping names may be in separate
 * distributions only of one account). Names known only at deploy time are left out by the
 * caller; `account` is undefined where unknown (then no wildcard is judged). Each pair is
 * reported once, at the later distribution.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html#alternate-domain-names-restrictions
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/alternate-domain-names-wildcard.html
 */
export function aliasConflicts(
  distributions: readonly { readonly aliases: readonly string[]; readonly account?: string }[],
): AliasConflict[] {
  const conflicts: AliasConflict[] = [];
  const first = new Map<string, number>();
  const wildcards: { at: number; alias: string }[] = [];
  const named: { at: number; alias: string }[] = [];
  distributions.forEach((d, i) => {
    const aliases = [...new Set(d.aliases.map((a) => a.toLowerCase()))];
    for (const alias of aliases) {
      const other = first.get(alias);
      if (other !== undefined) {
        conflicts.push({ at: i, alias, other, otherAlias: alias });
        continue;
      }
      if (d.account !== undefined) {
        const differs = (j: number) => {
          const account = distributions[j].account;
          return account !== undefined && account !== d.account;
        };
        // A wildcard overlaps the names and the narrower wildcards below it, and a name the
        // wildcards above it.
        const candidates = alias.startsWith('*.') ? [...wildcards, ...named] : wildcards;
        const overlap = candidates.find(
          (c) => differs(c.at) && (overlaps(c.alias, alias) || overlaps(alias, c.alias)),
        );
        if (overlap !== undefined) {
          conflicts.push({ at: i, alias, other: overlap.at, otherAlias: overlap.alias });
        }
      }
    }
    for (const alias of aliases) {
      if (!first.has(alias)) first.set(alias, i);
      (alias.startsWith('*.') ? wildcards : named).push({ at: i, alias });
    }
  });
  return conflicts;
}

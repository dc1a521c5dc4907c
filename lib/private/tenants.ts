import { Lazy, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { bridgeable } from './cache-policy';
import { acmCertificateRules, aliasRules } from './certificate';
import { DEFAULTS } from './defaults';
import { WEB_ACL_ARN, geoRestrictionRules } from './settings';
import {
  Shape,
  Warning,
  domainName,
  duplicates,
  isDeployTime,
  like,
  message,
  nonEmpty,
  oneOf,
  required,
  typeRules,
  unique,
  unknown,
} from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';
import { Origin } from '../origins';

/**
 * Multi-tenant distributions (CloudFront SaaS Manager): a shared configuration in tenant-only
 * connection mode with parameters, the distribution tenants that serve customers' domains
 * through it, and the connection groups that route them. What CloudFront refuses of each, its
 * quotas, and the rendering of what is only theirs, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html
 */

/**
 * The connection mode of a multi-tenant distribution.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-distributionconfig.html#cfn-cloudfront-distribution-distributionconfig-connectionmode
 */
export const TENANT_ONLY = 'tenant-only';

/**
 * CloudFront's quotas on multi-tenant distributions ("Quotas on multi-tenant distributions"):
 * tenants per account and domains per tenant can be raised; a field (an origin's domain name or
 * path) holds at most two parameters.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-template
 */
export const TENANT_QUOTAS = {
  tenantsPerAccount: 10_000,
  domainsPerTenant: 100,
  parametersPerField: 2,
} as const;

/** A parameter a multi-tenant distribution declares (see `TenantParameter`). */
export interface ParameterInput {
  readonly name: string;
  readonly required?: boolean;
  readonly defaultValue?: string;
  readonly comment?: string;
}

/** The types of a parameter's props, for callers no compiler checks. */
export const PARAMETER_SHAPE: Shape = {
  name: 'string',
  required: 'boolean',
  defaultValue: 'string',
  comment: 'string',
};

/**
 * A placeholder of a parameter in an origin's domain name or path: `{{name}}`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html#tenant-customize-parameters
 */
const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;

/** The parameter names a value's placeholders name, in order (repeats kept). */
export function placeholders(value: unknown): string[] {
  if (typeof value !== 'string' || !value.includes('{{') || isDeployTime(value)) return [];
  return [...value.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/** The fields of an origin that may hold placeholders, as prop paths with their values. */
function placeholderFields(origins: readonly Origin[]): [string, string | undefined][] {
  const fields: [string, string | undefined][] = [];
  origins.forEach((o, i) => {
    if (o === undefined || o === null) return;
    fields.push([`origins[${i}].domainName`, o.domainName], [`origins[${i}].originPath`, o.originPath]);
  });
  return fields;
}

/**
 * Whether a parameter is required: as given, or, when not given, when it has no default (a
 * tenant must then give a value).
 */
export function isRequired(p: ParameterInput): boolean {
  return p.required ?? p.defaultValue === undefined;
}

/** What a multi-tenant distribution has beside a distribution's props. */
export interface MultiTenantInput {
  readonly parameters?: ParameterInput[];
  readonly origins?: Origin[];
  readonly defaultCacheBehavior?: DefaultCacheBehavior;
  readonly behaviors?: DefaultCacheBehavior[];
  readonly aliases?: string[];
  readonly priceClass?: string;
  readonly enableIpv6?: boolean;
  readonly anycastIpListId?: string;
  readonly legacyCacheSettings?: boolean;
  readonly sslCertificate?: { readonly iamCertificateId?: string };
  readonly pricingPlan?: string;
}

/** The page every refusal of a standard-only setting cites. */
const UNSUPPORTED = 'CloudFront does not support it on multi-tenant distributions';

/**
 * What CloudFront refuses on a multi-tenant distribution, and the parameters and their
 * placeholders. The fields the CloudFormation and API references mark "only supports standard
 * distributions" (Aliases, AnycastIpListId, ContinuousDeploymentPolicyId, IPV6Enabled,
 * PriceClass, Staging, IamCertificateId, ForwardedValues and the TTLs, SmoothStreaming,
 * TrustedSigners); continuous deployment is refused where a staging twin names its primary.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html#unsupported-saas
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
 */
export function rules(
  input: MultiTenantInput,
  behaviors: readonly [string, DefaultCacheBehavior][],
): string[] {
  // For callers no compiler checks: a parameter list of the wrong shape is reported alone.
  const types = typeRules('parameters', input.parameters, { list: PARAMETER_SHAPE });
  if (types.length > 0) return types;
  const problems: string[] = [];
  if (input.aliases !== undefined) {
    problems.push(
      message(
        'aliases',
        `must not be given on a multi-tenant distribution (${UNSUPPORTED}): each tenant serves its own \`domains\` (addTenant)`,
        input.aliases,
      ),
    );
  }
  if (input.priceClass !== undefined) {
    problems.push(
      message(
        'priceClass',
        `must not be given on a multi-tenant distribution (${UNSUPPORTED})`,
        input.priceClass,
      ),
    );
  }
  if (input.enableIpv6 !== undefined) {
    problems.push(
      message(
        'enableIpv6',
        "must not be given on a multi-tenant distribution: IPv6 is a setting of the tenants' connection group (ConnectionGroup's `ipv6Enabled`)",
        input.enableIpv6,
      ),
    );
  }
  if (input.anycastIpListId !== undefined) {
    problems.push(
      message(
        'anycastIpListId',
        "must not be given on a multi-tenant distribution: an anycast IP list serves the tenants of a connection group (ConnectionGroup's `anycastIpListId`)",
        input.anycastIpListId,
      ),
    );
  }
  if (input.sslCertificate !== undefined && input.sslCertificate.iamCertificateId !== undefined) {
    problems.push(
      message(
        'sslCertificate',
        `must be an ACM certificate on a multi-tenant distribution (${UNSUPPORTED}: IAM server certificates)`,
        input.sslCertificate.iamCertificateId,
      ),
    );
  }
  // "A distribution cannot join a plan while its configuration uses ... multi-tenant mode."
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
  if (input.pricingPlan !== undefined) {
    problems.push(
      message(
        'pricingPlan',
        "must not be given on a multi-tenant distribution: CloudFront's flat-rate pricing plans do not support multi-tenant distributions",
        input.pricingPlan,
      ),
    );
  }
  if (input.legacyCacheSettings === true) {
    problems.push(
      message(
        'legacyCacheSettings',
        "must be false on a multi-tenant distribution: CloudFront requires cache policies there (the default, false, renders each behaviour's TTLs and forwarding as policies)",
        true,
      ),
    );
  }
  for (const [at, b] of behaviors) {
    if (b.trustedSigners !== undefined) {
      problems.push(
        message(
          `${at}.trustedSigners`,
          `must not be given on a multi-tenant distribution (${UNSUPPORTED}): use \`trustedKeyGroups\``,
          b.trustedSigners,
        ),
      );
    }
    // The bridge makes no policy of forwarding or TTLs known only at deploy time: such a behaviour
    // would keep the legacy settings, which CloudFront refuses here.
    if (b.cachePolicy === undefined && input.legacyCacheSettings !== true && !bridgeable(b)) {
      problems.push(
        message(
          at,
          'must have a `cachePolicy` on a multi-tenant distribution: its forwarding or TTLs are known only at deploy time, so no cache policy can be made from them, and CloudFront requires one',
          'legacy cache settings',
        ),
      );
    }
    if (b.smoothStreaming === true) {
      problems.push(
        message(
          `${at}.smoothStreaming`,
          `must not be true on a multi-tenant distribution (${UNSUPPORTED})`,
          true,
        ),
      );
    }
  }
  problems.push(...parameterRules(input));
  return problems;
}

/** Each parameter once, with a name a placeholder can hold; each placeholder declared. */
function parameterRules(input: MultiTenantInput): string[] {
  const problems: string[] = [];
  const parameters = input.parameters ?? [];
  if (isDeployTime(parameters)) return problems;
  parameters.forEach((p, i) => {
    if (p === undefined || p === null) return;
    const at = `parameters[${i}]`;
    problems.push(...required(`${at}.name`, p.name));
    problems.push(...nonEmpty(`${at}.name`, p.name));
    if (!unknown(p.name) && !/^[^{}\s]+$/.test(p.name)) {
      problems.push(
        message(
          `${at}.name`,
          'must be a name without spaces or braces, that a placeholder {{name}} can hold',
          p.name,
        ),
      );
    }
  });
  const names = parameters.filter((p) => p !== undefined && p !== null).map((p) => p.name);
  for (const name of duplicates(names.filter((n) => typeof n === 'string' && !isDeployTime(n)))) {
    problems.push(message('parameters', 'must declare each parameter once', name));
  }
  const declared = new Set(names);
  for (const [at, value] of placeholderFields(input.origins ?? [])) {
    for (const name of placeholders(value)) {
      if (!declared.has(name)) {
        problems.push(
          message(
            at,
            `must use only declared parameters: {{${name}}} is not in \`parameters\` (declared: ${
              [...declared].map((n) => JSON.stringify(n)).join(', ') || 'none'
            })`,
            value,
          ),
        );
      }
    }
  }
  return problems;
}

/**
 * The props as the shared rules judge them: an origin's domain name or path that holds a
 * placeholder is the tenant's to complete, so it is judged as a value known only at deploy time.
 */
export function forSharedRules<T extends { readonly origins?: Origin[] }>(input: T): T {
  const origins = input.origins;
  if (
    !Array.isArray(origins) ||
    !origins.some((o) => hasPlaceholder(o?.domainName) || hasPlaceholder(o?.originPath))
  ) {
    return input;
  }
  return {
    ...input,
    origins: origins.map((o) =>
      o === undefined || o === null
        ? o
        : {
            ...o,
            domainName: hasPlaceholder(o.domainName) ? deployTime(o.domainName!) : o.domainName,
            originPath: hasPlaceholder(o.originPath) ? deployTime(o.originPath!) : o.originPath,
          },
    ),
  };
}

function hasPlaceholder(value: unknown): boolean {
  return placeholders(value).length > 0;
}

function deployTime(value: string): string {
  return Lazy.string({ produce: () => value });
}

/** Fields with more parameters than CloudFront's quota. */
export function warnings(input: MultiTenantInput): Warning[] {
  const found: Warning[] = [];
  for (const [at, value] of placeholderFields(input.origins ?? [])) {
    const count = new Set(placeholders(value)).size;
    if (count > TENANT_QUOTAS.parametersPerField) {
      found.push({
        id: 'tenantQuota',
        message: `\`${at}\` uses ${count} parameters, more than CloudFront's quota "Parameters per field" on multi-tenant distributions (${TENANT_QUOTAS.parametersPerField}): the deploy fails unless the quota was raised for your account.`,
      });
    }
  }
  return found;
}

/** `TenantConfig.ParameterDefinitions`, in the order declared. */
export function renderTenantConfig(
  parameters: readonly ParameterInput[] | undefined,
): cloudfront.CfnDistribution.TenantConfigProperty | undefined {
  if (parameters === undefined || parameters.length === 0) return undefined;
  return {
    parameterDefinitions: parameters.map((p) => ({
      name: p.name,
      definition: {
        stringSchema: {
          required: isRequired(p),
          defaultValue: p.defaultValue,
          comment: p.comment,
        },
      },
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Distribution tenants

/** How a tenant's web ACL customization is given (see `TenantWebAcl`). */
export interface WebAclInput {
  readonly action: 'override' | 'disable';
  readonly arn?: string;
}

/** How CloudFront serves the HTTP validation token of a managed certificate. */
export const VALIDATION_TOKEN_HOSTS = ['cloudfront', 'self-hosted'];

/** A tenant's props, as the rules read them (see `DistributionTenantProps`). */
export interface TenantInput {
  readonly name?: string;
  readonly domains: string[];
  readonly parameters?: { [name: string]: string };
  readonly enabled?: boolean;
  readonly customizations?: {
    readonly certificate?: { readonly certificateArn: string; readonly env?: unknown };
    readonly geoRestriction?: cloudfront.GeoRestriction;
    readonly webAcl?: { readonly _input: WebAclInput };
    readonly managedCertificate?: {
      readonly primaryDomainName: string;
      readonly validationTokenHost?: string;
      readonly certificateTransparencyLogging?: boolean;
    };
  };
}

/** The types of a tenant's props, for callers no compiler checks. */
export const TENANT_SHAPE: Shape = {
  distribution: like('a MultiTenantDistribution', 'distributionId'),
  name: 'string',
  domains: 'string list',
  parameters: 'string map',
  connectionGroup: like('a ConnectionGroup', 'connectionGroupId'),
  enabled: 'boolean',
  customizations: {
    certificate: like('an acm.ICertificate', 'certificateArn'),
    geoRestriction: like('a cloudfront.GeoRestriction', 'restrictionType', 'locations'),
    webAcl: like('a TenantWebAcl (TenantWebAcl.override or TenantWebAcl.disable)', '_input'),
    managedCertificate: {
      primaryDomainName: 'string',
      validationTokenHost: 'string',
      certificateTransparencyLogging: 'boolean',
    },
  },
  tags: 'string map',
};

/**
 * A tenant: at least one domain, each a domain name once; its parameter values against the
 * distribution's declarations (every required one without a default given, none undeclared);
 * its customizations.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-distributiontenant.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/managed-cloudfront-certificates.html
 */
export function tenantRules(
  input: TenantInput,
  declared: readonly ParameterInput[] | undefined,
  origins: readonly Origin[] = [],
): string[] {
  const problems: string[] = [];
  if (input.name !== undefined) problems.push(...nonEmpty('name', input.name));
  const domains = input.domains;
  if (domains === undefined || domains === null) {
    problems.push(message('domains', 'is required: a tenant serves at least one domain', domains));
  } else if (!isDeployTime(domains)) {
    if (domains.length === 0) {
      problems.push(message('domains', 'must list at least one domain (CloudFront requires one)', domains));
    }
    // A tenant's domain is an alternate domain name: CloudFront's rules for one.
    domains.forEach((d, i) => problems.push(...aliasRules(`domains[${i}]`, d)));
    problems.push(
      ...unique(
        'domains',
        domains.filter((d) => typeof d === 'string' && !isDeployTime(d)).map((d) => d.toLowerCase()),
        'domains',
      ),
    );
  }
  problems.push(...parameterValueRules(input.parameters, declared));
  problems.push(...substitutedHostRules(input.parameters, declared, origins));
  const c = input.customizations;
  if (c === undefined || c === null) return problems;
  if (c.certificate !== undefined) {
    problems.push(...acmCertificateRules('customizations.certificate', c.certificate as never));
  }
  problems.push(...geoRestrictionRules('customizations.geoRestriction', c.geoRestriction));
  const acl = c.webAcl?._input;
  // "For multi-tenant distributions, only AWS WAF V2 web access control lists (ACLs) are supported."
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-working-with.html
  if (acl?.action === 'override' && !unknown(acl.arn) && !WEB_ACL_ARN.test(acl.arn!)) {
    problems.push(
      message(
        'customizations.webAcl',
        'must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1): multi-tenant distributions take no WAF Classic web ACL',
        acl.arn,
      ),
    );
  }
  const managed = c.managedCertificate;
  if (managed !== undefined && managed !== null) {
    const at = 'customizations.managedCertificate';
    problems.push(...domainName(`${at}.primaryDomainName`, managed.primaryDomainName, false));
    if (
      !unknown(managed.primaryDomainName) &&
      Array.isArray(domains) &&
      !isDeployTime(domains) &&
      !domains.some((d) => isDeployTime(d)) &&
      !domains.map((d) => d.toLowerCase()).includes(managed.primaryDomainName.toLowerCase())
    ) {
      problems.push(
        message(
          `${at}.primaryDomainName`,
          `must be one of the tenant's \`domains\` (${domains.join(', ')}): CloudFront requests the certificate for the domains the tenant serves`,
          managed.primaryDomainName,
        ),
      );
    }
    problems.push(...oneOf(`${at}.validationTokenHost`, managed.validationTokenHost, VALIDATION_TOKEN_HOSTS));
  }
  return problems;
}

/**
 * A tenant's parameter values: only declared parameters, and every required one that has no
 * default. "A valid parameter value must exist for any parameter that is marked as required."
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distributiontenant-parameter.html
 */
function parameterValueRules(
  values: { [name: string]: string } | undefined,
  declared: readonly ParameterInput[] | undefined,
): string[] {
  if (isDeployTime(values) || isDeployTime(declared)) return [];
  const problems: string[] = [];
  const definitions = (declared ?? []).filter((p) => p !== undefined && p !== null);
  const names = definitions.map((p) => p.name);
  const given = values ?? {};
  for (const [name, value] of Object.entries(given)) {
    if (isDeployTime(name)) continue;
    if (!names.includes(name)) {
      problems.push(
        message(
          `parameters.${name}`,
          `must be a parameter the distribution declares (${names.map((n) => JSON.stringify(n)).join(', ') || 'none'})`,
          value,
        ),
      );
    }
  }
  for (const p of definitions) {
    if (isRequired(p) && p.defaultValue === undefined && !(p.name in given)) {
      problems.push(
        message(
          `parameters.${p.name}`,
          'is required: the distribution declares it required, without a default value',
          undefined,
        ),
      );
    }
  }
  return problems;
}

/**
 * The origin host names a tenant's values make: each origin `domainName` with placeholders,
 * completed with the tenant's values (or the defaults), must be a host name, or CloudFront cannot
 * reach the tenant's origin. Fields with a value known only at deploy time are not judged.
 */
function substitutedHostRules(
  values: { [name: string]: string } | undefined,
  declared: readonly ParameterInput[] | undefined,
  origins: readonly Origin[],
): string[] {
  if (isDeployTime(values) || isDeployTime(declared)) return [];
  const given = values ?? {};
  const defaults = new Map(
    (declared ?? []).filter((p) => p?.defaultValue !== undefined).map((p) => [p.name, p.defaultValue!]),
  );
  const problems: string[] = [];
  origins.forEach((o, i) => {
    const host = o?.domainName;
    const names = placeholders(host);
    if (names.length === 0) return;
    const value = (name: string) => (name in given ? given[name] : defaults.get(name));
    if (names.some((n) => typeof value(n) !== 'string' || isDeployTime(value(n)))) return;
    const completed = host!.replace(PLACEHOLDER, (_, n: string) => value(n)!);
    if (domainName('host', completed, false).length === 0) return;
    const named = [...new Set(names)].filter((n) => n in given);
    problems.push(
      message(
        named.length > 0 ? `parameters.${named[0]}` : 'parameters',
        `must make \`origins[${i}].domainName\` (${JSON.stringify(host)}) a host name, such as backend.example.com; it makes ${JSON.stringify(completed)}`,
        named.length > 0 ? given[named[0]] : undefined,
      ),
    );
  });
  return problems;
}

/** More domains than CloudFront's quota per tenant. */
export function tenantWarnings(input: TenantInput): Warning[] {
  const domains = input.domains;
  if (!Array.isArray(domains) || isDeployTime(domains) || domains.length <= TENANT_QUOTAS.domainsPerTenant) {
    return [];
  }
  return [
    {
      id: 'tenantQuota',
      message: `\`domains\` holds ${domains.length} domains, more than CloudFront's quota "Domains per distribution tenant" (${TENANT_QUOTAS.domainsPerTenant}): the deploy fails unless the quota was raised for your account.`,
    },
  ];
}

/** `Customizations` and `ManagedCertificateRequest` of `AWS::CloudFront::DistributionTenant`. */
export function renderCustomizations(input: TenantInput): {
  customizations?: cloudfront.CfnDistributionTenant.CustomizationsProperty;
  managedCertificateRequest?: cloudfront.CfnDistributionTenant.ManagedCertificateRequestProperty;
} {
  const c = input.customizations;
  if (c === undefined) return {};
  const acl = c.webAcl?._input;
  const customizations =
    c.certificate || c.geoRestriction || acl
      ? {
          certificate: c.certificate ? { arn: c.certificate.certificateArn } : undefined,
          geoRestrictions: c.geoRestriction
            ? { restrictionType: c.geoRestriction.restrictionType, locations: c.geoRestriction.locations }
            : undefined,
          webAcl: acl ? { action: acl.action, arn: acl.arn } : undefined,
        }
      : undefined;
  const managed = c.managedCertificate;
  return {
    customizations,
    managedCertificateRequest: managed
      ? {
          primaryDomainName: managed.primaryDomainName,
          validationTokenHost: managed.validationTokenHost ?? DEFAULTS.validationTokenHost,
          certificateTransparencyLoggingPreference:
            (managed.certificateTransparencyLogging ?? DEFAULTS.certificateTransparencyLogging)
              ? 'enabled'
              : 'disabled',
        }
      : undefined,
  };
}

/** `Parameters`: the tenant's values, in the order given. */
export function renderParameters(
  values: { [name: string]: string } | undefined,
): cloudfront.CfnDistributionTenant.ParameterProperty[] | undefined {
  if (values === undefined) return undefined;
  const entries = Object.entries(values);
  return entries.length > 0 ? entries.map(([name, value]) => ({ name, value })) : undefined;
}

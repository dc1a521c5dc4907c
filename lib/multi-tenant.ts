import {
  IResource,
  Names,
  Resource,
  Tags,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Distribution, DistributionProps } from './distribution';
import { DEFAULTS } from './private/defaults';
import * as tenants from './private/tenants';
import { addWarnings, message, nonEmpty, throwIfAny, typeRules, unknownProps } from './private/validation';

/**
 * A parameter of a multi-tenant distribution: a value each tenant gives (or takes the default
 * of), used as `{{name}}` in an origin's `domainName` or `originPath`.
 *
 * Becomes one of `TenantConfig.ParameterDefinitions`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html#tenant-customize-parameters
 */
export interface TenantParameter {
  /**
   * The parameter's name, as placeholders name it: `tenantName` for `{{tenantName}}`.
   */
  readonly name: string;

  /**
   * Whether every tenant must give a value. A required parameter with a default takes the
   * default where a tenant gives none.
   *
   * Becomes `Definition.StringSchema.Required`.
   *
   * @default - true without `defaultValue`, false with one
   */
  readonly required?: boolean;

  /**
   * The value of a tenant that gives none.
   *
   * @default - none
   */
  readonly defaultValue?: string;

  /**
   * A comment about the parameter.
   *
   * @default - none
   */
  readonly comment?: string;
}

/**
 * Properties of a multi-tenant distribution: a distribution's, without what the tenants and their
 * connection group hold instead.
 *
 * `name` is only the comment (it serves no domain: tenants do). `aliases`, `priceClass`,
 * `enableIpv6`, `anycastIpListId`, an IAM certificate, `legacyCacheSettings: true`, and a
 * behaviour's `trustedSigners` or `smoothStreaming` are refused: CloudFront does not support them
 * on multi-tenant distributions.
 */
export interface MultiTenantDistributionProps extends DistributionProps {
  /**
   * The parameters tenants give values for, used as `{{name}}` in an origin's `domainName` or
   * `originPath` (at most two per field).
   *
   * Becomes `TenantConfig.ParameterDefinitions`.
   *
   * @default - no parameters
   */
  readonly parameters?: TenantParameter[];
}

/**
 * A multi-tenant distribution (CloudFront SaaS Manager): one configuration, shared by distribution
 * tenants that each serve their own domains. Props are a `Distribution`'s (origins, behaviours,
 * error responses, policies, functions, logging), plus `parameters` the tenants fill in.
 *
 * It renders an `AWS::CloudFront::Distribution` with `ConnectionMode: tenant-only` and
 * `TenantConfig`, and nothing tenant-only mode keeps elsewhere (aliases, IPv6, price class,
 * anycast IP list). Behaviours without a cache policy get one from their props (CloudFront
 * requires cache policies here: `legacyCacheSettings` is false). A multi-tenant distribution has
 * no routing endpoint of its own: viewers reach its tenants through a connection group's.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html
 * @resource AWS::CloudFront::Distribution
 * @example
 * const saas = new MultiTenantDistribution(this, 'Saas', {
 *   name: 'Customer sites',
 *   origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com' }],
 *   defaultCacheBehavior: { targetOrigin: 'sites' },
 *   parameters: [{ name: 'tenant' }],
 * });
 * saas.addTenant('Acme', { domains: ['www.acme.example'], parameters: { tenant: 'acme' } });
 */
export class MultiTenantDistribution extends Distribution {
  /** @internal */
  public static readonly _ownProps = ['parameters'];
  /** @internal */
  public static readonly _tenantOnly = true;
  /** @internal */
  public static readonly _kind = 'MultiTenantDistribution';

  /**
   * The parameters tenants give values for.
   */
  public readonly parameters: TenantParameter[];

  constructor(scope: Construct, id: string, props: MultiTenantDistributionProps) {
    super(scope, id, withCachePolicies(props));
    this.parameters = [...(props.parameters ?? [])];
    const resource = this.node.defaultChild as cloudfront.CfnDistribution;
    resource.distributionConfig = {
      ...(resource.distributionConfig as cloudfront.CfnDistribution.DistributionConfigProperty),
      connectionMode: tenants.TENANT_ONLY,
      tenantConfig: tenants.renderTenantConfig(props.parameters),
      aliases: undefined,
      priceClass: undefined,
      ipv6Enabled: undefined,
    };
  }

  /**
   * Adds a distribution tenant: a customer's domains, served with this configuration and the
   * tenant's parameter values.
   */
  public addTenant(id: string, options: DistributionTenantOptions): DistributionTenant {
    return new DistributionTenant(this, id, { ...options, distribution: this });
  }
}

/** The props with CloudFront's current caching model as the default (multi-tenant requires it). */
function withCachePolicies(props: MultiTenantDistributionProps): MultiTenantDistributionProps {
  if (typeof props !== 'object' || props === null) return props;
  return {
    ...props,
    legacyCacheSettings: props.legacyCacheSettings ?? DEFAULTS.multiTenantLegacyCacheSettings,
  };
}

/**
 * A connection group: how viewers reach distribution tenants (its routing endpoint, IPv6, an
 * anycast static IP list).
 */
export interface IConnectionGroup extends IResource {
  /**
   * The connection group's ID.
   *
   * @attribute
   */
  readonly connectionGroupId: string;

  /**
   * The routing endpoint viewers' DNS points to, such as `d111111abcdef8.cloudfront.net`.
   *
   * @attribute
   */
  readonly routingEndpoint: string;
}

/** Attributes of an existing connection group. */
export interface ConnectionGroupAttributes {
  /** The connection group's ID. */
  readonly connectionGroupId: string;
  /** Its routing endpoint, such as `d111111abcdef8.cloudfront.net`. */
  readonly routingEndpoint: string;
}

/** Properties of a connection group. */
export interface ConnectionGroupProps {
  /**
   * The connection group's name, unique in the account.
   *
   * Becomes `Name`.
   *
   * @default - a name made from the construct path
   */
  readonly name?: string;

  /**
   * Whether CloudFront answers DNS queries for IPv6 addresses of the routing endpoint.
   *
   * Becomes `Ipv6Enabled`, always rendered.
   *
   * @default true
   */
  readonly ipv6Enabled?: boolean;

  /**
   * The ID of an anycast static IP list (`cloudfront.CfnAnycastIpList`'s `attrId`) whose fixed IP
   * addresses serve the group's tenants, as `anycastIpListId` does for a `Distribution`.
   *
   * Becomes `AnycastIpListId`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/request-static-ips.html
   * @default - CloudFront's shared, changing IP addresses
   */
  readonly anycastIpListId?: string;

  /**
   * Whether the connection group is enabled.
   *
   * Becomes `Enabled`, always rendered.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Tags for the connection group.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const CONNECTION_GROUP_SHAPE = {
  name: 'string',
  ipv6Enabled: 'boolean',
  anycastIpListId: 'string',
  enabled: 'boolean',
  tags: 'string map',
} as const;

/**
 * A CloudFront connection group: the routing endpoint, IPv6 setting and anycast IP list of the
 * distribution tenants that name it. Without one, tenants use the account's default connection
 * group.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/custom-connection-group.html
 * @resource AWS::CloudFront::ConnectionGroup
 */
export class ConnectionGroup extends Resource implements IConnectionGroup {
  /**
   * Imports an existing connection group.
   */
  public static fromConnectionGroupAttributes(
    scope: Construct,
    id: string,
    attrs: ConnectionGroupAttributes,
  ): IConnectionGroup {
    class Import extends Resource implements IConnectionGroup {
      public readonly connectionGroupId = attrs.connectionGroupId;
      public readonly routingEndpoint = attrs.routingEndpoint;
    }
    return new Import(scope, id);
  }

  public readonly connectionGroupId: string;
  public readonly routingEndpoint: string;

  /**
   * The connection group's ARN.
   *
   * @attribute
   */
  public readonly connectionGroupArn: string;

  constructor(scope: Construct, id: string, props: ConnectionGroupProps = {}) {
    super(scope, id);
    const what = `ConnectionGroup ${this.node.path}`;
    throwIfAny(what, typeRules('', props, CONNECTION_GROUP_SHAPE));
    throwIfAny(what, props.name === undefined ? [] : nonEmpty('name', props.name));
    addWarnings(this, unknownProps('', props, CONNECTION_GROUP_SHAPE));
    const resource = new cloudfront.CfnConnectionGroup(this, 'Resource', {
      name: props.name ?? Names.uniqueResourceName(this, { maxLength: 64, separator: '-' }),
      ipv6Enabled: props.ipv6Enabled ?? DEFAULTS.connectionGroupIpv6Enabled,
      anycastIpListId: props.anycastIpListId,
      enabled: props.enabled ?? DEFAULTS.connectionGroupEnabled,
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) Tags.of(this).add(key, value);
    this.connectionGroupId = resource.attrId;
    this.routingEndpoint = resource.attrRoutingEndpoint;
    this.connectionGroupArn = resource.attrArn;
  }
}

/** How CloudFront serves the HTTP validation token of a certificate it manages for a tenant. */
export enum ValidationTokenHost {
  /** CloudFront serves it: the domain's DNS already points to CloudFront. */
  CLOUDFRONT = 'cloudfront',
  /**
   * You serve it from your current infrastructure at the well-known path, until ACM issues the
   * certificate and you move the domain's DNS to CloudFront.
   */
  SELF_HOSTED = 'self-hosted',
}

/**
 * A certificate CloudFront requests from ACM and manages for a tenant's domains.
 *
 * Becomes `ManagedCertificateRequest`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/managed-cloudfront-certificates.html
 */
export interface ManagedCertificateRequest {
  /**
   * The certificate's primary domain: one of the tenant's `domains`.
   *
   * Becomes `PrimaryDomainName`.
   */
  readonly primaryDomainName: string;

  /**
   * Who serves the HTTP validation token.
   *
   * Becomes `ValidationTokenHost`.
   *
   * @default ValidationTokenHost.CLOUDFRONT
   */
  readonly validationTokenHost?: ValidationTokenHost;

  /**
   * Whether the certificate is logged in public certificate transparency logs (browsers expect
   * it).
   *
   * Becomes `CertificateTransparencyLoggingPreference` (`enabled` or `disabled`).
   *
   * @default true
   */
  readonly certificateTransparencyLogging?: boolean;
}

/**
 * A tenant's web ACL: another WAFv2 web ACL than the distribution's, or none.
 *
 * Becomes `Customizations.WebAcl`.
 */
export class TenantWebAcl {
  /**
   * Protects the tenant with this global WAFv2 web ACL (scope CLOUDFRONT) instead of the
   * distribution's.
   */
  public static override(webAclArn: string): TenantWebAcl {
    return new TenantWebAcl({ action: 'override', arn: webAclArn });
  }

  /**
   * The tenant has no web ACL, not even the distribution's.
   */
  public static disable(): TenantWebAcl {
    return new TenantWebAcl({ action: 'disable' });
  }

  /** @internal */
  public readonly _input: tenants.WebAclInput;

  private constructor(input: tenants.WebAclInput) {
    this._input = input;
  }
}

/**
 * What a tenant changes of its distribution's configuration.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/tenant-customization.html
 */
export interface TenantCustomizations {
  /**
   * An ACM certificate (in us-east-1) for the tenant's domains, beside the distribution's; where
   * both cover a domain, the tenant's is used.
   *
   * Becomes `Customizations.Certificate.Arn`.
   *
   * @default - the distribution's certificate
   */
  readonly certificate?: acm.ICertificate;

  /**
   * A certificate CloudFront requests and manages for the tenant's domains.
   *
   * Becomes `ManagedCertificateRequest`.
   *
   * @default - none
   */
  readonly managedCertificate?: ManagedCertificateRequest;

  /**
   * Countries the tenant serves or does not serve, instead of the distribution's restriction.
   *
   * Becomes `Customizations.GeoRestrictions`.
   *
   * @default - the distribution's
   */
  readonly geoRestriction?: cloudfront.GeoRestriction;

  /**
   * Another web ACL for the tenant, or none.
   *
   * Becomes `Customizations.WebAcl`.
   *
   * @default - the distribution's web ACL
   */
  readonly webAcl?: TenantWebAcl;
}

/** Options of a distribution tenant, as `addTenant` takes them. */
export interface DistributionTenantOptions {
  /**
   * The tenant's name, unique in the account; it cannot be changed later.
   *
   * Becomes `Name`.
   *
   * @default - a name made from the construct path
   */
  readonly name?: string;

  /**
   * The domains the tenant serves: at least one, each in one tenant or distribution only.
   *
   * Becomes `Domains`.
   */
  readonly domains: string[];

  /**
   * The tenant's values of the distribution's parameters: every required one without a default,
   * and only declared ones.
   *
   * Becomes `Parameters`.
   *
   * @default - none
   */
  readonly parameters?: { [name: string]: string };

  /**
   * The connection group viewers reach the tenant through.
   *
   * Becomes `ConnectionGroupId`.
   *
   * @default - the account's default connection group
   */
  readonly connectionGroup?: IConnectionGroup;

  /**
   * Whether the tenant serves requests.
   *
   * Becomes `Enabled`, always rendered.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * What the tenant changes of the distribution's configuration.
   *
   * @default - none
   */
  readonly customizations?: TenantCustomizations;

  /**
   * Tags for the tenant.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/** Properties of a distribution tenant. */
export interface DistributionTenantProps extends DistributionTenantOptions {
  /**
   * The multi-tenant distribution whose configuration the tenant uses.
   */
  readonly distribution: MultiTenantDistribution;
}

/**
 * A distribution tenant: a customer's domains, served with a multi-tenant distribution's
 * configuration, the tenant's parameter values and customizations.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-config-options.html
 * @resource AWS::CloudFront::DistributionTenant
 */
export class DistributionTenant extends Resource {
  /**
   * The tenant's ID.
   *
   * @attribute
   */
  public readonly tenantId: string;

  /**
   * The tenant's ARN.
   *
   * @attribute
   */
  public readonly tenantArn: string;

  /**
   * The routing endpoint the tenant's domains point to (a CNAME): its connection group's. Unknown
   * (undefined) on the account's default connection group, which CloudFormation does not return.
   */
  public readonly domainName?: string;

  /** The multi-tenant distribution the tenant uses. */
  public readonly distribution: MultiTenantDistribution;

  constructor(scope: Construct, id: string, props: DistributionTenantProps) {
    super(scope, id);
    const what = `DistributionTenant ${this.node.path}`;
    const types = typeRules('', props, tenants.TENANT_SHAPE);
    throwIfAny(what, types);
    throwIfAny(what, [
      ...(props.distribution instanceof MultiTenantDistribution
        ? []
        : [message('distribution', 'must be a MultiTenantDistribution of this library', props.distribution)]),
      ...tenants.tenantRules(
        props as tenants.TenantInput,
        props.distribution?.parameters,
        props.distribution instanceof MultiTenantDistribution
          ? props.distribution._currentProps().origins
          : [],
      ),
    ]);
    addWarnings(this, [...unknownProps('', props, tenants.TENANT_SHAPE), ...tenants.tenantWarnings(props)]);
    this.distribution = props.distribution;
    const resource = new cloudfront.CfnDistributionTenant(this, 'Resource', {
      distributionId: props.distribution.distributionId,
      name: props.name ?? Names.uniqueResourceName(this, { maxLength: 64, separator: '-' }),
      domains: props.domains,
      connectionGroupId: props.connectionGroup?.connectionGroupId,
      enabled: props.enabled ?? DEFAULTS.tenantEnabled,
      parameters: tenants.renderParameters(props.parameters),
      ...tenants.renderCustomizations(props as tenants.TenantInput),
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) Tags.of(this).add(key, value);
    this.tenantId = resource.attrId;
    this.tenantArn = resource.attrArn;
    this.domainName = props.connectionGroup?.routingEndpoint;
  }
}

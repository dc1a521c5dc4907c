import { parse as parseYaml, YAMLMap, YAMLSeq } from 'yaml';
import { unknownKey } from './schema';

/**
 * Reading what the importer is given: the JSON of `aws cloudfront get-distribution-config` or
 * `get-distribution`, or a CloudFormation template (JSON, or YAML with the short-form tags), into
 * one `DistributionConfig` in CloudFormation's shape.
 */

/** A mistake in the input: the CLI prints its message on one line and exits with 1. */
export class ImportError extends Error {}

/** A distribution found in the input. */
export interface Found {
  /** Where it came from: the template's logical id, or the distribution's id. */
  readonly id: string;
  /** Its `DistributionConfig`, in CloudFormation's shape. */
  readonly config: Record<string, unknown>;
  /** Whether it came from a template (then `id` is its logical id) or from the API. */
  readonly kind: 'template' | 'api';
  /** The template's tags on the resource, when there are any. */
  readonly tags?: { Key: string; Value: string }[];
  /** Whether the template holds more than this distribution (parameters, conditions, resources). */
  readonly hasRest?: boolean;
  /** Its staging distribution and their continuous deployment policy, when it is a primary. */
  readonly staging?: {
    readonly id: string;
    readonly config: Record<string, unknown>;
    readonly policyId: string;
    readonly policy: Record<string, any>;
  };
}

/**
 * A primary and its staging distribution (`Staging: true`), joined by the continuous deployment
 * policy the primary names by `Ref`: the template's two distributions, as one staged rollout.
 */
function stagedPair(
  resources: Record<string, any>,
  all: [string, any][],
): (Found['staging'] & { primary: string }) | undefined {
  if (all.length !== 2) return undefined;
  const config = ([, r]: [string, any]) => r.Properties?.DistributionConfig ?? {};
  const staged = all.filter((d) => config(d).Staging === true || config(d).Staging === 'true');
  if (staged.length !== 1) return undefined;
  const [primary] = all.filter((d) => d !== staged[0]);
  const policyId = config(primary).ContinuousDeploymentPolicyId?.Ref;
  const policy = typeof policyId === 'string' ? resources[policyId] : undefined;
  if (policy?.Type !== 'AWS::CloudFront::ContinuousDeploymentPolicy') return undefined;
  return {
    primary: primary[0],
    id: staged[0][0],
    config: config(staged[0]),
    policyId,
    policy: policy.Properties?.ContinuousDeploymentPolicyConfig ?? {},
  };
}

/** CloudFormation's short-form functions, as YAML tags. */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAtt',
  'GetAZs',
  'ImportValue',
  'Join',
  'Select',
  'Split',
  'Sub',
  'Transform',
  'And',
  'Equals',
  'If',
  'Not',
  'Or',
  'ToJsonString',
  'Length',
];

function intrinsic(name: string, value: unknown): Record<string, unknown> {
  if (name === 'Ref' || name === 'Condition') return { [name]: value };
  if (name === 'GetAtt' && typeof value === 'string') return getAtt(value);
  return { [`Fn::${name}`]: value };
}

/** `Resource.Attribute` (the short form, and `${Resource.Attribute}` in `Fn::Sub`) as `Fn::GetAtt`. */
export function getAtt(dotted: string): { 'Fn::GetAtt': [string, string] } {
  const dot = dotted.indexOf('.');
  return { 'Fn::GetAtt': [dotted.slice(0, dot), dotted.slice(dot + 1)] };
}

const TAGS = ['Ref', 'Condition', ...FUNCTIONS].flatMap((name) => [
  { tag: `!${name}`, resolve: (value: string) => intrinsic(name, value) },
  {
    tag: `!${name}`,
    collection: 'seq' as const,
    resolve: (seq: YAMLSeq) => intrinsic(name, seq.toJSON()),
  },
  {
    tag: `!${name}`,
    collection: 'map' as const,
    resolve: (map: YAMLMap) => intrinsic(name, map.toJSON()),
  },
]);

/** The text as JSON, else as YAML with CloudFormation's tags. */
export function parseText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: YAML, which JSON is a subset of.
  }
  try {
    return parseYaml(text, {
      customTags: TAGS as never,
      uniqueKeys: false,
      version: '1.1',
    } as never) as unknown;
  } catch (e) {
    throw new ImportError(`the input is neither JSON nor YAML: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** The distribution `resource` (or the only one) of the parsed input. */
export function findDistribution(input: unknown, resource?: string): Found {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ImportError(
      'the input holds no distribution: expected a CloudFormation template or the JSON of get-distribution-config',
    );
  }
  const doc = input as Record<string, any>;
  let found: Found;
  if (doc.Resources && typeof doc.Resources === 'object') {
    const all = Object.entries(doc.Resources as Record<string, any>).filter(
      ([, r]) => r && r.Type === 'AWS::CloudFront::Distribution',
    );
    if (all.length === 0) throw new ImportError('the template has no AWS::CloudFront::Distribution resource');
    let pick = all[0];
    const pair = resource === undefined ? stagedPair(doc.Resources, all) : undefined;
    if (pair !== undefined) {
      pick = all.find(([id]) => id === pair.primary)!;
    } else if (resource !== undefined) {
      const named = all.find(([id]) => id === resource);
      if (!named) {
        throw new ImportError(
          `the template has no AWS::CloudFront::Distribution named ${resource}; it has ${all.map(([id]) => id).join(', ')}`,
        );
      }
      pick = named;
    } else if (all.length > 1) {
      throw new ImportError(
        `the template has ${all.length} distributions (${all.map(([id]) => id).join(', ')}): choose one with --resource ID`,
      );
    }
    const config = pick[1].Properties?.DistributionConfig;
    if (typeof config !== 'object' || config === null) {
      throw new ImportError(`${pick[0]} has no Properties.DistributionConfig`);
    }
    const rest =
      Object.keys(doc.Resources).length > 1 ||
      ['Parameters', 'Conditions', 'Mappings', 'Outputs', 'Rules'].some(
        (k) => doc[k] && typeof doc[k] === 'object' && Object.keys(doc[k]).length > 0,
      );
    found = {
      id: pick[0],
      kind: 'template',
      config,
      tags: pick[1].Properties?.Tags,
      hasRest: rest,
      staging: pair && { id: pair.id, config: pair.config, policyId: pair.policyId, policy: pair.policy },
    };
  } else if (doc.DistributionConfig || doc.Distribution?.DistributionConfig) {
    const api = doc.DistributionConfig ?? doc.Distribution.DistributionConfig;
    found = { id: doc.Distribution?.Id ?? 'Distribution', kind: 'api', config: fromApi(api) };
  } else {
    throw new ImportError(
      'the input holds no distribution: expected a CloudFormation template or the JSON of get-distribution-config',
    );
  }
  const unknown = unknownKey(found.config);
  if (unknown) {
    throw new ImportError(`unknown field ${unknown}: it is not part of AWS::CloudFront::Distribution`);
  }
  return found;
}

/**
 * The CloudFront API's `DistributionConfig` (lists as `{ Quantity, Items }`, some names of its
 * own) in CloudFormation's shape.
 *
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_DistributionConfig.html
 */
export function fromApi(api: Record<string, any>): Record<string, unknown> {
  const items = (list: any): any[] | undefined =>
    list && list.Quantity > 0
      ? (Array.isArray(list.Items) ? list.Items : []).filter((i: unknown) => i !== null && i !== undefined)
      : undefined;
  const text = (s: unknown) => (typeof s === 'string' && s.length > 0 ? s : undefined);
  const behavior = (b: Record<string, any>) => {
    const {
      AllowedMethods,
      TrustedSigners,
      TrustedKeyGroups,
      LambdaFunctionAssociations,
      FunctionAssociations,
      ForwardedValues,
      FieldLevelEncryptionId,
      ...rest
    } = b;
    return prune({
      ...rest,
      AllowedMethods: items(AllowedMethods),
      CachedMethods: items(AllowedMethods?.CachedMethods),
      TrustedSigners: TrustedSigners?.Enabled ? items(TrustedSigners) : undefined,
      TrustedKeyGroups: TrustedKeyGroups?.Enabled ? items(TrustedKeyGroups) : undefined,
      LambdaFunctionAssociations: items(LambdaFunctionAssociations),
      FunctionAssociations: items(FunctionAssociations),
      FieldLevelEncryptionId: text(FieldLevelEncryptionId),
      ForwardedValues: ForwardedValues
        ? prune({
            QueryString: ForwardedValues.QueryString,
            Cookies: ForwardedValues.Cookies
              ? prune({
                  Forward: ForwardedValues.Cookies.Forward,
                  WhitelistedNames: items(ForwardedValues.Cookies.WhitelistedNames),
                })
              : undefined,
            Headers: items(ForwardedValues.Headers),
            QueryStringCacheKeys: items(ForwardedValues.QueryStringCacheKeys),
          })
        : undefined,
      // With a cache policy, the API still reports the legacy TTLs: they are not part of it.
      ...(b.CachePolicyId ? { MinTTL: undefined, DefaultTTL: undefined, MaxTTL: undefined } : {}),
    });
  };
  const origin = (o: Record<string, any>) => {
    const {
      CustomHeaders,
      CustomOriginConfig,
      S3OriginConfig,
      OriginShield,
      OriginAccessControlId,
      ...rest
    } = o;
    return prune({
      ...rest,
      OriginPath: text(o.OriginPath),
      OriginAccessControlId: text(OriginAccessControlId),
      OriginCustomHeaders: items(CustomHeaders),
      OriginShield: OriginShield?.Enabled ? OriginShield : undefined,
      S3OriginConfig: S3OriginConfig
        ? prune({ ...S3OriginConfig, OriginAccessIdentity: S3OriginConfig.OriginAccessIdentity ?? '' })
        : undefined,
      CustomOriginConfig: CustomOriginConfig
        ? prune({
            ...CustomOriginConfig,
            OriginSslProtocols: undefined,
            OriginSSLProtocols: items(CustomOriginConfig.OriginSslProtocols),
          })
        : undefined,
    });
  };
  const {
    CallerReference,
    Aliases,
    Origins,
    OriginGroups,
    DefaultCacheBehavior,
    CacheBehaviors,
    CustomErrorResponses,
    Logging,
    ViewerCertificate,
    Restrictions,
    WebACLId,
    IsIPV6Enabled,
    DefaultRootObject,
    ContinuousDeploymentPolicyId,
    Staging,
    ...rest
  } = api;
  void CallerReference;
  const geo = Restrictions?.GeoRestriction;
  const cert = ViewerCertificate;
  return prune({
    ...rest,
    Aliases: items(Aliases),
    DefaultRootObject: text(DefaultRootObject),
    Origins: items(Origins)?.map(origin),
    OriginGroups: OriginGroups && OriginGroups.Quantity > 0 ? OriginGroups : undefined,
    DefaultCacheBehavior: DefaultCacheBehavior ? behavior(DefaultCacheBehavior) : undefined,
    CacheBehaviors: items(CacheBehaviors)?.map(behavior),
    CustomErrorResponses: items(CustomErrorResponses)?.map((e: Record<string, any>) =>
      prune({
        ...e,
        ResponsePagePath: text(e.ResponsePagePath),
        ResponseCode: text(e.ResponseCode) !== undefined ? Number(e.ResponseCode) : undefined,
      }),
    ),
    Logging: Logging?.Enabled
      ? prune({ Bucket: Logging.Bucket, IncludeCookies: Logging.IncludeCookies, Prefix: Logging.Prefix })
      : undefined,
    ViewerCertificate: cert
      ? prune({
          CloudFrontDefaultCertificate: cert.CloudFrontDefaultCertificate || undefined,
          AcmCertificateArn: cert.ACMCertificateArn,
          IamCertificateId: cert.IAMCertificateId,
          SslSupportMethod: cert.CloudFrontDefaultCertificate ? undefined : cert.SSLSupportMethod,
          MinimumProtocolVersion: cert.MinimumProtocolVersion,
        })
      : undefined,
    Restrictions:
      geo && geo.RestrictionType !== 'none'
        ? { GeoRestriction: prune({ RestrictionType: geo.RestrictionType, Locations: items(geo) }) }
        : undefined,
    WebACLId: text(WebACLId),
    IPV6Enabled: IsIPV6Enabled,
    ContinuousDeploymentPolicyId: text(ContinuousDeploymentPolicyId),
    Staging: Staging || undefined,
  });
}

/** `value` without its undefined keys. */
function prune<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

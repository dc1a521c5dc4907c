import {
  Duration,
  Token,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as cfOrigins,
  aws_lambda as lambda,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Code, DataMap, Value, build, print, pyLiteral, tsLiteral, tsString } from './code';
import { isIntrinsic } from './schema';
import { ManagedPolicyKind, managedPolicyName } from '../private/cache-policy';
import { StagingTraffic } from '../staging';
import { SslCertificate } from '../viewer-certificate';

/**
 * A CloudFormation `DistributionConfig` as the props of our `Distribution`: the specification's
 * props and `Duration`s, aws-cdk-lib's enums and managed policies, and what it references
 * imported by name, ARN or id. What has no prop is left to the check (`check.ts`), which keeps it
 * exact through an escape hatch.
 */

type Json = any;

/** A string literal in the language of `lang`. */
const lit = (lang: 'ts' | 'py', v: string) => (lang === 'ts' ? tsString(v) : JSON.stringify(v));

/** A string of the input (a literal, or a deploy-time value) as an argument in `lang`. */
export const arg = (v: string | Code, lang: 'ts' | 'py') => (v instanceof Code ? v[lang] : lit(lang, v));

/** The same string, as the generated code builds it in `scope`. */
export const made = (v: string | Code, scope: Construct) =>
  v instanceof Code ? (v.make(scope) as string) : v;

/** The props, and what the generated code needs besides them. */
export interface Model {
  readonly props: Record<string, Value | undefined>;
  /** Names the generated code imports, by module: `aws-cdk-lib` and ours. */
  readonly uses: Set<string>;
  /** A comment to print before a prop. */
  readonly notes: Record<string, string>;
}

/** The template the generated code includes (CfnInclude) and reads parameters and resources from. */
export interface IncludedTemplate {
  /** Its parameters, each with its type (`String` where it says none). */
  readonly parameters: Readonly<Record<string, string>>;
  /** The resources the include keeps (not those the generated constructs take the place of). */
  readonly resources: ReadonlySet<string>;
}

/**
 * What the generated code uses: the names it imports (`Token`, `cloudfront`, ours), and the
 * template it includes, whose parameters and resources its values read.
 */
export class Uses extends Set<string> {
  constructor(readonly template?: IncludedTemplate) {
    super();
  }
}

/**
 * An intrinsic of the template, kept as the deploy-time value it is: with the template included,
 * a parameter or resource it references as the include gives it
 * (`template.getParameter('CertArn').valueAsString`, `template.getResource('Bucket').ref`),
 * otherwise as a token of it (`Token.asString({ Ref: 'CertArn' })`).
 */
export function token(value: Json, kind: 'string' | 'number' | 'list', uses: Set<string>): Code {
  const make = () =>
    kind === 'string'
      ? Token.asString(value)
      : kind === 'number'
        ? Token.asNumber(value)
        : Token.asList(value);
  const read = uses instanceof Uses ? fromTemplate(value, kind, uses.template) : undefined;
  if (read !== undefined) {
    if (read.ts.startsWith('Token.')) uses.add('Token');
    return new Code(read.ts, read.py, make);
  }
  uses.add('Token');
  const fn = {
    string: ['asString', 'as_string'],
    number: ['asNumber', 'as_number'],
    list: ['asList', 'as_list'],
  }[kind];
  return new Code(`Token.${fn[0]}(${tsLiteral(value)})`, `Token.${fn[1]}(${pyLiteral(value)})`, make);
}

/** `value` (a `Ref` or `Fn::GetAtt`) as the included template gives it, where it can. */
function fromTemplate(
  value: Json,
  kind: 'string' | 'number' | 'list',
  template: IncludedTemplate | undefined,
): { ts: string; py: string } | undefined {
  if (template === undefined || !isIntrinsic(value) || Object.keys(value).length !== 1) return undefined;
  const ref = value.Ref;
  const getAtt = value['Fn::GetAtt'];
  const Kind = kind[0].toUpperCase() + kind.slice(1);
  if (typeof ref === 'string' && ref in template.parameters) {
    const got = {
      ts: `template.getParameter(${tsString(ref)})`,
      py: `template.get_parameter(${JSON.stringify(ref)})`,
    };
    // The parameter's own type where it is the kind the prop wants (aws-cdk-lib refuses
    // `valueAsNumber` of a String parameter, which CloudFormation converts); its value as that
    // kind otherwise.
    const type = template.parameters[ref];
    const isList = /^List<|CommaDelimitedList/.test(type);
    const fits = kind === 'string' ? !isList : kind === 'number' ? type === 'Number' : isList;
    return fits
      ? { ts: `${got.ts}.valueAs${Kind}`, py: `${got.py}.value_as_${kind}` }
      : { ts: `Token.as${Kind}(${got.ts}.value)`, py: `Token.as_${kind}(${got.py}.value)` };
  }
  if (kind !== 'string') return undefined;
  if (typeof ref === 'string' && template.resources.has(ref)) {
    return {
      ts: `template.getResource(${tsString(ref)}).ref`,
      py: `template.get_resource(${JSON.stringify(ref)}).ref`,
    };
  }
  if (
    Array.isArray(getAtt) &&
    typeof getAtt[0] === 'string' &&
    typeof getAtt[1] === 'string' &&
    template.resources.has(getAtt[0])
  ) {
    const [id, attribute] = getAtt.map((x: string) => [tsString(x), JSON.stringify(x)]);
    return {
      ts: `template.getResource(${id[0]}).getAtt(${attribute[0]}).toString()`,
      py: `template.get_resource(${id[1]}).get_att(${attribute[1]}).to_string()`,
    };
  }
  return undefined;
}

/** A value of the input where a string is expected: a literal, or a deploy-time value. */
export function str(value: Json, uses: Set<string>): string | Code | undefined {
  if (value === undefined) return undefined;
  return isIntrinsic(value) ? token(value, 'string', uses) : String(value);
}

export function num(value: Json, uses: Set<string>): Value | undefined {
  if (value === undefined) return undefined;
  return isIntrinsic(value) ? token(value, 'number', uses) : Number(value);
}

/** HTTP methods, a set to CloudFront, in one order. */
export const METHOD_ORDER = ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'];
function methods(value: Json, uses: Set<string>): Value | undefined {
  if (!Array.isArray(value) || value.some(isIntrinsic)) return list(value, uses);
  return [...value].sort((a, b) => METHOD_ORDER.indexOf(a) - METHOD_ORDER.indexOf(b));
}

/** A boolean of the input: templates often write `"true"`. */
export function bool(value: Json): boolean | undefined {
  if (value === undefined || isIntrinsic(value)) return undefined;
  return value === true || value === 'true';
}

export function list(value: Json, uses: Set<string>): Value | undefined {
  if (value === undefined) return undefined;
  if (isIntrinsic(value)) return token(value, 'list', uses);
  // Not a list (a stray string): the hatch keeps it.
  if (!Array.isArray(value)) return undefined;
  return (value as Json[]).map((v) => str(v, uses) as Value);
}

/** Seconds as the largest whole unit of a `Duration`. */
export function duration(value: Json, uses: Set<string>): Value | undefined {
  if (value === undefined) return undefined;
  uses.add('Duration');
  if (isIntrinsic(value)) {
    const t = token(value, 'number', uses);
    return new Code(`Duration.seconds(${t.ts})`, `Duration.seconds(${t.py})`, (s) =>
      Duration.seconds(t.make(s) as number),
    );
  }
  const seconds = Number(value);
  const units: [number, 'days' | 'hours' | 'minutes' | 'seconds'][] = [
    [86400, 'days'],
    [3600, 'hours'],
    [60, 'minutes'],
    [1, 'seconds'],
  ];
  const [size, unit] = units.find(([n]) => seconds !== 0 && seconds % n === 0) ?? [1, 'seconds'];
  const amount = seconds / size;
  return new Code(`Duration.${unit}(${amount})`, `Duration.${unit}(${amount})`, () => Duration[unit](amount));
}

/** An aws-cdk-lib enum member by its value, such as `cloudfront.PriceClass.PRICE_CLASS_ALL`. */
export function enumMember(
  enumeration: Record<string, string>,
  name: string,
  value: Json,
  uses: Set<string>,
): Value | undefined {
  if (value === undefined) return undefined;
  if (isIntrinsic(value)) {
    const t = token(value, 'string', uses);
    uses.add('cloudfront');
    return new Code(`${t.ts} as cloudfront.${name}`, t.py, t.make);
  }
  const member = Object.entries(enumeration).find(([, v]) => v === value)?.[0];
  if (!member) return String(value);
  uses.add('cloudfront');
  return new Code(`cloudfront.${name}.${member}`, `cloudfront.${name}.${member}`, () => value);
}

/** A managed policy's constant, such as `cloudfront.CachePolicy.CACHING_OPTIMIZED`, by its id. */
function managed(kind: ManagedPolicyKind, id: string): string | undefined {
  const key = managedPolicyName(kind, id);
  return key ? `cloudfront.${kind}.${key}` : undefined;
}

/** Ids for the constructs the generated code imports: one name, numbered when repeated. */
class Ids {
  private readonly counts = new Map<string, number>();
  /** `prefix` tells a second distribution's imports from the first's (`StagingCachePolicy`). */
  constructor(
    private readonly prefix = '',
    /** Ids the generated code gives its related constructs. */
    private readonly taken: ReadonlySet<string> = new Set(),
  ) {}
  next(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    const id = `${this.prefix}${n === 1 ? base : `${base}${n}`}`;
    return this.taken.has(id) ? this.next(base) : id;
  }
}

/** The S3 bucket name of a REST endpoint domain, when the domain is one. */
export function bucketOfDomain(domain: string): string | undefined {
  return /^(.+?)\.s3(?:[.-][a-z0-9-]+)?(?:\.dualstack)?\.amazonaws\.com(?:\.cn)?$/.exec(domain)?.[1];
}

/**
 * Fields whose value is a list of structs or a struct: where a template gives one as a template
 * function (`Fn::If`, `Ref`), the props leave it out and the check keeps the function exactly, in
 * an escape hatch on that one field.
 */
const STRUCTURED = new Set([
  'Origins',
  'OriginGroups',
  'Items',
  'Members',
  'DefaultCacheBehavior',
  'CacheBehaviors',
  'CustomErrorResponses',
  'Logging',
  'ViewerCertificate',
  'Restrictions',
  'GeoRestriction',
  'OriginCustomHeaders',
  'CustomOriginConfig',
  'S3OriginConfig',
  'OriginShield',
  'LambdaFunctionAssociations',
  'FunctionAssociations',
  'ForwardedValues',
  'Cookies',
  'VpcOriginConfig',
  'FailoverCriteria',
  'StatusCodes',
  'GrpcConfig',
  'OriginMtlsConfig',
  'ViewerMtlsConfig',
  'TenantConfig',
  'CacheTagConfig',
]);

/** Lists whose items are structs: an item given as a template function is kept by the hatch. */
const STRUCT_LISTS = new Set([
  'Origins',
  'CacheBehaviors',
  'CustomErrorResponses',
  'OriginCustomHeaders',
  'LambdaFunctionAssociations',
  'FunctionAssociations',
]);

/** `Ref: AWS::NoValue`: CloudFormation leaves the property out. */
export function isNoValue(value: unknown): boolean {
  return isIntrinsic(value) && (value as { Ref?: unknown }).Ref === 'AWS::NoValue';
}

/**
 * The input as our props read it: without what `AWS::NoValue` leaves out, without template
 * functions where a struct or a list of structs belongs, and without such functions among a
 * list's structs (the check restores each one exactly, at its own path).
 */
export function literalView(value: Json, key?: string): Json {
  if (Array.isArray(value)) {
    const kept = value.filter((v) => !isNoValue(v) && v !== null && v !== undefined);
    // A list of structs keeps its structs: anything else in it (a function, a stray string) is
    // the hatch's.
    const structs = key && STRUCT_LISTS.has(key);
    return (structs ? kept.filter((v) => isStruct(v)) : kept).map((v) => literalView(v));
  }
  if (value === null || typeof value !== 'object' || isIntrinsic(value)) return value;
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (isNoValue(v) || v === null) continue;
    // Where a struct or a list of them belongs, anything else (a function, a string) is the hatch's.
    if (STRUCT_LISTS.has(k) && !Array.isArray(v)) continue;
    if (STRUCTURED.has(k) && !STRUCT_LISTS.has(k) && !isStruct(v) && !Array.isArray(v)) continue;
    out[k] = literalView(v, k);
  }
  return out;
}

/** A plain object that is no template function. */
function isStruct(v: Json): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isIntrinsic(v);
}

/**
 * The bucket a template function names as an S3 REST domain (`!GetAtt Bucket.RegionalDomainName`,
 * `!GetAtt Bucket.DomainName`, `!Sub '${Bucket}.s3.amazonaws.com'` and its Regional forms), as the
 * template value of its name (`Ref: Bucket`).
 */
export function bucketOfFunction(domain: Json): Json {
  if (!isIntrinsic(domain)) return undefined;
  const getAtt = domain['Fn::GetAtt'];
  if (Array.isArray(getAtt) && ['RegionalDomainName', 'DomainName'].includes(getAtt[1])) {
    return { Ref: getAtt[0] };
  }
  const sub = domain['Fn::Sub'];
  if (typeof sub === 'string') {
    const m = /^\$\{([A-Za-z0-9]+)\}\.s3(?:[.-](?:[a-z0-9-]+|\$\{AWS::Region\}))?\.amazonaws\.com$/.exec(sub);
    if (m) return { Ref: m[1] };
  }
  return undefined;
}

/** A resource of the template the generated code makes with aws-cdk-lib's construct (`--with-related`). */
export interface RelatedUse {
  /** Its CloudFormation type. */
  readonly type: string;
  /** The construct, as the generated code names it. */
  readonly code: Code;
}

/**
 * The related construct that `value` names: `Ref: X`, or `Fn::GetAtt: [X, attribute]` with one of
 * `attributes` (which may allow `Ref` too), where X is a related resource of `type`.
 */
export function relatedOf(
  related: ReadonlyMap<string, RelatedUse>,
  value: Json,
  type: string,
  attributes?: string[],
): Code | undefined {
  if (!isIntrinsic(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  const id: Json =
    attributes === undefined || (attributes.includes('Ref') && typeof value.Ref === 'string')
      ? value.Ref
      : Array.isArray(getAtt) && attributes.includes(getAtt[1])
        ? getAtt[0]
        : undefined;
  const use = typeof id === 'string' ? related.get(id) : undefined;
  return use?.type === type ? use.code : undefined;
}

/**
 * The props of `config` (CloudFormation's `DistributionConfig`); what it references of `related`
 * is that construct.
 */
export function toModel(
  input: Json,
  idPrefix = '',
  related: ReadonlyMap<string, RelatedUse> = new Map(),
  template?: IncludedTemplate,
): Model {
  const config = literalView(input);
  const uses = new Uses(template);
  const ids = new Ids(idPrefix, new Set(related.keys()));
  const policy = (
    kind: 'CachePolicy' | 'OriginRequestPolicy' | 'ResponseHeadersPolicy',
    id: Json,
  ): Value | undefined => {
    if (id === undefined) return undefined;
    const own = relatedOf(related, id, `AWS::CloudFront::${kind}`);
    if (own) return own;
    uses.add('cloudfront');
    const cls = cloudfront[kind] as Json;
    if (!isIntrinsic(id)) {
      const constant = managed(kind, id);
      if (constant) return new Code(constant, constant, () => cls[constant.split('.').pop()!]);
    }
    const method = {
      CachePolicy: 'CachePolicyId',
      OriginRequestPolicy: 'OriginRequestPolicyId',
      ResponseHeadersPolicy: 'ResponseHeadersPolicyId',
    }[kind];
    const cid = ids.next(kind);
    const v = str(id, uses)!;
    return new Code(
      `cloudfront.${kind}.from${method}(this, '${cid}', ${arg(v, 'ts')})`,
      `cloudfront.${kind}.from_${method.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).slice(1)}(self, "${cid}", ${arg(v, 'py')})`,
      (s) => cls[`from${method}`](s, cid, made(v, s)),
    );
  };

  const behavior = (b: Json): Record<string, Value | undefined> => {
    const fv = b.ForwardedValues;
    const cookies = fv?.Cookies;
    return {
      pathPattern: str(b.PathPattern, uses),
      targetOrigin: str(b.TargetOriginId, uses),
      viewerProtocolPolicy: enumMember(
        cloudfront.ViewerProtocolPolicy as Json,
        'ViewerProtocolPolicy',
        b.ViewerProtocolPolicy,
        uses,
      ),
      allowedMethods: methods(b.AllowedMethods, uses),
      cachedMethods: methods(b.CachedMethods, uses),
      // CloudFormation's default is false, ours true: the input's value, stated.
      compress: bool(b.Compress) ?? false,
      smoothStreaming: bool(b.SmoothStreaming),
      forwardQueryString: fv ? (bool(fv.QueryString) ?? false) : undefined,
      forwardHeaders: list(fv?.Headers, uses),
      forwardCookies:
        cookies === undefined
          ? fv
            ? []
            : undefined
          : cookies.Forward === 'all'
            ? ['*']
            : cookies.Forward === 'whitelist'
              ? list(cookies.WhitelistedNames ?? [], uses)
              : [],
      minTtl: fv ? duration(b.MinTTL ?? 0, uses) : undefined,
      defaultTtl: fv ? duration(b.DefaultTTL ?? 86400, uses) : undefined,
      maxTtl: fv ? duration(b.MaxTTL ?? 31536000, uses) : undefined,
      cachePolicy: policy('CachePolicy', b.CachePolicyId),
      originRequestPolicy: policy('OriginRequestPolicy', b.OriginRequestPolicyId),
      responseHeadersPolicy: policy('ResponseHeadersPolicy', b.ResponseHeadersPolicyId),
      fieldLevelEncryptionId: str(b.FieldLevelEncryptionId, uses),
      // An association without its function is the hatch's: its list is then kept whole.
      edgeLambdas: b.LambdaFunctionAssociations?.filter((l: Json) => l.LambdaFunctionARN !== undefined).map(
        (l: Json) => {
          uses.add('lambda');
          const cid = ids.next('EdgeFunction');
          const arn = str(l.LambdaFunctionARN, uses)!;
          return {
            functionVersion: new Code(
              `lambda.Version.fromVersionArn(this, '${cid}', ${arg(arn, 'ts')})`,
              `lambda_.Version.from_version_arn(self, "${cid}", ${arg(arn, 'py')})`,
              (s) => lambda.Version.fromVersionArn(s, cid, made(arn, s)),
            ),
            eventType: enumMember(
              cloudfront.LambdaEdgeEventType as Json,
              'LambdaEdgeEventType',
              l.EventType,
              uses,
            ),
            includeBody: bool(l.IncludeBody),
          };
        },
      ),
      functionAssociations: b.FunctionAssociations?.filter((f: Json) => f.FunctionARN !== undefined).map(
        (f: Json) => {
          const own = relatedOf(related, f.FunctionARN, 'AWS::CloudFront::Function', [
            'FunctionARN',
            'FunctionMetadata.FunctionARN',
          ]);
          const eventType = enumMember(
            cloudfront.FunctionEventType as Json,
            'FunctionEventType',
            f.EventType,
            uses,
          );
          if (own) return { function: own, eventType };
          const cid = ids.next('Function');
          const arn = str(f.FunctionARN, uses)!;
          const fname = typeof arn === 'string' ? arn.split('/').pop()! : cid;
          return {
            function: new Code(
              `cloudfront.Function.fromFunctionAttributes(this, '${cid}', { functionArn: ${arg(arn, 'ts')}, functionName: ${tsString(fname)} })`,
              `cloudfront.Function.from_function_attributes(self, "${cid}", function_arn=${arg(arn, 'py')}, function_name=${JSON.stringify(fname)})`,
              (s) =>
                cloudfront.Function.fromFunctionAttributes(s, cid, {
                  functionArn: made(arn, s),
                  functionName: fname,
                }),
            ),
            eventType,
          };
        },
      ),
      trustedKeyGroups: (Array.isArray(b.TrustedKeyGroups) ? b.TrustedKeyGroups : undefined)?.map(
        (id: Json) => {
          const own = relatedOf(related, id, 'AWS::CloudFront::KeyGroup');
          if (own) return own;
          const cid = ids.next('KeyGroup');
          const v = str(id, uses)!;
          return new Code(
            `cloudfront.KeyGroup.fromKeyGroupId(this, '${cid}', ${arg(v, 'ts')})`,
            `cloudfront.KeyGroup.from_key_group_id(self, "${cid}", ${arg(v, 'py')})`,
            (s) => cloudfront.KeyGroup.fromKeyGroupId(s, cid, made(v, s)),
          );
        },
      ),
      trustedSigners: list(b.TrustedSigners, uses),
    };
  };

  const importedCertificate = (value: Json): Code => {
    const cid = ids.next('Certificate');
    const arn = str(value, uses)!;
    return new Code(
      `acm.Certificate.fromCertificateArn(this, '${cid}', ${arg(arn, 'ts')})`,
      `acm.Certificate.from_certificate_arn(self, "${cid}", ${arg(arn, 'py')})`,
      (s) => acm.Certificate.fromCertificateArn(s, cid, made(arn, s)),
    );
  };

  const importedOac = (id: Json): Code => {
    const cid = ids.next('OriginAccessControl');
    const oac = str(id, uses)!;
    return new Code(
      `cloudfront.S3OriginAccessControl.fromOriginAccessControlId(this, '${cid}', ${arg(oac, 'ts')})`,
      `cloudfront.S3OriginAccessControl.from_origin_access_control_id(self, "${cid}", ${arg(oac, 'py')})`,
      (sc) => cloudfront.S3OriginAccessControl.fromOriginAccessControlId(sc, cid, made(oac, sc)),
    );
  };

  const bucket = (base: string, bucketName: Json, domain: Json): Code => {
    const own = relatedOf(related, bucketName, 'AWS::S3::Bucket');
    if (own) return own;
    uses.add('s3');
    const cid = ids.next(base);
    const d = str(domain, uses)!;
    const name = str(bucketName, uses)!;
    return new Code(
      `s3.Bucket.fromBucketAttributes(this, '${cid}', { bucketName: ${arg(name, 'ts')}, bucketRegionalDomainName: ${arg(d, 'ts')} })`,
      `s3.Bucket.from_bucket_attributes(self, "${cid}", bucket_name=${arg(name, 'py')}, bucket_regional_domain_name=${arg(d, 'py')})`,
      (s) =>
        s3.Bucket.fromBucketAttributes(s, cid, {
          bucketName: made(name, s),
          bucketRegionalDomainName: made(d, s),
        }),
    );
  };

  const origin = (o: Json): Record<string, Value | undefined> => {
    const custom = o.CustomOriginConfig;
    const s3config = o.S3OriginConfig;
    const bucketName: Json =
      typeof o.DomainName === 'string' ? bucketOfDomain(o.DomainName) : bucketOfFunction(o.DomainName);
    const common = {
      name: str(o.Id, uses),
      // CloudFront's default, which console exports write out.
      originPath: o.OriginPath === '' ? undefined : str(o.OriginPath, uses),
      customHeaders: o.OriginCustomHeaders
        ? new DataMap(
            Object.fromEntries(
              o.OriginCustomHeaders.map((h: Json) => [h.HeaderName, str(h.HeaderValue, uses)]),
            ),
          )
        : undefined,
      connectionAttempts: num(o.ConnectionAttempts, uses),
      connectionTimeout: duration(o.ConnectionTimeout, uses),
      originShieldRegion: bool(o.OriginShield?.Enabled)
        ? str(o.OriginShield.OriginShieldRegion, uses)
        : undefined,
      responseCompletionTimeout: duration(o.ResponseCompletionTimeout, uses),
    };
    // CloudFront's defaults that the API reports count as absent; the rest of the origin's
    // settings go into aws-cdk-lib's S3 origin's own props.
    const settings = Object.entries(common)
      .slice(1)
      .filter(([k, v]) => v !== undefined && text(v) !== OUR_DEFAULTS[k]) as [string, Value][];
    const emptyOai =
      s3config && (s3config.OriginAccessIdentity === undefined || s3config.OriginAccessIdentity === '');
    if (s3config && bucketName && emptyOai && s3config.OriginReadTimeout === undefined) {
      // An Origin Access Control of its own, or none (a public bucket): aws-cdk-lib's S3 origin
      // says it as it is, with no Origin Access Control made for the stack.
      uses.add('origins');
      const b = bucket('Bucket', bucketName, o.DomainName);
      const options: [string, Value][] = [...settings];
      if (o.OriginAccessControlId !== undefined) {
        uses.add('cloudfront');
        // Its `Ref` is its id too (aws-cdk-lib's CfnOriginAccessControl.originAccessControlRef).
        // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-originaccesscontrol.html#aws-resource-cloudfront-originaccesscontrol-return-values
        const own = relatedOf(related, o.OriginAccessControlId, 'AWS::CloudFront::OriginAccessControl', [
          'Id',
          'Ref',
        ]);
        options.unshift(['originAccessControl', own ?? importedOac(o.OriginAccessControlId)]);
      }
      const method = o.OriginAccessControlId === undefined ? 'withBucketDefaults' : 'withOriginAccessControl';
      const pyMethod =
        o.OriginAccessControlId === undefined ? 'with_bucket_defaults' : 'with_origin_access_control';
      const ts =
        options.length > 0
          ? `, { ${options.map(([k, v]) => `${k}: ${inline(v, 'typescript')}`).join(', ')} }`
          : '';
      const py = options
        .map(([k, v]) => `, ${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}=${inline(v, 'python')}`)
        .join('');
      return {
        name: common.name,
        cdkOrigin: new Code(
          `origins.S3BucketOrigin.${method}(${b.ts}${ts})`,
          `origins.S3BucketOrigin.${pyMethod}(${b.py}${py})`,
          (sc) =>
            cfOrigins.S3BucketOrigin[method](
              b.make(sc) as s3.IBucket,
              Object.fromEntries(options.map(([k, v]) => [k, build(v, sc)])) as never,
            ),
        ),
      };
    }
    if (s3config && bucketName) {
      const oai = s3config.OriginAccessIdentity;
      // An id, or a template's identity (`!Sub origin-access-identity/cloudfront/${Identity}`).
      const sub = /^origin-access-identity\/cloudfront\/\$\{([A-Za-z0-9]+)\}$/.exec(oai?.['Fn::Sub'] ?? '');
      const oaiId: string | Code | undefined = sub
        ? token({ Ref: sub[1] }, 'string', uses)
        : typeof oai === 'string' && oai.length > 0
          ? oai.split('/').pop()!
          : undefined;
      const cid = oaiId ? ids.next('OriginAccessIdentity') : '';
      return {
        ...common,
        bucket: bucket('Bucket', bucketName, o.DomainName),
        originAccessIdentity: oaiId
          ? (uses.add('cloudfront'),
            new Code(
              `cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(this, '${cid}', ${arg(oaiId, 'ts')})`,
              `cloudfront.OriginAccessIdentity.from_origin_access_identity_id(self, "${cid}", ${arg(oaiId, 'py')})`,
              (s) => cloudfront.OriginAccessIdentity.fromOriginAccessIdentityId(s, cid, made(oaiId, s)),
            ))
          : undefined,
        readTimeout: duration(s3config.OriginReadTimeout, uses),
      };
    }
    return {
      ...common,
      domainName: str(o.DomainName, uses),
      httpPort: num(custom?.HTTPPort, uses),
      httpsPort: num(custom?.HTTPSPort, uses),
      protocol: enumMember(
        cloudfront.OriginProtocolPolicy as Json,
        'OriginProtocolPolicy',
        custom?.OriginProtocolPolicy,
        uses,
      ),
      // CloudFormation's default, which the input relies on when it leaves the field out (insecure:
      // the code states it, and our construct warns).
      sslPolicy: list(custom?.OriginSSLProtocols ?? (custom ? CFN_ORIGIN_SSL_PROTOCOLS : undefined), uses),
      readTimeout: duration(custom?.OriginReadTimeout, uses),
      keepaliveTimeout: duration(custom?.OriginKeepaliveTimeout, uses),
    };
  };

  const aliases: Json[] = config.Aliases ?? config.CNAMEs ?? [];
  const cert = config.ViewerCertificate ?? {};
  let sslCertificate: Value | undefined;
  if (cert.AcmCertificateArn !== undefined) {
    uses.add('acm').add('SslCertificate');
    const own =
      relatedOf(related, cert.AcmCertificateArn, 'AWS::CertificateManager::Certificate') ??
      importedCertificate(cert.AcmCertificateArn);
    sslCertificate = new Code(
      `SslCertificate.fromAcmCertificate(${own.ts})`,
      `SslCertificate.from_acm_certificate(${own.py})`,
      (s) => SslCertificate.fromAcmCertificate(own.make(s) as acm.ICertificate),
    );
  } else if (cert.IamCertificateId !== undefined) {
    uses.add('SslCertificate');
    const id = str(cert.IamCertificateId, uses)!;
    sslCertificate = new Code(
      `SslCertificate.fromIamCertificateId(${arg(id, 'ts')})`,
      `SslCertificate.from_iam_certificate_id(${arg(id, 'py')})`,
      (s) => SslCertificate.fromIamCertificateId(made(id, s)),
    );
  }
  // CloudFront serves alternate domain names only with a certificate, and so does our construct:
  // without one, the input's names are kept through the escape hatch.
  // A list of names (each a literal or a template value, such as a parameter's `Ref`) is props; a
  // list that is itself a template value stays whole, in the escape hatch.
  const literalAliases = Array.isArray(aliases) && sslCertificate !== undefined;
  const name: string | Code =
    literalAliases && aliases.length > 0 ? str(aliases[0], uses)! : 'imported.example.com';

  // Where the input's origins or default behaviour are template functions (`Fn::If`), a stand-in
  // builds the construct, and the escape hatch holds the input's, exactly.
  const origins = (config.Origins ?? []).map(origin);
  const target = str(config.DefaultCacheBehavior?.TargetOriginId, uses) ?? 'imported';

  const geo = config.Restrictions?.GeoRestriction;
  let geoRestriction: Value | undefined;
  if (geo && geo.RestrictionType !== 'none' && Array.isArray(geo.Locations)) {
    uses.add('cloudfront');
    const method = geo.RestrictionType === 'whitelist' ? 'allowlist' : 'denylist';
    const codes = geo.Locations as string[];
    geoRestriction = new Code(
      `cloudfront.GeoRestriction.${method}(${codes.map((c) => tsString(c)).join(', ')})`,
      `cloudfront.GeoRestriction.${method}(${codes.map((c) => JSON.stringify(c)).join(', ')})`,
      () => cloudfront.GeoRestriction[method](...codes),
    );
  }

  const logging = config.Logging;
  let loggingProps: Value | undefined;
  const logBucketName: Json =
    typeof logging?.Bucket === 'string' ? bucketOfDomain(logging.Bucket) : bucketOfFunction(logging?.Bucket);
  // A log bucket the props cannot name (no bucket's domain, or a template value that is none) is
  // left to the escape hatch: our construct would otherwise make a log bucket of its own, unused.
  if (logging?.Bucket !== undefined && logBucketName !== undefined) {
    const bucketName = logBucketName;
    loggingProps = {
      enabled: true,
      bucket: bucketName ? bucket('LogBucket', bucketName, logging.Bucket) : undefined,
      path: str(logging.Prefix, uses),
      includeCookies: bool(logging.IncludeCookies),
    };
  }

  const props: Record<string, Value | undefined> = {
    name,
    aliases: literalAliases
      ? aliases
          .slice(1)
          .filter((a) => a !== name)
          .map((a) => str(a, uses) as Value)
      : sslCertificate
        ? list(aliases, uses)
        : undefined,
    comment: str(config.Comment ?? '', uses),
    enabled: bool(config.Enabled),
    rootObject: str(config.DefaultRootObject ?? '', uses),
    origins: origins.length > 0 ? origins : [{ name: target, domainName: 'imported.example.com' }],
    originGroups: config.OriginGroups?.Items?.map((g: Json) => ({
      name: str(g.Id, uses),
      primaryOrigin: str(g.Members?.Items?.[0]?.OriginId, uses),
      secondaryOrigin: str(g.Members?.Items?.[1]?.OriginId, uses),
      failoverStatusCodes: g.FailoverCriteria?.StatusCodes?.Items?.map((c: Json) => num(c, uses)),
    })),
    defaultCacheBehavior: config.DefaultCacheBehavior
      ? behavior(config.DefaultCacheBehavior)
      : { targetOrigin: (origins[0]?.name as string | Code | undefined) ?? target },
    behaviors: config.CacheBehaviors?.map(behavior),
    errorResponses: config.CustomErrorResponses?.length
      ? config.CustomErrorResponses.map((e: Json) => ({
          errorCode: num(e.ErrorCode, uses),
          responseCode: num(e.ResponseCode, uses),
          responsePagePath: str(e.ResponsePagePath, uses),
          minTtl: duration(e.ErrorCachingMinTTL ?? 300, uses),
        }))
      : undefined,
    logging: loggingProps,
    // CloudFormation's defaults differ from ours: the input's values, stated.
    priceClass: enumMember(
      cloudfront.PriceClass as Json,
      'PriceClass',
      config.PriceClass ?? 'PriceClass_All',
      uses,
    ),
    httpVersion: enumMember(
      cloudfront.HttpVersion as Json,
      'HttpVersion',
      config.HttpVersion ?? 'http1.1',
      uses,
    ),
    enableIpv6: bool(config.IPV6Enabled) ?? false,
    sslCertificate,
    sslSupportMethod: sslCertificate
      ? enumMember(cloudfront.SSLMethod as Json, 'SSLMethod', cert.SslSupportMethod, uses)
      : undefined,
    sslMinimumProtocolVersion: sslCertificate
      ? enumMember(
          cloudfront.SecurityPolicyProtocol as Json,
          'SecurityPolicyProtocol',
          cert.MinimumProtocolVersion ?? 'TLSv1',
          uses,
        )
      : undefined,
    geoRestriction,
    webAclId: str(config.WebACLId, uses),
  };
  uses.add('Distribution');
  const notes: Record<string, string> = {};
  if (origins.length === 0 || config.DefaultCacheBehavior === undefined) {
    notes.origins =
      'A stand-in: the input gives its origins or default behaviour as template functions, kept exactly by the escape hatch below.';
  }
  if (!(literalAliases && aliases.length > 0)) {
    notes.name =
      'A placeholder: the input has no alternate domain name this prop can hold (our props need a certificate for them).';
  }
  return { props: withoutDefaults(props), uses, notes };
}

/**
 * The traffic a continuous deployment policy sends to the staging distribution, as
 * `StagingTraffic`: a weight (with session stickiness) or a header. Undefined where the policy
 * says it some other way (a template function).
 */
export function trafficOf(policy: Json, uses: Set<string>): { traffic: Code; enabled?: boolean } | undefined {
  const config = literalView(policy);
  const t = config?.TrafficConfig;
  const enabled = bool(config?.Enabled);
  uses.add('StagingTraffic');
  const single = t?.SingleWeightConfig;
  if (t?.Type === 'SingleWeight' && isStruct(single)) {
    const weight = Number(single.Weight);
    if (Number.isNaN(weight)) return undefined;
    const sticky = single.SessionStickinessConfig;
    if (sticky === undefined) {
      return {
        traffic: new Code(`StagingTraffic.weight(${weight})`, `StagingTraffic.weight(${weight})`, () =>
          StagingTraffic.weight(weight),
        ),
        enabled,
      };
    }
    const idle = isStruct(sticky) ? duration(sticky.IdleTTL, uses) : undefined;
    const max = isStruct(sticky) ? duration(sticky.MaximumTTL, uses) : undefined;
    if (!(idle instanceof Code) || !(max instanceof Code)) return undefined;
    return {
      traffic: new Code(
        `StagingTraffic.weight(${weight}, { sessionStickiness: { idleTtl: ${idle.ts}, maximumTtl: ${max.ts} } })`,
        `StagingTraffic.weight(${weight}, session_stickiness={"idle_ttl": ${idle.py}, "maximum_ttl": ${max.py}})`,
        (s) =>
          StagingTraffic.weight(weight, {
            sessionStickiness: { idleTtl: idle.make(s) as Duration, maximumTtl: max.make(s) as Duration },
          }),
      ),
      enabled,
    };
  }
  const h = t?.SingleHeaderConfig;
  if (t?.Type === 'SingleHeader' && typeof h?.Header === 'string' && typeof h?.Value === 'string') {
    return {
      traffic: new Code(
        `StagingTraffic.header(${tsString(h.Header)}, ${tsString(h.Value)})`,
        `StagingTraffic.header(${JSON.stringify(h.Header)}, ${JSON.stringify(h.Value)})`,
        () => StagingTraffic.header(h.Header, h.Value),
      ),
      enabled,
    };
  }
  return undefined;
}

/**
 * CloudFormation's default `OriginSSLProtocols` of a custom origin (the resource schema's).
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-customoriginconfig.html
 */
export const CFN_ORIGIN_SSL_PROTOCOLS = ['TLSv1', 'SSLv3'];

/** How our defaults print: a prop that prints the same is left out. */
const OUR_DEFAULTS: Record<string, string> = {
  enabled: 'true',
  viewerProtocolPolicy: 'cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS',
  allowedMethods: '["GET","HEAD"]',
  cachedMethods: '["GET","HEAD"]',
  compress: 'true',
  smoothStreaming: 'false',
  forwardQueryString: 'true',
  minTtl: 'Duration.seconds(0)',
  defaultTtl: 'Duration.days(1)',
  maxTtl: 'Duration.days(365)',
  httpPort: '80',
  httpsPort: '443',
  protocol: 'cloudfront.OriginProtocolPolicy.HTTPS_ONLY',
  sslPolicy: '["TLSv1.2"]',
  priceClass: 'cloudfront.PriceClass.PRICE_CLASS_100',
  httpVersion: 'cloudfront.HttpVersion.HTTP2_AND_3',
  enableIpv6: 'true',
  sslSupportMethod: 'cloudfront.SSLMethod.SNI',
  sslMinimumProtocolVersion: 'cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021',
  includeCookies: 'false',
  // CloudFront's own defaults, which our construct leaves to CloudFront.
  connectionAttempts: '3',
  connectionTimeout: 'Duration.seconds(10)',
};

/** A value printed on one line, for an argument. */
function inline(v: Value, language: 'typescript' | 'python'): string {
  return print(v, language, '')
    .replace(/\n\s*/g, ' ')
    .replace(/,\s*([}\]])/g, ' $1');
}

/** How an error response's defaults print. */
const ERROR_DEFAULTS: Record<string, string> = { minTtl: 'Duration.seconds(10)' };

function text(v: Value | undefined): string | undefined {
  if (v instanceof Code) return v.ts;
  return v === undefined || v instanceof DataMap ? undefined : JSON.stringify(v);
}

/** `props` without what equals our defaults, at every level of the specification's structs. */
function withoutDefaults(props: Record<string, Value | undefined>): Record<string, Value | undefined> {
  const prune = (o: Record<string, Value | undefined>, defaults: Record<string, string> = OUR_DEFAULTS) =>
    Object.fromEntries(
      Object.entries(o).filter(([k, v]) => v !== undefined && !(k in defaults && text(v) === defaults[k])),
    );
  const each = (v: Value | undefined, defaults?: Record<string, string>) =>
    Array.isArray(v) ? v.map((x) => prune(x as Record<string, Value | undefined>, defaults)) : v;
  const top = prune(props);
  if (top.comment === top.name) delete top.comment;
  if (Array.isArray(top.aliases) && top.aliases.length === 0) delete top.aliases;
  for (const key of ['origins', 'behaviors', 'originGroups']) top[key] = each(top[key]);
  // An error response's own default: its minTtl is not a behaviour's.
  top.errorResponses = each(top.errorResponses, ERROR_DEFAULTS);
  if (top.defaultCacheBehavior) {
    top.defaultCacheBehavior = prune(top.defaultCacheBehavior as Record<string, Value | undefined>);
  }
  // Logging is off by default: only its cookies setting has a default to leave out.
  if (top.logging) {
    const { includeCookies, ...rest } = top.logging as Record<string, Value | undefined>;
    top.logging = includeCookies === true ? { ...rest, includeCookies } : rest;
  }
  return Object.fromEntries(Object.entries(top).filter(([, v]) => v !== undefined));
}

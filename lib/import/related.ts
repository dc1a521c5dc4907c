import {
  App,
  CfnResource,
  RemovalPolicy,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Override, applyOverrides, canonical, differences } from './check';
import { Code, Value, build } from './code';
import { RelatedUse, Uses, arg, bool, duration, enumMember, list, made, relatedOf, str } from './model';

/**
 * `--with-related`: the template's resources that the distribution references (a bucket, a
 * certificate, cache, origin request and response headers policies, CloudFront Functions, an
 * Origin Access Control) as aws-cdk-lib's constructs instead of the included template's, each
 * keeping its logical id, with escape hatches for what its props do not say (found the way the
 * distribution's are: the construct is rendered and compared with the template's properties).
 * A bucket's policy that aws-cdk-lib makes for an S3 origin takes the place of the template's.
 */

type Json = any;

/** A kind of resource the generated code can make with an aws-cdk-lib construct. */
interface Kind {
  /** The construct's class, as printed (`s3.Bucket`) and as made. */
  readonly module: 's3' | 'cloudfront' | 'acm';
  readonly name: string;
  readonly construct: new (scope: Construct, id: string, props: Json) => Construct;
  /** Its props from the template's resource, or undefined where the construct cannot make it. */
  props(
    resource: Json,
    uses: Set<string>,
    related: ReadonlyMap<string, RelatedUse>,
    /** Its logical id, which names what the code imports for it. */
    id: string,
  ): Record<string, Value | undefined> | undefined;
}

/** A static call of aws-cdk-lib's, such as `cloudfront.CacheCookieBehavior.allowList('a', 'b')`. */
function call(
  module: 'cloudfront' | 's3' | 'acm',
  cls: string,
  member: string,
  args: (string | Code)[] | undefined,
  uses: Set<string>,
): Code {
  uses.add(module);
  const target = ({ cloudfront, s3, acm } as Json)[module][cls];
  const text = (lang: 'ts' | 'py') =>
    `${module}.${cls}.${lang === 'py' ? snake(member) : member}${args === undefined ? '' : `(${args.map((a) => arg(a, lang)).join(', ')})`}`;
  return new Code(text('ts'), text('py'), (scope) =>
    args === undefined ? target[member] : target[member](...args.map((a) => made(a, scope))),
  );
}

const snake = (name: string) =>
  /^[A-Z0-9_]+$/.test(name) ? name : name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * A policy's cookie, header or query string behaviour: `behavior` names the static method of each
 * of CloudFormation's values; a list given as a template function is left to the escape hatch.
 */
function behavior(
  cls: string,
  value: Json,
  items: Json,
  methods: Record<string, string>,
  uses: Set<string>,
): Code | undefined {
  const method = typeof value === 'string' ? methods[value] : undefined;
  if (method === undefined) return undefined;
  if (items !== undefined && !Array.isArray(items)) return undefined;
  const names = ((items as Json[] | undefined) ?? []).map((i) => str(i, uses)!);
  return call('cloudfront', cls, method, names, uses);
}

/** Each of CloudFormation's behaviours of a cache policy, by the method that makes it. */
const CACHE_LISTS = { none: 'none', all: 'all', whitelist: 'allowList', allExcept: 'denyList' };
const ORIGIN_HEADERS = {
  none: 'none',
  allViewer: 'all',
  allViewerAndWhitelistCloudFront: 'all',
  whitelist: 'allowList',
  allExcept: 'denyList',
};

const KINDS: Record<string, Kind> = {
  'AWS::CloudFront::CachePolicy': {
    module: 'cloudfront',
    name: 'CachePolicy',
    construct: cloudfront.CachePolicy,
    props: (r, uses) => {
      const c = r.Properties?.CachePolicyConfig ?? {};
      const k = c.ParametersInCacheKeyAndForwardedToOrigin ?? {};
      return {
        cachePolicyName: str(c.Name, uses),
        comment: str(c.Comment, uses),
        defaultTtl: duration(c.DefaultTTL, uses),
        minTtl: duration(c.MinTTL, uses),
        maxTtl: duration(c.MaxTTL, uses),
        cookieBehavior: behavior(
          'CacheCookieBehavior',
          k.CookiesConfig?.CookieBehavior,
          k.CookiesConfig?.Cookies,
          CACHE_LISTS,
          uses,
        ),
        headerBehavior: behavior(
          'CacheHeaderBehavior',
          k.HeadersConfig?.HeaderBehavior,
          k.HeadersConfig?.Headers,
          { none: 'none', whitelist: 'allowList' },
          uses,
        ),
        queryStringBehavior: behavior(
          'CacheQueryStringBehavior',
          k.QueryStringsConfig?.QueryStringBehavior,
          k.QueryStringsConfig?.QueryStrings,
          CACHE_LISTS,
          uses,
        ),
        enableAcceptEncodingGzip: bool(k.EnableAcceptEncodingGzip),
        enableAcceptEncodingBrotli: bool(k.EnableAcceptEncodingBrotli),
      };
    },
  },
  'AWS::CloudFront::OriginRequestPolicy': {
    module: 'cloudfront',
    name: 'OriginRequestPolicy',
    construct: cloudfront.OriginRequestPolicy,
    props: (r, uses) => {
      const c = r.Properties?.OriginRequestPolicyConfig ?? {};
      return {
        originRequestPolicyName: str(c.Name, uses),
        comment: str(c.Comment, uses),
        cookieBehavior: behavior(
          'OriginRequestCookieBehavior',
          c.CookiesConfig?.CookieBehavior,
          c.CookiesConfig?.Cookies,
          CACHE_LISTS,
          uses,
        ),
        headerBehavior: behavior(
          'OriginRequestHeaderBehavior',
          c.HeadersConfig?.HeaderBehavior,
          c.HeadersConfig?.Headers,
          ORIGIN_HEADERS,
          uses,
        ),
        queryStringBehavior: behavior(
          'OriginRequestQueryStringBehavior',
          c.QueryStringsConfig?.QueryStringBehavior,
          c.QueryStringsConfig?.QueryStrings,
          CACHE_LISTS,
          uses,
        ),
      };
    },
  },
  'AWS::CloudFront::ResponseHeadersPolicy': {
    module: 'cloudfront',
    name: 'ResponseHeadersPolicy',
    construct: cloudfront.ResponseHeadersPolicy,
    props: (r, uses) => {
      const c = r.Properties?.ResponseHeadersPolicyConfig ?? {};
      const custom = c.CustomHeadersConfig?.Items;
      const remove = c.RemoveHeadersConfig?.Items;
      const cors = c.CorsConfig;
      const items = (v: Json) => (Array.isArray(v?.Items) ? list(v.Items, uses) : undefined);
      const sec = c.SecurityHeadersConfig ?? {};
      const header = (v: Json, props: (h: Json) => Record<string, Value | undefined>) =>
        v && typeof v === 'object' ? { ...props(v), override: bool(v.Override) } : undefined;
      return {
        responseHeadersPolicyName: str(c.Name, uses),
        comment: str(c.Comment, uses),
        // Server timing is left to the escape hatch, exactly.
        corsBehavior: cors
          ? {
              accessControlAllowCredentials: bool(cors.AccessControlAllowCredentials),
              accessControlAllowHeaders: items(cors.AccessControlAllowHeaders),
              accessControlAllowMethods: items(cors.AccessControlAllowMethods),
              accessControlAllowOrigins: items(cors.AccessControlAllowOrigins),
              accessControlExposeHeaders: items(cors.AccessControlExposeHeaders),
              accessControlMaxAge: duration(cors.AccessControlMaxAgeSec, uses),
              originOverride: bool(cors.OriginOverride),
            }
          : undefined,
        securityHeadersBehavior: c.SecurityHeadersConfig
          ? {
              contentSecurityPolicy: header(sec.ContentSecurityPolicy, (h) => ({
                contentSecurityPolicy: str(h.ContentSecurityPolicy, uses),
              })),
              contentTypeOptions: header(sec.ContentTypeOptions, () => ({})),
              frameOptions: header(sec.FrameOptions, (h) => ({
                frameOption: enumMember(
                  cloudfront.HeadersFrameOption as Json,
                  'HeadersFrameOption',
                  h.FrameOption,
                  uses,
                ),
              })),
              referrerPolicy: header(sec.ReferrerPolicy, (h) => ({
                referrerPolicy: enumMember(
                  cloudfront.HeadersReferrerPolicy as Json,
                  'HeadersReferrerPolicy',
                  h.ReferrerPolicy,
                  uses,
                ),
              })),
              strictTransportSecurity: header(sec.StrictTransportSecurity, (h) => ({
                accessControlMaxAge: duration(h.AccessControlMaxAgeSec, uses),
                includeSubdomains: bool(h.IncludeSubdomains),
                preload: bool(h.Preload),
              })),
              xssProtection: header(sec.XSSProtection, (h) => ({
                protection: bool(h.Protection),
                modeBlock: bool(h.ModeBlock),
                reportUri: str(h.ReportUri, uses),
              })),
            }
          : undefined,
        customHeadersBehavior: Array.isArray(custom)
          ? {
              customHeaders: custom.map((h: Json) => ({
                header: str(h.Header, uses),
                value: str(h.Value, uses),
                override: bool(h.Override),
              })),
            }
          : undefined,
        removeHeaders: Array.isArray(remove) ? remove.map((h: Json) => str(h.Header, uses)!) : undefined,
      };
    },
  },
  'AWS::CloudFront::Function': {
    module: 'cloudfront',
    name: 'Function',
    construct: cloudfront.Function,
    props: (r, uses) => {
      const p = r.Properties ?? {};
      const runtime = { 'cloudfront-js-1.0': 'JS_1_0', 'cloudfront-js-2.0': 'JS_2_0' }[
        p.FunctionConfig?.Runtime as string
      ];
      const code = str(p.FunctionCode, uses);
      if (code === undefined) return undefined;
      return {
        functionName: str(p.Name, uses),
        comment: str(p.FunctionConfig?.Comment, uses),
        runtime: runtime ? call('cloudfront', 'FunctionRuntime', runtime, undefined, uses) : undefined,
        code: call('cloudfront', 'FunctionCode', 'fromInline', [code], uses),
        // CloudFormation's default, not aws-cdk-lib's (true).
        autoPublish: bool(p.AutoPublish) ?? false,
      };
    },
  },
  'AWS::CertificateManager::Certificate': {
    module: 'acm',
    name: 'Certificate',
    construct: acm.Certificate,
    props: (r, uses) => {
      const p = r.Properties ?? {};
      const method = { DNS: 'fromDns', EMAIL: 'fromEmail' }[p.ValidationMethod as string];
      const logging = p.CertificateTransparencyLoggingPreference;
      const nameTag = Array.isArray(p.Tags) ? p.Tags.find((t: Json) => t?.Key === 'Name') : undefined;
      return {
        domainName: str(p.DomainName, uses),
        subjectAlternativeNames: list(p.SubjectAlternativeNames, uses),
        validation: method ? call('acm', 'CertificateValidation', method, [], uses) : undefined,
        transparencyLoggingEnabled: logging === 'ENABLED' ? true : logging === 'DISABLED' ? false : undefined,
        // aws-cdk-lib tags a certificate with its name (its path, when it has none).
        certificateName: nameTag ? str(nameTag.Value, uses) : undefined,
      };
    },
  },
  'AWS::CloudFront::OriginAccessControl': {
    module: 'cloudfront',
    name: 'S3OriginAccessControl',
    construct: cloudfront.S3OriginAccessControl,
    props: (r, uses) => {
      const c = r.Properties?.OriginAccessControlConfig ?? {};
      if (c.OriginAccessControlOriginType !== 's3') return undefined;
      const signing =
        c.SigningProtocol === 'sigv4'
          ? { always: 'SIGV4_ALWAYS', 'no-override': 'SIGV4_NO_OVERRIDE', never: 'NEVER' }[
              c.SigningBehavior as string
            ]
          : undefined;
      return {
        originAccessControlName: str(c.Name, uses),
        description: str(c.Description, uses),
        signing: signing ? call('cloudfront', 'Signing', signing, undefined, uses) : undefined,
      };
    },
  },
  'AWS::CloudFront::PublicKey': {
    module: 'cloudfront',
    name: 'PublicKey',
    construct: cloudfront.PublicKey,
    props: (r, uses) => {
      const c = r.Properties?.PublicKeyConfig ?? {};
      const key = str(c.EncodedKey, uses);
      if (key === undefined) return undefined;
      // Its caller reference is aws-cdk-lib's to choose: a template's is kept by the hatch.
      return { publicKeyName: str(c.Name, uses), comment: str(c.Comment, uses), encodedKey: key };
    },
  },
  'AWS::CloudFront::KeyGroup': {
    module: 'cloudfront',
    name: 'KeyGroup',
    construct: cloudfront.KeyGroup,
    props: (r, uses, related, id) => {
      const c = r.Properties?.KeyGroupConfig ?? {};
      if (!Array.isArray(c.Items)) return undefined;
      return {
        keyGroupName: str(c.Name, uses),
        comment: str(c.Comment, uses),
        // Its public keys: those the generated code makes, and the others imported by id.
        items: c.Items.map((item: Json, i: number) => {
          const own = relatedOf(related, item, 'AWS::CloudFront::PublicKey');
          if (own) return own;
          const v = str(item, uses)!;
          const cid = `${id}Key${i + 1}`;
          return new Code(
            `cloudfront.PublicKey.fromPublicKeyId(this, '${cid}', ${arg(v, 'ts')})`,
            `cloudfront.PublicKey.from_public_key_id(self, "${cid}", ${arg(v, 'py')})`,
            (scope) => cloudfront.PublicKey.fromPublicKeyId(scope, cid, made(v, scope)),
          );
        }),
      };
    },
  },
  'AWS::S3::Bucket': {
    module: 's3',
    name: 'Bucket',
    construct: s3.Bucket,
    props: (r, uses) => {
      const p = r.Properties ?? {};
      const sse = p.BucketEncryption?.ServerSideEncryptionConfiguration?.[0];
      const algorithm = sse?.ServerSideEncryptionByDefault?.KMSMasterKeyID
        ? undefined
        : sse?.ServerSideEncryptionByDefault?.SSEAlgorithm;
      const encryption = { AES256: 'S3_MANAGED', 'aws:kms': 'KMS_MANAGED', 'aws:kms:dsse': 'DSSE_MANAGED' }[
        algorithm as string
      ];
      const block = p.PublicAccessBlockConfiguration;
      const allBlocked =
        block &&
        ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'].every(
          (k) => bool(block[k]) === true,
        );
      const ownership = {
        BucketOwnerEnforced: 'BUCKET_OWNER_ENFORCED',
        BucketOwnerPreferred: 'BUCKET_OWNER_PREFERRED',
        ObjectWriter: 'OBJECT_WRITER',
      }[p.OwnershipControls?.Rules?.[0]?.ObjectOwnership as string];
      uses.add('RemovalPolicy');
      const removal = r.DeletionPolicy === 'Retain' ? 'RETAIN' : 'DESTROY';
      return {
        bucketName: str(p.BucketName, uses),
        versioned: p.VersioningConfiguration?.Status === 'Enabled' ? true : undefined,
        encryption: encryption ? call('s3', 'BucketEncryption', encryption, undefined, uses) : undefined,
        bucketKeyEnabled: encryption ? bool(sse?.BucketKeyEnabled) : undefined,
        blockPublicAccess: allBlocked
          ? call('s3', 'BlockPublicAccess', 'BLOCK_ALL', undefined, uses)
          : undefined,
        objectOwnership: ownership ? call('s3', 'ObjectOwnership', ownership, undefined, uses) : undefined,
        // The template's deletion policy (CloudFormation's default: Delete).
        removalPolicy: new Code(
          `RemovalPolicy.${removal}`,
          `RemovalPolicy.${removal}`,
          () => RemovalPolicy[removal],
        ),
      };
    },
  },
};

/** A resource's `DeletionPolicy` or `UpdateReplacePolicy` as CloudFormation applies it (Delete by default). */
export const appliedPolicy = (v: Json): string => (v === undefined ? 'Delete' : v);

/**
 * Whether the template's resource `r` can be made by its aws-cdk-lib construct: a kind we know,
 * with no resource attribute that the construct's props cannot say (a condition, dependencies,
 * metadata, or deletion policies other than a bucket's removal policy).
 */
function eligible(r: Json): boolean {
  const kind = KINDS[r?.Type];
  if (kind === undefined && r?.Type !== 'AWS::S3::BucketPolicy') return false;
  if (
    ['Condition', 'DependsOn', 'Metadata', 'CreationPolicy', 'UpdatePolicy'].some((k) => r[k] !== undefined)
  ) {
    return false;
  }
  const deletion = appliedPolicy(r.DeletionPolicy);
  const replace = appliedPolicy(r.UpdateReplacePolicy);
  if (r.Type === 'AWS::S3::Bucket') return deletion === replace && ['Delete', 'Retain'].includes(deletion);
  return deletion === 'Delete' && replace === 'Delete';
}

/** The names of the template's resources that `value` references (`Ref`, `Fn::GetAtt`, `Fn::Sub`). */
export function referencedIds(value: Json, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((v) => referencedIds(v, into));
  } else if (value && typeof value === 'object') {
    if (typeof value.Ref === 'string') into.add(value.Ref);
    const getAtt = value['Fn::GetAtt'];
    if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') into.add(getAtt[0]);
    if (typeof getAtt === 'string') into.add(getAtt.split('.')[0]);
    const sub = value['Fn::Sub'];
    const text = typeof sub === 'string' ? sub : Array.isArray(sub) ? sub[0] : undefined;
    if (typeof text === 'string') {
      for (const m of text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) into.add(m[1]);
    }
    Object.values(value).forEach((v) => referencedIds(v, into));
  }
  return into;
}

/** One related resource: the construct the generated code makes, and its escape hatches. */
export class Related {
  /** The escape hatches on its L1: what its props render differently from the template. */
  overrides: Override[] = [];
  /** The template's bucket policy that aws-cdk-lib's policy of this bucket takes the place of. */
  policy?: { readonly id: string; overrides: Override[] };
  readonly kind: Kind;
  readonly props: Record<string, Value | undefined>;
  /** How the distribution's props name it. */
  readonly use: RelatedUse;
  private readonly made = new WeakMap<Stack, Construct>();

  constructor(
    /** Its logical id, kept, and its construct id. */
    readonly id: string,
    /** The template's resource. */
    readonly resource: Json,
    /** The variable that holds it, in TypeScript and in Python. */
    readonly variable: { readonly ts: string; readonly py: string },
    uses: Set<string>,
    /** The related resources made before it, which its props name as themselves. */
    related: ReadonlyMap<string, RelatedUse> = new Map(),
  ) {
    this.kind = KINDS[resource.Type];
    uses.add(this.kind.module);
    this.props = this.kind.props(resource, uses, related, id)!;
    this.use = {
      type: resource.Type,
      code: new Code(variable.ts, variable.py, (scope) => this.instance(scope)),
    };
  }

  /** The construct in `scope`'s stack, made once, with its escape hatches and logical id. */
  instance(scope: Construct): Construct {
    const stack = Stack.of(scope);
    let construct = this.made.get(stack);
    if (construct === undefined) {
      construct = new this.kind.construct(stack, this.id, build(this.props, stack, this.id));
      applyOverrides(construct, this.overrides).overrideLogicalId(this.id);
      this.made.set(stack, construct);
    }
    return construct;
  }

  /**
   * aws-cdk-lib's bucket policy in the place of the template's, in `scope`'s stack, as the
   * generated code adopts it after making the distribution.
   */
  adoptPolicy(scope: Construct): void {
    const l1 = this.policyResource(scope);
    if (l1 === undefined || this.policy === undefined) return;
    applyOverrides(l1, this.policy.overrides).overrideLogicalId(this.policy.id);
  }

  /** Its bucket policy as aws-cdk-lib made it in `scope`'s stack, when it has one. */
  policyResource(scope: Construct): CfnResource | undefined {
    const construct = this.made.get(Stack.of(scope));
    return construct instanceof s3.Bucket ? (construct.policy?.node.defaultChild as CfnResource) : undefined;
  }
}

/** Names taken by the generated code's own variables. */
const TAKEN = new Set(['distribution', 'resource', 'template', 'staging', 'stagingResource', 'this', 'self']);

/**
 * The template's resources that `distributions` (their configs) reference and that aws-cdk-lib's
 * constructs can make, as `Related` (in the template's order).
 */
export function relatedResources(
  resources: Record<string, Json>,
  distributions: Json[],
  uses: Uses,
  exclude: ReadonlySet<string> = new Set(),
): Related[] {
  const referenced = new Set<string>();
  for (const d of distributions) referencedIds(d, referenced);
  const candidate = ([id, r]: [string, Json]) =>
    !exclude.has(id) && id !== 'Template' && KINDS[r?.Type] !== undefined && eligible(r);
  // A key group's public keys are related through it.
  for (const [id, r] of Object.entries(resources)) {
    if (referenced.has(id) && r?.Type === 'AWS::CloudFront::KeyGroup' && candidate([id, r])) {
      for (const key of referencedIds(r.Properties)) {
        if (resources[key]?.Type === 'AWS::CloudFront::PublicKey') referenced.add(key);
      }
    }
  }
  const names = new Set<string>();
  const known = new Map<string, RelatedUse>();
  const out: Related[] = [];
  // Public keys first: a key group's props name them.
  const entries = Object.entries(resources)
    .filter(([id, r]) => referenced.has(id) && candidate([id, r]))
    .sort(
      ([, a], [, b]) =>
        Number(b.Type === 'AWS::CloudFront::PublicKey') - Number(a.Type === 'AWS::CloudFront::PublicKey'),
    );
  for (const [id, r] of entries) {
    let ts = id[0].toLowerCase() + id.slice(1).replace(/[^A-Za-z0-9]/g, '');
    if (!/^[A-Za-z]/.test(ts) || TAKEN.has(ts) || names.has(ts)) ts = `${ts}Related`;
    const py = ts.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    let related: Related;
    const own = new Uses(uses.template);
    try {
      if (KINDS[r.Type].props(r, new Uses(uses.template), known, id) === undefined) continue;
      related = new Related(id, r, { ts, py }, own, known);
    } catch {
      // A shape the props cannot read (a null in a list): the template's, included.
      continue;
    }
    if (!makes(related)) continue;
    names.add(ts);
    own.forEach((u) => uses.add(u));
    known.set(id, related.use);
    out.push(related);
  }
  return out;
}

/**
 * Whether aws-cdk-lib's construct makes the resource from its props (it refuses, or its L1
 * refuses at synthesis, what a template writes wrong or as template functions where its props
 * want literals): otherwise the resource stays the included template's.
 */
function makes(r: Related): boolean {
  try {
    const app = new App();
    r.instance(new Stack(app, 'Check'));
    app.synth();
    return true;
  } catch {
    return false;
  }
}

/**
 * Compares what the related constructs rendered (in `template`, the stack they were made in with
 * the distribution) with the template's resources: the differences become each one's escape
 * hatches, and a bucket policy aws-cdk-lib made takes the place of the template's policy of that
 * bucket. Returns the related resources whose construct makes something the template has not (a
 * bucket policy where the template has none), which must stay the template's.
 */
export function reconcile(
  related: readonly Related[],
  rendered: Record<string, Json>,
  resources: Record<string, Json>,
  scope: Construct,
): string[] {
  const refused: string[] = [];
  const paired = new Set<string>();
  for (const r of related) {
    r.overrides = propertyDifferences(rendered[r.id]?.Properties ?? {}, r.resource.Properties ?? {});
    const policy = r.policyResource(scope);
    if (policy === undefined) continue;
    const policyId = Stack.of(scope).getLogicalId(policy);
    const theirs = Object.entries(resources).find(
      ([, x]) =>
        x?.Type === 'AWS::S3::BucketPolicy' &&
        eligible(x) &&
        JSON.stringify(canonical(x.Properties?.Bucket)) === JSON.stringify({ Ref: r.id }),
    );
    if (theirs === undefined) {
      refused.push(r.id);
      continue;
    }
    paired.add(policyId);
    r.policy = {
      id: theirs[0],
      overrides: propertyDifferences(rendered[policyId]?.Properties ?? {}, theirs[1].Properties ?? {}),
    };
  }
  if (refused.length > 0) return refused;
  // Anything else made that the template has not (an Origin Access Control of ours for a bucket
  // the stack now owns): the buckets stay the template's, then, where that is not it, all of them.
  const extra = Object.entries(rendered).some(
    ([id, x]) => !(id in resources) && !paired.has(id) && x.Type !== 'AWS::CDK::Metadata',
  );
  if (!extra) return [];
  const buckets = related.filter((r) => r.resource.Type === 'AWS::S3::Bucket').map((r) => r.id);
  return buckets.length > 0 ? buckets : related.map((r) => r.id);
}

/** The related resources that `rendered` (made with their escape hatches) does not hold as the template has them. */
export function unfaithful(
  related: readonly Related[],
  rendered: Record<string, Json>,
  resources: Record<string, Json>,
): string[] {
  const differs = (id: string) =>
    propertyDifferences(rendered[id]?.Properties ?? {}, resources[id]?.Properties ?? {}).length > 0;
  return related
    .filter((r) => differs(r.id) || (r.policy !== undefined && differs(r.policy.id)))
    .map((r) => r.id);
}

/** The escape hatches, at paths under `Properties`, that make `ours` the template's `theirs`. */
export function propertyDifferences(ours: Json, theirs: Json): Override[] {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs)])].sort();
  return keys.flatMap((k) =>
    !(k in theirs)
      ? [{ path: k }]
      : !(k in ours)
        ? [{ path: k, value: theirs[k] }]
        : differences(ours[k], theirs[k], k),
  );
}

/** The ids the template's include no longer holds: the related resources and the policies taken over. */
export function replacedIds(related: readonly Related[]): string[] {
  return related.flatMap((r) => (r.policy ? [r.id, r.policy.id] : [r.id]));
}

import { App, CfnResource, Stack, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { BuildError, Code, Value, build } from './code';
import { CFN_ORIGIN_SSL_PROTOCOLS, METHOD_ORDER, isNoValue } from './model';
import { ImportError, getAtt } from './parse';
import { isIntrinsic } from './schema';
import { Distribution, DistributionProps } from '../distribution';
import { StagingDistribution, StagingTraffic } from '../staging';

/**
 * The check: the props tree is built into our `Distribution` in a scratch app and synthesized,
 * and the rendered `DistributionConfig` is compared with the input's after CloudFront's defaults.
 * Each difference becomes an escape hatch (`addPropertyOverride`, or a deletion), so that the
 * generated code is always equivalent; `--check` then proves it again.
 */

type Json = any;

/** One escape hatch: a path under the resource's properties and the input's value there. */
export interface Override {
  /** Such as `DistributionConfig.Origins.0.OriginAccessControlId`. */
  readonly path: string;
  /** The input's value; `undefined` deletes what our construct rendered. */
  readonly value?: Json;
}

/** The `DistributionConfig` our construct renders for `props`, with `overrides` applied. */
export function render(props: Record<string, Value | undefined>, overrides: readonly Override[] = []): Json {
  return renderStack(props, overrides).config;
}

/**
 * The stack our construct makes of `props`, with `overrides` applied: the distribution's
 * `DistributionConfig`, and every other resource it makes (an Origin Access Control, a log
 * bucket), by logical id and type.
 */
export function renderStack(
  props: Record<string, Value | undefined>,
  overrides: readonly Override[] = [],
  options: Scratch = {},
): { config: Json; others: [string, string][]; resources: Record<string, Json>; stack: Stack } {
  const app = new App();
  const stack = new Stack(app, 'Check');
  let distribution: Distribution;
  try {
    options.before?.(stack);
    distribution = new Distribution(stack, 'Distribution', build(props, stack) as DistributionProps);
  } catch (e) {
    throw refusal(e, 'our Distribution refuses this configuration');
  }
  const resource = applyOverrides(distribution, overrides);
  if (options.logicalId !== undefined) resource.overrideLogicalId(options.logicalId);
  options.after?.(stack);
  const template = app.synth().getStackByName(stack.stackName).template;
  const logicalId = options.logicalId ?? stack.getLogicalId(resource);
  const resources = template.Resources as Record<string, Json>;
  const others = Object.entries(resources)
    .filter(([id, r]) => id !== logicalId && r.Type !== 'AWS::CDK::Metadata')
    .map(([id, r]): [string, string] => [id, r.Type]);
  return { config: resources[logicalId].Properties.DistributionConfig, others, resources, stack };
}

/** How a scratch stack is made: what comes before the distribution, and its logical id. */
export interface Scratch {
  /** Makes the constructs the generated code makes before the distribution (`--with-related`). */
  readonly before?: (stack: Stack) => void;
  /** The distribution's logical id (the template's), so that references to it read the same. */
  readonly logicalId?: string;
  /** What the generated code does after the distribution (an L1 it made, adjusted). */
  readonly after?: (stack: Stack) => void;
}

/**
 * What our constructs or aws-cdk-lib refused, as the refusal `settle` reads: our constructs list
 * their problems under a first line, each naming its prop path; anything else is said whole.
 */
function refusal(e: unknown, what: string): RefusedError {
  if (e instanceof BuildError) return new RefusedError(`${what}: ${e.message}`, [e.at]);
  const lines = (e as Error).message.split('\n');
  const problems = /has \d+ problems?:$/.test(lines[0]) ? lines.slice(1) : [lines[0]];
  const paths = problems
    .map((p) => /^`([\w.[\]]+)`/.exec(p)?.[1])
    .filter((p): p is string => p !== undefined);
  return new RefusedError(`${what}: ${problems.join(' ')}`, paths);
}

/**
 * The L1 of `construct` (our distribution, or a related construct of aws-cdk-lib's) with the
 * escape hatches applied, as the generated code applies them.
 */
export function applyOverrides<T extends CfnResource = cloudfront.CfnDistribution>(
  construct: IConstruct,
  overrides: readonly Override[],
): T {
  const resource = (construct instanceof CfnResource ? construct : construct.node.defaultChild) as T;
  for (const o of overrides) {
    if (o.value === undefined) resource.addPropertyDeletionOverride(o.path);
    else resource.addPropertyOverride(o.path, o.value);
  }
  return resource;
}

/** A difference found by `--check`, as it prints it (after `prefix`, such as the twin's id). */
export function describeDifference(d: Override, prefix = ''): string {
  return d.value === undefined
    ? `${prefix}${d.path}: rendered, but absent from the input`
    : `${prefix}${d.path}: the input has ${JSON.stringify(d.value)}`;
}

/** A resource the generated code makes that the input has not, as `--check` prints it. */
export function describeExtra(id: string, type: string): string {
  return `${id} (${type}): the generated code makes it, and the input has no such resource`;
}

/** CloudFront's values for what a `DistributionConfig` leaves out, so that absent equals default. */
export function withDefaults(config: Json): Json {
  const c = coerce(literalValues(clone(config)));
  const set = (o: Json, key: string, value: Json) => {
    if (o && typeof o === 'object' && !isIntrinsic(o) && o[key] === undefined) o[key] = value;
  };
  set(c, 'Comment', '');
  set(c, 'DefaultRootObject', '');
  set(c, 'HttpVersion', 'http1.1');
  set(c, 'IPV6Enabled', false);
  set(c, 'PriceClass', 'PriceClass_All');
  set(c, 'Staging', false);
  set(c, 'ViewerCertificate', { CloudFrontDefaultCertificate: true });
  if (c.ViewerCertificate && !c.ViewerCertificate.CloudFrontDefaultCertificate) {
    set(c.ViewerCertificate, 'MinimumProtocolVersion', 'TLSv1');
  } else if (c.ViewerCertificate) {
    // With CloudFront's certificate, CloudFront ignores both.
    delete c.ViewerCertificate.MinimumProtocolVersion;
    delete c.ViewerCertificate.SslSupportMethod;
  }
  if (Array.isArray(c.Aliases) && c.Aliases.length === 0) delete c.Aliases;
  // No geographic restriction, said: CloudFront's default.
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-cloudfront-distribution-georestriction.html
  const geo = c.Restrictions?.GeoRestriction;
  if (geo?.RestrictionType === 'none' && !(Array.isArray(geo.Locations) && geo.Locations.length > 0)) {
    delete c.Restrictions;
  }
  for (const key of ['CacheBehaviors', 'CustomErrorResponses']) {
    if (Array.isArray(c[key]) && c[key].length === 0) delete c[key];
  }
  const behaviors = [c.DefaultCacheBehavior, ...(Array.isArray(c.CacheBehaviors) ? c.CacheBehaviors : [])];
  for (const b of behaviors.filter((x) => x && typeof x === 'object')) {
    set(b, 'Compress', false);
    set(b, 'SmoothStreaming', false);
    set(b, 'AllowedMethods', ['GET', 'HEAD']);
    set(b, 'CachedMethods', ['GET', 'HEAD']);
    // A set to CloudFront.
    for (const key of ['AllowedMethods', 'CachedMethods']) {
      if (Array.isArray(b[key]) && !b[key].some(isIntrinsic)) {
        b[key] = [...b[key]].sort(
          (x: string, y: string) => METHOD_ORDER.indexOf(x) - METHOD_ORDER.indexOf(y),
        );
      }
    }
    for (const key of [
      'LambdaFunctionAssociations',
      'FunctionAssociations',
      'TrustedSigners',
      'TrustedKeyGroups',
    ]) {
      if (Array.isArray(b[key]) && b[key].length === 0) delete b[key];
    }
    if (b.ForwardedValues) {
      set(b, 'MinTTL', 0);
      set(b, 'DefaultTTL', 86400);
      set(b, 'MaxTTL', 31536000);
      set(b.ForwardedValues, 'Cookies', { Forward: 'none' });
    }
  }
  for (const b of behaviors.filter((x) => x && typeof x === 'object')) {
    // CloudFront reports an empty field-level encryption ID, and none: the same.
    if (b.FieldLevelEncryptionId === '') delete b.FieldLevelEncryptionId;
    if (b.GrpcConfig && b.GrpcConfig.Enabled === false) delete b.GrpcConfig;
    // A CloudFront Function's two attributes for its ARN are the same value: aws-cdk-lib's
    // `functionArn` reads `FunctionARN`, templates often `FunctionMetadata.FunctionARN`.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-function.html#aws-resource-cloudfront-function-return-values
    for (const f of Array.isArray(b.FunctionAssociations) ? b.FunctionAssociations : []) {
      const arn = f?.FunctionARN?.['Fn::GetAtt'];
      if (Array.isArray(arn) && arn[1] === 'FunctionMetadata.FunctionARN') {
        f.FunctionARN = { 'Fn::GetAtt': [arn[0], 'FunctionARN'] };
      }
    }
  }
  for (const o of Array.isArray(c.Origins) ? c.Origins : []) {
    if (o === null || typeof o !== 'object') continue;
    set(o, 'OriginPath', '');
    // An Origin Access Control's Ref is its id (aws-cdk-lib reads `Fn::GetAtt Id`); a parameter's
    // Ref cannot be told from it, nor needs to be: it has no attributes.
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cloudfront-originaccesscontrol.html#aws-resource-cloudfront-originaccesscontrol-return-values
    const oac = o.OriginAccessControlId;
    if (oac && typeof oac === 'object' && typeof oac.Ref === 'string' && Object.keys(oac).length === 1) {
      o.OriginAccessControlId = { 'Fn::GetAtt': [oac.Ref, 'Id'] };
    }
    if (o.CustomOriginConfig) {
      set(o.CustomOriginConfig, 'IpAddressType', 'ipv4');
      set(o.CustomOriginConfig, 'OriginSSLProtocols', CFN_ORIGIN_SSL_PROTOCOLS);
    }
    set(o, 'ConnectionAttempts', 3);
    set(o, 'ConnectionTimeout', 10);
    if (o.CustomOriginConfig) {
      set(o.CustomOriginConfig, 'HTTPPort', 80);
      set(o.CustomOriginConfig, 'HTTPSPort', 443);
      set(o.CustomOriginConfig, 'OriginReadTimeout', 30);
      set(o.CustomOriginConfig, 'OriginKeepaliveTimeout', 5);
    }
    if (o.S3OriginConfig) set(o.S3OriginConfig, 'OriginAccessIdentity', '');
    if (Array.isArray(o.OriginCustomHeaders) && o.OriginCustomHeaders.length === 0) {
      delete o.OriginCustomHeaders;
    }
  }
  for (const e of Array.isArray(c.CustomErrorResponses) ? c.CustomErrorResponses : []) {
    set(e, 'ErrorCachingMinTTL', 300);
  }
  if (c.Logging) {
    set(c.Logging, 'IncludeCookies', false);
    set(c.Logging, 'Prefix', '');
  }
  return c;
}

/** The differences of `ours` from `input` (both with defaults), as escape hatches. */
export function differences(ours: Json, input: Json, at = 'DistributionConfig'): Override[] {
  if (equal(ours, input)) return [];
  const objects = (v: Json) => typeof v === 'object' && v !== null && !isIntrinsic(v);
  if (Array.isArray(ours) && Array.isArray(input)) {
    if (ours.length !== input.length || !ours.every(objects) || !input.every(objects)) {
      return [{ path: at, value: input }];
    }
    return ours.flatMap((o, i) => differences(o, input[i], `${at}.${i}`));
  }
  if (objects(ours) && objects(input) && !Array.isArray(ours) && !Array.isArray(input)) {
    const keys = [...new Set([...Object.keys(ours), ...Object.keys(input)])].sort();
    return keys.flatMap((k) => {
      if (!(k in input)) return [{ path: `${at}.${k}` }];
      if (!(k in ours)) return [{ path: `${at}.${k}`, value: input[k] }];
      return differences(ours[k], input[k], `${at}.${k}`);
    });
  }
  return [{ path: at, value: input }];
}

/**
 * `props` without what our construct refuses (each problem names its prop path first), and the
 * `DistributionConfig` they render: what is taken out is restored exactly by the escape hatches,
 * since the check compares with the input.
 */
export function settle(props: Record<string, Value | undefined>): {
  props: Record<string, Value | undefined>;
  rendered: Json;
} {
  let current = props;
  const removed = new Set<string>();
  for (let round = 0; round < 50; round++) {
    try {
      return { props: current, rendered: render(current) };
    } catch (e) {
      if (!(e instanceof RefusedError)) throw e;
      // The narrowest path first (the field, not its list); where taking it out is refused again
      // (a required field), the path that holds it.
      const paths = e.paths.map((p) => narrowest(p, removed)).filter((p): p is string[] => p !== undefined);
      if (paths.length === 0) throw new ImportError(e.message);
      for (const p of paths) {
        current = without(current, p);
        removed.add(p.join('.'));
      }
    }
  }
  throw new ImportError('our Distribution keeps refusing this configuration');
}

/**
 * The prop path `at` (`origins[1].connectionAttempts`) as keys and indexes, or the nearest path
 * above it not taken out yet; an index is never taken out alone (the lists stay aligned with the
 * input's), so a refused element takes its list.
 */
function narrowest(at: string, removed: ReadonlySet<string>): string[] | undefined {
  const parts = at.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '');
  for (let n = parts.length; n > 0; n--) {
    const path = parts.slice(0, n);
    if (/^\d+$/.test(path[path.length - 1])) continue;
    if (!removed.has(path.join('.'))) return path;
  }
  return undefined;
}

/** Our construct's refusal, with the prop paths its problems name. */
class RefusedError extends ImportError {
  constructor(
    message: string,
    public readonly paths: string[],
  ) {
    super(message);
  }
}

/** `o` without the prop at `path` (keys and list indexes, from the top). */
function without(o: Json, path: string[]): Json {
  if (o === undefined || typeof o !== 'object' || o instanceof Code) return o;
  const [key, ...rest] = path;
  if (Array.isArray(o)) {
    const i = Number(key);
    if (!Number.isInteger(i) || rest.length === 0) return o;
    return o.map((item, j) => (j === i ? without(item, rest) : item));
  }
  if (rest.length === 0) {
    const { [key]: _gone, ...others } = o;
    return others;
  }
  return { ...o, [key]: without(o[key], rest) };
}

/** The escape hatches that make `rendered` (what the props render) the input exactly. */
export function overridesFor(rendered: Json, input: Json): Override[] {
  return differences(withDefaults(rendered), withDefaults(input));
}

/** What `--check` reports: an empty list when the props and overrides render the input. */
export function check(
  props: Record<string, Value | undefined>,
  overrides: readonly Override[],
  input: Json,
): string[] {
  const { config, others } = renderStack(props, overrides);
  return [
    ...differences(withDefaults(config), withDefaults(input)).map((d) => describeDifference(d)),
    // The input's other resources come along unchanged (CfnInclude): anything else is new.
    ...others.map(([id, type]) => describeExtra(id, type)),
  ];
}

/** Keys whose values CloudFormation reads as booleans or numbers, which templates may quote. */
const BOOLEANS = new Set([
  'Enabled',
  'Compress',
  'SmoothStreaming',
  'QueryString',
  'IncludeCookies',
  'IncludeBody',
  'IPV6Enabled',
  'Staging',
  'CloudFrontDefaultCertificate',
]);
const NUMBERS = new Set([
  'HTTPPort',
  'HTTPSPort',
  'OriginReadTimeout',
  'OriginKeepaliveTimeout',
  'ConnectionAttempts',
  'ConnectionTimeout',
  'ErrorCode',
  'ResponseCode',
  'ErrorCachingMinTTL',
  'MinTTL',
  'DefaultTTL',
  'MaxTTL',
  'Quantity',
  'ResponseCompletionTimeout',
]);

/** `value` with quoted booleans and numbers as CloudFormation reads them. */
function coerce(value: Json, key?: string): Json {
  if (Array.isArray(value)) return value.map((v) => coerce(v, key === 'Items' ? undefined : key));
  if (value && typeof value === 'object') {
    if (isIntrinsic(value)) return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, coerce(v, k)]));
  }
  if (typeof value === 'string' && key && BOOLEANS.has(key) && (value === 'true' || value === 'false')) {
    return value === 'true';
  }
  if (typeof value === 'string' && key && NUMBERS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) {
    return Number(value);
  }
  return value;
}

/** Whether CloudFormation reads `a` and `b` as the same value. */
function equal(a: Json, b: Json): boolean {
  return JSON.stringify(sortKeys(canonical(a))) === JSON.stringify(sortKeys(canonical(b)));
}

/**
 * `value` in one form where CloudFormation reads several as the same: `Fn::GetAtt` as a list
 * (`"Resource.Attribute"`, which CfnInclude keeps where a template wrote it, is the same), and a
 * string built with `Fn::Sub` (without variables of its own) or `Fn::Join` with no delimiter as
 * one `Fn::Join` of its literal and referenced parts (aws-cdk-lib joins where templates
 * substitute).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-getatt.html
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/intrinsic-function-reference-sub.html
 */
export function canonical(value: Json): Json {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && (keys[0] === 'Fn::Sub' || keys[0] === 'Fn::Join' || keys[0] === 'Fn::GetAtt')) {
    const dotted = value['Fn::GetAtt'];
    if (typeof dotted === 'string' && dotted.includes('.')) return getAtt(dotted);
    const parts = stringParts(value);
    if (parts !== undefined) {
      // A string of one part is that part (`!Sub '${Bucket}'` is `!Ref Bucket`).
      return parts.length === 1 ? parts[0] : parts.length === 0 ? '' : { 'Fn::Join': ['', parts] };
    }
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
}

/** The parts of a string built by `Fn::Sub` or `Fn::Join` with no delimiter, adjacent literals joined. */
function stringParts(value: Json): Json[] | undefined {
  const parts: Json[] = [];
  const add = (p: Json) => {
    if (p === '') return;
    if (typeof p === 'string' && typeof parts[parts.length - 1] === 'string') parts[parts.length - 1] += p;
    else parts.push(p);
  };
  const sub = value['Fn::Sub'];
  const join = value['Fn::Join'];
  if (typeof sub === 'string') {
    let last = 0;
    for (const m of sub.matchAll(/\$\{([^}]*)\}/g)) {
      add(sub.slice(last, m.index));
      const name = m[1];
      if (name.startsWith('!')) {
        add(`\${${name.slice(1)}}`);
      } else if (name.includes('.')) {
        add(getAtt(name));
      } else {
        add({ Ref: name });
      }
      last = m.index! + m[0].length;
    }
    add(sub.slice(last));
    return parts;
  }
  if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) {
    for (const item of join[1]) {
      const inner = item && typeof item === 'object' ? stringParts(item) : undefined;
      if (inner !== undefined) inner.forEach(add);
      else add(canonical(item));
    }
    return parts;
  }
  return undefined;
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  }
  return v;
}

/** `v` without what `Ref: AWS::NoValue` leaves out (CloudFormation removes the property). */
function literalValues(v: Json): Json {
  if (Array.isArray(v)) return v.filter((x) => !isNoValue(x)).map(literalValues);
  if (v === null || typeof v !== 'object' || isIntrinsic(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([, x]) => !isNoValue(x))
      .map(([k, x]) => [k, literalValues(x)]),
  );
}

function clone(v: Json): Json {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

/** A staged rollout to render: the twin's props and escape hatches, and the policy's logical id. */
export interface StagedInput {
  readonly props: Record<string, Value | undefined>;
  readonly overrides: readonly Override[];
  /** The traffic, as the generated code builds it. */
  readonly traffic: Code;
  readonly trafficEnabled?: boolean;
  readonly primaryId: string;
  readonly stagingId: string;
  readonly policyId: string;
}

/**
 * The primary and its staging twin as our `Distribution` and `StagingDistribution` render them,
 * with their escape hatches and the template's logical ids: both `DistributionConfig`s, the
 * continuous deployment policy's config, and every other resource they make.
 */
export function renderPair(
  primaryProps: Record<string, Value | undefined>,
  primaryOverrides: readonly Override[],
  staged: StagedInput,
  options: Omit<Scratch, 'logicalId'> = {},
): {
  primary: Json;
  staging: Json;
  policy: Json;
  others: [string, string][];
  resources: Record<string, Json>;
  stack: Stack;
} {
  const app = new App();
  const stack = new Stack(app, 'Check');
  let primary: Distribution;
  let twin: StagingDistribution;
  try {
    options.before?.(stack);
    primary = new Distribution(stack, 'Primary', build(primaryProps, stack) as DistributionProps);
    twin = new StagingDistribution(stack, 'Staging', {
      ...(build(staged.props, stack) as DistributionProps),
      primary,
      traffic: staged.traffic.make(stack) as StagingTraffic,
      trafficEnabled: staged.trafficEnabled,
    });
  } catch (e) {
    throw refusal(e, 'our constructs refuse this staged rollout');
  }
  applyOverrides(primary, primaryOverrides).overrideLogicalId(staged.primaryId);
  applyOverrides(twin, staged.overrides).overrideLogicalId(staged.stagingId);
  twin.continuousDeploymentPolicy.overrideLogicalId(staged.policyId);
  options.after?.(stack);
  const template = app.synth().getStackByName(stack.stackName).template;
  const resources = template.Resources as Record<string, Json>;
  const mine = new Set([staged.primaryId, staged.stagingId, staged.policyId]);
  return {
    primary: resources[staged.primaryId].Properties.DistributionConfig,
    staging: resources[staged.stagingId].Properties.DistributionConfig,
    policy: resources[staged.policyId].Properties.ContinuousDeploymentPolicyConfig,
    others: Object.entries(resources)
      .filter(([id, r]) => !mine.has(id) && r.Type !== 'AWS::CDK::Metadata')
      .map(([id, r]): [string, string] => [id, r.Type]),
    resources,
    stack,
  };
}

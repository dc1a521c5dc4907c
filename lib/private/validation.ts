import { Annotations, Duration, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Pure validators. Each returns the problems it finds as messages in the house format:
 *
 *   `errorResponses[1].errorCode` must be one of 400, 403, ...; got: 418
 *
 * They never throw and never judge an unresolved token, so a construct can collect every
 * problem of one synth and report them together.
 */

/**
 * True when a value is known only at deploy time: a token (`Lazy`, `CfnParameter`,
 * `Fn.importValue`, an attribute), a Duration of one, or a string holding a CloudFormation
 * dynamic reference (`{{resolve:ssm:/name}}`), which CloudFormation resolves before CloudFront
 * sees it.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
 */
export function isDeployTime(value: unknown): boolean {
  if (typeof value === 'string') {
    // Every string prop of every distribution comes here: only a string holding a token's
    // marker (`${Token[...]}`, or a number token as text, `-1.88...e+289`) can be one, so the
    // token check runs on those alone. A list token (`CfnParameter.valueAsList`) is a list of one
    // string, `#{Token[...]}`: that string stands for the whole list, known only at deploy time.
    return (
      value.includes('{{resolve:') ||
      value.includes('#{Token[') ||
      ((value.includes('${Token[') || value.includes('e+289')) && Token.isUnresolved(value))
    );
  }
  // aws-cdk-lib encodes a number token as a double near -1.9e+289: no other number is one.
  if (typeof value === 'number') return value < -1e288 && Token.isUnresolved(value);
  if (value instanceof Duration) return value.isUnresolved();
  return Token.isUnresolved(value);
}

/** True when a value is absent or only known at deploy time: nothing to judge. */
export function unknown(value: unknown): boolean {
  return value === undefined || value === null || isDeployTime(value);
}

/** True when a list, or any of its elements, is known only at deploy time. */
export function anyDeployTime(values: readonly unknown[] | undefined): boolean {
  return values !== undefined && (isDeployTime(values) || values.some(isDeployTime));
}

/** The prefix of every warning id of this library (`cdk-cloudfront-distributions:allowAll`). */
export const WARNING = 'cdk-cloudfront-distributions';

/**
 * A configuration that deploys but is risky or does not do what it seems to: the construct turns
 * it into a warning annotation acknowledgeable as `cdk-cloudfront-distributions:<id>`.
 */
export interface Warning {
  readonly id: string;
  readonly message: string;
}

/** Turns warnings into annotations on `scope`, each acknowledgeable by its id. */
export function addWarnings(scope: IConstruct, warnings: readonly Warning[]): void {
  for (const w of warnings) Annotations.of(scope).addWarningV2(`${WARNING}:${w.id}`, w.message);
}

/**
 * Throws every problem of a construct in one error: a first line naming the construct and how
 * many problems it has, then one line each, so a synth shows all the mistakes of one
 * distribution at once.
 *
 * @param what the construct's kind and path, such as `Distribution Stack/Www`
 */
export function throwIfAny(what: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  throw new Error([`${what} has ${count}:`, ...problems].join('\n'));
}

/** Renders a user's value for a message; a deploy-time value is shown as such, never as `${Token[...]}`. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (isDeployTime(value)) return 'a deploy-time value';
  if (value instanceof Duration) return `${value.toSeconds({ integral: false })} seconds`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return String(value);
}

/** A user's value with its type, for a message about a wrong type: `"80" (a string)`. */
function showTyped(value: unknown): string {
  if (value === undefined || value === null) return show(value);
  if (Array.isArray(value)) return `${show(value)} (a list)`;
  if (typeof value === 'object' || typeof value === 'function') return show(value);
  return `${show(value)} (a ${typeof value})`;
}

/**
 * The type a prop must have. Jsii and TypeScript check these for typed callers; plain
 * JavaScript callers get the same clear message as for any other bad value.
 */
export type Kind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'Duration'
  | 'object'
  | 'string list'
  | 'number list'
  | 'string map'
  | { readonly list: Shape }
  | Like
  | Shape;

/** An object of an aws-cdk-lib interface, known by members it must have. */
export interface Like {
  /** What it is, for the message: `an s3.IBucket`. */
  readonly like: string;
  /** Members it must have. */
  readonly has: readonly string[];
}

/** `kind` for an object of an aws-cdk-lib interface. */
export function like(what: string, ...has: string[]): Like {
  return { like: what, has };
}

/** The kinds of a struct's props. */
export interface Shape {
  readonly [prop: string]: Kind;
}

const ARTICLES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Duration: 'a Duration (such as Duration.seconds(30))',
  object: 'an object',
  'string list': 'a list of strings',
  'number list': 'a list of numbers',
  'string map': 'an object of string values',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value of the wrong type: `` `at` must be a number; got: "80" (a string) ``. */
function mismatch(at: string, value: unknown, what: string): string[] {
  return [`\`${at}\` must be ${what}; got: ${showTyped(value)}`];
}

/**
 * Every prop of `value` (at `at`) whose type is not its `kind`. Absent values are left to the
 * `required` rules; `null` (from JavaScript) is not absent but a wrong type, since aws-cdk-lib
 * would render it; deploy-time values are never judged.
 *
 * It runs on every prop of every distribution, so it asks whether a value is a deploy-time one
 * only where that changes the answer (a value of the wrong type, or one it would look inside),
 * and builds a prop's path only for a prop that is given.
 */
export function typeRules(at: string, value: unknown, kind: Kind): string[] {
  const problems: string[] = [];
  checkType(at, value, kind, problems);
  return problems;
}

function checkType(at: string, value: unknown, kind: Kind, problems: string[]): void {
  if (value === undefined) return;
  if (value === null) {
    problems.push(
      ...mismatch(at, value, typeof kind === 'string' ? ARTICLES[kind] : 'an object or left out'),
    );
    return;
  }
  if (typeof kind === 'string') {
    switch (kind) {
      case 'string':
      case 'number':
      case 'boolean':
        if (typeof value !== kind && !isDeployTime(value)) {
          problems.push(...mismatch(at, value, ARTICLES[kind]));
        }
        return;
      case 'Duration':
        if (!(isObject(value) && typeof value.toSeconds === 'function') && !isDeployTime(value)) {
          problems.push(...mismatch(at, value, ARTICLES[kind]));
        }
        return;
      case 'object':
        if (!isObject(value) && !isDeployTime(value)) problems.push(...mismatch(at, value, ARTICLES[kind]));
        return;
      case 'string map':
        if (isDeployTime(value)) return;
        if (!isObject(value)) {
          problems.push(...mismatch(at, value, ARTICLES[kind]));
          return;
        }
        for (const k of Object.keys(value)) {
          const v = value[k];
          if (v === undefined || v === null) problems.push(...mismatch(`${at}.${k}`, v, 'a string'));
          else checkType(`${at}.${k}`, v, 'string', problems);
        }
        return;
      default: {
        if (isDeployTime(value)) return;
        if (!Array.isArray(value)) {
          problems.push(...mismatch(at, value, ARTICLES[kind]));
          return;
        }
        const element = kind === 'string list' ? 'string' : 'number';
        value.forEach((v, i) => {
          if (v === undefined || v === null) problems.push(...mismatch(`${at}[${i}]`, v, `a ${element}`));
          else checkType(`${at}[${i}]`, v, element, problems);
        });
        return;
      }
    }
  }
  if ('like' in kind && typeof kind.like === 'string') {
    const l = kind as Like;
    const ok =
      (typeof value === 'object' || typeof value === 'function') &&
      l.has.every((m) => m in (value as object));
    if (!ok && !isDeployTime(value)) problems.push(...mismatch(at, value, l.like));
    return;
  }
  if (isDeployTime(value)) return;
  if ('list' in kind && typeof kind.list === 'object') {
    if (!Array.isArray(value)) {
      problems.push(...mismatch(at, value, 'a list'));
      return;
    }
    const shape = kind.list as Shape;
    value.forEach((v, i) => {
      if (v === undefined || v === null) problems.push(...mismatch(`${at}[${i}]`, v, 'an object'));
      else checkType(`${at}[${i}]`, v, shape, problems);
    });
    return;
  }
  if (!isObject(value)) {
    problems.push(...mismatch(at, value, ARTICLES.object));
    return;
  }
  const shape = kind as Shape;
  if (Object.getPrototypeOf(value) === Object.prototype) {
    // An object literal holds just the props it was given, usually a few of its shape's dozens:
    // those alone are looked at. Problems are reported in the shape's order, so when there is
    // one, the shape is walked again below.
    const found: string[] = [];
    for (const prop of Object.keys(value)) {
      const v = value[prop];
      if (v !== undefined && Object.prototype.hasOwnProperty.call(shape, prop)) {
        checkType(at ? `${at}.${prop}` : prop, v, shape[prop], found);
      }
    }
    if (found.length === 0) return;
  }
  for (const prop of Object.keys(shape)) {
    const v = value[prop];
    if (v !== undefined) checkType(at ? `${at}.${prop}` : prop, v, shape[prop], problems);
  }
}

/** The one message format: the prop path the user wrote, what is allowed, what was given. */
export function message(path: string, mustBe: string, got: unknown): string {
  return `\`${path}\` ${mustBe}; got: ${show(got)}`;
}

/** `path` must be one of `allowed`. */
export function oneOf(path: string, value: unknown, allowed: readonly unknown[]): string[] {
  if (unknown(value) || allowed.includes(value)) return [];
  return [message(path, `must be one of ${allowed.map((a) => String(a)).join(', ')}`, value)];
}

/** A prop that must be given. */
export function required(path: string, value: unknown, what = 'is required'): string[] {
  return value === undefined || value === null ? [message(path, what, undefined)] : [];
}

/** A string that must not be empty. */
export function nonEmpty(path: string, value: string | undefined): string[] {
  if (unknown(value)) return [];
  return value!.trim().length > 0 ? [] : [message(path, 'must not be empty', value)];
}

/**
 * An HTTP header name: a token of RFC 9110's characters.
 *
 * @see https://www.rfc-editor.org/rfc/rfc9110#name-field-names
 */
export const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A whole number within [min, max]. */
export function integerIn(path: string, value: number | undefined, min: number, max: number): string[] {
  if (unknown(value)) return [];
  const n = value!;
  return Number.isInteger(n) && n >= min && n <= max
    ? []
    : [message(path, `must be a whole number from ${min} to ${max}`, n)];
}

/** A TCP port CloudFront connects to an origin on: 80, 443 or 1024-65535. */
export function originPort(path: string, value: number | undefined): string[] {
  if (unknown(value)) return [];
  const n = value!;
  const ok = Number.isInteger(n) && (n === 80 || n === 443 || (n >= 1024 && n <= 65535));
  return ok ? [] : [message(path, 'must be 80, 443 or a whole number from 1024 to 65535', n)];
}

/**
 * The largest number of seconds CloudFront stores for a TTL: the API's `Long`.
 *
 * @see https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_CacheBehavior.html
 */
export const MAX_TTL_SECONDS = 2 ** 63 - 1;

/**
 * A Duration known only at deploy time renders as its amount, in seconds: CloudFormation cannot
 * multiply, so `Duration.minutes(token)` cannot become seconds.
 */
function deployTimeDuration(path: string, value: Duration): string[] {
  const unit = value.unitLabel();
  return unit === 'seconds'
    ? []
    : [
        `\`${path}\` must be Duration.seconds(...) when its amount is known only at deploy time (CloudFormation cannot convert ${unit} to seconds); got: Duration.${unit}(a deploy-time value)`,
      ];
}

/** What `secondsOf` has computed, by Duration (immutable): `null` for a deploy-time one. */
const SECONDS = new WeakMap<Duration, number | null>();

/**
 * A Duration's length in seconds (fractional), or `undefined` for a deploy-time one. Several
 * rules read each TTL and timeout, and aws-cdk-lib checks for a token on every conversion, so
 * each Duration is converted once.
 */
export function secondsOf(d: Duration): number | undefined {
  let seconds = SECONDS.get(d);
  if (seconds === undefined) {
    seconds = d.isUnresolved() ? null : d.toSeconds({ integral: false });
    SECONDS.set(d, seconds);
  }
  return seconds ?? undefined;
}

/** A Duration of whole seconds within [min, max] (`maxText` says where max comes from). */
export function secondsIn(
  path: string,
  value: Duration | undefined,
  min: number,
  max: number,
  maxText: string = String(max),
): string[] {
  if (value === undefined || value === null) return [];
  const seconds = secondsOf(value);
  if (seconds === undefined) return deployTimeDuration(path, value);
  if (Number.isInteger(seconds) && seconds >= min && seconds <= max) return [];
  const range = max === Infinity ? `, at least ${min}` : ` from ${min} to ${maxText}`;
  return [message(path, `must be a whole number of seconds${range}`, value)];
}

/** A TTL: whole seconds, from 0 to what CloudFront stores (a Duration is never negative). */
export function ttl(path: string, value: Duration | undefined): string[] {
  if (value === undefined || value === null) return [];
  const seconds = secondsOf(value);
  if (seconds === undefined) return deployTimeDuration(path, value);
  if (!Number.isInteger(seconds)) return [message(path, 'must be a whole number of seconds', value)];
  return seconds <= MAX_TTL_SECONDS
    ? []
    : [
        message(
          path,
          `must be at most ${MAX_TTL_SECONDS} seconds (CloudFront stores TTLs as a 64-bit Long)`,
          value,
        ),
      ];
}

/** Values in a list that appear more than once. */
export function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (isDeployTime(v)) continue;
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

/** A list in which no value repeats. */
export function unique(path: string, values: readonly string[] | undefined, what = 'values'): string[] {
  if (values === undefined || isDeployTime(values)) return [];
  const dup = duplicates(values);
  return dup.length === 0 ? [] : [message(path, `must not repeat ${what}`, dup.length === 1 ? dup[0] : dup)];
}

/** A list in which `*` (everything) stands alone. */
export function wildcardAlone(path: string, values: readonly string[] | undefined): string[] {
  if (values === undefined || isDeployTime(values)) return [];
  return values.includes('*') && values.length > 1
    ? [message(path, "must be ['*'] alone or a list of names without '*'", values)]
    : [];
}

/** A list that must be one of several sets, in any order. */
export function setOf(
  path: string,
  values: readonly string[] | undefined,
  sets: readonly (readonly string[])[],
): string[] {
  if (values === undefined || isDeployTime(values) || values.some((v) => isDeployTime(v))) {
    return [];
  }
  const matches = (given: string[]) =>
    sets.some((s) => s.length === given.length && [...s].sort().every((v, i) => v === given[i]));
  if (matches([...values].sort())) return [];
  // CloudFront takes method names in upper case only.
  const what = matches([...values].map((v) => v.toUpperCase()).sort())
    ? 'must be in upper case'
    : `must be one of ${sets.map((s) => `[${s.join(', ')}]`).join(', ')}`;
  return [message(path, what, values)];
}

/** Two or more labels of letters, digits and inner hyphens, each of 1 to 63 characters. */
const HOST_NAME =
  /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * A domain name CloudFront accepts as an alternate domain name (CNAME): labels of letters,
 * digits and hyphens, not starting or ending with a hyphen, up to 63 characters each and 253 in
 * all, with at least two labels; a single leading `*.` is allowed.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/CNAMEs.html
 */
export function domainName(path: string, value: string | undefined, allowWildcard: boolean): string[] {
  if (unknown(value)) return [];
  const name = value!;
  const body = allowWildcard && name.startsWith('*.') ? name.slice(2) : name;
  const ok = name.length <= 253 && HOST_NAME.test(body);
  if (ok) return [];
  const what = allowWildcard
    ? 'must be a domain name such as www.example.com or *.example.com'
    : 'must be a host name such as backend.example.com, without scheme, path or port';
  return [message(path, what, name)];
}

/** True when `name` is covered by certificate domain `pattern` (which may be a `*.` wildcard). */
export function coveredBy(name: string, pattern: string): boolean {
  const n = name.toLowerCase();
  const p = pattern.toLowerCase();
  if (n === p) return true;
  if (!p.startsWith('*.')) return false;
  // A wildcard covers exactly one label: *.example.com covers www.example.com,
  // not example.com nor a.b.example.com.
  const suffix = p.slice(1);
  const head = n.slice(0, n.length - suffix.length);
  return n.endsWith(suffix) && head.length > 0 && !head.includes('.') && head !== '*';
}

/**
 * What aws-cdk-lib's `Distribution` calls a prop this library names otherwise: the likeliest
 * meaning of an unknown key written from its documentation.
 */
const CDK_NAMES: Record<string, string> = {
  domainNames: 'aliases',
  certificate: 'sslCertificate',
  minimumProtocolVersion: 'sslMinimumProtocolVersion',
  defaultRootObject: 'rootObject',
  defaultBehavior: 'defaultCacheBehavior',
  additionalBehaviors: 'behaviors',
  enableLogging: 'logging',
  logBucket: 'logging',
  logFilePrefix: 'logging',
  logIncludesCookies: 'logging',
  webAclArn: 'webAclId',
  origin: 'targetOrigin',
  httpStatus: 'errorCode',
  responseHttpStatus: 'responseCode',
  ttl: 'minTtl',
  functionVersion: 'edgeLambdas',
};

/** The Levenshtein distance between two strings, ignoring case. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++) {
      next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[y.length];
}

/** The prop of `shape` that `key` most likely means, if one is close enough. */
function nearest(key: string, shape: Shape): string | undefined {
  const known = Object.keys(shape);
  if (CDK_NAMES[key] !== undefined && known.includes(CDK_NAMES[key])) return CDK_NAMES[key];
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const prop of known) {
    const d = distance(key, prop);
    if (d < bestDistance) {
      best = prop;
      bestDistance = d;
    }
  }
  // A typo, a case slip or a missing letter; not a different word.
  return bestDistance <= Math.max(2, Math.floor(key.length / 4)) ? best : undefined;
}

/** A key of an object literal that its shape does not have, and the prop it likely means. */
interface UnknownProp {
  readonly path: string;
  readonly near?: string;
  readonly value: unknown;
}

/**
 * Keys of object literals that their shape does not have (from plain JavaScript, or through
 * `any`: no compiler checks them). Each is ignored, so a mistyped prop silently keeps its
 * default: a warning names it and the prop it likely means. Only object literals are looked
 * into; `extra` are keys the top level may also hold (a subclass's own props).
 */
export function unknownProps(
  at: string,
  value: unknown,
  kind: Kind,
  extra: readonly string[] = [],
): Warning[] {
  return findUnknown(at, value, kind, extra).map((u) => ({
    id: 'unknownProp',
    message: `\`${u.path}\` is not a prop of this construct, and is ignored${u.near ? `: did you mean \`${u.near}\`?` : '.'}`,
  }));
}

/**
 * The same keys as problems, for an error: beside a rule it breaks, a key it ignored often says
 * why (`defaultBehavior` given, `defaultCacheBehavior` required).
 */
export function unknownPropProblems(
  at: string,
  value: unknown,
  kind: Kind,
  extra: readonly string[] = [],
): string[] {
  return findUnknown(at, value, kind, extra).map(
    (u) =>
      `\`${u.path}\` is not a prop of this construct${u.near ? ` (did you mean \`${u.near}\`?)` : ''}; got: ${showTyped(u.value)}`,
  );
}

function findUnknown(at: string, value: unknown, kind: Kind, extra: readonly string[]): UnknownProp[] {
  const found: UnknownProp[] = [];
  walk(at, value, kind, extra, found);
  return found;
}

function walk(at: string, value: unknown, kind: Kind, extra: readonly string[], found: UnknownProp[]): void {
  if (typeof kind === 'string' || 'like' in kind) return;
  if ('list' in kind && typeof kind.list === 'object') {
    if (Array.isArray(value)) value.forEach((v, i) => walk(`${at}[${i}]`, v, kind.list as Shape, [], found));
    return;
  }
  if (!isObject(value) || Object.getPrototypeOf(value) !== Object.prototype) return;
  const shape = kind as Shape;
  for (const key of Object.keys(value)) {
    if (Object.prototype.hasOwnProperty.call(shape, key)) {
      // Every distribution's props come here: a path is built only where a struct is looked into.
      const inner = shape[key];
      if (typeof inner !== 'string' && !('like' in inner)) {
        walk(at ? `${at}.${key}` : key, value[key], inner, [], found);
      }
    } else if (!extra.includes(key) && value[key] !== undefined) {
      const near = nearest(key, shape);
      found.push({
        path: at ? `${at}.${key}` : key,
        near: near && (at ? `${at}.${near}` : near),
        value: value[key],
      });
    }
  }
}

import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * What this library hands to aws-cdk-lib's L1 constructs, in the form that synthesizes fastest,
 * and what it reads back from them.
 */

/**
 * `value` without the keys whose value is `undefined`, in every plain object and list it holds
 * (tokens, Durations and other class instances are left as they are).
 *
 * aws-cdk-lib resolves a resource's properties key by key, an absent (`undefined`) key as much as
 * a present one, in each of its passes (references, the template, the tree): the rendering
 * functions spell out every property of a config for clarity, most of them usually absent, and
 * leaving those keys in made `app.synth()` about a fifth slower for hundreds of distributions
 * (measured by `npm run bench`).
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) {
    // Lists of names and numbers, the most common, are kept as they are.
    return value.some((v) => typeof v === 'object' && v !== null) ? (value.map(compact) as T) : value;
  }
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return value;
  }
  const out: Record<string, unknown> = {};
  const from = value as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    const v = from[key];
    if (v !== undefined) out[key] = compact(v);
  }
  return out as T;
}

/** What `resolvedProperty` has resolved, by the value the L1 held. */
const resolvedValues = new WeakMap<object, unknown>();

/**
 * The plain value of a property `held` by the L1 `cfn` (aws-cdk-lib keeps L1 properties in a
 * wrapper; resolving gives the plain value). A bucket's settings are read for each of the
 * hundreds of distributions that may use it, so each value is resolved once, and again only when
 * the L1's property is replaced.
 */
export function resolvedProperty(cfn: CfnResource, held: unknown): unknown {
  if (typeof held !== 'object' || held === null) return Stack.of(cfn).resolve(held);
  if (!resolvedValues.has(held)) resolvedValues.set(held, Stack.of(cfn).resolve(held));
  return resolvedValues.get(held);
}

/**
 * `value`, or `undefined` where it equals CloudFormation's default `cfnDefault` (`CFN_DEFAULTS`):
 * the field is then left out of the template, which deploys the same. Lists of names are compared
 * as sets (CloudFront treats `AllowedMethods` as one); a deploy-time value never equals a default.
 */
export function unlessDefault<T>(value: T, cfnDefault: unknown): T | undefined {
  if (Array.isArray(value) && Array.isArray(cfnDefault)) {
    return value.length === cfnDefault.length && cfnDefault.every((d) => value.includes(d))
      ? undefined
      : value;
  }
  return value === cfnDefault ? undefined : value;
}

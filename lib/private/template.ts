/**
 * What this library hands to aws-cdk-lib's L1 constructs, in the form that synthesizes fastest.
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

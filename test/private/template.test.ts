import {
  Duration,
  IResolvable,
  IResolveContext,
  Lazy,
  Stack,
  Token,
  aws_cloudfront as cloudfront,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Distribution } from '../../lib';
import { compact, resolvedProperty } from '../../lib/private/template';

/** Every path in `value` (plain objects and lists) whose value is `undefined`. */
function undefinedKeys(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => undefinedKeys(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
    return [];
  }
  return Object.entries(value).flatMap(([k, v]) =>
    v === undefined ? [`${at}.${k}`] : undefinedKeys(v, `${at}.${k}`),
  );
}

describe('compact', () => {
  test('drops undefined keys at every depth, in objects within lists', () => {
    expect(
      compact({ a: 1, b: undefined, c: { d: undefined, e: [{ f: undefined, g: 'x' }] }, h: [] }),
    ).toEqual({ a: 1, c: { e: [{ g: 'x' }] }, h: [] });
    expect(Object.keys(compact({ a: undefined, b: null }) as object)).toEqual(['b']);
  });

  test('leaves tokens, Durations and other class instances as they are', () => {
    const lazy = Lazy.any({ produce: () => ({ x: undefined }) });
    const duration = Duration.seconds(5);
    const token = Token.asString(lazy);
    const out = compact({ lazy, duration, token, list: [lazy] });
    expect(out.lazy).toBe(lazy);
    expect(out.duration).toBe(duration);
    expect(out.token).toBe(token);
    expect(out.list[0]).toBe(lazy);
  });

  test('keeps falsy values that are not undefined', () => {
    expect(compact({ a: 0, b: false, c: '', d: null })).toEqual({ a: 0, b: false, c: '', d: null });
  });
});

test("a distribution hands its L1 a config without undefined keys, its lazy lists' included", () => {
  const stack = new Stack();
  const d = new Distribution(stack, 'Www', {
    name: 'www.example.com',
    origins: [{ name: 'www', domainName: 'backend.example.com' }],
    defaultCacheBehavior: { targetOrigin: 'www' },
    behaviors: [{ pathPattern: '/api/*', targetOrigin: 'www' }],
  });
  const config = (d.node.defaultChild as cloudfront.CfnDistribution).distributionConfig;
  expect(undefinedKeys(config)).toEqual([]);
  const resolved = stack.resolve(config) as { origins: unknown[]; cacheBehaviors: unknown[] };
  expect(resolved.origins).toHaveLength(1);
  expect(resolved.cacheBehaviors).toHaveLength(1);
  // The lazy lists produce compacted objects too: resolve keeps undefined keys it is given.
  const lazies = config as unknown as Record<string, unknown>;
  for (const key of ['origins', 'cacheBehaviors']) {
    const context = { scope: stack, preparing: false, documentPath: [] } as unknown as IResolveContext;
    const produced = (lazies[key] as IResolvable).resolve(context);
    expect(undefinedKeys(produced)).toEqual([]);
  }
});

describe('resolvedProperty', () => {
  test("gives an L1 property's plain value, and the new one when the property is replaced", () => {
    const stack = new Stack();
    const bucket = new s3.Bucket(stack, 'Bucket', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER });
    const cfn = bucket.node.defaultChild as s3.CfnBucket;
    expect(resolvedProperty(cfn, cfn.ownershipControls)).toEqual({
      rules: [{ objectOwnership: 'ObjectWriter' }],
    });
    cfn.ownershipControls = { rules: [{ objectOwnership: 'BucketOwnerEnforced' }] };
    expect(resolvedProperty(cfn, cfn.ownershipControls)).toEqual({
      rules: [{ objectOwnership: 'BucketOwnerEnforced' }],
    });
  });

  test('resolves each held value once', () => {
    const stack = new Stack();
    const cfn = new s3.Bucket(stack, 'Bucket').node.defaultChild as s3.CfnBucket;
    let produced = 0;
    const held = { value: Lazy.string({ produce: () => `v${++produced}` }) };
    expect(resolvedProperty(cfn, held)).toEqual({ value: 'v1' });
    expect(resolvedProperty(cfn, held)).toEqual({ value: 'v1' });
    expect(resolvedProperty(cfn, undefined)).toBeUndefined();
  });
});

import {
  App,
  CfnParameter,
  Duration,
  Fn,
  Lazy,
  Stack,
  Token,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_kinesis as kinesis,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as fc from 'fast-check';
import { schemaErrors } from './cfn-schema';
import { ENV } from './helpers';
import { AccessLogDestination, Distribution, DistributionProps, SslCertificate } from '../lib';

// Property-based tests: seeded, and bounded to a few seconds.
const RUNS = { seed: Number(process.env.FC_SEED ?? 20261125), numRuns: Number(process.env.FC_RUNS ?? 150) };

/** A configuration as plain data (TTLs in seconds, `bucket: true` for an S3 origin), easy to mutate. */
type Spec = Record<string, any>;

const HOSTS = ['backend.example.com', 'api.example.org', 'origin-1.internal.example.net', 'a.b'];
const PORTS = [80, 443, 1024, 8080, 8443, 65535];
const METHOD_SETS = [
  { allowed: ['GET', 'HEAD'], cached: [['GET', 'HEAD']] },
  {
    allowed: ['GET', 'HEAD', 'OPTIONS'],
    cached: [
      ['GET', 'HEAD'],
      ['GET', 'HEAD', 'OPTIONS'],
    ],
  },
  {
    allowed: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    cached: [
      ['GET', 'HEAD'],
      ['OPTIONS', 'GET', 'HEAD'],
    ],
  },
];
const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];

const name = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const ttls = fc
  .tuple(fc.nat(1000), fc.nat(100000), fc.nat(40000000))
  .map((t) => [...t].sort((a, b) => a - b))
  .map(([minTtl, defaultTtl, maxTtl]) => ({ minTtl, defaultTtl, maxTtl }));

const customOrigin = fc.record(
  {
    domainName: fc.constantFrom(...HOSTS),
    httpPort: fc.constantFrom(...PORTS),
    httpsPort: fc.constantFrom(...PORTS),
    protocol: fc.constantFrom(...Object.values(cloudfront.OriginProtocolPolicy)),
    sslPolicy: fc.subarray(['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'], { minLength: 1 }),
    ipAddressType: fc.constantFrom(...Object.values(cloudfront.OriginIpAddressType)),
  },
  { requiredKeys: ['domainName'] },
);
const s3Origin = fc.constant({ bucket: true });

function behavior(originNames: string[]) {
  return (
    fc
      .record(
        {
          targetOrigin: fc.constantFrom(...originNames),
          forwardQueryString: fc.boolean(),
          forwardHeaders: fc.oneof(
            fc.constant(['*']),
            fc.uniqueArray(fc.constantFrom('Host', 'Accept', 'Authorization', 'X-Id')),
          ),
          forwardCookies: fc.oneof(
            fc.constant(['*']),
            fc.uniqueArray(fc.constantFrom('session', 'lang', 'ab')),
          ),
          viewerProtocolPolicy: fc.constantFrom(...Object.values(cloudfront.ViewerProtocolPolicy)),
          ttls,
          methods: fc
            .constantFrom(...METHOD_SETS)
            .chain((m) => fc.constantFrom(...m.cached).map((cached) => ({ allowed: m.allowed, cached }))),
          smoothStreaming: fc.boolean(),
          compress: fc.boolean(),
        },
        { requiredKeys: ['targetOrigin'] },
      )
      // CloudFront requires MinTTL 0 when every header is forwarded.
      .map(({ ttls: t, methods, ...rest }) => ({
        ...rest,
        ...(t && rest.forwardHeaders?.[0] === '*' ? { ...t, minTtl: 0 } : (t ?? {})),
        ...(methods ? { allowedMethods: methods.allowed, cachedMethods: methods.cached } : {}),
      }))
  );
}

const errorResponse = fc
  .record({
    errorCode: fc.constantFrom(...ERROR_CODES),
    page: fc.option(
      fc.record({
        responsePagePath: fc.constantFrom('/503.html', '/errors/404.html'),
        responseCode: fc.option(fc.constantFrom(200, ...ERROR_CODES), { nil: undefined }),
      }),
      { nil: undefined },
    ),
    minTtl: fc.option(fc.nat(3600), { nil: undefined }),
  })
  .map(({ page, ...rest }) => ({ ...rest, ...(page ?? {}) }));

/** A random valid configuration. */
const validSpec: fc.Arbitrary<Spec> = fc
  .uniqueArray(name, { minLength: 1, maxLength: 4 })
  .chain((names) =>
    fc.record(
      {
        name: fc.constantFrom('www.example.com', 'example.com', 'cdn.example.org'),
        comment: fc.string({ maxLength: 128 }),
        certificate: fc.boolean(),
        aliases: fc.uniqueArray(fc.constantFrom('a.example.com', 'b.example.com', '*.example.net'), {
          maxLength: 3,
        }),
        rootObject: fc.constantFrom('/', '/index.html', 'home.html'),
        enabled: fc.boolean(),
        priceClass: fc.constantFrom(...Object.values(cloudfront.PriceClass)),
        origins: fc.tuple(
          ...names.map((n) => fc.oneof(customOrigin, s3Origin).map((o) => ({ name: n, ...o }))),
        ),
        defaultCacheBehavior: behavior(names),
        behaviors: fc.uniqueArray(
          fc
            .tuple(fc.constantFrom('/api/*', '/static/*', '*.jpg', '/a?c', 'images/*'), behavior(names))
            .map(([p, b]) => ({ pathPattern: p, ...b })),
          { maxLength: 3, selector: (b) => b.pathPattern },
        ),
        errorResponses: fc.uniqueArray(errorResponse, { maxLength: 3, selector: (e) => e.errorCode }),
        logging: fc.record(
          { enabled: fc.boolean(), includeCookies: fc.boolean(), path: fc.constantFrom('cdn/', 'logs/www/') },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['name', 'origins', 'defaultCacheBehavior'] },
    ),
  )
  .map((spec) => (spec.certificate ? spec : { ...spec, aliases: undefined }))
  .map(withoutHostToS3);

/**
 * The spec without the viewer's Host header (`Host` or `*`) in behaviours to an S3 origin,
 * which refuses it: forwarding it there is invalid.
 */
function withoutHostToS3(spec: Spec): Spec {
  const s3Names = (spec.origins as Spec[]).filter((o) => o.bucket).map((o) => o.name);
  const fix = (b: Spec) =>
    s3Names.includes(b.targetOrigin) && Array.isArray(b.forwardHeaders)
      ? { ...b, forwardHeaders: b.forwardHeaders.filter((h: string) => h !== 'Host' && h !== '*') }
      : b;
  return {
    ...spec,
    defaultCacheBehavior: fix(spec.defaultCacheBehavior),
    behaviors: spec.behaviors?.map(fix),
  };
}

/** `value` when it is a list. */
function list(value: unknown): any[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

function toProps(spec: Spec, stack: Stack): DistributionProps {
  const seconds = (n: unknown) =>
    typeof n === 'number' && n >= 0
      ? Duration.seconds(n)
      : n === '__deploy_time__'
        ? '__deploy_time_seconds__'
        : (n as Duration | undefined);
  const behaviorProps = (b: Spec) =>
    b &&
    typeof b === 'object' && {
      ...b,
      minTtl: seconds(b.minTtl),
      defaultTtl: seconds(b.defaultTtl),
      maxTtl: seconds(b.maxTtl),
    };
  const { certificate, ...rest } = spec;
  return {
    ...rest,
    sslCertificate: certificate ? SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE') : undefined,
    // A mutation may leave any prop of another type: only lists are mapped.
    origins:
      list(spec.origins)?.map((o: Spec, i: number) =>
        o?.bucket === true ? { ...o, bucket: new s3.Bucket(stack, `Bucket${i}`) } : o,
      ) ?? spec.origins,
    defaultCacheBehavior: behaviorProps(spec.defaultCacheBehavior),
    behaviors: list(spec.behaviors)?.map(behaviorProps) ?? spec.behaviors,
    errorResponses:
      list(spec.errorResponses)?.map((e: Spec) => e && { ...e, minTtl: seconds(e.minTtl) }) ??
      spec.errorResponses,
  } as DistributionProps;
}

function newStack(): Stack {
  return new Stack(new App(), 'Stack', { env: ENV });
}

/** The places in a spec a mutation can change: every leaf, by path. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) {
    const inner = value.flatMap((v, i) => leaves(v, [...path, i]));
    return [path, ...inner];
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

function setAt(spec: Spec, path: (string | number)[], value: unknown): Spec {
  const copy = structuredClone(spec);
  let node: any = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  node[path[path.length - 1]] = value;
  return copy;
}

/** Values at and just past CloudFront's limits, and the classic mistakes. */
const EDGE_STRINGS = [
  '',
  ' ',
  '*',
  '/',
  '/*',
  'x',
  'TLSv1.1_2016',
  'allow-some',
  'GET',
  'get',
  'https://a.example.com',
  'a..b',
  '-a.com',
  'A.Example.com',
  'index.html?x',
  '/cdn',
  'x\ny',
  'a'.repeat(128),
  'a'.repeat(129),
  `/${'a'.repeat(254)}`,
  `/${'a'.repeat(255)}`,
];
const EDGE_NUMBERS = [
  0,
  1,
  3,
  4,
  10,
  11,
  60,
  61,
  79,
  81,
  180,
  181,
  200,
  302,
  418,
  1023,
  1024,
  65535,
  65536,
  1.5,
  2 ** 63,
  1e21,
];

/** A value of the same kind as the one it replaces: what a typed language lets through. */
function replacement(old: unknown, optional: boolean): fc.Arbitrary<unknown> {
  const strings = fc.oneof(fc.constantFrom(...EDGE_STRINGS), fc.string({ maxLength: 300 }));
  const numbers = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer({ min: 0, max: 70000 }));
  const lists = (element: fc.Arbitrary<unknown>) =>
    fc.oneof(
      fc.array(element, { maxLength: 8 }),
      fc.constant([]),
      // At and past the quotas on names per behaviour (10), aliases (100) and tags (50).
      fc
        .constantFrom(10, 11, 50, 100, 101)
        .map((n) => Array.from({ length: n }, (_, i) => `n${i}.example.com`)),
    );
  const or = (a: fc.Arbitrary<unknown>) => (optional ? fc.oneof(a, fc.constant(undefined)) : a);
  if (typeof old === 'string') return or(strings);
  if (typeof old === 'number') return or(numbers);
  if (typeof old === 'boolean') return or(fc.boolean());
  if (Array.isArray(old) && old.some((v) => typeof v === 'object')) return or(fc.constant([]));
  if (Array.isArray(old)) return or(lists(strings));
  return fc.constant(undefined);
}

/** A value of another type: what plain JavaScript lets through. */
const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, 5, '5', 'true', true, [], ['x'], {}, { a: 1 });

/** Lists of structs: no deploy-time value can stand for one. */
const STRUCT_LISTS = ['origins', 'behaviors', 'errorResponses', 'originGroups'];

/** A value known only at deploy time, of the kind of the one it replaces. */
function deployTime(old: unknown, stack: Stack, i: number): unknown {
  if (typeof old === 'number') {
    return i % 2 ? Lazy.number({ produce: () => old }) : Token.asNumber(Fn.importValue('N'));
  }
  if (Array.isArray(old)) {
    return i % 2 ? Lazy.list({ produce: () => old }) : Fn.split(',', Fn.importValue('L'));
  }
  if (typeof old === 'string') {
    return [
      Lazy.string({ produce: () => old }),
      new CfnParameter(stack, `P${i}`, { type: 'String' }).valueAsString,
      Fn.importValue('S'),
      '{{resolve:ssm:/param}}',
    ][i % 4];
  }
  return old;
}

/** The value at `path` of a spec. */
function at(spec: Spec, path: (string | number)[]): any {
  let node: any = spec;
  for (const key of path) node = node?.[key];
  return node;
}

/** The places a mutation may change: every leaf but the S3 marker and the certificate flag. */
function mutable(spec: Spec): (string | number)[][] {
  return leaves(spec).filter(
    (p) => p.length > 0 && !['bucket', 'certificate'].includes(String(p[p.length - 1])),
  );
}

const mutated: fc.Arbitrary<Spec> = validSpec.chain((spec) =>
  fc.constantFrom(...mutable(spec)).chain((path) => {
    // An element of a list is never undefined in a typed language; a prop may be left out.
    const inList = typeof path[path.length - 1] === 'number';
    return fc
      .oneof(
        { weight: 3, arbitrary: replacement(at(spec, path), !inList) },
        { weight: 1, arbitrary: wrongType },
      )
      .map((value) => setAt(spec, path, value));
  }),
);

describe('property-based', () => {
  test('random valid configurations synthesize to schema-valid templates', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const stack = newStack();
        new Distribution(stack, 'Www', toProps(spec, stack));
        // Template.fromStack checks the schema too (test/setup-schema.ts); this says it outright.
        expect(schemaErrors(Template.fromStack(stack).toJSON())).toEqual([]);
      }),
      RUNS,
    );
  });

  test('random mutations synthesize to schema-valid templates or fail with our own errors, never a TypeError', () => {
    let rejected = 0;
    fc.assert(
      fc.property(mutated, (spec) => {
        const stack = newStack();
        let distribution: Distribution | undefined;
        try {
          distribution = new Distribution(stack, 'Www', toProps(spec, stack));
        } catch (e) {
          // A crash from deep inside is a defect: rethrown, so its stack shows where.
          if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) throw e;
          // Our own format: a header naming the construct, then every line names a prop path.
          const [header, ...lines] = (e as Error).message.split('\n');
          expect(header).toBe(
            `Distribution Stack/Www has ${lines.length === 1 ? '1 problem' : `${lines.length} problems`}:`,
          );
          for (const line of lines) {
            expect(line).toMatch(/^`[A-Za-z0-9_.[\]]+` .+; got: /);
          }
          rejected++;
          return;
        }
        expect(distribution).toBeDefined();
        expect(schemaErrors(Template.fromStack(stack).toJSON())).toEqual([]);
      }),
      RUNS,
    );
    // The mutations are not all harmless: many are caught.
    expect(rejected).toBeGreaterThan(RUNS.numRuns / 4);
  });

  test('a deploy-time value in any field of a valid configuration is never judged', () => {
    const withDeployTime = validSpec.chain((spec) =>
      fc.tuple(
        fc.constant(spec),
        fc.constantFrom(
          ...mutable(spec).filter(
            (p) =>
              at(spec, p) !== undefined &&
              typeof at(spec, p) !== 'boolean' &&
              !STRUCT_LISTS.includes(String(p[p.length - 1])),
          ),
        ),
        fc.nat(3),
      ),
    );
    fc.assert(
      fc.property(withDeployTime, ([spec, path, i]) => {
        const stack = newStack();
        const props = toProps(setAt(spec, path, '__deploy_time__'), stack);
        new Distribution(stack, 'Www', replaceMarker(props, deployTime(at(spec, path), stack, i)));
        expect(schemaErrors(Template.fromStack(stack).toJSON())).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** `props` with the marker `__deploy_time__` (in place or as a TTL's seconds) replaced by `value`. */
function replaceMarker(props: any, value: unknown): any {
  if (props === '__deploy_time__') return value;
  if (props === '__deploy_time_seconds__') return Duration.seconds(value as number);
  if (props instanceof Duration) return props;
  if (Array.isArray(props)) return props.map((p) => replaceMarker(p, value));
  // Plain objects only (structuredClone's come from another realm): not buckets nor certificates.
  if (props && typeof props === 'object' && Object.getPrototypeOf(props)?.constructor?.name === 'Object') {
    return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, replaceMarker(v, value)]));
  }
  return props;
}

describe('property-based: the bridge', () => {
  // Random legacy behaviours rendered through the bridge (legacyCacheSettings: false) give
  // schema-valid distributions, and policies CloudFront takes: TTLs in order, nothing in the key
  // of a policy that disables caching, names of at most 128 characters of its set.
  test('random legacy behaviours give valid cache and origin request policies', () => {
    fc.assert(
      fc.property(validSpec, (spec) => {
        const stack = newStack();
        const props = toProps(spec, stack);
        const strip = (b: any) =>
          b && { ...b, forwardHeaders: b.forwardHeaders?.filter((h: string) => h !== 'Authorization') };
        new Distribution(stack, 'Www', {
          ...props,
          legacyCacheSettings: false,
          defaultCacheBehavior: strip(props.defaultCacheBehavior),
          behaviors: props.behaviors?.map(strip),
        });
        const template = Template.fromStack(stack);
        for (const resource of Object.values(template.findResources('AWS::CloudFront::CachePolicy'))) {
          const c = resource.Properties.CachePolicyConfig;
          expect(c.MinTTL).toBeLessThanOrEqual(c.DefaultTTL);
          expect(c.DefaultTTL).toBeLessThanOrEqual(c.MaxTTL);
          expect(c.MaxTTL).toBeGreaterThan(0);
          expect(c.Name).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
          const key = c.ParametersInCacheKeyAndForwardedToOrigin;
          expect(['all', 'none']).toContain(key.QueryStringsConfig.QueryStringBehavior);
          expect((key.HeadersConfig.Headers ?? []).length).toBeLessThanOrEqual(10);
        }
        for (const resource of Object.values(
          template.findResources('AWS::CloudFront::OriginRequestPolicy'),
        )) {
          const c = resource.Properties.OriginRequestPolicyConfig;
          expect(c.Name).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
          expect(c.HeadersConfig.Headers ?? []).not.toContain('authorization');
        }
        const config = template.findResources('AWS::CloudFront::Distribution');
        for (const d of Object.values(config)) {
          for (const b of [
            d.Properties.DistributionConfig.DefaultCacheBehavior,
            ...(d.Properties.DistributionConfig.CacheBehaviors ?? []),
          ]) {
            expect(b.ForwardedValues).toBeUndefined();
            expect(b.CachePolicyId).toBeDefined();
          }
        }
      }),
      RUNS,
    );
  });
});

describe('property-based: placement across stacks, Regions and accounts', () => {
  // The construct-typed props of a configuration placed as real apps place them: in the
  // distribution's stack, another stack of its environment, another Region, another account, or
  // an environment-agnostic stack, with S3 origins of every kind and origin names known only at
  // deploy time. Each app synthesizes, or the distribution refuses it in our own format, naming
  // the prop: never aws-cdk-lib's cycle or cross-environment error, never a TypeError.
  const ENVS: Record<string, { account: string; region: string } | undefined> = {
    same: ENV,
    region: { ...ENV, region: 'eu-west-1' },
    account: { account: '222222222222', region: 'us-east-1' },
    agnostic: undefined,
  };
  const placement = fc.record({
    distributionEnv: fc.constantFrom('same', 'agnostic'),
    resourcesIn: fc.constantFrom('here', 'same', 'region', 'account', 'agnostic'),
    origin: fc.constantFrom('bucket', 'oac', 'oai', 'defaults', 'website', 'http'),
    tokenName: fc.boolean(),
    realtimeLogConfig: fc.boolean(),
    keyGroup: fc.boolean(),
    accessLogs: fc.boolean(),
  });
  const PUBLIC_KEY = [
    '-----BEGIN PUBLIC KEY-----',
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAudf8/iNkQgdvjEdm6xYS',
    '-----END PUBLIC KEY-----',
  ].join('\n');

  test('every placement synthesizes or is refused naming the prop', () => {
    fc.assert(
      fc.property(placement, (p) => {
        const app = new App();
        const cdn = new Stack(app, 'Cdn', { env: ENVS[p.distributionEnv] });
        const shared =
          p.resourcesIn === 'here' ? cdn : new Stack(app, 'Shared', { env: ENVS[p.resourcesIn] });
        const bucket = new s3.Bucket(shared, 'Assets', {
          websiteIndexDocument: p.origin === 'website' ? 'index.html' : undefined,
        });
        const originName = p.tokenName ? new CfnParameter(cdn, 'OriginName').valueAsString : 'assets';
        const cdkOrigin = {
          bucket: undefined,
          oac: () => origins.S3BucketOrigin.withOriginAccessControl(bucket),
          oai: () => origins.S3BucketOrigin.withOriginAccessIdentity(bucket),
          defaults: () => origins.S3BucketOrigin.withBucketDefaults(bucket),
          website: () => new origins.S3StaticWebsiteOrigin(bucket),
          http: () => new origins.HttpOrigin(bucket.bucketRegionalDomainName),
        }[p.origin];
        const props: DistributionProps = {
          name: 'www.example.com',
          origins: [cdkOrigin ? { name: originName, cdkOrigin: cdkOrigin() } : { name: originName, bucket }],
          defaultCacheBehavior: {
            targetOrigin: originName,
            realtimeLogConfig: p.realtimeLogConfig
              ? new cloudfront.RealtimeLogConfig(shared, 'Realtime', {
                  fields: ['timestamp'],
                  samplingRate: 100,
                  endPoints: [cloudfront.Endpoint.fromKinesisStream(new kinesis.Stream(shared, 'Stream'))],
                })
              : undefined,
            trustedKeyGroups: p.keyGroup
              ? [
                  new cloudfront.KeyGroup(shared, 'Keys', {
                    items: [new cloudfront.PublicKey(shared, 'Key', { encodedKey: PUBLIC_KEY })],
                  }),
                ]
              : undefined,
          },
          accessLogs: p.accessLogs
            ? { destination: AccessLogDestination.bucket(new s3.Bucket(shared, 'Logs')) }
            : undefined,
        };
        try {
          new Distribution(cdn, 'Www', props);
        } catch (e) {
          if (!(e instanceof Error) || e instanceof TypeError || e instanceof RangeError) throw e;
          const [header, ...lines] = e.message.split('\n');
          expect(header).toBe(
            `Distribution Cdn/Www has ${lines.length === 1 ? '1 problem' : `${lines.length} problems`}:`,
          );
          for (const line of lines) expect(line).toMatch(/^`[A-Za-z0-9_.[\]]+` .+; got: /);
          return;
        }
        const assembly = app.synth();
        for (const stack of assembly.stacks) expect(schemaErrors(stack.template)).toEqual([]);
      }),
      { ...RUNS, numRuns: Math.min(RUNS.numRuns, 80) },
    );
  });
});

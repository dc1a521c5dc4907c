/**
 * The four ways the benchmark builds N distributions of one realistic configuration:
 * 3 origins of which one S3 (a bucket shared by up to 100 distributions: about 300 fit one
 * bucket policy), 5 behaviours, 3 error responses, logging, a certificate with 3 aliases.
 *
 * - `ours`: this library's Distribution;
 * - `floor`: the same template written by hand as typed L1s, wiring included: the
 *   DistributionConfig as a CfnDistribution, one CfnOriginAccessControl per 100 distributions of a
 *   stack that their S3 origins name, and one CfnBucketPolicy per bucket whose one statement lists
 *   the ARNs of the distributions reading it (what this library renders for them);
 * - `bare`: the DistributionConfig alone, as a bare CfnDistribution: no Origin Access Control, no
 *   bucket policy (its OriginAccessControlId is a literal), which no correct library can match;
 * - `cdk`: aws-cdk-lib's Distribution, configured as closely as it can be (it has no
 *   ForwardedValues, so its behaviours use the managed CachingOptimized policy), each with its
 *   own `S3BucketOrigin.withOriginAccessControl` as its documentation shows.
 *
 * Two layouts: every distribution in one stack (`one-stack`), or 50 to a stack (`per-stack`);
 * the buckets (assets and logs) are user code, the same for all kinds.
 */
import {
  App,
  ArnFormat,
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Distribution, SslCertificate } from '../lib';

export type Kind = 'ours' | 'floor' | 'bare' | 'cdk';
export const KINDS: Kind[] = ['ours', 'floor', 'bare', 'cdk'];
export type Layout = 'one-stack' | 'per-stack';
export const LAYOUTS: Layout[] = ['one-stack', 'per-stack'];

const ENV = { account: '111111111111', region: 'us-east-1' };
const PER_STACK = 50;
const CERT_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';
const PATHS = ['/api/*', '/static/*', '/images/*', '/search*', '/admin/*'];
const ERRORS = [403, 404, 503];

/** How many distributions share one assets bucket. */
const PER_BUCKET = 100;

interface Shared {
  /** The assets bucket of distribution `i`. */
  readonly assets: (i: number) => s3.IBucket;
  readonly logs: s3.IBucket;
  readonly certificate: acm.ICertificate;
  /** For `floor`: the stack's Origin Access Controls, one per 100 distributions. */
  readonly accessControls: cloudfront.CfnOriginAccessControl[];
  /** For `floor`: how many distributions of the stack use Origin Access Control. */
  users: number;
  /** For `floor`: the ARNs each bucket's policy statement lists, by bucket. */
  readonly readers: Map<s3.IBucket, string[]>;
}

function shared(stack: Stack): Shared {
  const buckets = new Map<number, s3.IBucket>();
  return {
    assets: (i) => {
      const n = Math.floor(i / PER_BUCKET);
      if (!buckets.has(n)) buckets.set(n, new s3.Bucket(stack, `Assets${n}`));
      return buckets.get(n)!;
    },
    logs: new s3.Bucket(stack, 'Logs', { objectOwnership: s3.ObjectOwnership.OBJECT_WRITER }),
    certificate: acm.Certificate.fromCertificateArn(stack, 'Certificate', CERT_ARN),
    readers: new Map(),
    accessControls: [],
    users: 0,
  };
}

function aliases(i: number): string[] {
  return [`a${i}.example.com`, `b${i}.example.com`, `c${i}.example.com`];
}

function ours(stack: Stack, i: number, s: Shared): void {
  const bucket = s.assets(i);
  new Distribution(stack, `Www${i}`, {
    name: `www${i}.example.com`,
    aliases: aliases(i),
    sslCertificate: SslCertificate.fromAcmCertificate(s.certificate),
    origins: [
      { name: 'assets', bucket },
      { name: 'api', domainName: `api${i}.example.com` },
      { name: 'app', domainName: `app${i}.example.com` },
    ],
    defaultCacheBehavior: { targetOrigin: 'app', forwardCookies: ['session'] },
    behaviors: PATHS.map((pathPattern, j) => ({
      pathPattern,
      targetOrigin: ['api', 'assets', 'assets', 'api', 'app'][j],
      forwardQueryString: j !== 1,
      defaultTtl: Duration.minutes(j + 1),
    })),
    errorResponses: ERRORS.map((errorCode) => ({
      errorCode,
      responsePagePath: `/static/errors/${errorCode}.html`,
    })),
    logging: { enabled: true, bucket: s.logs, path: `www${i}/` },
  });
}

function forwarded(
  cookies: string[],
  queryString: boolean,
): cloudfront.CfnDistribution.ForwardedValuesProperty {
  return {
    queryString,
    cookies: cookies.length ? { forward: 'whitelist', whitelistedNames: cookies } : { forward: 'none' },
  };
}

function bare(
  stack: Stack,
  i: number,
  s: Shared,
  accessControlId = 'E2QWRUHAPOMQZL',
): cloudfront.CfnDistribution {
  const bucket = s.assets(i);
  // What this library renders: no value that is CloudFormation's default.
  const custom = { originProtocolPolicy: 'https-only', originSslProtocols: ['TLSv1.2'] };
  const behavior = (
    targetOriginId: string,
    fv: cloudfront.CfnDistribution.ForwardedValuesProperty,
    defaultTtl?: number,
  ) => ({
    targetOriginId,
    viewerProtocolPolicy: 'redirect-to-https',
    forwardedValues: fv,
    defaultTtl,
    compress: true,
  });
  return new cloudfront.CfnDistribution(stack, `Www${i}`, {
    distributionConfig: {
      comment: `www${i}.example.com`,
      aliases: [`www${i}.example.com`, ...aliases(i)],
      enabled: true,
      origins: [
        {
          id: 'assets',
          domainName: bucket.bucketRegionalDomainName,
          s3OriginConfig: { originAccessIdentity: '' },
          originAccessControlId: accessControlId,
        },
        ...['api', 'app'].map((id) => ({
          id,
          domainName: `${id}${i}.example.com`,
          customOriginConfig: custom,
        })),
      ],
      defaultCacheBehavior: behavior('app', forwarded(['session'], true)),
      cacheBehaviors: PATHS.map((pathPattern, j) => ({
        pathPattern,
        ...behavior(['api', 'assets', 'assets', 'api', 'app'][j], forwarded([], j !== 1), (j + 1) * 60),
      })),
      customErrorResponses: ERRORS.map((errorCode) => ({
        errorCode,
        responsePagePath: `/static/errors/${errorCode}.html`,
        responseCode: errorCode,
        errorCachingMinTtl: 10,
      })),
      logging: { bucket: s.logs.bucketRegionalDomainName, prefix: `www${i}/` },
      priceClass: 'PriceClass_100',
      viewerCertificate: {
        acmCertificateArn: CERT_ARN,
        sslSupportMethod: 'sni-only',
        minimumProtocolVersion: 'TLSv1.2_2021',
      },
      httpVersion: 'http2and3',
      ipv6Enabled: true,
    },
  });
}

function floor(stack: Stack, i: number, s: Shared): void {
  // One Origin Access Control per 100 distributions: CloudFront's quota.
  if (s.users % 100 === 0) {
    const n = s.accessControls.length;
    s.accessControls.push(
      new cloudfront.CfnOriginAccessControl(stack, `AccessControl${n}`, {
        originAccessControlConfig: {
          name: `${stack.stackName}-s3-${n}`,
          originAccessControlOriginType: 's3',
          signingBehavior: 'always',
          signingProtocol: 'sigv4',
        },
      }),
    );
  }
  s.users++;
  const distribution = bare(stack, i, s, s.accessControls[s.accessControls.length - 1].attrId);
  const bucket = s.assets(i);
  let arns = s.readers.get(bucket);
  if (!arns) {
    arns = [];
    s.readers.set(bucket, arns);
    new s3.CfnBucketPolicy(stack, `${bucket.node.id}Policy`, {
      bucket: bucket.bucketName,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Resource: bucket.arnForObjects('*'),
            // The list grows as distributions are added: the L1 holds this array until synth.
            Condition: { StringEquals: { 'AWS:SourceArn': arns } },
          },
        ],
      },
    });
  }
  arns.push(
    stack.formatArn({
      service: 'cloudfront',
      region: '',
      resource: 'distribution',
      resourceName: distribution.ref,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    }),
  );
}

function cdk(stack: Stack, i: number, s: Shared): void {
  const assets = origins.S3BucketOrigin.withOriginAccessControl(s.assets(i));
  const api = new origins.HttpOrigin(`api${i}.example.com`, {
    originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
  });
  const app = new origins.HttpOrigin(`app${i}.example.com`, {
    originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
  });
  const targets = [api, assets, assets, api, app];
  new cloudfront.Distribution(stack, `Www${i}`, {
    comment: `www${i}.example.com`,
    domainNames: [`www${i}.example.com`, ...aliases(i)],
    certificate: s.certificate,
    minimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
    priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
    defaultBehavior: { origin: app, viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
    additionalBehaviors: Object.fromEntries(
      PATHS.map((p, j) => [
        p,
        { origin: targets[j], viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS },
      ]),
    ),
    errorResponses: ERRORS.map((httpStatus) => ({
      httpStatus,
      responseHttpStatus: httpStatus,
      responsePagePath: `/static/errors/${httpStatus}.html`,
      ttl: Duration.seconds(10),
    })),
    enableLogging: true,
    logBucket: s.logs,
    logFilePrefix: `www${i}/`,
  });
}

const BUILDERS: Record<Kind, (stack: Stack, i: number, s: Shared) => void> = { ours, floor, bare, cdk };

/** An app with `count` distributions of one kind: all in one stack, or 50 to a stack. */
export function buildApp(kind: Kind, layout: Layout, count: number, outdir: string): App {
  const app = new App({ outdir });
  const perStack = layout === 'one-stack' ? Infinity : PER_STACK;
  let stack: Stack | undefined;
  let s: Shared | undefined;
  for (let i = 0; i < count; i++) {
    if (i % perStack === 0) {
      stack = new Stack(app, `Cdn${Math.floor(i / perStack)}`, { env: ENV });
      s = shared(stack);
    }
    BUILDERS[kind](stack!, i, s!);
  }
  return app;
}

import {
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as cdkOrigins,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { acmCertificateRules } from './certificate';
import { CFN_DEFAULTS, DEFAULTS } from './defaults';
import {
  Shape,
  like,
  Warning,
  domainName,
  integerIn,
  message,
  nonEmpty,
  oneOf,
  originPort,
  required,
  secondsIn,
  unique,
  unknown,
  isDeployTime,
  anyDeployTime,
  HEADER_NAME,
} from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';
import { Origin } from '../origins';
import { forwardsHost, keysOnHost } from './cache-policy';
import { nodeOf } from './references';
import { resolvedProperty, unlessDefault } from './template';

/**
 * An origin: an S3 bucket, a custom (HTTP) server or an origin aws-cdk-lib models, with its
 * connection settings. Its rules, rendering and warnings, side by side, and what a behaviour may
 * send to it.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
 */

/** The protocols CloudFront can use with a custom origin over HTTPS. */
export const ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
/** The origin SSL protocols that are broken and get a warning. */
export const INSECURE_ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

const ORIGIN_PROTOCOL_POLICIES = Object.values(cloudfront.OriginProtocolPolicy);

/**
 * The fields of `CustomOriginConfig` that an S3 origin has no counterpart of (an S3 origin has
 * its own `OriginReadTimeout`).
 */
const CUSTOM_ORIGIN_FIELDS = [
  'httpPort',
  'httpsPort',
  'protocol',
  'sslPolicy',
  'keepaliveTimeout',
  'ipAddressType',
  'clientCertificate',
] as const;

/**
 * The fields an aws-cdk-lib origin (`cdkOrigin`) sets in its own props: given beside it, they would
 * be ignored, so they are refused.
 */
const OWN_PROPS_OF_CDK_ORIGINS = [
  'originAccessIdentity',
  'httpPort',
  'httpsPort',
  'protocol',
  'sslPolicy',
  'originPath',
  'customHeaders',
  'connectionAttempts',
  'connectionTimeout',
  'readTimeout',
  'keepaliveTimeout',
  'responseCompletionTimeout',
  'ipAddressType',
  'originShieldRegion',
] as const;

/**
 * Headers CloudFront cannot add to origin requests (and the prefixes it reserves).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html#add-origin-custom-headers-denylist
 */
const FORBIDDEN_HEADERS = [
  'Cache-Control',
  'Connection',
  'Content-Length',
  'Cookie',
  'Host',
  'If-Match',
  'If-Modified-Since',
  'If-None-Match',
  'If-Range',
  'If-Unmodified-Since',
  'Max-Forwards',
  'Pragma',
  'Proxy-Authorization',
  'Proxy-Connection',
  'Range',
  'Request-Range',
  'TE',
  'Trailer',
  'Transfer-Encoding',
  'Upgrade',
  'Via',
  'X-Real-Ip',
];
const FORBIDDEN_PREFIXES = ['X-Amz-', 'X-Edge-'];

/** The types of an origin's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  name: 'string',
  bucket: like('an s3.IBucket', 'node', 'bucketName', 'bucketRegionalDomainName'),
  cdkOrigin: like('a cloudfront.IOrigin', 'bind'),
  originAccessIdentity: like('a cloudfront.IOriginAccessIdentity', 'node', 'originAccessIdentityId'),
  domainName: 'string',
  httpPort: 'number',
  httpsPort: 'number',
  protocol: 'string',
  sslPolicy: 'string list',
  originPath: 'string',
  customHeaders: 'string map',
  connectionAttempts: 'number',
  connectionTimeout: 'Duration',
  readTimeout: 'Duration',
  keepaliveTimeout: 'Duration',
  originShieldRegion: 'string',
  responseCompletionTimeout: 'Duration',
  ipAddressType: 'string',
  clientCertificate: like('an acm.ICertificate', 'certificateArn'),
};

/**
 * The default quotas on an origin's response and keep-alive timeouts: longer ones deploy only
 * where the quota was raised, so they are a warning, not an error. The quotas page gives both as
 * "1-120 seconds" (they were 60 until CloudFront raised them).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Response timeout per origin", "Keep-alive timeout per origin")
 * @see https://repost.aws/knowledge-center/cloudfront-custom-origin-response
 */
export const TIMEOUT_QUOTA_SECONDS = 120;

/** Every problem of the origin list `at` (`origins`): at least one, unique names, each valid. */
export function rules(at: string, given: readonly Origin[] | undefined): string[] {
  const origins = given ?? [];
  if (origins.length === 0) {
    return [message(at, 'must list at least one origin', given)];
  }
  const problems = unique(
    `${at}[].name`,
    origins.map((o) => o.name),
    'names',
  );
  origins.forEach((o, i) => problems.push(...originRules(`${at}[${i}]`, o)));
  return problems;
}

/** Every problem of one origin. */
function originRules(at: string, o: Origin): string[] {
  // An aws-cdk-lib origin where an origin of ours goes (from JavaScript, or through `any`).
  if (o.name === undefined && typeof (o as { bind?: unknown }).bind === 'function') {
    return [
      `\`${at}\` must be an origin of this library ({ name, bucket | domainName | cdkOrigin }): give an aws-cdk-lib origin as \`{ name: 'www', cdkOrigin: origin }\`; got: an aws-cdk-lib origin`,
    ];
  }
  const problems: string[] = [];
  problems.push(...required(`${at}.name`, o.name));
  problems.push(...nonEmpty(`${at}.name`, o.name));
  const kinds = [
    o.bucket !== undefined ? 'bucket' : undefined,
    o.domainName !== undefined ? 'domainName' : undefined,
    o.cdkOrigin !== undefined ? 'cdkOrigin' : undefined,
  ].filter((k) => k !== undefined);
  if (kinds.length !== 1) {
    problems.push(
      `\`${at}\` must have exactly one of \`bucket\` (an S3 origin), \`domainName\` (a custom origin) or \`cdkOrigin\` (an aws-cdk-lib origin); got: ${
        kinds.length === 0 ? 'none' : kinds.map((k) => `\`${k}\``).join(' and ')
      }`,
    );
    return problems;
  }
  if (o.cdkOrigin !== undefined) return [...problems, ...cdkOriginRules(at, o)];
  const isS3 = o.bucket !== undefined;
  if (isS3) {
    for (const field of CUSTOM_ORIGIN_FIELDS) {
      if (o[field] !== undefined) {
        problems.push(
          message(
            `${at}.${field}`,
            'applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`)',
            field === 'clientCertificate' ? 'a certificate' : o[field],
          ),
        );
      }
    }
  } else if (o.originAccessIdentity !== undefined) {
    problems.push(
      `\`${at}.originAccessIdentity\` applies only to an S3 origin (\`bucket\`); got: an identity on custom origin ${JSON.stringify(o.domainName)}`,
    );
  }
  problems.push(...originPathRules(`${at}.originPath`, o.originPath));
  problems.push(...customHeaderRules(`${at}.customHeaders`, o.customHeaders));
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html ("Connection attempts")
  problems.push(...integerIn(`${at}.connectionAttempts`, o.connectionAttempts, 1, 3));
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html ("Connection timeout")
  problems.push(...secondsIn(`${at}.connectionTimeout`, o.connectionTimeout, 1, 10));
  // Adjustable quotas: any whole number of seconds from 1, with a warning above the default quota.
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginResponseTimeout
  problems.push(...secondsIn(`${at}.readTimeout`, o.readTimeout, 1, Infinity));
  problems.push(...secondsIn(`${at}.keepaliveTimeout`, o.keepaliveTimeout, 1, Infinity));
  if (!unknown(o.originShieldRegion) && !/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(o.originShieldRegion!)) {
    problems.push(
      message(`${at}.originShieldRegion`, 'must be an AWS Region such as us-east-1', o.originShieldRegion),
    );
  }
  problems.push(...secondsIn(`${at}.responseCompletionTimeout`, o.responseCompletionTimeout, 1, Infinity));
  problems.push(...completionRules(at, o));
  problems.push(
    ...oneOf(`${at}.ipAddressType`, o.ipAddressType, Object.values(cloudfront.OriginIpAddressType)),
  );
  if (o.clientCertificate !== undefined) {
    problems.push(...acmCertificateRules(`${at}.clientCertificate`, o.clientCertificate));
  }
  problems.push(...domainName(`${at}.domainName`, o.domainName, false));
  problems.push(...originPort(`${at}.httpPort`, o.httpPort));
  problems.push(...originPort(`${at}.httpsPort`, o.httpsPort));
  problems.push(...oneOf(`${at}.protocol`, o.protocol, ORIGIN_PROTOCOL_POLICIES));
  problems.push(...sslPolicyRules(`${at}.sslPolicy`, o.sslPolicy));
  problems.push(...encryptionRules(at, o));
  return problems;
}

/**
 * An aws-cdk-lib origin: not a group (its members would need names of their own), and nothing
 * beside it that its own props set.
 */
function cdkOriginRules(at: string, o: Origin): string[] {
  const problems: string[] = [];
  if (o.cdkOrigin instanceof cdkOrigins.OriginGroup) {
    problems.push(
      message(
        `${at}.cdkOrigin`,
        'must not be an origins.OriginGroup: list its members as origins of their own and name them in `originGroups` ({ name, primaryOrigin, secondaryOrigin })',
        'an OriginGroup',
      ),
    );
  }
  for (const field of OWN_PROPS_OF_CDK_ORIGINS) {
    if (o[field] === undefined) continue;
    problems.push(
      message(
        `${at}.${field}`,
        `must be left out beside \`${at}.cdkOrigin\`: set it in the props of the aws-cdk-lib origin itself`,
        field === 'originAccessIdentity' ? 'an identity' : o[field],
      ),
    );
  }
  if (o.clientCertificate !== undefined) {
    problems.push(
      message(
        `${at}.clientCertificate`,
        "applies only to a custom origin (`domainName`): aws-cdk-lib's origins have no client certificate",
        'a certificate',
      ),
    );
  }
  // The rule `bucket` has, for the bucket an aws-cdk-lib S3 origin reads.
  const bucket = cdkOriginBucket(o.cdkOrigin);
  if (bucket !== undefined && bucketEncryption(bucket) === 'aws/s3') {
    problems.push(message(`${at}.cdkOrigin`, `must not read a bucket ${AWS_MANAGED_KEY_RULE}`, 'aws/s3'));
  }
  return problems;
}

/**
 * The bucket an aws-cdk-lib S3 origin with Origin Access Control or an origin access identity
 * reads (a member the origin keeps), when it is a bucket of this app's tree.
 */
export function cdkOriginBucket(origin: unknown): s3.IBucket | undefined {
  // Most origins are not aws-cdk-lib's: asking `instanceof` first would load its origins module.
  if (origin === undefined || !(origin instanceof cdkOrigins.S3BucketOrigin)) return undefined;
  const bucket = (origin as { bucket?: s3.IBucket }).bucket;
  return bucket !== undefined && nodeOf(bucket) !== undefined ? bucket : undefined;
}

/** Whether an aws-cdk-lib S3 origin grants its access through Origin Access Control. */
export function isAccessControlOrigin(origin: unknown): boolean {
  return (
    origin !== undefined && origin instanceof cdkOrigins.S3BucketOrigin && 'originAccessControl' in origin
  );
}

/**
 * "The value for ResponseCompletionTimeout must be equal to or greater than the value for
 * OriginReadTimeout", which is 30 seconds when not set.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#response-completion-timeout
 */
function completionRules(at: string, o: Origin): string[] {
  const completion = o.responseCompletionTimeout;
  const read = o.readTimeout ?? DEFAULTS.originReadTimeout;
  if (completion === undefined || isDeployTime(completion) || isDeployTime(read)) return [];
  const readSeconds = read.toSeconds({ integral: false });
  if (completion.toSeconds({ integral: false }) >= readSeconds) return [];
  return [
    message(
      `${at}.responseCompletionTimeout`,
      `must be at least \`${at}.readTimeout\` (${readSeconds} seconds${o.readTimeout ? '' : ", CloudFront's default"})`,
      completion,
    ),
  ];
}

/**
 * mutual TLS to the origin works only over HTTPS, and "Lambda@Edge functions in origin request
 * and origin response positions are not supported with origin mTLS".
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html
 */
function mtlsRules(at: string, b: DefaultCacheBehavior, target: Origin): string[] {
  if (target.clientCertificate === undefined) return [];
  return (b.edgeLambdas ?? [])
    .map((l, j): [string, string] => [`${at}.edgeLambdas[${j}].eventType`, l.eventType])
    .filter(([, event]) => event === 'origin-request' || event === 'origin-response')
    .map(([path, event]) =>
      message(
        path,
        `must not be ${event} on a behaviour whose origin ${JSON.stringify(target.name)} has a \`clientCertificate\`: CloudFront runs no Lambda@Edge function on origin requests or responses to an origin with mutual TLS`,
        event,
      ),
    );
}

/**
 * What refuses a request whose Host header is the viewer's (not its own): S3 (REST endpoints),
 * Lambda function URLs and API Gateway. Known from an aws-cdk-lib origin's class or a custom
 * origin's literal domain name; `undefined` for any other origin.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistS3AndCustomOrigins.html
 */
export function refusesViewerHost(o: Origin): string | undefined {
  if (o.bucket !== undefined) return 'an S3 bucket';
  // Only an origin that has an aws-cdk-lib origin asks its class (which loads aws-cdk-lib's
  // origins module).
  if (o.cdkOrigin !== undefined) {
    if (o.cdkOrigin instanceof cdkOrigins.S3BucketOrigin) return 'an S3 bucket';
    if (isFunctionUrl(o.cdkOrigin)) return 'a Lambda function URL';
    if (o.cdkOrigin instanceof cdkOrigins.RestApiOrigin) return 'an API Gateway API';
  }
  const host = o.domainName;
  if (typeof host !== 'string' || isDeployTime(host)) return undefined;
  const lower = host.toLowerCase();
  if (/\.lambda-url\.[a-z0-9-]+\.on\.aws$/.test(lower)) return 'a Lambda function URL';
  if (/\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/.test(lower)) return 'an API Gateway API';
  if (/(^|\.)s3([.-][a-z0-9-]+)*\.amazonaws\.com(\.cn)?$/.test(lower) && !lower.includes('s3-website')) {
    return 'an S3 bucket';
  }
  return undefined;
}

/**
 * Whether an aws-cdk-lib origin is a Lambda function URL: `FunctionUrlOrigin`, or what
 * `FunctionUrlOrigin.withOriginAccessControl` returns (a class aws-cdk-lib does not export, known
 * by the function URL it holds).
 */
function isFunctionUrl(origin: cloudfront.IOrigin | undefined): boolean {
  if (origin === undefined) return false;
  return origin instanceof cdkOrigins.FunctionUrlOrigin || isFunctionUrlWithAccessControl(origin);
}

function isFunctionUrlWithAccessControl(origin: cloudfront.IOrigin | undefined): boolean {
  return (
    origin !== undefined &&
    origin instanceof cloudfront.OriginBase &&
    !(origin instanceof cdkOrigins.FunctionUrlOrigin) &&
    typeof (origin as { functionUrl?: unknown }).functionUrl === 'object'
  );
}

/**
 * Every problem of what behaviour `b` (at `at`) sends to the origins it reaches (`targets`: its
 * origin, or both members of its group): the viewer's Host header to an origin that refuses a
 * foreign one, Lambda@Edge on origin events to an origin with mutual TLS.
 */
export function requestRules(at: string, b: DefaultCacheBehavior, targets: readonly Origin[]): string[] {
  const problems: string[] = [];
  for (const target of targets) {
    const refuser = refusesViewerHost(target);
    const forwarding = refuser ? forwardsViewerHost(b) : undefined;
    if (refuser && forwarding) {
      problems.push(
        message(
          `${at}.${forwarding.prop}`,
          `must not forward the viewer's Host header to origin ${JSON.stringify(target.name)}, ${refuser}, which refuses a request for another host. ${forwarding.fix}`,
          forwarding.shown,
        ),
      );
    }
    problems.push(...mtlsRules(at, b, target));
    problems.push(...grpcRules(at, b, target));
    problems.push(...fieldLevelEncryptionRules(at, b, target));
  }
  return problems;
}

/**
 * How CloudFront reaches a custom origin: `protocol`, or the protocol policy of an aws-cdk-lib
 * HTTP origin (`HttpOrigin`, and the origins built on it: `S3StaticWebsiteOrigin`, which is
 * http-only, and `LoadBalancerV2Origin`), whose default is https-only as ours.
 */
function protocolOf(o: Origin): string | undefined {
  if (o.cdkOrigin !== undefined && o.cdkOrigin instanceof cdkOrigins.HttpOrigin) {
    const props = (o.cdkOrigin as unknown as { props?: cdkOrigins.HttpOriginProps }).props;
    return props?.protocolPolicy ?? cloudfront.OriginProtocolPolicy.HTTPS_ONLY;
  }
  return o.domainName !== undefined ? o.protocol : undefined;
}

/**
 * Field-level encryption keeps the encrypted fields over HTTPS to the origin.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/field-level-encryption.html
 */
function fieldLevelEncryptionRules(at: string, b: DefaultCacheBehavior, target: Origin): string[] {
  if (unknown(b.fieldLevelEncryptionId) || protocolOf(target) !== cloudfront.OriginProtocolPolicy.HTTP_ONLY) {
    return [];
  }
  return [
    message(
      `${at}.fieldLevelEncryptionId`,
      `needs HTTPS to origin ${JSON.stringify(target.name)}, reached over http-only: field-level encryption needs HTTPS to the origin`,
      b.fieldLevelEncryptionId,
    ),
  ];
}

/**
 * "CloudFront only supports secure (HTTPS-based) gRPC connections" to the origin, and "gRPC
 * protocol is not supported for origins with origin mTLS enabled".
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-using-grpc.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html
 */
function grpcRules(at: string, b: DefaultCacheBehavior, target: Origin): string[] {
  if (b.enableGrpc !== true) return [];
  const problems: string[] = [];
  if (protocolOf(target) === cloudfront.OriginProtocolPolicy.HTTP_ONLY) {
    problems.push(
      message(
        `${at}.enableGrpc`,
        `must not be true for origin ${JSON.stringify(target.name)}, reached over http-only: CloudFront proxies gRPC only over HTTPS to the origin`,
        true,
      ),
    );
  }
  if (target.clientCertificate !== undefined) {
    problems.push(
      message(
        `${at}.enableGrpc`,
        `must not be true for origin ${JSON.stringify(target.name)}, which has a \`clientCertificate\`: CloudFront proxies no gRPC to an origin with mutual TLS`,
        true,
      ),
    );
  }
  return problems;
}

/** How a behaviour forwards the viewer's Host header, if it does: the prop and what to do. */
function forwardsViewerHost(
  b: DefaultCacheBehavior,
): { prop: string; shown: unknown; fix: string } | undefined {
  const headers = b.forwardHeaders;
  if (b.cachePolicy === undefined && headers !== undefined && !isDeployTime(headers)) {
    const host = headers.find((h) => typeof h === 'string' && (h === '*' || h.toLowerCase() === 'host'));
    if (host !== undefined) {
      return {
        prop: 'forwardHeaders',
        shown: headers,
        fix: host === '*' ? 'List the headers it needs instead of *' : 'Leave Host out',
      };
    }
  }
  if (b.originRequestPolicy && forwardsHost(b.originRequestPolicy)) {
    return {
      prop: 'originRequestPolicy',
      shown: 'a policy that forwards Host',
      fix: 'Use ALL_VIEWER_EXCEPT_HOST_HEADER (or CORS_S3_ORIGIN for S3)',
    };
  }
  if (b.cachePolicy && keysOnHost(b.cachePolicy)) {
    return {
      prop: 'cachePolicy',
      shown: 'a policy with Host in its cache key',
      fix: 'Leave Host out of the cache key',
    };
  }
  return undefined;
}

/**
 * Warnings of what behaviour `b` sends to its origin: a body to a function URL behind Origin
 * Access Control, which Lambda accepts only with its SHA-256 in `x-amz-content-sha256`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-lambda.html
 */
export function requestWarnings(at: string, b: DefaultCacheBehavior, target: Origin | undefined): Warning[] {
  if (!target || !isFunctionUrlWithAccessControl(target.cdkOrigin)) return [];
  const methods = b.allowedMethods;
  if (!Array.isArray(methods) || anyDeployTime(methods)) return [];
  const withBody = methods.filter((m) => ['PUT', 'POST', 'PATCH'].includes(m.toUpperCase()));
  if (withBody.length === 0) return [];
  return [
    {
      id: 'functionUrlBodyUnsigned',
      message: `\`${at}.allowedMethods\` allows ${withBody.join(', ')} to origin ${JSON.stringify(target.name)}, a Lambda function URL behind Origin Access Control: Lambda refuses a body it cannot verify, so viewers must send the SHA-256 of the body in the x-amz-content-sha256 header.`,
    },
  ];
}

/** How a bucket of this app encrypts by default: with a KMS key, AWS's `aws/s3` key, or neither. */
function bucketEncryption(bucket: s3.IBucket): 'kms' | 'aws/s3' | undefined {
  if (bucket.encryptionKey) return 'kms';
  const cfn = bucket.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return undefined;
  const encryption = resolvedProperty(cfn, cfn.bucketEncryption) as
    s3.CfnBucket.BucketEncryptionProperty | undefined;
  const sseRules = encryption?.serverSideEncryptionConfiguration;
  const byDefault = Array.isArray(sseRules)
    ? (sseRules[0] as s3.CfnBucket.ServerSideEncryptionRuleProperty | undefined)
        ?.serverSideEncryptionByDefault
    : undefined;
  const sse = byDefault as s3.CfnBucket.ServerSideEncryptionByDefaultProperty | undefined;
  if (sse?.sseAlgorithm !== 'aws:kms' && sse?.sseAlgorithm !== 'aws:kms:dsse') return undefined;
  return sse.kmsMasterKeyId === undefined ? 'aws/s3' : 'kms';
}

/**
 * An S3 origin encrypted with AWS's own `aws/s3` key cannot be read through CloudFront: reading
 * needs kms:Decrypt for CloudFront in the key policy, and the policy of an AWS managed key cannot
 * be changed.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-cmk
 */
function encryptionRules(at: string, o: Origin): string[] {
  if (!o.bucket || typeof o.bucket !== 'object' || !o.bucket.node) return [];
  if (bucketEncryption(o.bucket) !== 'aws/s3') return [];
  return [message(`${at}.bucket`, `must not be ${AWS_MANAGED_KEY_RULE}`, 'aws/s3')];
}

/** Why a bucket encrypted with the AWS managed key cannot be an origin. */
const AWS_MANAGED_KEY_RULE =
  'encrypted with the AWS managed key aws/s3 (BucketEncryption.KMS_MANAGED): CloudFront cannot be allowed to decrypt with it. Use BucketEncryption.S3_MANAGED, or BucketEncryption.KMS with a key of yours';

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html#DownloadDistValuesOriginPath */
function originPathRules(at: string, path: string | undefined): string[] {
  if (unknown(path) || (path!.startsWith('/') && !path!.endsWith('/') && path!.length <= 255)) return [];
  return [
    message(
      at,
      "must start with '/', not end with '/' and be at most 255 characters, such as '/production'",
      path,
    ),
  ];
}

/**
 * CloudFront's limits on custom origin headers that cannot be raised (the number of headers is a
 * quota that can: a warning).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Custom headers: maximum length of a header name", "... of a header value", "... of all header values and names combined")
 */
export const HEADER_LIMITS = { name: 256, value: 1783, combined: 10240, count: 10 };

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html */
function customHeaderRules(at: string, headers: { [name: string]: string } | undefined): string[] {
  if (headers === undefined || isDeployTime(headers)) return [];
  const problems: string[] = [];
  let combined = 0;
  let judged = true;
  for (const [name, value] of Object.entries(headers)) {
    if (isDeployTime(name) || typeof value !== 'string' || isDeployTime(value)) judged = false;
    else combined += name.length + value.length;
    if (typeof value === 'string' && !isDeployTime(value) && value.length > HEADER_LIMITS.value) {
      problems.push(
        message(
          `${at}.${name}`,
          `must be at most ${HEADER_LIMITS.value} characters (CloudFront's limit on a custom header value), not ${value.length}`,
          `${value.slice(0, 40)}...`,
        ),
      );
    }
    if (!isDeployTime(name) && name.length > HEADER_LIMITS.name) {
      problems.push(
        message(
          at,
          `must have header names of at most ${HEADER_LIMITS.name} characters (CloudFront's limit), not ${name.length}`,
          `${name.slice(0, 40)}...`,
        ),
      );
    }
    // A header value may not span lines (CloudFront sends it as one header line).
    if (typeof value === 'string' && !isDeployTime(value) && /[\r\n]/.test(value)) {
      problems.push(
        message(`${at}.${name}`, 'must be a header value on one line, without a line break', value),
      );
    }
    // A name known only at deploy time is not judged.
    if (isDeployTime(name)) continue;
    const lower = name.toLowerCase();
    const forbidden =
      FORBIDDEN_HEADERS.some((h) => h.toLowerCase() === lower) ||
      FORBIDDEN_PREFIXES.some((p) => lower.startsWith(p.toLowerCase()));
    if (forbidden) {
      problems.push(
        message(
          at,
          `must not set a header CloudFront reserves (${FORBIDDEN_HEADERS.join(', ')}, X-Amz-*, X-Edge-*)`,
          name,
        ),
      );
    } else if (!HEADER_NAME.test(name)) {
      problems.push(message(at, "must have header names of letters, digits and !#$%&'*+.^_`|~-", name));
    }
  }
  problems.push(
    ...unique(
      at,
      Object.keys(headers).map((h) => (isDeployTime(h) ? h : h.toLowerCase())),
      'header names',
    ),
  );
  if (judged && combined > HEADER_LIMITS.combined) {
    problems.push(
      message(
        at,
        `must have names and values of at most ${HEADER_LIMITS.combined} characters in all (CloudFront's limit), not ${combined}`,
        `${Object.keys(headers).length} headers`,
      ),
    );
  }
  return problems;
}

function sslPolicyRules(at: string, policy: string[] | undefined): string[] {
  if (policy === undefined || isDeployTime(policy)) return [];
  const problems: string[] = [];
  if (policy.length === 0) {
    problems.push(message(at, `must list at least one of ${ORIGIN_SSL_PROTOCOLS.join(', ')}`, policy));
  }
  policy.forEach((p, j) => problems.push(...oneOf(`${at}[${j}]`, p, ORIGIN_SSL_PROTOCOLS)));
  problems.push(...unique(at, policy));
  return problems;
}

/** Legal but risky settings of one origin, and timeouts beyond the default quotas. */
export function warnings(at: string, o: Origin): Warning[] {
  const found: Warning[] = [];
  const headers = o.customHeaders;
  if (headers !== undefined && !isDeployTime(headers) && Object.keys(headers).length > HEADER_LIMITS.count) {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Custom headers: maximum number of custom headers that you can configure CloudFront to add to origin requests")
    found.push({
      id: 'customHeadersQuota',
      message: `\`${at}.customHeaders\` sets ${Object.keys(headers).length} headers, more than CloudFront's default quota of ${HEADER_LIMITS.count} custom headers per origin: the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).`,
    });
  }
  for (const field of ['readTimeout', 'keepaliveTimeout'] as const) {
    const d = o[field];
    if (d === undefined || isDeployTime(d) || d.toSeconds({ integral: false }) <= TIMEOUT_QUOTA_SECONDS) {
      continue;
    }
    found.push({
      id: 'originTimeoutQuota',
      message: `\`${at}.${field}\` is ${d.toSeconds({ integral: false })} seconds, above CloudFront's default quota of ${TIMEOUT_QUOTA_SECONDS} seconds ("${field === 'readTimeout' ? 'Response timeout per origin' : 'Keep-alive timeout per origin'}"): the deploy fails unless the quota was raised for your account (Service Quotas).`,
    });
  }
  if (
    o.bucket &&
    o.originAccessIdentity &&
    typeof o.bucket === 'object' &&
    o.bucket.node &&
    bucketEncryption(o.bucket) === 'kms'
  ) {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
    found.push({
      id: 'identityOnKmsBucket',
      message: `\`${at}.originAccessIdentity\`: the bucket is encrypted with SSE-KMS, which an origin access identity cannot read without a Lambda@Edge workaround. Leave \`originAccessIdentity\` out to use Origin Access Control (the default), which can.`,
    });
  }
  // The same for an aws-cdk-lib S3 origin with an identity, which reads the bucket as ours does.
  const cdkBucket = cdkOriginBucket(o.cdkOrigin);
  if (
    cdkBucket !== undefined &&
    !isAccessControlOrigin(o.cdkOrigin) &&
    bucketEncryption(cdkBucket) === 'kms'
  ) {
    found.push({
      id: 'identityOnKmsBucket',
      message: `\`${at}.cdkOrigin\`: the bucket is encrypted with SSE-KMS, which an origin access identity cannot read without a Lambda@Edge workaround. Use origins.S3BucketOrigin.withOriginAccessControl(bucket), which can.`,
    });
  }
  if (o.protocol === cloudfront.OriginProtocolPolicy.HTTP_ONLY) {
    found.push({
      id: 'httpOnlyOrigin',
      message: `\`${at}.protocol\` is http-only: traffic to the origin, even from HTTPS viewers, travels unencrypted. Use https-only (the default).`,
    });
  } else if (
    protocolOf(o) === cloudfront.OriginProtocolPolicy.HTTP_ONLY &&
    !(o.cdkOrigin instanceof cdkOrigins.S3StaticWebsiteOrigin)
  ) {
    // A website endpoint has no HTTPS: there, http-only is the only way, and no warning helps.
    found.push({
      id: 'httpOnlyOrigin',
      message: `\`${at}.cdkOrigin\` is reached over http-only: traffic to the origin, even from HTTPS viewers, travels unencrypted. Leave \`protocolPolicy\` out of its props (https-only).`,
    });
  }
  if (
    o.clientCertificate !== undefined &&
    (o.protocol === cloudfront.OriginProtocolPolicy.HTTP_ONLY ||
      o.protocol === cloudfront.OriginProtocolPolicy.MATCH_VIEWER)
  ) {
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/origin-enable-mtls-distributions.html
    found.push({
      id: 'clientCertificateOverHttp',
      message: `\`${at}.clientCertificate\`: the client certificate is presented only over HTTPS, and \`${at}.protocol\` is ${o.protocol}, so ${o.protocol === 'http-only' ? 'no request' : 'no request from an HTTP viewer'} carries it. Use https-only (the default).`,
    });
  }
  const weak = (o.sslPolicy ?? []).filter((p) => INSECURE_ORIGIN_SSL_PROTOCOLS.includes(p));
  if (weak.length > 0) {
    found.push({
      id: 'insecureOriginSslPolicy',
      message: `\`${at}.sslPolicy\` allows ${weak.join(', ')}: broken protocols. Use ['TLSv1.2'] (the default).`,
    });
  }
  return found;
}

/**
 * One origin as CloudFormation's `Origin`. An S3 origin reads through `originAccessControlId`
 * (when it has no origin access identity); a custom origin renders every connection default; an
 * aws-cdk-lib origin renders what its binding returned (`bound`), under `name`.
 */
export function render(
  o: Origin,
  originAccessControlId?: string,
  bound?: cloudfront.CfnDistribution.OriginProperty,
): cloudfront.CfnDistribution.OriginProperty {
  if (o.cdkOrigin) return { ...bound!, id: o.name };
  const headers = Object.entries(o.customHeaders ?? {});
  // What any origin may have beyond the specification: only what is set is rendered.
  const common = {
    originPath: o.originPath,
    originCustomHeaders: headers.length
      ? headers.map(([headerName, headerValue]) => ({ headerName, headerValue }))
      : undefined,
    connectionAttempts: o.connectionAttempts,
    connectionTimeout: o.connectionTimeout?.toSeconds(),
    originShield: o.originShieldRegion
      ? { enabled: true, originShieldRegion: o.originShieldRegion }
      : undefined,
    responseCompletionTimeout: o.responseCompletionTimeout?.toSeconds(),
  };
  if (!o.bucket) {
    return {
      id: o.name,
      domainName: o.domainName!,
      customOriginConfig: {
        httpPort: unlessDefault(o.httpPort ?? DEFAULTS.httpPort, CFN_DEFAULTS.httpPort),
        httpsPort: unlessDefault(o.httpsPort ?? DEFAULTS.httpsPort, CFN_DEFAULTS.httpsPort),
        originProtocolPolicy: o.protocol ?? DEFAULTS.originProtocol,
        originSslProtocols: [...(o.sslPolicy ?? DEFAULTS.originSslPolicy)],
        originReadTimeout: unlessDefault(o.readTimeout?.toSeconds(), CFN_DEFAULTS.originReadTimeout),
        originKeepaliveTimeout: unlessDefault(
          o.keepaliveTimeout?.toSeconds(),
          CFN_DEFAULTS.originKeepaliveTimeout,
        ),
        ipAddressType: o.ipAddressType,
        originMtlsConfig: o.clientCertificate
          ? { clientCertificateArn: o.clientCertificate.certificateArn }
          : undefined,
      },
      ...common,
    };
  }
  return {
    id: o.name,
    domainName: o.bucket.bucketRegionalDomainName,
    s3OriginConfig: {
      originAccessIdentity: o.originAccessIdentity
        ? `origin-access-identity/cloudfront/${o.originAccessIdentity.originAccessIdentityId}`
        : '',
      originReadTimeout: unlessDefault(o.readTimeout?.toSeconds(), CFN_DEFAULTS.originReadTimeout),
    },
    originAccessControlId: o.originAccessIdentity ? undefined : originAccessControlId,
    ...common,
  };
}

/**
 * How a message names an origin: by its name (`` `origins` "www" ``), or by its prop path when
 * the name is known only at deploy time (`` `origins[2]` ``), never as a raw token.
 */
export function originLabel(at: string, name: unknown): string {
  return typeof name === 'string' && !isDeployTime(name)
    ? `\`origins\` ${JSON.stringify(name)}`
    : `\`${at}\``;
}

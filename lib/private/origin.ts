import { Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
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
} from './validation';
import { Origin } from '../origins';

/**
 * An origin: an S3 bucket or a custom (HTTP) server, with its connection settings. Its rules,
 * rendering and warnings, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesOrigin.html
 */

/** The protocols CloudFront can use with a custom origin over HTTPS. */
export const ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2'];
/** The origin SSL protocols that are broken and get a warning. */
export const INSECURE_ORIGIN_SSL_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

const ORIGIN_PROTOCOL_POLICIES = Object.values(cloudfront.OriginProtocolPolicy);

/** The fields of `CustomOriginConfig`: they apply only to a custom origin. */
const CUSTOM_ORIGIN_FIELDS = [
  'httpPort',
  'httpsPort',
  'protocol',
  'sslPolicy',
  'readTimeout',
  'keepaliveTimeout',
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
};

/**
 * The default quotas on an origin's response and keep-alive timeouts: longer ones deploy only
 * where the quota was raised, so they are a warning, not an error.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Response timeout per origin", "Keep-alive timeout per origin")
 * @see https://repost.aws/knowledge-center/cloudfront-custom-origin-response
 */
export const TIMEOUT_QUOTA_SECONDS = 60;

/** Every problem of the origin list `at` (`origins`): at least one, unique names, each valid. */
export function rules(at: string, origins: readonly Origin[]): string[] {
  if (origins.length === 0) {
    return [message(at, 'must list at least one origin', [])];
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
  const problems: string[] = [];
  problems.push(...required(`${at}.name`, o.name));
  problems.push(...nonEmpty(`${at}.name`, o.name));
  const isS3 = o.bucket !== undefined;
  const isCustom = o.domainName !== undefined;
  if (isS3 === isCustom) {
    problems.push(
      `\`${at}\` must have exactly one of \`bucket\` (an S3 origin) or \`domainName\` (a custom origin); got: ${
        isS3 ? 'both' : 'neither'
      }`,
    );
  }
  if (isS3 && !isCustom) {
    for (const field of CUSTOM_ORIGIN_FIELDS) {
      if (o[field] !== undefined) {
        problems.push(
          message(
            `${at}.${field}`,
            'applies only to a custom origin (`domainName`), not to an S3 origin (`bucket`)',
            o[field],
          ),
        );
      }
    }
  }
  if (isCustom && o.originAccessIdentity !== undefined) {
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
  problems.push(...domainName(`${at}.domainName`, o.domainName, false));
  problems.push(...originPort(`${at}.httpPort`, o.httpPort));
  problems.push(...originPort(`${at}.httpsPort`, o.httpsPort));
  problems.push(...oneOf(`${at}.protocol`, o.protocol, ORIGIN_PROTOCOL_POLICIES));
  problems.push(...sslPolicyRules(`${at}.sslPolicy`, o.sslPolicy));
  problems.push(...encryptionRules(at, o));
  return problems;
}

/** How a bucket of this app encrypts by default: with a KMS key, AWS's `aws/s3` key, or neither. */
function bucketEncryption(bucket: s3.IBucket): 'kms' | 'aws/s3' | undefined {
  if (bucket.encryptionKey) return 'kms';
  const cfn = bucket.node.defaultChild;
  if (!(cfn instanceof s3.CfnBucket)) return undefined;
  const encryption = Stack.of(cfn).resolve(cfn.bucketEncryption) as
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
  return [
    message(
      `${at}.bucket`,
      'must not be encrypted with the AWS managed key aws/s3 (BucketEncryption.KMS_MANAGED): CloudFront cannot be allowed to decrypt with it. Use BucketEncryption.S3_MANAGED, or BucketEncryption.KMS with a key of yours',
      'aws/s3',
    ),
  ];
}

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

/** @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/add-origin-custom-headers.html */
function customHeaderRules(at: string, headers: { [name: string]: string } | undefined): string[] {
  if (headers === undefined || isDeployTime(headers)) return [];
  const problems: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
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
    } else if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
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
  if (o.protocol === cloudfront.OriginProtocolPolicy.HTTP_ONLY) {
    found.push({
      id: 'httpOnlyOrigin',
      message: `\`${at}.protocol\` is http-only: traffic to the origin, even from HTTPS viewers, travels unencrypted. Use https-only (the default).`,
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
 * (when it has no origin access identity); a custom origin renders every connection default.
 */
export function render(o: Origin, originAccessControlId?: string): cloudfront.CfnDistribution.OriginProperty {
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
  };
  if (!o.bucket) {
    return {
      id: o.name,
      domainName: o.domainName!,
      customOriginConfig: {
        httpPort: o.httpPort ?? DEFAULTS.httpPort,
        httpsPort: o.httpsPort ?? DEFAULTS.httpsPort,
        originProtocolPolicy: o.protocol ?? DEFAULTS.originProtocol,
        originSslProtocols: [...(o.sslPolicy ?? DEFAULTS.originSslPolicy)],
        originReadTimeout: o.readTimeout?.toSeconds(),
        originKeepaliveTimeout: o.keepaliveTimeout?.toSeconds(),
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
    },
    originAccessControlId: o.originAccessIdentity ? undefined : originAccessControlId,
    ...common,
  };
}

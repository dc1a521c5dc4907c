/**
 * The size of a bucket or key policy once deployed, estimated at synth from its template form,
 * against S3's and KMS's limits.
 *
 * @see https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-iam-policies.html ("Bucket policies are limited to 20 KB in size")
 * @see https://docs.aws.amazon.com/kms/latest/developerguide/resource-limits.html ("Key policy document size": 32 KB)
 */

/** S3's limit on a bucket policy, in bytes. */
export const BUCKET_POLICY_LIMIT = 20 * 1024;
/** KMS's limit on a key policy, in bytes. */
export const KEY_POLICY_LIMIT = 32 * 1024;

/**
 * What a deploy-time value becomes, by its form: the pseudo parameters their usual value, a
 * resource's `Ref` the length of a CloudFront ID (`E2QWRUHAPOMQZL`: distributions, identities),
 * an attribute the length of an S3 canonical user ID (64).
 */
const PSEUDO: Record<string, string> = {
  'AWS::Partition': 'aws',
  'AWS::AccountId': '123456789012',
  'AWS::Region': 'ap-southeast-1',
  'AWS::URLSuffix': 'amazonaws.com',
};
const REF_LENGTH = 14;
const ATTRIBUTE_LENGTH = 64;

/** `value` (a resolved template value) with every intrinsic replaced by a string of its likely length. */
function deployed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(deployed);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  if (entries.length === 1) {
    const [fn, args] = entries[0];
    if (fn === 'Ref') return PSEUDO[args as string] ?? 'x'.repeat(REF_LENGTH);
    if (fn === 'Fn::GetAtt') return 'x'.repeat(ATTRIBUTE_LENGTH);
    if (fn === 'Fn::Join' && Array.isArray(args)) {
      const [separator, parts] = args as [string, unknown[]];
      return Array.isArray(parts)
        ? parts.map((p) => String(deployed(p))).join(separator)
        : 'x'.repeat(ATTRIBUTE_LENGTH);
    }
    if (fn.startsWith('Fn::')) return 'x'.repeat(ATTRIBUTE_LENGTH);
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, deployed(v)]));
}

/** The likely size in bytes of a policy document (resolved) once deployed, as compact JSON. */
export function estimate(document: unknown): number {
  return Buffer.byteLength(JSON.stringify(deployed(document)), 'utf8');
}

/**
 * The error for a bucket or key policy over its limit: what it is, its size, how many
 * distributions and identities it lets read, and the ways out.
 */
export function tooLarge(
  kind: 'bucket' | 'key',
  path: string,
  size: number,
  limit: number,
  distributions: number,
  identities: number,
): string {
  const readers = [
    distributions ? `${distributions} distributions through Origin Access Control` : undefined,
    identities ? `${identities} origin access identities` : undefined,
  ].filter((r) => r !== undefined);
  const what = kind === 'bucket' ? `Bucket ${path}` : `KMS key ${path}`;
  const service = kind === 'bucket' ? "S3's limit on a bucket policy" : "KMS's limit on a key policy";
  const ways =
    kind === 'bucket'
      ? 'Spread the distributions over more buckets, move statements of your own out of this policy, or import the bucket (s3.Bucket.fromBucketName) and write its policy yourself with one AWS:SourceArn pattern such as arn:aws:cloudfront::<account>:distribution/*'
      : 'Move statements of your own out of this policy, or import the key and write its policy yourself';
  return `${what}: its policy must be at most ${limit} bytes (${service}), or the deploy fails${
    readers.length ? `; it lets ${readers.join(' and ')} read the bucket` : ''
  }. ${ways}; got: about ${size} bytes`;
}

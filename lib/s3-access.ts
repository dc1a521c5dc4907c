import {
  Aws,
  Lazy,
  Names,
  Stack,
  Validations,
  aws_cloudfront as cloudfront,
  aws_iam as iam,
  aws_kms as kms,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import * as logging from './private/logging';
import * as policySize from './private/policy-size';
import { SHARING_QUOTAS } from './private/quotas';
import { addWarnings, isDeployTime } from './private/validation';

/**
 * Everything that creates constructs so that CloudFront can read an S3 origin or write logs to a
 * bucket: Origin Access Control, origin access identities and their grants, bucket and key policy
 * statements, and the log bucket. Used by both `Distribution` and `StreamingDistribution`; not
 * exported from the package.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
 */

/**
 * The construct id of a stack's first Origin Access Control; the next ones, each for the next 100
 * distributions, end in 2, 3, ...
 */
export const ACCESS_CONTROL_ID = 'CloudFrontDistributionsS3OriginAccessControl';

/** The Origin Access Controls of each stack, in order, with how many distributions use each. */
const accessControls = new WeakMap<Stack, { control: cloudfront.S3OriginAccessControl; users: number }[]>();

/**
 * The Origin Access Control for the S3 origins of a new distribution of `scope`'s stack. The
 * distributions of a stack share them (all sign the same way, always with SigV4), so that hundreds
 * of distributions need a few resources, not hundreds, and the account's quota on Origin Access
 * Controls is not reached before the quota on distributions; each serves at most 100
 * distributions, CloudFront's quota, in the order the distributions are created: a distribution
 * added after the others never moves one to another Origin Access Control. Call once per
 * distribution (a staging twin is one).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html ("Distributions per origin access control", "Origin access controls per AWS account")
 */
export function accessControlFor(scope: Construct): cloudfront.S3OriginAccessControl {
  const stack = Stack.of(scope);
  const groups = accessControls.get(stack) ?? [];
  accessControls.set(stack, groups);
  let last = groups[groups.length - 1];
  if (last === undefined || last.users >= SHARING_QUOTAS.accessControl.max) {
    const n = groups.length + 1;
    last = {
      control: new cloudfront.S3OriginAccessControl(
        stack,
        n === 1 ? ACCESS_CONTROL_ID : `${ACCESS_CONTROL_ID}${n}`,
        {
          description: `Origin Access Control${n === 1 ? '' : ` ${n}`} for the S3 origins of the CloudFront distributions of this stack`,
        },
      ),
      users: 0,
    };
    groups.push(last);
  }
  last.users++;
  return last.control;
}

/**
 * A new origin access identity for an RTMP distribution. An identity in the bucket's stack
 * keeps a bucket of another stack free of a dependency cycle.
 */
export function newIdentity(
  scope: Construct,
  bucket: s3.IBucket,
  name: string,
): cloudfront.IOriginAccessIdentity {
  const bucketStack = Stack.of(bucket);
  const elsewhere = bucketStack !== Stack.of(scope);
  return new cloudfront.OriginAccessIdentity(
    elsewhere ? bucketStack : scope,
    elsewhere ? `${Names.uniqueId(scope)}OriginAccessIdentity` : 'OriginAccessIdentity',
    { comment: `RTMP distribution ${isDeployTime(name) ? '' : name}`.trim() },
  );
}

/**
 * Lets an origin access identity read the bucket's objects; warns (naming `subject`, the prop
 * that holds the bucket) when the bucket is imported and its policy cannot be changed here.
 */
export function grantIdentityRead(
  scope: Construct,
  subject: string,
  bucket: s3.IBucket,
  identity: cloudfront.IOriginAccessIdentity,
): void {
  // One statement per bucket lists every identity that reads it.
  const shared = statements(bucket).identities;
  if (shared) {
    if (!shared.readers.has(identity)) shared.statement.addPrincipals(identity.grantPrincipal);
    shared.readers.add(identity);
    return;
  }
  const statement = new iam.PolicyStatement({
    actions: ['s3:GetObject'],
    resources: [bucket.arnForObjects('*')],
    principals: [identity.grantPrincipal],
  });
  if (bucket.addToResourcePolicy(statement).statementAdded) {
    statements(bucket).identities = { statement, readers: new Set([identity]) };
    checkPolicySize(bucket);
    return;
  }
  // The identity's IAM principal ARN names its ID, known here when it was imported by ID.
  const id = isDeployTime(identity.originAccessIdentityId)
    ? `<the ID of origin access identity ${identity.node.path}, known after its deploy>`
    : identity.originAccessIdentityId;
  warnImportedBucket(
    scope,
    subject,
    bucket,
    'the origin access identity',
    `{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ${id}"}`,
    '',
  );
}

/**
 * Lets one distribution read the bucket's objects through Origin Access Control: a bucket
 * policy statement limited to the distribution, and a key policy statement for SSE-KMS.
 */
export function grantAccessControlRead(
  scope: Construct,
  subject: string,
  bucket: s3.IBucket,
  distributionArn: string,
): void {
  // A bucket in another stack cannot name this distribution's ID without a dependency
  // cycle (this stack already depends on the bucket's), so there the statement is limited
  // to the account's distributions.
  const sameStack = Stack.of(bucket) === Stack.of(scope);
  if (!sameStack && once(bucket, 'crossStackOriginBucket')) {
    addWarnings(scope, [
      {
        id: 'crossStackOriginBucket',
        message: `${subject}: the bucket is in stack ${Stack.of(bucket).stackName}, so its policy lets every CloudFront distribution of the account read it (naming this distribution would make a dependency cycle between the stacks). After the first deploy, narrow AWS:SourceArn to this distribution's ARN.`,
      },
    ]);
  }
  const added = sameStack ? readBy(bucket, distributionArn) : readByAccount(bucket);
  if (!added) {
    warnImportedBucket(
      scope,
      subject,
      bucket,
      'this distribution (Origin Access Control)',
      '{"Service":"cloudfront.amazonaws.com"}',
      ',"Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::<account>:distribution/<this distribution\'s ID>"}}',
    );
  }

  const key = bucket.encryptionKey;
  if (!key) return;
  // The key policy is part of the key, which the bucket and so this distribution depend
  // on: naming this distribution's ID there would be a cycle, so it names the account's
  // distributions, as aws-cdk-lib's S3BucketOrigin does.
  const keyAdded = keyReadable(key);
  if (!once(key, 'kmsKeyPolicy')) return;
  addWarnings(scope, [
    {
      id: 'kmsKeyPolicy',
      message: keyAdded
        ? `${subject}: the bucket's KMS key policy lets every CloudFront distribution of the account decrypt (naming this distribution would make a dependency cycle). After the first deploy, narrow AWS:SourceArn to this distribution's ARN.`
        : `${subject}: the bucket's KMS key is imported and its policy cannot be changed here. Add a statement allowing kms:Decrypt to the service principal cloudfront.amazonaws.com with the condition AWS:SourceArn = this distribution's ARN, or CloudFront cannot read the objects.`,
    },
  ]);
}

/** The statements this library wrote to a bucket's policy, shared by every distribution. */
interface BucketStatements {
  /** Origin Access Control: one statement whose `AWS:SourceArn` lists the distributions. */
  accessControl?: { readonly distributions: Set<string> };
  /** Distributions of other stacks: one statement for the account's (whether it was added). */
  accountWide?: boolean;
  /** Origin access identities: one statement whose principals are the identities. */
  identities?: {
    readonly statement: iam.PolicyStatement;
    readonly readers: Set<cloudfront.IOriginAccessIdentity>;
  };
}
const written = new WeakMap<s3.IBucket, BucketStatements>();

function statements(bucket: s3.IBucket): BucketStatements {
  const found = written.get(bucket) ?? {};
  written.set(bucket, found);
  return found;
}

/**
 * Lets the distribution `distributionArn` read `bucket` through Origin Access Control: the first
 * one adds the statement, whose `AWS:SourceArn` condition lists every distribution of the
 * stack that reads the bucket, each one more ARN in the list (not a statement of its own), so
 * the policy stays within S3's size limit for hundreds of distributions. False when the bucket's
 * policy cannot be changed (an imported bucket).
 */
function readBy(bucket: s3.IBucket, distributionArn: string): boolean {
  const shared = statements(bucket).accessControl;
  if (shared) {
    shared.distributions.add(distributionArn);
    return true;
  }
  const distributions = new Set([distributionArn]);
  const added = bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
      principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
      conditions: {
        StringEquals: {
          // Uncached: while its size is estimated, the policy renders without the list.
          'AWS:SourceArn': Lazy.uncachedAny({
            produce: () =>
              sizing.has(bucket) ? [] : distributions.size === 1 ? distributionArn : [...distributions],
          }),
        },
      },
    }),
  ).statementAdded;
  if (added) {
    statements(bucket).accessControl = { distributions };
    checkPolicySize(bucket);
  }
  return added;
}

/**
 * Lets the account's distributions read `bucket`, for distributions in other stacks than the
 * bucket's (naming one would make a dependency cycle between the stacks): one statement per
 * bucket, whatever the number of distributions.
 */
function readByAccount(bucket: s3.IBucket): boolean {
  const known = statements(bucket).accountWide;
  if (known !== undefined) return known;
  const added = bucket.addToResourcePolicy(
    new iam.PolicyStatement({
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('*')],
      principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
      conditions: { ArnLike: { 'AWS:SourceArn': accountDistributions(Stack.of(bucket).account) } },
    }),
  ).statementAdded;
  statements(bucket).accountWide = added;
  if (added) checkPolicySize(bucket);
  return added;
}

/** Whether each key has had its statement (`true`: added; `false`: an imported key). */
const keyStatements = new WeakMap<kms.IKey, boolean>();

/**
 * Lets CloudFront decrypt with the bucket's key: one statement per key, for the account's
 * distributions. The key policy is part of the key, which the bucket and so every distribution
 * depend on: naming a distribution's ID there would be a cycle, so it names the account's
 * distributions, as aws-cdk-lib's S3BucketOrigin does.
 */
function keyReadable(key: kms.IKey): boolean {
  const known = keyStatements.get(key);
  if (known !== undefined) return known;
  const added = key.addToResourcePolicy(
    new iam.PolicyStatement({
      actions: ['kms:Decrypt'],
      resources: ['*'],
      principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
      conditions: { ArnLike: { 'AWS:SourceArn': accountDistributions(Stack.of(key).account) } },
    }),
  ).statementAdded;
  keyStatements.set(key, added);
  if (added) checkPolicySize(key);
  return added;
}

/**
 * A bucket or key policy this library writes to must fit the service's size limit, or the
 * deploy fails: checked at synth, when every distribution has added what it needs.
 */
function checkPolicySize(resource: s3.IBucket | kms.IKey): void {
  resource.node.addValidation({
    validate: () => {
      const isBucket = 'bucketName' in resource;
      const cfnKey = resource.node.defaultChild;
      const document = isBucket
        ? (resource as s3.IBucket).policy?.document
        : cfnKey instanceof kms.CfnKey
          ? cfnKey.keyPolicy
          : undefined;
      if (!document) return [];
      const size = isBucket
        ? bucketPolicySize(resource as s3.IBucket, document)
        : policySize.estimate(Stack.of(resource).resolve(document));
      const limit = isBucket ? policySize.BUCKET_POLICY_LIMIT : policySize.KEY_POLICY_LIMIT;
      if (size <= limit) return [];
      const readers = isBucket
        ? (statements(resource as s3.IBucket).accessControl?.distributions.size ?? 0)
        : 0;
      const identities = isBucket ? (statements(resource as s3.IBucket).identities?.readers.size ?? 0) : 0;
      return [
        policySize.tooLarge(
          isBucket ? 'bucket' : 'key',
          resource.node.path,
          size,
          limit,
          readers,
          identities,
        ),
      ];
    },
  });
}

/** Buckets whose policy size is being estimated: their list of distributions renders empty. */
const sizing = new Set<s3.IBucket>();

/**
 * The likely size of a bucket's policy once deployed (`policySize.estimate`). The list of
 * distributions this library wrote is counted, not resolved: every ARN in it has the same
 * estimated length (a distribution of the bucket's stack: the same partition and account, and an
 * ID of fixed length), and resolving hundreds of them again was the most expensive validation of
 * a large app.
 */
export function bucketPolicySize(bucket: s3.IBucket, document: iam.PolicyDocument): number {
  const stack = Stack.of(bucket);
  const listed = [...(statements(bucket).accessControl?.distributions ?? [])];
  if (listed.length === 0) return policySize.estimate(stack.resolve(document));
  sizing.add(bucket);
  let withoutList: number;
  try {
    withoutList = policySize.estimate(stack.resolve(document));
  } finally {
    sizing.delete(bucket);
  }
  const arn = policySize.estimate(stack.resolve(listed[0]));
  // `[]` becomes `"arn"` for one distribution, `["arn",...,"arn"]` for more.
  return listed.length === 1 ? withoutList - 2 + arn : withoutList + listed.length * arn + listed.length - 1;
}

/** What has been warned about, by the bucket or key it is about. */
const warned = new WeakMap<object, Set<string>>();

/**
 * True the first time a warning about `subject` (a bucket or key shared by many distributions)
 * is given: it is about the bucket, so it is given once, not once per distribution.
 */
function once(subject: object, id: string): boolean {
  const ids = warned.get(subject) ?? new Set<string>();
  warned.set(subject, ids);
  if (ids.has(id)) return false;
  ids.add(id);
  return true;
}

/** `arn:<partition>:cloudfront::<account>:distribution/*`: every distribution of an account. */
function accountDistributions(account: string): string {
  return `arn:${Aws.PARTITION}:cloudfront::${account}:distribution/*`;
}

/** The statement a user must add to an imported bucket's policy, for `reader`. */
function warnImportedBucket(
  scope: Construct,
  subject: string,
  bucket: s3.IBucket,
  reader: string,
  principal: string,
  condition: string,
): void {
  const bucketName = isDeployTime(bucket.bucketName) ? '<bucket name>' : bucket.bucketName;
  addWarnings(scope, [
    {
      id: 'importedBucketPolicy',
      message: `${subject}: the bucket is imported, so its policy cannot be changed here and CloudFront cannot read it yet. Add this statement to the bucket policy to let ${reader} read: {"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucketName}/*"${condition}}`,
    },
  ]);
}

/**
 * The bucket logs go to: the given one, or a new one CloudFront can write to; none when
 * logging is not enabled.
 */
export function setUpLogBucket(
  scope: Construct,
  settings: logging.LogSettings | undefined,
): s3.IBucket | undefined {
  if (!logging.isEnabled(settings)) return undefined;
  if (settings!.bucket) return settings!.bucket;
  const bucket = new s3.Bucket(scope, 'LoggingBucket', {
    // CloudFront standard logging writes with ACLs.
    objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
    encryption: s3.BucketEncryption.S3_MANAGED,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
  });
  // The log bucket is itself the destination of logs: logging its own access would be
  // circular. cdk-nag 2 reads this template metadata, cdk-nag 3 the acknowledgement aws-cdk-lib
  // records; no dependency on cdk-nag is needed.
  const reason = 'This bucket receives CloudFront access logs; logging access to it would be circular.';
  (bucket.node.defaultChild as s3.CfnBucket).addMetadata('cdk_nag', {
    rules_to_suppress: [{ id: 'AwsSolutions-S1', reason }],
  });
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason });
  return bucket;
}

import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { owned } from './references';
import { Warning, isDeployTime } from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';

/**
 * CloudFront's default quotas on what one distribution holds. They can be raised (Service Quotas,
 * or AWS Support), so going past one is a warning that names it; the limits that cannot be raised
 * are errors where their values are judged (custom headers: `origin.ts`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-web-distributions
 */
export const DISTRIBUTION_QUOTAS = [
  { prop: 'origins', quota: 'Origins per distribution', max: 100 },
  { prop: 'behaviors', quota: 'Cache behaviors per distribution', max: 75 },
  { prop: 'originGroups', quota: 'Origin groups per distribution', max: 10 },
] as const;

/** What the quotas count, as the distribution stands at synth (after addOrigin, addBehavior). */
export interface Counted {
  readonly origins?: readonly unknown[];
  readonly behaviors?: readonly unknown[];
  readonly originGroups?: readonly unknown[];
}

/** Every count of `props` above CloudFront's default quota. */
export function distributionQuotaWarnings(props: Counted): Warning[] {
  return DISTRIBUTION_QUOTAS.flatMap(({ prop, quota, max }) => {
    const list = props[prop];
    if (list === undefined || isDeployTime(list) || list.length <= max) return [];
    return [
      {
        id: 'distributionQuota',
        message: `\`${prop}\` holds ${list.length}, more than CloudFront's default quota "${quota}" (${max}): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).`,
      },
    ];
  });
}

/** A CloudFront quota on a count: its name on the quotas page, its default, whether it can be raised. */
export interface Quota {
  /** What is counted, as messages name it: `CloudFront Function`, `distributions`. */
  readonly resource: string;
  readonly quota: string;
  readonly max: number;
  /** False for a quota that cannot be raised: going past it is an error, not a warning. */
  readonly adjustable: boolean;
}

/**
 * CloudFront's default quotas on how many distributions may share one resource. Past one,
 * CloudFront refuses the deploy of the distribution that goes over it
 * (`TooManyDistributionsAssociatedTo...`). The cache and origin request policies are counted where
 * their policies are made (`cache-policies.ts`).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html
 */
export const SHARING_QUOTAS = {
  accessControl: {
    resource: 'Origin Access Control',
    quota: 'Distributions per origin access control',
    max: 100,
    adjustable: true,
  },
  function: {
    resource: 'CloudFront Function',
    quota: 'Distributions associated with a single function',
    max: 100,
    adjustable: true,
  },
  vpcOrigin: {
    resource: 'VPC origin',
    quota: 'Distributions associated with a single VPC origin',
    max: 50,
    adjustable: true,
  },
  webAcl: {
    resource: 'web ACL',
    quota: 'Associations per web ACL',
    max: 100,
    adjustable: true,
  },
  responseHeadersPolicy: {
    resource: 'response headers policy',
    quota: 'Distributions associated with the same response headers policy',
    max: 100,
    adjustable: true,
  },
} satisfies Record<string, Quota>;

/**
 * CloudFront's default quotas on what one account holds, counted over every stack of the app in
 * that account (aws-cdk-lib's distributions and Origin Access Controls included).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-web-distributions
 */
export const ACCOUNT_QUOTAS = {
  distributions: {
    resource: 'distributions',
    quota: 'Distributions per AWS account',
    max: 500,
    adjustable: true,
  },
  accessControls: {
    resource: 'Origin Access Controls',
    quota: 'Origin access controls per AWS account',
    max: 100,
    adjustable: true,
  },
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cloudfront-limits.html#limits-template
  tenants: {
    resource: 'distribution tenants',
    quota: 'Distribution tenants per AWS account',
    max: 10_000,
    adjustable: true,
  },
} satisfies Record<string, Quota>;

/** A shared resource one distribution names: the quota it counts against, and its identity. */
export interface SharedUse {
  readonly quota: Quota;
  /** The same key, the same resource: a construct path, or a literal ID or ARN. */
  readonly key: string;
  /** How messages name it: its construct path, or its ID or ARN. */
  readonly name: string;
}

/** A finding about a quota: a warning when the quota can be raised, an error otherwise. */
export interface QuotaFinding {
  /** The position of what the finding is about (in the order given): the first past the quota. */
  readonly at: number;
  readonly warning?: Warning;
  readonly error?: string;
}

function finding(at: number, q: Quota, id: string, text: string): QuotaFinding {
  const end = q.adjustable
    ? 'the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support)'
    : 'the deploy fails, and this quota cannot be raised';
  return q.adjustable
    ? { at, warning: { id, message: `${text}: ${end}.` } }
    : { at, error: `${text}: ${end}.` };
}

/**
 * The shared resources that more distributions use than CloudFront allows: one finding per
 * resource, on the first distribution past the quota. `uses[i]` lists what distribution `i` (in
 * the order they were created) names; a resource named twice by one distribution counts once.
 */
export function sharingFindings(uses: readonly (readonly SharedUse[])[]): QuotaFinding[] {
  const users = new Map<string, { use: SharedUse; at: number[] }>();
  uses.forEach((list, i) => {
    for (const use of list) {
      const id = `${use.quota.quota}|${use.key}`;
      const found = users.get(id) ?? { use, at: [] };
      users.set(id, found);
      if (found.at[found.at.length - 1] !== i) found.at.push(i);
    }
  });
  const findings: QuotaFinding[] = [];
  for (const { use, at } of users.values()) {
    const q = use.quota;
    if (at.length <= q.max) continue;
    findings.push(
      finding(
        at[q.max],
        q,
        'sharingQuota',
        `${q.resource} ${use.name} is used by ${at.length} distributions of the app, more than CloudFront's default quota "${q.quota}" (${q.max})`,
      ),
    );
  }
  return findings;
}

/**
 * What one account holds past a quota of `q`: `accounts[i]` is the account of thing `i` (a
 * distribution, an Origin Access Control), `undefined` for an environment-agnostic stack's
 * (deployed to the account of the CLI's credentials: those are counted together).
 */
export function accountFindings(q: Quota, accounts: readonly (string | undefined)[]): QuotaFinding[] {
  const byAccount = new Map<string | undefined, number[]>();
  accounts.forEach((account, i) => {
    const list = byAccount.get(account) ?? [];
    byAccount.set(account, list);
    list.push(i);
  });
  const findings: QuotaFinding[] = [];
  for (const [account, at] of byAccount) {
    if (at.length <= q.max) continue;
    const where =
      account === undefined ? 'the account its environment-agnostic stacks deploy to' : `account ${account}`;
    findings.push(
      finding(
        at[q.max],
        q,
        'accountQuota',
        `The app has ${at.length} ${q.resource} in ${where}, more than CloudFront's default quota "${q.quota}" (${q.max}), besides any the account already has`,
      ),
    );
  }
  return findings;
}

/** What a distribution names that other distributions may share. */
export interface SharingInput {
  readonly defaultCacheBehavior: DefaultCacheBehavior;
  readonly behaviors?: readonly DefaultCacheBehavior[];
  readonly webAclId?: string;
}

/** The identity of a resource a distribution names: its construct path, else its literal ID or ARN. */
function identity(resource: unknown, id: string | undefined): string | undefined {
  if (owned(resource)) return resource.node.path;
  return id === undefined || isDeployTime(id) ? undefined : id;
}

/**
 * The shared resources one distribution names, for `sharingFindings`: its CloudFront Functions,
 * response headers policies made in the app, its web ACL when given as a literal, and the VPC
 * origins its origins reach (`vpcOrigins`: each one's rendered ID, the same string for the same
 * resource, and its name). Imported resources known only at deploy time are not counted.
 */
export function sharedUses(
  input: SharingInput,
  vpcOrigins: readonly { readonly id: string; readonly name: string }[],
): SharedUse[] {
  const uses: SharedUse[] = [];
  for (const b of [input.defaultCacheBehavior, ...(input.behaviors ?? [])]) {
    for (const f of b.functionAssociations ?? []) {
      const key = identity(f.function, (f.function as cloudfront.IFunction | undefined)?.functionArn);
      if (key !== undefined) uses.push({ quota: SHARING_QUOTAS.function, key, name: key });
    }
    if (owned(b.responseHeadersPolicy)) {
      const key = b.responseHeadersPolicy.node.path;
      uses.push({ quota: SHARING_QUOTAS.responseHeadersPolicy, key, name: key });
    }
  }
  if (input.webAclId !== undefined && !isDeployTime(input.webAclId)) {
    uses.push({ quota: SHARING_QUOTAS.webAcl, key: input.webAclId, name: input.webAclId });
  }
  for (const v of vpcOrigins) uses.push({ quota: SHARING_QUOTAS.vpcOrigin, key: v.id, name: v.name });
  return uses;
}

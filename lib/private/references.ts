import { Resource, Stack } from 'aws-cdk-lib';
import { IConstruct, Node } from 'constructs';
import { isDeployTime } from './validation';

/**
 * References from a distribution to constructs in other stacks: what CloudFormation cannot wire,
 * caught at synth with the prop that holds the construct, instead of aws-cdk-lib's error that
 * names no prop (or a dependency cycle found at deploy).
 *
 * @see https://docs.aws.amazon.com/cdk/v2/guide/resources.html
 */

/**
 * The construct node of `value`, when it is a construct of a tree: aws-cdk-lib's managed
 * policies and other constants belong to none, and throw when asked for their node.
 */
export function nodeOf(value: unknown): Node | undefined {
  if (typeof value !== 'object' || value === null || !('node' in value)) return undefined;
  try {
    return (value as IConstruct).node;
  } catch {
    return undefined;
  }
}

/** A construct of this app (not imported by name or ARN): referencing it makes a cross-stack reference. */
export function owned(value: unknown): value is IConstruct {
  return nodeOf(value) !== undefined && Resource.isOwnedResource(value as IConstruct);
}

/**
 * The Region of `resource` when it is known at synth: from its literal ARN (`arn`), else from the
 * stack of a resource made in this app; `undefined` for a deploy-time one.
 */
export function literalRegion(arn: string | undefined, resource: unknown): string | undefined {
  if (typeof arn === 'string' && !isDeployTime(arn) && arn.startsWith('arn:')) {
    return arn.split(':')[3];
  }
  if (!owned(resource) || !(resource instanceof Resource)) return undefined;
  const region = resource.env.region;
  return isDeployTime(region) ? undefined : region;
}

function where(stack: Stack): string {
  return `stack ${stack.node.path} (${stack.environment})`;
}

/**
 * `referenced`, held by the prop `at`, must be in the consumer's environment: CloudFormation
 * references (exports) work only within one account and Region, unless the consumer's stack has
 * `crossRegionReferences` (same account).
 */
export function crossEnvironment(at: string, referenced: unknown, consumer: IConstruct): string[] {
  if (!owned(referenced)) return [];
  const from = Stack.of(referenced);
  const to = Stack.of(consumer);
  if (from === to || from.environment === to.environment) return [];
  const crossRegion = (to as unknown as { _crossRegionReferences?: boolean })._crossRegionReferences === true;
  if (crossRegion && from.account === to.account) return [];
  return [
    `\`${at}\` must be in the environment of the distribution's ${where(to)}: CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set \`crossRegionReferences: true\` on ${to.node.path}; got: a resource of ${where(from)}`,
  ];
}

/**
 * An origin access identity made in the distribution's stack, for a bucket of another stack:
 * the bucket policy would name the identity and the distribution the bucket, a cycle between
 * the two stacks.
 */
export function identityPlacement(
  at: string,
  bucket: unknown,
  identity: unknown,
  consumer: IConstruct,
): string[] {
  if (!owned(bucket) || !owned(identity)) return [];
  const bucketStack = Stack.of(bucket);
  const here = Stack.of(consumer);
  if (bucketStack === here || Stack.of(identity) !== here) return [];
  return [
    `\`${at}\` must be created in the bucket's stack ${bucketStack.node.path} (or imported by ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: an identity of stack ${here.node.path}`,
  ];
}

import {
  DefaultTokenResolver,
  IPostProcessor,
  IResolvable,
  IResolveContext,
  Reference,
  Resource,
  Stack,
  StringConcat,
  Tokenization,
} from 'aws-cdk-lib';
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
  return crossEnvironmentStack(at, Stack.of(referenced), consumer);
}

/**
 * `crossEnvironment`, unless aws-cdk-lib can render `value` (what the distribution reads of the
 * resource: its ARN or ID) in the consumer's stack: a resource given a physical name
 * (`PhysicalName.GENERATE_IF_NEEDED` or a name of its own) is referenced by a name and ARN known
 * at synth, in any environment.
 */
export function crossEnvironmentUse(
  at: string,
  referenced: unknown,
  value: unknown,
  consumer: IConstruct,
): string[] {
  const problems = crossEnvironment(at, referenced, consumer);
  if (problems.length === 0) return [];
  try {
    Tokenization.resolve(value, { scope: consumer, resolver: new DefaultTokenResolver(new StringConcat()) });
    return [];
  } catch {
    return problems;
  }
}

/** `crossEnvironment`, for a reference to a resource of the stack `from`. */
function crossEnvironmentStack(at: string, from: Stack, consumer: IConstruct): string[] {
  const to = Stack.of(consumer);
  if (from === to || from.environment === to.environment) return [];
  const crossRegion = (to as unknown as { _crossRegionReferences?: boolean })._crossRegionReferences === true;
  if (crossRegion && from.account === to.account) return [];
  return [
    `\`${at}\` must be in the environment of the distribution's ${where(to)}: CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set \`crossRegionReferences: true\` on ${to.node.path}; got: a resource of ${where(from)}`,
  ];
}

/**
 * An origin access identity of the distribution's stack (made there, or imported by an ID that
 * is a value of that stack, such as a `CfnParameter`), for a bucket of another stack: the bucket
 * policy would name the identity and the distribution the bucket, a cycle between the two stacks.
 */
export function identityPlacement(
  at: string,
  bucket: unknown,
  identity: unknown,
  consumer: IConstruct,
): string[] {
  if (!owned(bucket) || nodeOf(identity) === undefined) return [];
  const bucketStack = Stack.of(bucket);
  const here = Stack.of(consumer);
  if (bucketStack === here) return [];
  let got: string;
  if (owned(identity)) {
    if (Stack.of(identity) !== here) return [];
    got = `an identity of stack ${here.node.path}`;
  } else {
    const id = (identity as { originAccessIdentityId?: unknown }).originAccessIdentityId;
    if (!referencedStacks(id, consumer).has(here)) return [];
    got = `an identity imported by an ID that is a value of stack ${here.node.path}`;
  }
  return [
    `\`${at}\` must be created in the bucket's stack ${bucketStack.node.path} (or imported by a literal ID) when the bucket is in another stack than the distribution: the bucket policy would name the identity and the distribution the bucket, a dependency cycle between the stacks; got: ${got}`,
  ];
}

/**
 * Records the target of every reference (`Ref`, `Fn::GetAtt`, and the ARNs and names aws-cdk-lib
 * derives from them) met while resolving a value; a token that cannot be resolved from the
 * consumer (a reference across environments) is recorded and left out.
 */
class ReferenceRecorder extends DefaultTokenResolver {
  public readonly stacks = new Set<Stack>();

  public resolveToken(t: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): unknown {
    if (t instanceof Reference) this.stacks.add(Stack.of(t.target));
    try {
      return super.resolveToken(t, context, postProcessor);
    } catch {
      return undefined;
    }
  }
}

/**
 * What an aws-cdk-lib construct renders for a distribution (a bound origin), read from the
 * distribution (`consumer`): every resource it references must be in the distribution's
 * environment, as for the props that hold constructs.
 */
export function renderedReferences(at: string, rendered: unknown, consumer: IConstruct): string[] {
  return [...referencedStacks(rendered, consumer)]
    .flatMap((from) => crossEnvironmentStack(at, from, consumer))
    .slice(0, 1);
}

/** The stacks of the resources `value` references, resolved as `consumer` would. */
export function referencedStacks(value: unknown, consumer: IConstruct): Set<Stack> {
  const recorder = new ReferenceRecorder(new StringConcat());
  Tokenization.resolve(value, { scope: consumer, resolver: recorder });
  return recorder.stacks;
}

/**
 * An aws-cdk-lib S3 origin with Origin Access Control, for a bucket of another stack that the
 * distribution's stack can reference: its binding adds to the bucket's policy a statement naming
 * this distribution, and the distribution names the bucket, a dependency cycle between the stacks. (`bucket`
 * lets the account's distributions read such a bucket instead.)
 */
export function accessControlPlacement(at: string, bucket: unknown, consumer: IConstruct): string[] {
  if (!owned(bucket)) return [];
  const bucketStack = Stack.of(bucket);
  const here = Stack.of(consumer);
  if (bucketStack === here) return [];
  return [
    `\`${at}\` must read a bucket of the distribution's stack ${here.node.path}: aws-cdk-lib's S3 origin with Origin Access Control names the distribution in the policy of a bucket of stack ${bucketStack.node.path}, and the distribution names the bucket, a dependency cycle between the stacks. Give the bucket as \`bucket\` instead (its policy then lets the account's distributions read it), or create the bucket in ${here.node.path}; got: a bucket of stack ${bucketStack.node.path}`,
  ];
}

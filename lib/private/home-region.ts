import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * us-east-1, where CloudFront takes its certificates from, delivers its standard logs (v2) from
 * and publishes its metrics: what a distribution needs there, and when the library can know where
 * that is. What is made there, for a stack of another Region, is made by `lib/companions.ts`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html#https-requirements-aws-region
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
 */

/** The Region of CloudFront's certificates, log delivery sources and metrics. */
export const HOME_REGION = 'us-east-1';

/**
 * Whether the library knows where to make what `scope`'s distribution needs in us-east-1: the
 * stack is in us-east-1 (its account may be unknown), or its account and Region are both known
 * (a companion stack of that account).
 */
export function hasEnvironment(scope: IConstruct): boolean {
  const stack = Stack.of(scope);
  if (stack.region === HOME_REGION) return true;
  return !Token.isUnresolved(stack.region) && !Token.isUnresolved(stack.account);
}

/** Whether `scope` is in a stack of us-east-1. */
export function inHomeRegion(scope: IConstruct): boolean {
  return Stack.of(scope).region === HOME_REGION;
}

/**
 * The prop `at` needs `what` made in us-east-1: in an environment-agnostic stack the library
 * cannot know whether that is the stack's own Region or a companion stack's, so it asks for `env`.
 */
export function environmentRules(at: string, what: string, scope: IConstruct): string[] {
  if (hasEnvironment(scope)) return [];
  return [
    `\`${at}\` needs the account and Region of stack ${Stack.of(scope).node.path} (its \`env\`): ${what} must be made in ${HOME_REGION}, in this stack or in a companion stack of its account, and the library cannot know which; got: an environment-agnostic stack`,
  ];
}

import { Names, Stack, Stage, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { HOME_REGION, inHomeRegion } from './private/home-region';
import { DnsValidatedCertificateProps } from './viewer-certificate';

/**
 * What a distribution in a stack outside us-east-1 needs made in us-east-1, where CloudFront takes
 * its certificates from, delivers its standard logs (v2) from and publishes its metrics: two
 * companion stacks of the same account, made once per distribution stack.
 *
 * - `<stack>-us-east-1`, deployed before the distribution's stack: certificates. The distribution's
 *   stack reads their ARNs through aws-cdk-lib's cross-region references (a writer in the
 *   companion, a reader in the distribution's stack).
 * - `<stack>-us-east-1-after`, deployed after it: access log deliveries and alarms, which name the
 *   distribution.
 *
 * In a stack of us-east-1 everything stays in the distribution's own stack. Not exported from the
 * package.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html#https-requirements-aws-region
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
 */

/** When a companion deploys: before the distribution's stack, or after it. */
export type Order = 'before' | 'after';

/**
 * The scope in us-east-1 for what `distribution` needs there: the distribution itself in a stack of
 * us-east-1, otherwise a construct named after it in the companion stack of `order`.
 */
export function homeScope(distribution: IConstruct, order: Order): Construct {
  if (inHomeRegion(distribution)) return distribution as Construct;
  const companion = companionStack(Stack.of(distribution), order);
  const id = Names.uniqueId(distribution);
  return (companion.node.tryFindChild(id) as Construct | undefined) ?? new Construct(companion, id);
}

/** The companion stack of `stack` for `order`, made once, with its dependency on `stack`. */
export function companionStack(stack: Stack, order: Order): Stack {
  const stage = Stage.of(stack) ?? stack.node.root;
  const id = `${Names.uniqueId(stack)}UsEast1${order === 'after' ? 'After' : ''}`;
  const existing = stage.node.tryFindChild(id);
  if (existing !== undefined) return existing as Stack;
  const companion = new Stack(stage, id, {
    env: { account: stack.account, region: HOME_REGION },
    stackName: `${stack.stackName}-${HOME_REGION}${order === 'after' ? '-after' : ''}`,
    description: `${HOME_REGION} parts of the CloudFront distributions of ${stack.stackName} (cdk-cloudfront-distributions): ${
      order === 'before'
        ? 'certificates, deployed before it'
        : 'access log deliveries and alarms, deployed after it'
    }`,
  });
  if (order === 'before') stack.addDependency(companion, 'certificates CloudFront takes from us-east-1');
  else companion.addDependency(stack, 'what names the distributions (log deliveries, alarms)');
  return companion;
}

/** The certificates made for each request, by the stack they were made in: one per request and stack. */
const made = new WeakMap<DnsValidatedCertificateProps, Map<Stack, acm.Certificate>>();

/**
 * The certificate for `request`, made in us-east-1 for `distribution`: in its stack when that is in
 * us-east-1, otherwise in the stack's companion deployed before it. A request shared by several
 * distributions of one stack (a staging twin) is made once.
 */
export function certificateFor(
  distribution: IConstruct,
  request: DnsValidatedCertificateProps,
): acm.Certificate {
  const scope = homeScope(distribution, 'before');
  const stack = Stack.of(scope);
  const byStack = made.get(request) ?? new Map<Stack, acm.Certificate>();
  made.set(request, byStack);
  const existing = byStack.get(stack);
  if (existing !== undefined) return existing;
  const certificate = new acm.Certificate(scope, 'Certificate', {
    domainName: request.domainName,
    subjectAlternativeNames: request.subjectAlternativeNames,
    validation: acm.CertificateValidation.fromDns(request.hostedZone),
  });
  byStack.set(stack, certificate);
  return certificate;
}

import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Origin } from './origins';
import { renderedReferences } from './private/references';
import { isDeployTime, message, throwIfAny } from './private/validation';

/**
 * Binding aws-cdk-lib origins (`Origin.cdkOrigin`) the way aws-cdk-lib's own `Distribution` does.
 * What the binding creates (Origin Access Control, bucket and key policy statements, Lambda
 * permissions, VPC origins) is the origin's own doing. Not exported from the package.
 */

/**
 * Binds the aws-cdk-lib origin of `o` (at `at`) in its own scope, `<distribution>/Origins/<name>`,
 * with `name` as its origin ID and `distributionId` for the access it grants, and returns what
 * it renders.
 *
 * @param what how errors name the distribution: `Distribution Stack/Www`
 */
export function bindOrigin(
  distribution: Construct,
  what: string,
  at: string,
  o: Origin,
  distributionId: string,
): cloudfront.CfnDistribution.OriginProperty {
  const all =
    (distribution.node.tryFindChild('Origins') as Construct | undefined) ??
    new Construct(distribution, 'Origins');
  // The origin's scope and the ID it binds with are its name. A name known only at deploy time
  // cannot name a construct, and what the origin makes with its ID may live in another stack
  // (the identity of an S3 origin, in the bucket's), where a value of this stack would be a
  // cycle: such an origin is bound as its prop path (`origins[2]`), and rendered under its name.
  const originId = isDeployTime(o.name) ? at : o.name;
  const bound = o.cdkOrigin!.bind(new Construct(all, originId), { originId, distributionId });
  const property = bound.originProperty;
  const problems: string[] = [];
  if (bound.failoverConfig) {
    problems.push(
      message(
        `${at}.cdkOrigin`,
        'must not fail over by itself: list both origins in `origins` and name them in `originGroups` ({ name, primaryOrigin, secondaryOrigin })',
        'an origin with a failover configuration',
      ),
    );
  }
  if (property === undefined) {
    problems.push(message(`${at}.cdkOrigin`, 'must render an origin when bound', 'nothing'));
  } else if (!isDeployTime(property.id) && property.id !== originId) {
    // An `originId` in the origin's props: behaviours name the origin by `name`.
    problems.push(
      message(
        `${at}.cdkOrigin`,
        `must have no \`originId\` of its own: the origin is rendered under \`${at}.name\`${isDeployTime(o.name) ? '' : ` (${JSON.stringify(o.name)})`}, which behaviours and groups name`,
        property.id,
      ),
    );
  }
  if (property !== undefined) problems.push(...renderedReferences(`${at}.cdkOrigin`, property, distribution));
  throwIfAny(what, problems);
  return property!;
}

import { Aws, Names, Stack, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccessLogs } from './logging';
import { DELIVERY_REGION } from './private/access-logs';
import { addWarnings, isDeployTime } from './private/validation';

/**
 * What access logs through standard logging v2 create: the delivery source of the distribution,
 * the delivery destination, the delivery between them, and the permission the destination needs.
 * Not exported from the package.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-vended-logs-permissions-V2.html
 */

/** The log delivery service, which writes vended logs to the destination. */
const DELIVERY_SERVICE = 'delivery.logs.amazonaws.com';

/**
 * Sets up delivery of `distribution`'s access logs (`distributionArn`) as `settings` say, in
 * `AccessLogs` under `home`: the distribution itself in a stack of us-east-1, otherwise its place
 * in the companion stack deployed after it.
 */
export function deliverAccessLogs(
  home: Construct,
  distribution: Construct,
  distributionArn: string,
  settings: AccessLogs,
): logs.CfnDelivery {
  const scope = new Construct(home, 'AccessLogs');
  const name = Names.uniqueResourceName(scope, { maxLength: 60, separator: '-' });
  const source = new logs.CfnDeliverySource(scope, 'Source', {
    name,
    logType: 'ACCESS_LOGS',
    resourceArn: distributionArn,
  });
  const destination = new logs.CfnDeliveryDestination(scope, 'Destination', {
    name,
    destinationResourceArn: settings.destination._arn,
    outputFormat: settings.format,
  });
  const bucketOptions = settings.destination._bucketOptions;
  const delivery = new logs.CfnDelivery(scope, 'Resource', {
    // A reference, so CloudFormation creates the source first: no DependsOn beside it (cfn-lint
    // W3005), and no call to CfnResource#addDependency, which newer aws-cdk-lib deprecates.
    deliverySourceName: source.ref,
    deliveryDestinationArn: destination.attrArn,
    recordFields: settings.fields,
    fieldDelimiter: settings.fieldDelimiter,
    s3SuffixPath: bucketOptions.suffixPath,
    s3EnableHiveCompatiblePath: bucketOptions.hiveCompatiblePath,
  });
  grantDelivery(distribution, settings);
  return delivery;
}

/**
 * The log delivery service may write to the destination: a bucket policy statement, or a log
 * group resource policy statement, limited to this account's delivery sources in us-east-1. A
 * CDK-managed policy must hold it itself: the statement the service adds on its own would be
 * removed by the next update of the policy.
 */
function grantDelivery(distribution: Construct, settings: AccessLogs): void {
  const account = Stack.of(distribution).account;
  const conditions = {
    StringEquals: { 'aws:SourceAccount': account },
    ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:logs:${DELIVERY_REGION}:${account}:delivery-source:*` },
  };
  const { _bucket: bucket, _logGroup: logGroup } = settings.destination;
  let added = true;
  if (bucket) {
    added = bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(DELIVERY_SERVICE)],
        actions: ['s3:PutObject'],
        resources: [bucket.arnForObjects('*')],
        conditions: {
          ...conditions,
          StringEquals: { ...conditions.StringEquals, 's3:x-amz-acl': 'bucket-owner-full-control' },
        },
      }),
    ).statementAdded;
  } else if (logGroup) {
    added = logGroup.addToResourcePolicy(
      new iam.PolicyStatement({
        principals: [new iam.ServicePrincipal(DELIVERY_SERVICE)],
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        // The log group's ARN ends in `:*`: it covers the group's streams.
        resources: [logGroup.logGroupArn],
        conditions,
      }),
    ).statementAdded;
  }
  if (!added) {
    const what = bucket
      ? `bucket ${isDeployTime(bucket.bucketName) ? '' : bucket.bucketName}`.trim()
      : 'log group';
    addWarnings(distribution, [
      {
        id: 'accessLogsPolicy',
        message: `\`accessLogs.destination\`: the ${what} is imported, so its policy cannot be changed here. The log delivery service (${DELIVERY_SERVICE}) adds its statement when the policy lets it; otherwise add one allowing it to write, or no log arrives.`,
      },
    ]);
  }
}

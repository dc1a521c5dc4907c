import { IConstruct } from 'constructs';
import { HOME_REGION, environmentRules } from './home-region';
import { crossEnvironmentUse, literalRegion } from './references';
import { Shape, isDeployTime, like, message, oneOf, unique, unknown } from './validation';
import { AccessLogFormat, AccessLogs } from '../logging';

/**
 * Access logs through standard logging v2: their rules and warnings. What they create is in
 * `lib/access-logs.ts`.
 *
 * CloudFront's log delivery source lives in us-east-1, and so must a CloudWatch Logs log group it
 * delivers to; only an S3 bucket may be in another Region ("Send logs to opt-in AWS Regions" is
 * an Amazon S3 option).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
 */

/** The Region CloudFront delivers standard logs (v2) from. */
export const DELIVERY_REGION = HOME_REGION;

/** The types of the `accessLogs` prop. */
export const SHAPE: Shape = {
  destination: like('an AccessLogDestination', '_kind', '_arn'),
  format: 'string',
  fields: 'string list',
  fieldDelimiter: 'string',
};

/**
 * The shape of a log field's name: `c-ip`, `sc-status`, or a request header's field, `cs(Host)`,
 * `cs(User-Agent)`, `cs(Referer)`, `cs(Cookie)` (the reference's "Log file fields", which apply to
 * standard logging v2 and legacy alike).
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logs-reference.html#BasicDistributionFileFormat
 */
const FIELD_NAME = /^[a-z0-9-]+(\([a-z-]+\))?$/i;

/** Every problem of `accessLogs` of a distribution in `scope`'s stack. */
export function rules(logs: AccessLogs | undefined, scope?: IConstruct, home?: IConstruct): string[] {
  if (logs === undefined) return [];
  const problems: string[] = [];
  if (logs.destination === undefined) {
    problems.push(
      message(
        'accessLogs.destination',
        'is required: AccessLogDestination.logGroup(...), .bucket(...) or .firehose(...)',
        undefined,
      ),
    );
  }
  problems.push(...oneOf('accessLogs.format', logs.format, Object.values(AccessLogFormat)));
  const fields = logs.fields;
  if (fields !== undefined && !isDeployTime(fields)) {
    if (fields.length === 0) {
      problems.push(
        message('accessLogs.fields', 'must list at least one field (leave it out for every field)', fields),
      );
    }
    fields.forEach((f, i) => {
      if (!unknown(f) && !FIELD_NAME.test(f)) {
        problems.push(
          message(`accessLogs.fields[${i}]`, 'must be a log field name such as c-ip or sc-status', f),
        );
      }
    });
    problems.push(...unique('accessLogs.fields', fields));
  }
  if (logs.fieldDelimiter === '') {
    problems.push(
      message('accessLogs.fieldDelimiter', 'must not be empty (leave it out for the default)', ''),
    );
  }
  if (scope !== undefined) {
    const environment = environmentRules(
      'accessLogs',
      "the delivery of CloudFront's standard logs (v2)",
      scope,
    );
    problems.push(...environment);
    // A bucket may be in any Region: the delivery destination (in us-east-1, `home`) names its
    // ARN, which another environment can reference only by a physical name.
    const destination = logs.destination?._bucket ?? logs.destination?._logGroup;
    if (destination !== undefined && environment.length === 0) {
      problems.push(
        ...crossEnvironmentUse('accessLogs.destination', destination, logs.destination!._arn, home ?? scope),
      );
    }
    const logGroup = logs.destination?._logGroup;
    const groupRegion = logGroup ? literalRegion(logGroup.logGroupArn, logGroup) : undefined;
    if (groupRegion !== undefined && groupRegion !== DELIVERY_REGION) {
      problems.push(
        message(
          'accessLogs.destination',
          `must be a log group in ${DELIVERY_REGION}, where CloudFront delivers from (only an S3 bucket may be in another Region)`,
          groupRegion,
        ),
      );
    }
  }
  return problems;
}

import { App, PhysicalName, Stack, aws_logs as logs, aws_s3 as s3 } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, config, errorOf, expectError, make, newStack, warning, WWW_ARN } from './helpers';
import { AccessLogDestination, AccessLogFormat, Distribution } from '../lib';

// Access logs through standard logging v2 (lib/private/access-logs.ts, lib/access-logs.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const DELIVERY_CONDITIONS = {
  StringEquals: { 'aws:SourceAccount': '111111111111' },
  ArnLike: {
    'aws:SourceArn': {
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:us-east-1:111111111111:delivery-source:*']],
    },
  },
};

describe('renders', () => {
  test('to a log group: source, destination, delivery and the log group policy', () => {
    const logGroup = new logs.LogGroup(stack, 'Access');
    make(stack, {
      accessLogs: {
        destination: AccessLogDestination.logGroup(logGroup),
        format: AccessLogFormat.JSON,
        fields: ['timestamp', 'c-ip', 'sc-status'],
      },
    });
    config(stack).hasResourceProperties('AWS::Logs::DeliverySource', {
      Name: Match.stringLikeRegexp('^Stack-Www-AccessLogs'),
      LogType: 'ACCESS_LOGS',
      ResourceArn: WWW_ARN,
    });
    config(stack).hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Access'), 'Arn'] },
      OutputFormat: 'json',
    });
    config(stack).hasResource('AWS::Logs::Delivery', {
      Properties: {
        DeliverySourceName: { Ref: Match.stringLikeRegexp('^WwwAccessLogsSource') },
        DeliveryDestinationArn: {
          'Fn::GetAtt': [Match.stringLikeRegexp('^WwwAccessLogsDestination'), 'Arn'],
        },
        RecordFields: ['timestamp', 'c-ip', 'sc-status'],
      },
      // The reference orders the source first; an explicit DependsOn would be redundant (W3005).
      DependsOn: Match.absent(),
    });
    // The log group policy is a JSON string with the partition and the log group ARN in it.
    config(stack).hasResourceProperties('AWS::Logs::ResourcePolicy', {
      PolicyDocument: {
        'Fn::Join': [
          '',
          [
            '{"Statement":[{"Action":["logs:CreateLogStream","logs:PutLogEvents"],"Condition":{"StringEquals":{"aws:SourceAccount":"111111111111"},"ArnLike":{"aws:SourceArn":"arn:',
            { Ref: 'AWS::Partition' },
            ':logs:us-east-1:111111111111:delivery-source:*"}},"Effect":"Allow","Principal":{"Service":"delivery.logs.amazonaws.com"},"Resource":"',
            { 'Fn::GetAtt': [Match.stringLikeRegexp('^Access'), 'Arn'] },
            '"}],"Version":"2012-10-17"}',
          ],
        ],
      },
    });
  });

  test('to a bucket: the S3 options and the bucket policy statement', () => {
    const bucket = new s3.Bucket(stack, 'Logs');
    make(stack, {
      accessLogs: {
        destination: AccessLogDestination.bucket(bucket, {
          suffixPath: 'cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}',
          hiveCompatiblePath: true,
        }),
        format: AccessLogFormat.PARQUET,
      },
    });
    config(stack).hasResourceProperties('AWS::Logs::Delivery', {
      S3SuffixPath: 'cloudfront/{DistributionId}/{yyyy}/{MM}/{dd}',
      S3EnableHiveCompatiblePath: true,
      RecordFields: Match.absent(),
    });
    config(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: Match.objectLike({
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: 'delivery.logs.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: {
              ...DELIVERY_CONDITIONS,
              StringEquals: {
                ...DELIVERY_CONDITIONS.StringEquals,
                's3:x-amz-acl': 'bucket-owner-full-control',
              },
            },
          }),
        ]),
      }),
    });
  });

  test('to a Firehose stream, beside the legacy standard logs', () => {
    make(stack, {
      logging: { enabled: true },
      accessLogs: {
        destination: AccessLogDestination.firehose(
          'arn:aws:firehose:us-east-1:111111111111:deliverystream/cf',
        ),
        format: AccessLogFormat.PLAIN,
        fieldDelimiter: '\t',
      },
    });
    config(stack).hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: 'arn:aws:firehose:us-east-1:111111111111:deliverystream/cf',
      OutputFormat: 'plain',
    });
    config(stack).hasResourceProperties('AWS::Logs::Delivery', { FieldDelimiter: '\t' });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Logging: {
          Bucket: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WwwLoggingBucket'), 'RegionalDomainName'] },
        },
      }),
    });
  });

  test('nothing without accessLogs', () => {
    make(stack, {});
    config(stack).resourceCountIs('AWS::Logs::DeliverySource', 0);
  });
});

describe('fails when', () => {
  test("the stack's account and Region are known only at deploy time", () => {
    const agnostic = new Stack(new App(), 'Stack');
    expectError(
      agnostic,
      {
        accessLogs: {
          destination: AccessLogDestination.firehose('arn:aws:firehose:us-east-1:1:deliverystream/cf'),
        },
      },
      "`accessLogs` needs the account and Region of stack Stack (its `env`): the delivery of CloudFront's standard logs (v2) must be made in us-east-1, in this stack or in a companion stack of its account, and the library cannot know which; got: an environment-agnostic stack",
    );
  });

  test('the log group is in another Region', () => {
    const logGroup = logs.LogGroup.fromLogGroupArn(
      stack,
      'Eu',
      'arn:aws:logs:eu-west-1:111111111111:log-group:cf:*',
    );
    expectError(
      stack,
      { accessLogs: { destination: AccessLogDestination.logGroup(logGroup) } },
      '`accessLogs.destination` must be a log group in us-east-1, where CloudFront delivers from (only an S3 bucket may be in another Region); got: "eu-west-1"',
    );
  });

  test('a bucket of another Region is refused when it has no name of its own, naming the prop', () => {
    const app = new App();
    const logsStack = new Stack(app, 'Logs', { env: { ...ENV, region: 'eu-west-1' } });
    const web = new Stack(app, 'Web', { env: ENV });
    const bucket = new s3.Bucket(logsStack, 'Bucket');
    expect(
      () =>
        new Distribution(web, 'Www', {
          ...MINIMAL,
          accessLogs: { destination: AccessLogDestination.bucket(bucket) },
        }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Web/Www',
          "`accessLogs.destination` must be in the environment of the distribution's stack Web (aws://111111111111/us-east-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Web; got: a resource of stack Logs (aws://111111111111/eu-west-1)",
        ),
      ),
    );
  });

  test('a bucket of another Region with a name of its own is delivered to (any Region may hold the bucket)', () => {
    const app = new App();
    const logsStack = new Stack(app, 'Logs', { env: { ...ENV, region: 'eu-west-1' } });
    const web = new Stack(app, 'Web', { env: ENV });
    const bucket = new s3.Bucket(logsStack, 'Bucket', { bucketName: PhysicalName.GENERATE_IF_NEEDED });
    new Distribution(web, 'Www', {
      ...MINIMAL,
      accessLogs: { destination: AccessLogDestination.bucket(bucket) },
    });
    app.synth();
    config(web).hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, Match.stringLikeRegexp('^:s3:::logs')]],
      },
    });
    Template.fromStack(logsStack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'delivery.logs.amazonaws.com' } })],
      },
    });
  });

  test('request header fields, cs(Host) and the like, are field names', () => {
    const fields = ['date', 'cs(Host)', 'cs(User-Agent)', 'cs(Referer)', 'cs(Cookie)'];
    make(stack, {
      accessLogs: {
        destination: AccessLogDestination.firehose('arn:aws:firehose:us-east-1:1:deliverystream/cf'),
        fields,
      },
    });
    config(stack).hasResourceProperties('AWS::Logs::Delivery', { RecordFields: fields });
  });

  test('the format, fields or delimiter are wrong', () => {
    expectError(
      stack,
      {
        accessLogs: {
          destination: AccessLogDestination.firehose('arn:aws:firehose:us-east-1:1:deliverystream/cf'),
          format: 'csv' as AccessLogFormat,
          fields: ['c-ip', 'c ip', 'c-ip', 'cs(Host', 'cs(Host)x'],
          fieldDelimiter: '',
        },
      },
      [
        '`accessLogs.format` must be one of json, plain, w3c, raw, parquet; got: "csv"',
        '`accessLogs.fields[1]` must be a log field name such as c-ip or sc-status; got: "c ip"',
        '`accessLogs.fields[3]` must be a log field name such as c-ip or sc-status; got: "cs(Host"',
        '`accessLogs.fields[4]` must be a log field name such as c-ip or sc-status; got: "cs(Host)x"',
        '`accessLogs.fields` must not repeat values; got: "c-ip"',
        '`accessLogs.fieldDelimiter` must not be empty (leave it out for the default); got: ""',
      ].join('\n'),
    );
  });
});

describe('warns when', () => {
  test('the destination bucket is imported', () => {
    make(stack, {
      accessLogs: {
        destination: AccessLogDestination.bucket(s3.Bucket.fromBucketName(stack, 'Imported', 'cf-logs')),
      },
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`accessLogs.destination`: the bucket cf-logs is imported, so its policy cannot be changed here. The log delivery service (delivery.logs.amazonaws.com) adds its statement when the policy lets it; otherwise add one allowing it to write, or no log arrives.',
        'accessLogsPolicy',
      ),
    );
  });
});

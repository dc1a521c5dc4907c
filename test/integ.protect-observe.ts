// Restricting access and observing: signed URLs with a key group, real-time logs to a Kinesis
// stream, standard logging v2 to a log group, additional metrics and alarms on metrics (in
// us-east-1, where CloudFront publishes metrics and delivers logs).
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import {
  App,
  Duration,
  Stack,
  aws_cloudfront as cloudfront,
  aws_cloudwatch as cloudwatch,
  aws_kinesis as kinesis,
  aws_logs as logs,
} from 'aws-cdk-lib';
import { AccessLogDestination, AccessLogFormat, Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-protect-observe', {
  env: { region: 'us-east-1' },
});

const publicKey = new cloudfront.PublicKey(stack, 'SigningKey', {
  encodedKey: [
    '-----BEGIN PUBLIC KEY-----',
    'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAudf8/iNkQgdvjEdm6xYS',
    'JAyxd/kGTbJfQNg9YhInb7TSm0dGu0yx8yZ3fnpmxuRPqJIlaVr+fT4YRl71gEYa',
    'dlhHmnVegyPNjP9dNqZ7zwNqMEPOPnS/NOHbJj1KYKpn1f8pPNycQ5MQCntKGnSj',
    '6fc+nbcC0joDvGz80xuy1W4hLV9oC9c3GT26xfZb2jy9MVtA3cppNuTwqrFi3t6e',
    '0iGpraxZlT5wewjZLpQkngqYr6s3aucPAZVsGTEYPo4nD5mswmtZOm+tgcOrivtD',
    '/3sD/qZLQ6c5siqyS8aTraD6y+VXugujfarTU65IeZ6QAUbLMsWuZOIi5Jn8zAwx',
    'NQIDAQAB',
    '-----END PUBLIC KEY-----',
  ].join('\n'),
});
const members = new cloudfront.KeyGroup(stack, 'Members', { items: [publicKey] });

const realtime = new cloudfront.RealtimeLogConfig(stack, 'Realtime', {
  fields: ['timestamp', 'c-ip', 'sc-status', 'cs-uri-stem'],
  samplingRate: 10,
  endPoints: [cloudfront.Endpoint.fromKinesisStream(new kinesis.Stream(stack, 'Requests'))],
});

const www = new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  origins: [{ name: 'www', domainName: 'example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www', realtimeLogConfig: realtime },
  behaviors: [{ pathPattern: '/members/*', targetOrigin: 'www', trustedKeyGroups: [members] }],
  publishAdditionalMetrics: true,
  accessLogs: {
    destination: AccessLogDestination.logGroup(
      new logs.LogGroup(stack, 'AccessLogs', { retention: logs.RetentionDays.ONE_MONTH }),
    ),
    format: AccessLogFormat.JSON,
    fields: ['timestamp', 'c-ip', 'cs-method', 'cs-uri-stem', 'sc-status', 'time-taken'],
  },
});

new cloudwatch.Alarm(stack, 'ServerErrors', {
  metric: www.metric5xxErrorRate({ period: Duration.minutes(1) }),
  threshold: 5,
  evaluationPeriods: 3,
});
new cloudwatch.Alarm(stack, 'SlowOrigin', {
  metric: www.metricOriginLatency({ statistic: 'p90' }),
  threshold: 2000,
  evaluationPeriods: 5,
});

new IntegTest(app, 'ProtectObserve', { testCases: [stack] });

// A distribution in a stack of eu-west-1: its DNS-validated certificate in the companion stack
// <stack>-us-east-1 (deployed before it), its access log delivery and an alarm in
// <stack>-us-east-1-after (deployed after it). To deploy it, set the context values `account`,
// `domain` and `zoneId` (a public hosted zone of yours).
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, aws_route53 as route53, aws_s3 as s3 } from 'aws-cdk-lib';
import { AccessLogDestination, Distribution, SslCertificate } from '../lib';

const app = new App();
const domain: string = app.node.tryGetContext('domain') ?? 'example.com';
const zoneId: string = app.node.tryGetContext('zoneId') ?? 'Z0123456789ABCDEFGHIJ';
const account: string = app.node.tryGetContext('account') ?? '111111111111';
const stack = new Stack(app, 'cdk-cloudfront-distributions-any-region', {
  env: { account, region: 'eu-west-1' },
});
const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
  hostedZoneId: zoneId,
  zoneName: domain,
});
const logBucket = new s3.Bucket(stack, 'AccessLogs', {
  bucketName: `cdk-cloudfront-distributions-any-region-${account}`,
  enforceSSL: true,
});
const www = new Distribution(stack, 'Www', {
  name: `www.${domain}`,
  sslCertificate: SslCertificate.dnsValidated({ domainName: `www.${domain}`, hostedZone: zone }),
  origins: [{ name: 'www', domainName: 'aws.amazon.com' }],
  defaultCacheBehavior: { targetOrigin: 'www' },
  accessLogs: { destination: AccessLogDestination.bucket(logBucket) },
});
www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 3 });
new IntegTest(app, 'AnyRegion', { testCases: [stack] });

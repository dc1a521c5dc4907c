// A staged rollout: a production distribution on an S3 origin, its staging twin with the change
// under test (a new root object and a short default TTL), and the continuous deployment policy
// that sends 5% of requests, sticky for 10 minutes, to the twin.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Distribution, DistributionProps, StagingDistribution, StagingTraffic } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-staged-rollout');
const site = new s3.Bucket(stack, 'Site');
const props: DistributionProps = {
  name: 'www.example.com',
  origins: [{ name: 'site', bucket: site }],
  defaultCacheBehavior: { targetOrigin: 'site' },
  rootObject: 'index.html',
  // Continuous deployment does not work with HTTP/3.
  httpVersion: cloudfront.HttpVersion.HTTP2,
};
const www = new Distribution(stack, 'Www', props);
new StagingDistribution(stack, 'WwwStaging', {
  ...props,
  rootObject: 'index-v2.html',
  defaultCacheBehavior: { ...props.defaultCacheBehavior, defaultTtl: Duration.minutes(5) },
  primary: www,
  traffic: StagingTraffic.weight(0.05, {
    sessionStickiness: { idleTtl: Duration.minutes(10), maximumTtl: Duration.minutes(30) },
  }),
});
new IntegTest(app, 'StagedRollout', { testCases: [stack] });

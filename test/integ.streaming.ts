// The RTMP distribution. It synthesizes, but cannot deploy: AWS discontinued RTMP distributions
// on 31 December 2020, so CloudFormation rejects new ones. Snapshot only.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { StreamingDistribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-streaming');
const bucket = new s3.Bucket(stack, 'Media', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});
new StreamingDistribution(stack, 'Streaming', {
  name: 'media.example.com',
  origin: { bucket },
  logging: { enabled: true, path: 'rtmp/' },
});
new IntegTest(app, 'Streaming', {
  testCases: [stack],
  cdkCommandOptions: { deploy: { enabled: false } },
});

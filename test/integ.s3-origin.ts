// An S3 origin reached through Origin Access Control, with the bucket policy the construct adds.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack, aws_s3 as s3 } from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-s3-origin');
const bucket = new s3.Bucket(stack, 'Bucket', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});
new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  rootObject: '/index.html',
  origins: [{ name: 'www', bucket }],
  defaultCacheBehavior: { targetOrigin: 'www' },
});
new IntegTest(app, 'S3Origin', { testCases: [stack] });

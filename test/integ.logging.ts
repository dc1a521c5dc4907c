// Access logging to the bucket the construct creates: ACLs enabled for CloudFront, private, encrypted.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-logging');
new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  origins: [{ name: 'www', domainName: 'example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www' },
  logging: { enabled: true, includeCookies: true, path: 'cdn/www/' },
});
new IntegTest(app, 'Logging', { testCases: [stack] });

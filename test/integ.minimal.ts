// The specification's minimum distribution: one custom origin, one default behaviour.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack } from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-minimal');
new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  origins: [{ name: 'www', domainName: 'example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www' },
});
new IntegTest(app, 'Minimal', { testCases: [stack] });

// The bridge: legacy cache settings rendered as cache and origin request policies
// (legacyCacheSettings: false), beside a behaviour that names a managed policy itself.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-cache-policies');
new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  legacyCacheSettings: false,
  origins: [{ name: 'www', domainName: 'example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www', forwardHeaders: ['Accept-Language'] },
  behaviors: [
    { pathPattern: '/api/*', targetOrigin: 'www', forwardHeaders: ['*'], forwardCookies: ['*'] },
    { pathPattern: '/static/*', targetOrigin: 'www', forwardQueryString: false, minTtl: Duration.seconds(1) },
    {
      pathPattern: '/assets/*',
      targetOrigin: 'www',
      cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
      originRequestPolicy: cloudfront.OriginRequestPolicy.CORS_CUSTOM_ORIGIN,
    },
  ],
});
new IntegTest(app, 'CachePolicies', { testCases: [stack] });

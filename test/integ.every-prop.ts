// Every prop of the specification at once (no certificate, so that it deploys anywhere).
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack, aws_cloudfront as cloudfront, aws_s3 as s3 } from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-every-prop');
const assets = new s3.Bucket(stack, 'Assets', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});
const identity = new cloudfront.OriginAccessIdentity(stack, 'Identity');
const legacy = new s3.Bucket(stack, 'Legacy', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});
new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  comment: 'Every prop of the specification',
  rootObject: '/index.html',
  enabled: true,
  priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
  origins: [
    { name: 'assets', bucket: assets },
    { name: 'legacy', bucket: legacy, originAccessIdentity: identity },
    {
      name: 'api',
      domainName: 'example.com',
      httpPort: 8080,
      httpsPort: 8443,
      protocol: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      sslPolicy: ['TLSv1.2'],
    },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'assets',
    forwardQueryString: false,
    forwardHeaders: [],
    forwardCookies: [],
    viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
    minTtl: Duration.seconds(0),
    defaultTtl: Duration.days(1),
    maxTtl: Duration.days(365),
    allowedMethods: ['GET', 'HEAD'],
    cachedMethods: ['GET', 'HEAD'],
    smoothStreaming: false,
    compress: true,
  },
  behaviors: [
    {
      pathPattern: '/api/*',
      targetOrigin: 'api',
      forwardHeaders: ['Authorization'],
      forwardCookies: ['*'],
      viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      cachedMethods: ['GET', 'HEAD', 'OPTIONS'],
      defaultTtl: Duration.seconds(0),
    },
    { pathPattern: '/legacy/*', targetOrigin: 'legacy', forwardCookies: ['session'] },
  ],
  errorResponses: [
    { errorCode: 503, responsePagePath: '/errors/503.html', minTtl: Duration.seconds(0) },
    { errorCode: 404, responsePagePath: '/index.html', responseCode: 200 },
    { errorCode: 500, minTtl: Duration.seconds(30) },
  ],
  logging: { enabled: true, includeCookies: false, path: 'cdn/' },
});
new IntegTest(app, 'EveryProp', { testCases: [stack] });

// Origins aws-cdk-lib models, bound by the distribution: a Lambda function URL behind Origin
// Access Control, a private Application Load Balancer as a VPC origin, and a REST API.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import {
  App,
  Stack,
  aws_apigateway as apigateway,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
  aws_ec2 as ec2,
  aws_elasticloadbalancingv2 as elbv2,
  aws_lambda as lambda,
} from 'aws-cdk-lib';
import { Distribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-origins');

const fn = new lambda.Function(stack, 'App', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "app" });'),
});
const url = fn.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, restrictDefaultSecurityGroup: false });
const alb = new elbv2.ApplicationLoadBalancer(stack, 'Alb', { vpc, internetFacing: false });
alb.addListener('Http', {
  port: 80,
  defaultAction: elbv2.ListenerAction.fixedResponse(200, { messageBody: 'internal' }),
});

const api = new apigateway.RestApi(stack, 'Api');
api.root.addMethod(
  'GET',
  new apigateway.MockIntegration({
    integrationResponses: [{ statusCode: '200' }],
    requestTemplates: { 'application/json': '{"statusCode": 200}' },
  }),
  { methodResponses: [{ statusCode: '200' }] },
);

new Distribution(stack, 'Distribution', {
  name: 'www.example.com',
  origins: [
    { name: 'app', cdkOrigin: origins.FunctionUrlOrigin.withOriginAccessControl(url) },
    {
      name: 'internal',
      cdkOrigin: origins.VpcOrigin.withApplicationLoadBalancer(alb, {
        protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
      }),
    },
    { name: 'api', cdkOrigin: new origins.RestApiOrigin(api) },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'app',
    cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
    originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
  },
  behaviors: [
    { pathPattern: '/internal/*', targetOrigin: 'internal' },
    {
      pathPattern: '/api/*',
      targetOrigin: 'api',
      forwardQueryString: true,
      forwardHeaders: ['Authorization'],
    },
  ],
});
new IntegTest(app, 'Origins', { testCases: [stack] });

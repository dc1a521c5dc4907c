import {
  App,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_lambda as lambda,
} from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import {
  CacheBehavior,
  Distribution,
  DistributionProps,
  ErrorResponse,
  Origin,
  SslCertificate,
} from '../lib';

/** The account and region every test stack is in. */
export const ENV = { account: '111111111111', region: 'us-east-1' };

/** A fresh app and stack, with an explicit environment. */
export function newStack(id = 'Stack'): Stack {
  const app = new App();
  return new Stack(app, id, { env: ENV });
}

/** The smallest valid props: the specification's minimum distribution. */
export const MINIMAL = {
  name: 'www.example.com',
  origins: [{ name: 'www', domainName: 'backend.example.com' }],
  defaultCacheBehavior: { targetOrigin: 'www' },
};

/** A warning annotation as CDK records it: the message and its acknowledgeable id. */
export function warning(text: string, id: string): string {
  return `${text} [ack: cdk-cloudfront-distributions:${id}]`;
}

/** The stack's template (checked against CloudFormation's schemas by test/setup-schema.ts). */
export function config(stack: Stack): Template {
  return Template.fromStack(stack);
}

/** `Www`: MINIMAL with `props` over it. */
export function make(stack: Stack, props: Partial<DistributionProps>): Distribution {
  return new Distribution(stack, 'Www', { ...MINIMAL, ...props } as DistributionProps);
}

/**
 * The exact error of `Distribution Stack/Www` (MINIMAL with `props` over it): its header line,
 * then `problems`, one per line.
 */
export function expectError(stack: Stack, props: Partial<DistributionProps>, problems: string): void {
  expect(() => make(stack, props)).toThrow(new Error(errorOf('Distribution Stack/Www', problems)));
}

/** The whole error a construct throws for `problems` (one per line). */
export function errorOf(what: string, problems: string): string {
  const count = problems.split('\n').length;
  return `${what} has ${count === 1 ? '1 problem' : `${count} problems`}:\n${problems}`;
}

/** One origin `www`: a custom origin on backend.example.com unless `origin` says what it is otherwise. */
export function withOrigin(origin: Partial<Origin>): Partial<DistributionProps> {
  const what =
    'bucket' in origin || 'domainName' in origin || 'cdkOrigin' in origin
      ? {}
      : { domainName: 'backend.example.com' };
  return { origins: [{ name: 'www', ...what, ...origin } as Origin] };
}

/** The default behaviour to `www`, with `behavior`'s settings. */
export function withDefault(behavior: object): Partial<DistributionProps> {
  return { defaultCacheBehavior: { targetOrigin: 'www', ...behavior } };
}

/** One behaviour `/api/*` to `www`, with `behavior`'s settings. */
export function withBehavior(behavior: Partial<CacheBehavior>): Partial<DistributionProps> {
  return { behaviors: [{ targetOrigin: 'www', pathPattern: '/api/*', ...behavior } as CacheBehavior] };
}

/** One error response for 503, with `response`'s settings. */
export function withError(response: Partial<ErrorResponse>): Partial<DistributionProps> {
  return { errorResponses: [{ errorCode: 503, ...response } as ErrorResponse] };
}

/** An IAM server certificate (no region to judge). */
export const IAM_CERT = SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE');

/** An ACM certificate in us-east-1, imported by ARN. */
export function certificate(stack: Stack): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(
    stack,
    'Cert',
    'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
  );
}

/** `arn:<partition>:cloudfront::111111111111:distribution/*`: every distribution of the test account. */
export const ACCOUNT_DISTRIBUTIONS = {
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::111111111111:distribution/*']],
};

/** The ARN of the distribution `Www` of `make`, as the template has it. */
export const WWW_ARN = {
  'Fn::Join': [
    '',
    ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::111111111111:distribution/', { Ref: 'Www4AF92A2E' }],
  ],
};

/** A published Lambda version in `scope`'s stack. */
export function edgeVersion(scope: Stack, id = 'Edge'): lambda.IVersion {
  const fn = new lambda.Function(scope, id, {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async (e) => e.Records[0].cf.request;'),
  });
  return fn.currentVersion;
}

/** A CloudFront Function. */
export function cfFunction(stack: Stack, id = 'Fn'): cloudfront.Function {
  return new cloudfront.Function(stack, id, {
    code: cloudfront.FunctionCode.fromInline('function handler(event) { return event.request; }'),
    runtime: cloudfront.FunctionRuntime.JS_2_0,
  });
}

import { App, Stack } from 'aws-cdk-lib';

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

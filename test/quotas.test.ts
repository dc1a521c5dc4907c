import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { make, newStack, warning } from './helpers';
import { Origin } from '../lib';

// CloudFront's default quotas on one distribution (lib/private/quotas.ts): warnings, at synth.

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const origins = (n: number): Origin[] =>
  Array.from({ length: n }, (_, i) => ({ name: `o${i}`, domainName: `o${i}.example.com` }));

describe('warns when a distribution holds more than a default quota allows', () => {
  test('origins (100), counting those added later', () => {
    const www = make(stack, {
      origins: origins(100),
      defaultCacheBehavior: { targetOrigin: 'o0' },
      behaviors: origins(100)
        .slice(1)
        .map((o, i) => ({ pathPattern: `/o${i + 1}/*`, targetOrigin: o.name })),
    });
    www.addOrigin({ name: 'late', domainName: 'late.example.com' });
    www.addBehavior('/late/*', 'late');
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`origins` holds 101, more than CloudFront\'s default quota "Origins per distribution" (100): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).',
        'distributionQuota',
      ),
    );
  });

  test('behaviours (75) and origin groups (10)', () => {
    make(stack, {
      origins: origins(22),
      originGroups: Array.from({ length: 11 }, (_, i) => ({
        name: `g${i}`,
        primaryOrigin: `o${2 * i}`,
        secondaryOrigin: `o${2 * i + 1}`,
      })),
      defaultCacheBehavior: { targetOrigin: 'g0' },
      behaviors: Array.from({ length: 76 }, (_, i) => ({
        pathPattern: `/b${i}/*`,
        targetOrigin: `g${i % 11}`,
      })),
    });
    const warnings = Annotations.fromStack(stack)
      .findWarning('/Stack/Www', Match.stringLikeRegexp('distributionQuota'))
      .map((m) => m.entry.data);
    expect(warnings).toEqual([
      warning(
        '`behaviors` holds 76, more than CloudFront\'s default quota "Cache behaviors per distribution" (75): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).',
        'distributionQuota',
      ),
      warning(
        '`originGroups` holds 11, more than CloudFront\'s default quota "Origin groups per distribution" (10): the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).',
        'distributionQuota',
      ),
    ]);
  });

  test('(not) at the quotas', () => {
    make(stack, {
      origins: origins(10),
      originGroups: Array.from({ length: 5 }, (_, i) => ({
        name: `g${i}`,
        primaryOrigin: `o${2 * i}`,
        secondaryOrigin: `o${2 * i + 1}`,
      })),
      defaultCacheBehavior: { targetOrigin: 'g0' },
      behaviors: Array.from({ length: 75 }, (_, i) => ({
        pathPattern: `/b${i}/*`,
        targetOrigin: `g${i % 5}`,
      })),
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('distributionQuota'));
  });
});

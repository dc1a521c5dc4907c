import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { config, expectError, make, newStack } from './helpers';

// Origin groups (lib/private/origin-group.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

const origins = [
  { name: 'primary', domainName: 'a.example.com' },
  { name: 'secondary', domainName: 'b.example.com' },
];

describe('renders', () => {
  test('render and can be a target', () => {
    make(stack, {
      origins,
      originGroups: [{ name: 'failover', primaryOrigin: 'primary', secondaryOrigin: 'secondary' }],
      defaultCacheBehavior: { targetOrigin: 'failover' },
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        OriginGroups: {
          Quantity: 1,
          Items: [
            {
              Id: 'failover',
              FailoverCriteria: { StatusCodes: { Quantity: 4, Items: [500, 502, 503, 504] } },
              Members: { Quantity: 2, Items: [{ OriginId: 'primary' }, { OriginId: 'secondary' }] },
            },
          ],
        },
        DefaultCacheBehavior: Match.objectLike({ TargetOriginId: 'failover' }),
      }),
    });
  });
});

describe('fails when', () => {
  test.each([
    [{ name: 'primary' }, '`originGroups[0].name` must differ from every origin name; got: "primary"'],
    [
      { primaryOrigin: 'nope' },
      '`originGroups[0].primaryOrigin` must name an origin ("primary", "secondary"); got: "nope"',
    ],
    [
      { secondaryOrigin: 'primary' },
      '`originGroups[0].secondaryOrigin` must differ from `primaryOrigin`; got: "primary"',
    ],
    [
      { failoverStatusCodes: [] },
      '`originGroups[0].failoverStatusCodes` must list at least one code; got: []',
    ],
    [
      { failoverStatusCodes: [501] },
      '`originGroups[0].failoverStatusCodes[0]` must be one of 400, 403, 404, 416, 500, 502, 503, 504; got: 501',
    ],
  ])('fails when a group has %j', (change, msg) => {
    expectError(
      stack,
      {
        origins,
        originGroups: [
          { name: 'failover', primaryOrigin: 'primary', secondaryOrigin: 'secondary', ...change },
        ],
        defaultCacheBehavior: { targetOrigin: 'primary' },
      },
      msg,
    );
  });
});

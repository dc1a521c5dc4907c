import {
  App,
  Stack,
  Token,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as cdkOrigins,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { ENV, MINIMAL, cfFunction, make, newStack, warning } from './helpers';
import { Distribution, DistributionProps, Origin, StagingDistribution, StagingTraffic } from '../lib';
import { SHARING_QUOTAS, accountFindings, sharingFindings } from '../lib/private/quotas';

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

/** `count` distributions `D0`... of MINIMAL with `props` over it, in `stack`. */
function many(
  scope: Stack,
  count: number,
  props: (i: number) => Partial<DistributionProps> = () => ({}),
): void {
  for (let i = 0; i < count; i++) {
    new Distribution(scope, `D${i}`, { ...MINIMAL, ...props(i) } as DistributionProps);
  }
}

/** The sharing and account quota warnings of the app, by construct path (one synth). */
function quotaWarnings(scope: Stack): { path: string; message: string }[] {
  return (scope.node.root as App)
    .synth()
    .stacks.flatMap((st) => st.messages)
    .filter((m) => m.level === 'warning' && /(sharing|account)Quota/.test(String(m.entry.data)))
    .map((m) => ({ path: m.id, message: m.entry.data as string }));
}

const RAISE =
  'the deploy fails unless the quota was raised for your account (Service Quotas, or AWS Support).';

describe('warns, on the first distribution past the quota, when more distributions share one resource than CloudFront allows', () => {
  test('a CloudFront Function (100), however many behaviours of one distribution use it', () => {
    const fn = cfFunction(stack);
    const association = { function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST };
    many(stack, 101, () => ({
      defaultCacheBehavior: { targetOrigin: 'www', functionAssociations: [association] },
      behaviors: [{ pathPattern: '/a/*', targetOrigin: 'www', functionAssociations: [association] }],
    }));
    expect(quotaWarnings(stack)).toEqual([
      {
        path: '/Stack/D100',
        message: warning(
          `CloudFront Function Stack/Fn is used by 101 distributions of the app, more than CloudFront's default quota "Distributions associated with a single function" (100): ${RAISE}`,
          'sharingQuota',
        ),
      },
    ]);
  });

  test('a function imported by a literal ARN, counted with the same ARN imported again', () => {
    const arn = 'arn:aws:cloudfront::111111111111:function/shared';
    many(stack, 101, (i) => ({
      defaultCacheBehavior: {
        targetOrigin: 'www',
        functionAssociations: [
          {
            function: cloudfront.Function.fromFunctionAttributes(stack, `Fn${i}`, {
              functionArn: arn,
              functionName: 'shared',
            }),
            eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          },
        ],
      },
    }));
    expect(quotaWarnings(stack).map((w) => w.message)).toEqual([
      warning(
        `CloudFront Function ${arn} is used by 101 distributions of the app, more than CloudFront's default quota "Distributions associated with a single function" (100): ${RAISE}`,
        'sharingQuota',
      ),
    ]);
  });

  test('a VPC origin (50)', () => {
    const vpcOrigin = cloudfront.VpcOrigin.fromVpcOriginId(stack, 'Vpc', 'vo_0123456789abcdef');
    many(stack, 51, () => ({
      origins: [
        {
          name: 'www',
          cdkOrigin: cdkOrigins.VpcOrigin.withVpcOrigin(vpcOrigin, { domainName: 'internal.example.com' }),
        },
      ],
    }));
    expect(quotaWarnings(stack)).toEqual([
      {
        path: '/Stack/D50',
        message: warning(
          `VPC origin vo_0123456789abcdef is used by 51 distributions of the app, more than CloudFront's default quota "Distributions associated with a single VPC origin" (50): ${RAISE}`,
          'sharingQuota',
        ),
      },
    ]);
  });

  test('a web ACL given as a literal ARN (100)', () => {
    const arn =
      'arn:aws:wafv2:us-east-1:111111111111:global/webacl/shared/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    many(stack, 101, () => ({ webAclId: arn }));
    expect(quotaWarnings(stack).map((w) => w.message)).toEqual([
      warning(
        `web ACL ${arn} is used by 101 distributions of the app, more than CloudFront's default quota "Associations per web ACL" (100): ${RAISE}`,
        'sharingQuota',
      ),
    ]);
  });

  test('a response headers policy of the app (100)', () => {
    const responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(stack, 'Headers', {
      securityHeadersBehavior: { contentTypeOptions: { override: true } },
    });
    many(stack, 101, () => ({ defaultCacheBehavior: { targetOrigin: 'www', responseHeadersPolicy } }));
    expect(quotaWarnings(stack).map((w) => w.message)).toEqual([
      warning(
        `response headers policy Stack/Headers is used by 101 distributions of the app, more than CloudFront's default quota "Distributions associated with the same response headers policy" (100): ${RAISE}`,
        'sharingQuota',
      ),
    ]);
  });

  test('(not) at the quotas, or on resources known only at deploy time', () => {
    const fn = cfFunction(stack);
    const token = Token.asString({ Ref: 'WebAcl' });
    const imported = cloudfront.Function.fromFunctionAttributes(stack, 'Imported', {
      functionArn: Token.asString({ Ref: 'FunctionArn' }),
      functionName: 'imported',
    });
    many(stack, 100, () => ({
      defaultCacheBehavior: {
        targetOrigin: 'www',
        functionAssociations: [{ function: fn, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
    }));
    const other = new Stack(stack.node.root as App, 'Other', { env: ENV });
    many(other, 150, () => ({
      webAclId: token,
      defaultCacheBehavior: {
        targetOrigin: 'www',
        functionAssociations: [
          { function: imported, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST },
        ],
      },
    }));
    expect(quotaWarnings(stack)).toEqual([]);
  });
});

describe('warns when the app has more distributions or Origin Access Controls in one account than CloudFront allows', () => {
  test("distributions (500), across stacks, with staging twins and aws-cdk-lib's", () => {
    const app = stack.node.root as App;
    const other = new Stack(app, 'Other', { env: ENV });
    many(stack, 300);
    many(other, 198);
    const http2 = { ...MINIMAL, httpVersion: cloudfront.HttpVersion.HTTP2 };
    const primary = new Distribution(other, 'Primary', http2);
    new StagingDistribution(other, 'Staging', {
      ...http2,
      primary,
      traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
    });
    new cloudfront.Distribution(other, 'Theirs', {
      defaultBehavior: { origin: new cdkOrigins.HttpOrigin('backend.example.com') },
    });
    expect(quotaWarnings(stack)).toEqual([
      {
        path: '/Other/Theirs',
        message: warning(
          `The app has 501 distributions in account 111111111111, more than CloudFront's default quota "Distributions per AWS account" (500), besides any the account already has: ${RAISE}`,
          'accountQuota',
        ),
      },
    ]);
  });

  test('(not) distributions of other accounts; environment-agnostic stacks count together', () => {
    const app = stack.node.root as App;
    many(stack, 300);
    many(new Stack(app, 'Elsewhere', { env: { ...ENV, account: '222222222222' } }), 300);
    many(new Stack(app, 'AgnosticA'), 300);
    many(new Stack(app, 'AgnosticB'), 201);
    expect(quotaWarnings(stack).map((w) => w.path)).toEqual(['/AgnosticB/D200']);
    expect(quotaWarnings(stack)[0].message).toContain(
      'The app has 501 distributions in the account its environment-agnostic stacks deploy to',
    );
  });

  test('Origin Access Controls (100): one per stack with S3 origins', () => {
    const app = stack.node.root as App;
    for (let i = 0; i < 101; i++) {
      const s = new Stack(app, `Site${i}`, { env: ENV });
      many(s, 1, () => ({ origins: [{ name: 'www', bucket: new s3.Bucket(s, 'Bucket') }] }));
    }
    expect(quotaWarnings(stack)).toEqual([
      {
        path: '/Site100/CloudFrontDistributionsS3OriginAccessControl',
        message: warning(
          `The app has 101 Origin Access Controls in account 111111111111, more than CloudFront's default quota "Origin access controls per AWS account" (100), besides any the account already has: ${RAISE}`,
          'accountQuota',
        ),
      },
    ]);
  });
});

describe('quota findings (pure)', () => {
  const fixed = { ...SHARING_QUOTAS.function, adjustable: false };

  test('past a quota that cannot be raised: an error, not a warning', () => {
    const uses = Array.from({ length: 101 }, () => [{ quota: fixed, key: 'fn', name: 'Stack/Fn' }]);
    expect(sharingFindings(uses)).toEqual([
      {
        at: 100,
        error: `CloudFront Function Stack/Fn is used by 101 distributions of the app, more than CloudFront's default quota "Distributions associated with a single function" (100): the deploy fails, and this quota cannot be raised.`,
      },
    ]);
    expect(
      accountFindings(
        fixed,
        Array.from({ length: 101 }, () => '1'),
      )[0].error,
    ).toMatch(/cannot be raised/);
  });

  test('one distribution naming a resource twice counts once; different resources apart', () => {
    const twice = [
      { quota: SHARING_QUOTAS.function, key: 'a', name: 'A' },
      { quota: SHARING_QUOTAS.function, key: 'a', name: 'A' },
      { quota: SHARING_QUOTAS.function, key: 'b', name: 'B' },
    ];
    expect(sharingFindings(Array.from({ length: 100 }, () => twice))).toEqual([]);
    expect(sharingFindings(Array.from({ length: 101 }, () => twice)).map((f) => f.at)).toEqual([100, 100]);
  });
});

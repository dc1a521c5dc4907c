import { Duration, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { MINIMAL, config, expectError, newStack, withError } from './helpers';
import { Distribution } from '../lib';

// Custom error responses (lib/private/error-response.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('responseCode defaults to errorCode with a page, and minTtl to 10 seconds', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      errorResponses: [
        { errorCode: 503, responsePagePath: '/static/503.html' },
        { errorCode: 404, responsePagePath: '/index.html', responseCode: 200, minTtl: Duration.seconds(0) },
        { errorCode: 500, minTtl: Duration.minutes(1) },
      ],
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        CustomErrorResponses: [
          { ErrorCode: 503, ResponsePagePath: '/static/503.html', ResponseCode: 503, ErrorCachingMinTTL: 10 },
          { ErrorCode: 404, ResponsePagePath: '/index.html', ResponseCode: 200, ErrorCachingMinTTL: 0 },
          {
            ErrorCode: 500,
            ResponsePagePath: Match.absent(),
            ResponseCode: Match.absent(),
            ErrorCachingMinTTL: 60,
          },
        ],
      }),
    });
  });
});

describe('fails when', () => {
  test.each([200, 302, 418, 599])('fails when errorCode is %d', (errorCode) => {
    expectError(
      stack,
      withError({ errorCode }),
      `\`errorResponses[0].errorCode\` must be one of 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; got: ${errorCode}`,
    );
  });

  test('fails when an errorCode repeats', () => {
    expectError(
      stack,
      { errorResponses: [{ errorCode: 503 }, { errorCode: 503 }] },
      '`errorResponses[].errorCode` must not repeat a code; got: 503',
    );
  });

  test('fails when responseCode is unknown', () => {
    expectError(
      stack,
      withError({ responsePagePath: '/503.html', responseCode: 302 }),
      '`errorResponses[0].responseCode` must be one of 200, 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; got: 302',
    );
  });

  test('fails when responsePagePath does not start with /', () => {
    expectError(
      stack,
      withError({ responsePagePath: '503.html' }),
      '`errorResponses[0].responsePagePath` must start with \'/\'; got: "503.html"',
    );
  });

  test('fails when responseCode comes without responsePagePath', () => {
    expectError(
      stack,
      withError({ responseCode: 200 }),
      '`errorResponses[0].responseCode` needs `responsePagePath` (CloudFront takes both or neither); got: 200',
    );
  });

  test('fails when minTtl is not whole seconds', () => {
    expectError(
      stack,
      withError({ minTtl: Duration.millis(2500) }),
      '`errorResponses[0].minTtl` must be a whole number of seconds; got: 2.5 seconds',
    );
  });
});

import { Duration } from 'aws-cdk-lib';
import { render, rules } from '../../lib/private/error-response';

test('render: the response code follows the page, the caching TTL defaults to 10 seconds', () => {
  expect(render({ errorCode: 404, responsePagePath: '/404.html' })).toEqual({
    errorCode: 404,
    responsePagePath: '/404.html',
    responseCode: 404,
    errorCachingMinTtl: 10,
  });
  expect(render({ errorCode: 503, minTtl: Duration.seconds(0) })).toEqual({
    errorCode: 503,
    responsePagePath: undefined,
    responseCode: undefined,
    errorCachingMinTtl: 0,
  });
});

test('rules: repeated and unknown codes, page path, code without page', () => {
  expect(rules('errorResponses', [{ errorCode: 404 }, { errorCode: 404, responseCode: 200 }])).toEqual([
    '`errorResponses[].errorCode` must not repeat a code; got: 404',
    '`errorResponses[1].responseCode` needs `responsePagePath` (CloudFront takes both or neither); got: 200',
  ]);
  expect(rules('errorResponses', [{ errorCode: 418, responsePagePath: 'x.html' }])).toEqual([
    '`errorResponses[0].errorCode` must be one of 400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504; got: 418',
    '`errorResponses[0].responsePagePath` must start with \'/\'; got: "x.html"',
  ]);
});

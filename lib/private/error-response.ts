import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { Shape, message, oneOf, required, ttl, unknown } from './validation';
import { ErrorResponse } from '../error-response';

/**
 * A custom error response: the page and status CloudFront returns for an HTTP error, and how
 * long it caches the error. Its rules and rendering, side by side.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html
 */

/** The HTTP status codes CloudFront can customize (same page). */
export const ERROR_CODES = [400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504];
/** The codes CloudFront may return instead: 200 or an error code. */
export const RESPONSE_CODES = [200, ...ERROR_CODES];

/** The types of an error response's props, for callers no compiler checks. */
export const SHAPE: Shape = {
  errorCode: 'number',
  responsePagePath: 'string',
  responseCode: 'number',
  minTtl: 'Duration',
};

/** Every problem of the error responses `at` (`errorResponses`). */
export function rules(at: string, responses: readonly ErrorResponse[]): string[] {
  const problems: string[] = [];
  const codes = responses.map((e) => e.errorCode).filter((c) => !unknown(c));
  const repeated = [...new Set(codes.filter((c, i) => codes.indexOf(c) !== i))];
  if (repeated.length > 0) {
    problems.push(
      message(`${at}[].errorCode`, 'must not repeat a code', repeated.length === 1 ? repeated[0] : repeated),
    );
  }
  responses.forEach((e, i) => {
    const ei = `${at}[${i}]`;
    problems.push(...required(`${ei}.errorCode`, e.errorCode));
    problems.push(...oneOf(`${ei}.errorCode`, e.errorCode, ERROR_CODES));
    problems.push(...oneOf(`${ei}.responseCode`, e.responseCode, RESPONSE_CODES));
    if (!unknown(e.responsePagePath) && !e.responsePagePath!.startsWith('/')) {
      problems.push(message(`${ei}.responsePagePath`, "must start with '/'", e.responsePagePath));
    }
    if (e.responseCode !== undefined && e.responsePagePath === undefined) {
      problems.push(
        message(
          `${ei}.responseCode`,
          'needs `responsePagePath` (CloudFront takes both or neither)',
          e.responseCode,
        ),
      );
    }
    problems.push(...ttl(`${ei}.minTtl`, e.minTtl));
  });
  return problems;
}

/** One error response as CloudFormation's `CustomErrorResponse`. */
export function render(e: ErrorResponse): cloudfront.CfnDistribution.CustomErrorResponseProperty {
  const withPage = e.responsePagePath !== undefined;
  return {
    errorCode: e.errorCode,
    responsePagePath: e.responsePagePath,
    // CloudFront takes ResponsePagePath and ResponseCode together or not at all.
    responseCode: withPage ? (e.responseCode ?? e.errorCode) : undefined,
    errorCachingMinTtl: (e.minTtl ?? DEFAULTS.errorCachingMinTtl).toSeconds(),
  };
}

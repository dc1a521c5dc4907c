import { Duration } from 'aws-cdk-lib';

/**
 * A custom response for an HTTP error: a page to serve instead, with a status code, and how
 * long CloudFront caches the error.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/GeneratingCustomErrorResponses.html
 */
export interface ErrorResponse {
  /**
   * The HTTP error code this response applies to, such as 503.
   *
   * Becomes `CustomErrorResponses[].ErrorCode`.
   */
  readonly errorCode: number;

  /**
   * The page to serve for this error, a path that starts with `/`, such as `/static/503.html`.
   *
   * Serve it from an origin that is not the one failing (an S3 origin, say).
   * Becomes `ResponsePagePath`.
   *
   * @default - CloudFront passes the origin's error response through
   */
  readonly responsePagePath?: string;

  /**
   * The HTTP status code to return with `responsePagePath`: the same as `errorCode` or another,
   * even 200. Only with `responsePagePath` (CloudFront takes both or neither).
   *
   * Becomes `ResponseCode`.
   *
   * @default - `errorCode` when `responsePagePath` is given
   */
  readonly responseCode?: number;

  /**
   * How long CloudFront caches this error before asking the origin again.
   *
   * Becomes `ErrorCachingMinTTL`, in whole seconds.
   *
   * @default Duration.seconds(10) (CloudFront's own default, rendered explicitly)
   */
  readonly minTtl?: Duration;
}

import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { DEFAULTS } from './defaults';
import { Shape, message, oneOf, unknown } from './validation';
import { DefaultCacheBehavior } from '../cache-behavior';
import { ViewerMtls, ViewerMtlsMode } from '../viewer-certificate';

/**
 * Viewer mutual TLS: its rules, rendering, and the HTTP version default it changes.
 *
 * "Ensured all distribution cache behaviors use an HTTPS-only viewer protocol policy" and
 * "Ensured your distribution is using HTTP/2 (the default setting, Viewer mTLS is not supported on
 * HTTP/3)"; "You cannot enable mTLS on a distribution with any cache behaviors that support HTTP
 * connections."
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/enable-mtls-distributions.html
 */

/** The types of the `viewerMtls` prop. */
export const SHAPE: Shape = {
  trustStoreId: 'string',
  mode: 'string',
  advertiseTrustStoreCaNames: 'boolean',
  ignoreCertificateExpiry: 'boolean',
  connectionFunctionId: 'string',
};

/** What the rules read of a distribution. */
export interface ViewerMtlsInput {
  readonly viewerMtls?: ViewerMtls;
  readonly httpVersion?: cloudfront.HttpVersion;
}

/** The HTTP versions viewer mutual TLS works with. */
const WITHOUT_HTTP3: string[] = [cloudfront.HttpVersion.HTTP1_1, cloudfront.HttpVersion.HTTP2];

/** The distribution's HTTP version when `httpVersion` is not given: HTTP/2 with viewer mTLS. */
export function defaultHttpVersion(input: ViewerMtlsInput): cloudfront.HttpVersion {
  return input.viewerMtls ? cloudfront.HttpVersion.HTTP2 : DEFAULTS.httpVersion;
}

/** Every problem of `viewerMtls`, given the distribution's behaviours (`[at, behaviour]`). */
export function rules(
  input: ViewerMtlsInput,
  behaviors: readonly [string, DefaultCacheBehavior][],
): string[] {
  const mtls = input.viewerMtls;
  if (mtls === undefined) return [];
  const problems: string[] = [];
  if (mtls.trustStoreId === undefined || mtls.trustStoreId === '') {
    problems.push(
      message(
        'viewerMtls.trustStoreId',
        'is required: the trust store that validates client certificates',
        mtls.trustStoreId,
      ),
    );
  }
  problems.push(...oneOf('viewerMtls.mode', mtls.mode, Object.values(ViewerMtlsMode)));
  // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/associate-connection-functions.html
  const fn = mtls.connectionFunctionId;
  if (!unknown(fn) && (fn!.length < 1 || fn!.length > 64)) {
    problems.push(
      message(
        'viewerMtls.connectionFunctionId',
        'must be the ID of a connection function, 1 to 64 characters',
        fn,
      ),
    );
  }
  const version = input.httpVersion;
  if (!unknown(version) && !WITHOUT_HTTP3.includes(version!)) {
    problems.push(
      message(
        'httpVersion',
        'must be http1.1 or http2 with `viewerMtls`: CloudFront supports no viewer mutual TLS over HTTP/3 (leave `httpVersion` out for http2)',
        version,
      ),
    );
  }
  for (const [at, b] of behaviors) {
    if (b.viewerProtocolPolicy === cloudfront.ViewerProtocolPolicy.ALLOW_ALL) {
      problems.push(
        message(
          `${at}.viewerProtocolPolicy`,
          'must be redirect-to-https or https-only with `viewerMtls`: CloudFront enables no mutual TLS on a distribution with a behaviour that serves HTTP',
          b.viewerProtocolPolicy,
        ),
      );
    }
  }
  return problems;
}

/** The connection function of `viewerMtls` as CloudFormation's `ConnectionFunctionAssociation`. */
export function renderConnectionFunction(
  mtls: ViewerMtls | undefined,
): cloudfront.CfnDistribution.ConnectionFunctionAssociationProperty | undefined {
  return mtls?.connectionFunctionId === undefined ? undefined : { id: mtls.connectionFunctionId };
}

/** `viewerMtls` as CloudFormation's `ViewerMtlsConfig`. */
export function render(
  mtls: ViewerMtls | undefined,
): cloudfront.CfnDistribution.ViewerMtlsConfigProperty | undefined {
  if (mtls === undefined) return undefined;
  return {
    mode: mtls.mode ?? ViewerMtlsMode.REQUIRED,
    trustStoreConfig: {
      trustStoreId: mtls.trustStoreId,
      advertiseTrustStoreCaNames: mtls.advertiseTrustStoreCaNames,
      ignoreCertificateExpiry: mtls.ignoreCertificateExpiry,
    },
  };
}

import { Lazy, Stack, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { config, expectError, make, newStack, withBehavior } from './helpers';
import { ViewerMtlsMode } from '../lib';

// Viewer mutual TLS (lib/private/viewer-mtls.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('a required trust store, and HTTP/2 by default', () => {
    make(stack, { viewerMtls: { trustStoreId: 'ts-1234567890' } });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2',
        ViewerMtlsConfig: { Mode: 'required', TrustStoreConfig: { TrustStoreId: 'ts-1234567890' } },
      }),
    });
  });

  test('every setting, with a trust store of this app', () => {
    const store = new cloudfront.CfnTrustStore(stack, 'Store', {
      name: 'clients',
      caCertificatesBundleSource: {
        caCertificatesBundleS3Location: { bucket: 'ca-bundles', key: 'clients.pem', region: 'us-east-1' },
      },
    });
    make(stack, {
      httpVersion: cloudfront.HttpVersion.HTTP1_1,
      viewerMtls: {
        trustStoreId: store.attrId,
        mode: ViewerMtlsMode.OPTIONAL,
        advertiseTrustStoreCaNames: true,
        ignoreCertificateExpiry: false,
      },
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        // http1.1 is CloudFormation's default: left out.
        HttpVersion: Match.absent(),
        ViewerMtlsConfig: {
          Mode: 'optional',
          TrustStoreConfig: {
            TrustStoreId: { 'Fn::GetAtt': ['Store', 'Id'] },
            AdvertiseTrustStoreCaNames: true,
            IgnoreCertificateExpiry: false,
          },
        },
      }),
    });
  });

  test('a connection function', () => {
    make(stack, { viewerMtls: { trustStoreId: 'ts-1', connectionFunctionId: 'cf-fn-1' } });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ ConnectionFunctionAssociation: { Id: 'cf-fn-1' } }),
    });
  });

  test('none by default, with HTTP/2 and HTTP/3', () => {
    make(stack, {});
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2and3',
        ViewerMtlsConfig: Match.absent(),
        ConnectionFunctionAssociation: Match.absent(),
      }),
    });
  });
});

describe('fails when', () => {
  test.each([cloudfront.HttpVersion.HTTP2_AND_3, cloudfront.HttpVersion.HTTP3])(
    'httpVersion is %s',
    (httpVersion) => {
      expectError(
        stack,
        { httpVersion, viewerMtls: { trustStoreId: 'ts-1' } },
        `\`httpVersion\` must be http1.1 or http2 with \`viewerMtls\`: CloudFront supports no viewer mutual TLS over HTTP/3 (leave \`httpVersion\` out for http2); got: "${httpVersion}"`,
      );
    },
  );

  test('a behaviour serves HTTP', () => {
    expectError(
      stack,
      {
        viewerMtls: { trustStoreId: 'ts-1' },
        ...withBehavior({ viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.ALLOW_ALL }),
      },
      '`behaviors[0].viewerProtocolPolicy` must be redirect-to-https or https-only with `viewerMtls`: CloudFront enables no mutual TLS on a distribution with a behaviour that serves HTTP; got: "allow-all"',
    );
  });

  test('the mode or the trust store is wrong', () => {
    expectError(
      stack,
      {
        viewerMtls: {
          trustStoreId: '',
          mode: 'verify' as ViewerMtlsMode,
          connectionFunctionId: 'x'.repeat(65),
        },
      },
      [
        '`viewerMtls.trustStoreId` is required: the trust store that validates client certificates; got: ""',
        '`viewerMtls.mode` must be one of required, optional, passthrough; got: "verify"',
        `\`viewerMtls.connectionFunctionId\` must be the ID of a connection function, 1 to 64 characters; got: "${'x'.repeat(65)}"`,
      ].join('\n'),
    );
  });

  test('(not) a deploy-time HTTP version', () => {
    make(stack, {
      httpVersion: Lazy.string({ produce: () => 'http2' }) as cloudfront.HttpVersion,
      viewerMtls: { trustStoreId: 'ts-1' },
    });
    config(stack).resourceCountIs('AWS::CloudFront::Distribution', 1);
  });
});

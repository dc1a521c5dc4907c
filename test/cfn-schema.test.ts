import { schemaErrors } from './cfn-schema';

// The schema check is itself tested: it must reject what CloudFormation rejects.
const VALID_CONFIG = {
  Enabled: true,
  Origins: [
    {
      Id: 'www',
      DomainName: 'backend.example.com',
      CustomOriginConfig: { OriginProtocolPolicy: 'https-only' },
    },
  ],
  DefaultCacheBehavior: {
    TargetOriginId: 'www',
    ViewerProtocolPolicy: 'redirect-to-https',
    ForwardedValues: { QueryString: true, Cookies: { Forward: 'none' } },
  },
  ViewerCertificate: { CloudFrontDefaultCertificate: true },
};

function distribution(config: object) {
  return {
    Resources: { D: { Type: 'AWS::CloudFront::Distribution', Properties: { DistributionConfig: config } } },
  };
}

describe('schemaErrors', () => {
  test('accepts a valid distribution, and intrinsics wherever a value is expected', () => {
    expect(schemaErrors(distribution(VALID_CONFIG))).toEqual([]);
    expect(
      schemaErrors(
        distribution({
          ...VALID_CONFIG,
          Enabled: { Ref: 'Enabled' },
          Origins: [
            { ...VALID_CONFIG.Origins[0], DomainName: { 'Fn::GetAtt': ['Bucket', 'RegionalDomainName'] } },
          ],
          Aliases: { 'Fn::Split': [',', 'a.example.com'] },
        }),
      ),
    ).toEqual([]);
  });

  test('accepts a dynamic reference wherever a value is expected (CloudFormation resolves it first)', () => {
    expect(
      schemaErrors(distribution({ ...VALID_CONFIG, PriceClass: '{{resolve:ssm:/price-class}}' })),
    ).toEqual([]);
    expect(schemaErrors(distribution({ ...VALID_CONFIG, PriceClass: 'PriceClass_300' }))).not.toEqual([]);
  });

  test.each([
    [
      'an unknown error code',
      { CustomErrorResponses: [{ ErrorCode: 418 }] },
      '/DistributionConfig/CustomErrorResponses/0/ErrorCode',
    ],
    ['an unknown price class', { PriceClass: 'PriceClass_300' }, '/DistributionConfig/PriceClass'],
    [
      'two certificates',
      {
        ViewerCertificate: {
          CloudFrontDefaultCertificate: true,
          IamCertificateId: 'ASCA',
          SslSupportMethod: 'sni-only',
        },
      },
      '/DistributionConfig/ViewerCertificate',
    ],
    [
      'an IAM certificate without SslSupportMethod',
      { ViewerCertificate: { IamCertificateId: 'ASCA' } },
      '/DistributionConfig/ViewerCertificate',
    ],
    [
      'a ResponseCode without ResponsePagePath',
      { CustomErrorResponses: [{ ErrorCode: 404, ResponseCode: 200 }] },
      '/DistributionConfig/CustomErrorResponses/0',
    ],
    ['an unknown property', { Unknown: 1 }, '/DistributionConfig'],
  ])('rejects %s', (_, change, where) => {
    const errors = schemaErrors(distribution({ ...VALID_CONFIG, ...change }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(`D (AWS::CloudFront::Distribution): ${where} `);
  });

  test('rejects a streaming distribution without Tags or TrustedSigners', () => {
    const errors = schemaErrors({
      Resources: {
        S: {
          Type: 'AWS::CloudFront::StreamingDistribution',
          Properties: {
            StreamingDistributionConfig: {
              Comment: 'x',
              Enabled: true,
              S3Origin: { DomainName: 'b.s3.amazonaws.com', OriginAccessIdentity: '' },
            },
          },
        },
      },
    });
    expect(errors).toEqual([
      'S (AWS::CloudFront::StreamingDistribution): / must have required property \'Tags\' {"missingProperty":"Tags"}',
      'S (AWS::CloudFront::StreamingDistribution): /StreamingDistributionConfig must have required property \'TrustedSigners\' {"missingProperty":"TrustedSigners"}',
    ]);
  });
});

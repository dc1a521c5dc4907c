import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { SslCertificate } from '../../lib';
import { nameRules, render, rules, warnings } from '../../lib/private/certificate';

const IAM = SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE');

test("render: no aliases and no ViewerCertificate without a certificate (CloudFormation's default is CloudFront's default certificate)", () => {
  expect(render({ name: 'www.example.com' })).toEqual({
    aliases: undefined,
    viewerCertificate: undefined,
  });
});

test('render: the name first, aliases without repeats, SNI and TLSv1.2_2021 by default', () => {
  expect(
    render({ name: 'www.example.com', aliases: ['a.example.com', 'www.example.com'], sslCertificate: IAM }),
  ).toEqual({
    aliases: ['www.example.com', 'a.example.com'],
    viewerCertificate: {
      acmCertificateArn: undefined,
      iamCertificateId: 'ASCACKCEVSQ6C2EXAMPLE',
      sslSupportMethod: 'sni-only',
      minimumProtocolVersion: 'TLSv1.2_2021',
    },
  });
});

test('rules: names are domain names; aliases and TLS settings need a certificate', () => {
  expect(nameRules({ name: 'www.example.com', aliases: ['a..b'] }, true)).toEqual([
    '`aliases[0]` must be a domain name such as www.example.com or *.example.com; got: "a..b"',
  ]);
  expect(rules({ name: 'www.example.com', aliases: ['a.example.com'] })).toEqual([
    '`aliases` needs `sslCertificate`: CloudFront accepts no alternate domain name without a certificate that covers it; got: ["a.example.com"]',
  ]);
  expect(
    rules({
      name: 'www.example.com',
      sslCertificate: IAM,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.SSL_V3,
    }),
  ).toEqual(['`sslMinimumProtocolVersion` may be SSLv3 only with `sslSupportMethod` vip; got: "SSLv3"']);
});

test('warnings: a name without a certificate, static-ip, an insecure policy', () => {
  expect(warnings({ name: 'www.example.com' }).map((w) => w.id)).toEqual(['nameNotAnAlias']);
  expect(
    warnings({
      name: 'www.example.com',
      sslCertificate: IAM,
      sslSupportMethod: cloudfront.SSLMethod.STATIC_IP,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1,
    }).map((w) => w.id),
  ).toEqual(['staticIp', 'insecureMinimumProtocolVersion']);
});

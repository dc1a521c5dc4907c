// A custom origin on its own ports, with an ACM certificate and aliases.
// To deploy it, give a hosted zone you own: -c domain=example.org -c zoneId=Z0123456789
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, aws_certificatemanager as acm, aws_route53 as route53 } from 'aws-cdk-lib';
import { Distribution, SslCertificate } from '../lib';

const app = new App();
const domain: string = app.node.tryGetContext('domain') ?? 'example.com';
const zoneId: string = app.node.tryGetContext('zoneId') ?? 'Z0123456789ABCDEFGHIJ';
const stack = new Stack(app, 'cdk-cloudfront-distributions-custom-origin');
const zone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
  hostedZoneId: zoneId,
  zoneName: domain,
});
const certificate = new acm.Certificate(stack, 'Certificate', {
  domainName: `www.${domain}`,
  subjectAlternativeNames: [`static.${domain}`],
  validation: acm.CertificateValidation.fromDns(zone),
});
new Distribution(stack, 'Distribution', {
  name: `www.${domain}`,
  aliases: [`static.${domain}`],
  sslCertificate: SslCertificate.fromAcmCertificate(certificate),
  origins: [{ name: 'www', domainName: `origin.${domain}`, httpPort: 8080, httpsPort: 8443 }],
  defaultCacheBehavior: { targetOrigin: 'www' },
});
// CloudFront takes certificates from us-east-1 only: the test runs there.
new IntegTest(app, 'CustomOriginCertificate', { testCases: [stack], regions: ['us-east-1'] });

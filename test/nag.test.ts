import {
  App,
  Aspects,
  Stack,
  Validations,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_logs as logs,
  aws_route53 as route53,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ENV } from './helpers';
import {
  AccessLogDestination,
  ConnectionGroup,
  Distribution,
  MultiTenantDistribution,
  SslCertificate,
  StagingDistribution,
  StagingTraffic,
} from '../lib';

// cdk-nag's AwsSolutions pack proves the secure defaults: a distribution with a certificate,
// logging and an S3 origin has no error-level finding.
describe('cdk-nag AwsSolutionsChecks', () => {
  let app: App;
  let stack: Stack;
  beforeEach(() => {
    app = new App();
    stack = new Stack(app, 'Stack', { env: ENV });
    Aspects.of(app).add(new AwsSolutionsChecks());
  });

  function build() {
    const accessLogs = new s3.Bucket(stack, 'AccessLogs', {
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const content = new s3.Bucket(stack, 'Content', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      serverAccessLogsBucket: accessLogs,
    });
    const certificate = acm.Certificate.fromCertificateArn(
      stack,
      'Certificate',
      'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    );
    return new Distribution(stack, 'Www', {
      name: 'www.example.com',
      sslCertificate: SslCertificate.fromAcmCertificate(certificate),
      origins: [{ name: 'content', bucket: content }],
      defaultCacheBehavior: { targetOrigin: 'content' },
      rootObject: '/index.html',
      logging: { enabled: true },
    });
  }

  test('has no error-level finding on the distribution and its own resources', () => {
    build();
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  test('stays clean with signed URLs, viewer mutual TLS, access logs v2 and additional metrics', () => {
    const www = build();
    const publicKey = new cloudfront.PublicKey(stack, 'Key', {
      encodedKey:
        '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----',
    });
    www.addBehavior('/members/*', 'content', {
      trustedKeyGroups: [new cloudfront.KeyGroup(stack, 'Keys', { items: [publicKey] })],
    });
    new Distribution(stack, 'Api', {
      name: 'api.example.com',
      origins: [{ name: 'api', domainName: 'backend.example.com' }],
      defaultCacheBehavior: {
        targetOrigin: 'api',
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
      },
      sslCertificate: SslCertificate.fromAcmCertificate(
        acm.Certificate.fromCertificateArn(
          stack,
          'ApiCertificate',
          'arn:aws:acm:us-east-1:111111111111:certificate/a',
        ),
      ),
      viewerMtls: { trustStoreId: 'ts-1234567890' },
      accessLogs: { destination: AccessLogDestination.logGroup(new logs.LogGroup(stack, 'ApiLogs')) },
      publishAdditionalMetrics: true,
      logging: { enabled: true },
    });
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  test('stays clean with a staging twin (staged rollout)', () => {
    const certificate = acm.Certificate.fromCertificateArn(
      stack,
      'Certificate',
      'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    );
    const props = {
      name: 'www.example.com',
      sslCertificate: SslCertificate.fromAcmCertificate(certificate),
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
      httpVersion: cloudfront.HttpVersion.HTTP2,
      logging: { enabled: true },
    };
    const www = new Distribution(stack, 'Www', props);
    new StagingDistribution(stack, 'WwwStaging', {
      ...props,
      rootObject: 'index.html',
      primary: www,
      traffic: StagingTraffic.weight(0.05),
    });
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  test('stays clean with a multi-tenant distribution, its tenants and a connection group', () => {
    const certificate = acm.Certificate.fromCertificateArn(
      stack,
      'Certificate',
      'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    );
    const saas = new MultiTenantDistribution(stack, 'Saas', {
      name: 'Customer sites',
      sslCertificate: SslCertificate.fromAcmCertificate(certificate),
      origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'sites' },
      parameters: [{ name: 'tenant' }],
      logging: { enabled: true },
    });
    const group = new ConnectionGroup(stack, 'Group');
    saas.addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      connectionGroup: group,
    });
    saas.addTenant('Globex', {
      domains: ['www.globex.example'],
      parameters: { tenant: 'globex' },
      customizations: { managedCertificate: { primaryDomainName: 'www.globex.example' } },
    });
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
  });

  test('stays clean with a stack outside us-east-1 and its companion stacks', () => {
    const eu = new Stack(app, 'Site', { env: { account: ENV.account, region: 'eu-west-1' } });
    const zone = route53.HostedZone.fromHostedZoneAttributes(eu, 'Zone', {
      hostedZoneId: 'Z0123456789ABC',
      zoneName: 'example.com',
    });
    const www = new Distribution(eu, 'Www', {
      name: 'www.example.com',
      sslCertificate: SslCertificate.dnsValidated({ domainName: 'www.example.com', hostedZone: zone }),
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
      logging: { enabled: true },
      accessLogs: {
        destination: AccessLogDestination.firehose(
          'arn:aws:firehose:us-east-1:111111111111:deliverystream/cf',
        ),
      },
    });
    www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 1 });
    app.synth();
    const stacks = app.node.children.filter((c): c is Stack => c instanceof Stack && c !== stack);
    expect(stacks.map((s) => s.stackName).sort()).toEqual(['Site', 'Site-us-east-1', 'Site-us-east-1-after']);
    for (const s of stacks) {
      const errors = Annotations.fromStack(s).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
      expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([]);
    }
  });

  test('the checks are live: without a certificate CloudFront allows TLSv1, and CFR4 says so', () => {
    new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
      logging: { enabled: true },
    });
    app.synth();
    const errors = Annotations.fromStack(stack).findError('*', Match.stringLikeRegexp('AwsSolutions-'));
    expect(errors.map((e) => `${e.id}: ${String(e.entry.data).split(':')[0]}`)).toEqual([
      '/Stack/Www/Resource: AwsSolutions-CFR4',
    ]);
  });

  test('the remaining warnings are the decisions a user makes (WAF, geo restriction)', () => {
    build();
    app.synth();
    const warnings = Annotations.fromStack(stack)
      .findWarning('/Stack/Www/Resource', Match.stringLikeRegexp('AwsSolutions-'))
      .map((w) => String(w.entry.data).split(':')[0])
      .sort();
    expect(warnings).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2']);
  });
});

// cdk-nag 3 runs as an aws-cdk-lib validation plugin and reads what `Validations.of(...).acknowledge`
// records (it is not a dependency here: the record is what it reads).
test('the log bucket the library makes acknowledges AwsSolutions-S1 for cdk-nag 3 too', () => {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env: ENV });
  const www = new Distribution(stack, 'Www', {
    name: 'www.example.com',
    origins: [{ name: 'www', domainName: 'backend.example.com' }],
    defaultCacheBehavior: { targetOrigin: 'www' },
    logging: { enabled: true },
  });
  const acknowledged = www
    .loggingBucket!.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
    .map((m) => m.data);
  expect(JSON.stringify(acknowledged)).toContain('AwsSolutions-S1');
  expect(JSON.stringify(acknowledged)).toContain('logging access to it would be circular');
});

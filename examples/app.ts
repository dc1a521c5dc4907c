/**
 * The example app: one stack per example of the specification, plus a realistic site.
 *
 * `npm run example` synthesizes it with the cdk CLI and prints every template.
 */
import {
  App,
  Aspects,
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_route53 as route53,
  aws_route53_targets as targets,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, NagSuppressions } from 'cdk-nag';
import { Distribution, SslCertificate, StreamingDistribution } from '../lib';

const app = new App();
// An explicit environment: no lookups, so the app synthesizes without AWS credentials.
const env = { account: '111111111111', region: 'us-east-1' };

// The minimum distribution.
const minimal = new Stack(app, 'SpecMinimal', { env });
const specMinimal = new Distribution(minimal, 'Distribution', {
  name: 'www.example.com',
  origins: [
    {
      name: 'www',
      domainName: 'backend.example.com',
    },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'www',
  },
});

// Serving content from an S3 bucket.
const s3Origin = new Stack(app, 'SpecS3Origin', { env });
const bucket = new s3.Bucket(s3Origin, 'Bucket', { bucketName: 'my-test-bucket' });
const specS3 = new Distribution(s3Origin, 'Distribution', {
  name: 'www.example.com',
  origins: [
    {
      name: 'www',
      bucket: bucket,
    },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'www',
  },
});

// Serving content from a backend HTTP or HTTPS service, on ports 8080 and 8043.
const customOrigin = new Stack(app, 'SpecCustomOrigin', { env });
const specCustom = new Distribution(customOrigin, 'Distribution', {
  name: 'www.example.com',
  origins: [
    {
      name: 'www',
      domainName: 'backend.example.com',
      httpPort: 8080,
      httpsPort: 8043,
    },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'www',
  },
});

// A realistic site: static files from S3, an API behind /api/*, a certificate, aliases,
// friendly error pages, access logs and a DNS record.
const site = new Stack(app, 'Site', { env });
const zone = route53.HostedZone.fromHostedZoneAttributes(site, 'Zone', {
  hostedZoneId: 'Z0123456789ABCDEFGHIJ',
  zoneName: 'example.com',
});
const certificate = new acm.Certificate(site, 'Certificate', {
  domainName: 'www.example.com',
  subjectAlternativeNames: ['example.com'],
  validation: acm.CertificateValidation.fromDns(zone),
});
const accessLogs = new s3.Bucket(site, 'AccessLogs', {
  objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
});
const assets = new s3.Bucket(site, 'Assets', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  serverAccessLogsBucket: accessLogs,
});
const www = new Distribution(site, 'Www', {
  name: 'www.example.com',
  aliases: ['example.com'],
  sslCertificate: SslCertificate.fromAcmCertificate(certificate),
  rootObject: '/index.html',
  origins: [
    { name: 'assets', bucket: assets },
    { name: 'api', domainName: 'api.internal.example.com' },
  ],
  defaultCacheBehavior: {
    targetOrigin: 'assets',
    forwardQueryString: false,
  },
  behaviors: [
    {
      pathPattern: '/api/*',
      targetOrigin: 'api',
      forwardHeaders: ['Authorization', 'Accept-Language'],
      forwardCookies: ['session'],
      allowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.minutes(5),
    },
  ],
  errorResponses: [
    { errorCode: 404, responsePagePath: '/errors/404.html', minTtl: Duration.minutes(5) },
    { errorCode: 503, responsePagePath: '/errors/503.html', minTtl: Duration.seconds(0) },
  ],
  logging: { enabled: true, path: 'cdn/www/' },
});
new route53.ARecord(site, 'WwwRecord', {
  zone,
  recordName: 'www',
  target: route53.RecordTarget.fromAlias(new targets.CloudFrontTarget(www)),
});

// An RTMP distribution, as people migrating old configuration have it (AWS discontinued RTMP
// at the end of 2020: it synthesizes, with a warning, but CloudFront no longer creates it).
const streaming = new Stack(app, 'Streaming', { env });
const media = new s3.Bucket(streaming, 'Media', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  serverAccessLogsPrefix: 'access/',
});
const rtmp = new StreamingDistribution(streaming, 'Rtmp', {
  name: 'media.example.com',
  origin: { bucket: media },
  logging: { enabled: true, path: 'rtmp/' },
});

// `cdk synth -c nag=true` (CI runs it) checks the whole app with cdk-nag's AwsSolutions pack:
// an error finding fails the synth. What is left is suppressed here, each with its reason.
if (app.node.tryGetContext('nag')) {
  Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));

  // The user's decisions (README, "Security and compliance controls").
  NagSuppressions.addResourceSuppressions(www, [
    { id: 'AwsSolutions-CFR1', reason: 'The site serves every country: no geo restriction is wanted.' },
    {
      id: 'AwsSolutions-CFR2',
      reason: 'AWS WAF is managed centrally by AWS Firewall Manager for this account.',
    },
  ]);

  // The specification's examples, reproduced as written: no certificate (CloudFront's default
  // certificate still accepts TLSv1), no access logs, a bucket without policy or logs.
  const verbatim = 'Reproduces an example of the specification as written; not a deployment recommendation.';
  for (const distribution of [specMinimal, specS3, specCustom]) {
    NagSuppressions.addResourceSuppressions(distribution, [
      { id: 'AwsSolutions-CFR1', reason: verbatim },
      { id: 'AwsSolutions-CFR2', reason: verbatim },
      { id: 'AwsSolutions-CFR3', reason: verbatim },
      { id: 'AwsSolutions-CFR4', reason: verbatim },
    ]);
  }
  // cdk-nag's CFR6 cannot read the identity through the Fn::Join it is rendered as; the
  // construct always sets one (given, or created and granted read).
  NagSuppressions.addResourceSuppressions(rtmp, [
    {
      id: 'CdkNagValidationFailure',
      reason: 'AwsSolutions-CFR6 cannot evaluate Fn::Join; the origin access identity is always set.',
      appliesTo: ['AwsSolutions-CFR6'],
    },
  ]);
  NagSuppressions.addResourceSuppressions(
    bucket,
    [
      { id: 'AwsSolutions-S1', reason: verbatim },
      { id: 'AwsSolutions-S10', reason: verbatim },
    ],
    true,
  );
}

app.synth();

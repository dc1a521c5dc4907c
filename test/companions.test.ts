import {
  App,
  CfnParameter,
  Stack,
  aws_cloudfront as cloudfront,
  aws_cloudwatch as cloudwatch,
  aws_logs as logs,
  aws_route53 as route53,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { errorOf } from './helpers';
import {
  AccessLogDestination,
  Distribution,
  DistributionProps,
  SslCertificate,
  StagingDistribution,
  StagingTraffic,
} from '../lib';

// Distributions in any Region: what CloudFront needs in us-east-1 (certificates, access log
// deliveries, alarms) made there, in companion stacks when the distribution's stack is elsewhere
// (lib/companions.ts, lib/private/home-region.ts).

const ACCOUNT = '111111111111';
const EU = { account: ACCOUNT, region: 'eu-west-1' };
const US = { account: ACCOUNT, region: 'us-east-1' };

let app: App;
beforeEach(() => {
  app = new App();
});

function zone(s: Stack): route53.IHostedZone {
  return route53.HostedZone.fromHostedZoneAttributes(s, 'Zone', {
    hostedZoneId: 'Z0123456789ABC',
    zoneName: 'example.com',
  });
}

function props(s: Stack, more: Partial<DistributionProps> = {}): DistributionProps {
  return {
    name: 'www.example.com',
    aliases: ['example.com'],
    sslCertificate: SslCertificate.dnsValidated({
      domainName: 'example.com',
      subjectAlternativeNames: ['www.example.com'],
      hostedZone: zone(s),
    }),
    origins: [{ name: 'www', domainName: 'backend.example.com' }],
    defaultCacheBehavior: { targetOrigin: 'www' },
    ...more,
  };
}

const stackNamed = (name: string) => app.synth().getStackByName(name);

test("the README's example: three stacks, each template as written", () => {
  const stack = new Stack(app, 'Site', { env: EU });
  const www = new Distribution(stack, 'Www', {
    ...props(stack),
    accessLogs: {
      destination: AccessLogDestination.firehose('arn:aws:firehose:us-east-1:111111111111:deliverystream/cf'),
    },
  });
  www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 3 });
  const assembly = app.synth();
  expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual([
    'Site',
    'Site-us-east-1',
    'Site-us-east-1-after',
  ]);
  for (const name of ['Site-us-east-1', 'Site', 'Site-us-east-1-after']) {
    expect(assembly.getStackByName(name).template).toMatchSnapshot(name);
  }
});

describe('a stack outside us-east-1', () => {
  test('the certificate is made in the companion stack `<stack>-us-east-1`, which the stack depends on', () => {
    const stack = new Stack(app, 'Site', { env: EU });
    new Distribution(stack, 'Www', props(stack));
    const companion = app.node.findChild('SiteUsEast1') as Stack;
    expect(companion.stackName).toBe('Site-us-east-1');
    expect(companion.region).toBe('us-east-1');
    Template.fromStack(companion).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'example.com',
      SubjectAlternativeNames: ['www.example.com'],
      ValidationMethod: 'DNS',
      DomainValidationOptions: Match.arrayWith([
        { DomainName: 'example.com', HostedZoneId: 'Z0123456789ABC' },
      ]),
    });
    const site = Template.fromStack(stack);
    site.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    site.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        Aliases: ['www.example.com', 'example.com'],
        ViewerCertificate: Match.objectLike({
          AcmCertificateArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ExportsReader'), Match.anyValue()] },
        }),
      },
    });
    expect(stackNamed('Site').dependencies.map((d) => d.id)).toContain('SiteUsEast1');
  });

  test('access logs are delivered from the companion deployed after the stack, which names the distribution', () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const bucket = new s3.Bucket(stack, 'Logs', { bucketName: 'site-cloudfront-logs' });
    new Distribution(stack, 'Www', {
      ...props(stack),
      accessLogs: { destination: AccessLogDestination.bucket(bucket) },
    });
    const after = app.node.findChild('SiteUsEast1After') as Stack;
    expect(after.stackName).toBe('Site-us-east-1-after');
    const t = Template.fromStack(after);
    t.resourceCountIs('AWS::Logs::DeliverySource', 1);
    t.resourceCountIs('AWS::Logs::DeliveryDestination', 1);
    t.resourceCountIs('AWS::Logs::Delivery', 1);
    t.hasResourceProperties('AWS::Logs::DeliveryDestination', {
      DestinationResourceArn: Match.objectLike({ 'Fn::Join': Match.anyValue() }),
    });
    const site = Template.fromStack(stack);
    site.resourceCountIs('AWS::Logs::DeliverySource', 0);
    // The bucket policy lets the delivery service of us-east-1 write, with no reference to the companion.
    site.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: 's3:PutObject' }),
        ]),
      },
    });
    const assembly = app.synth();
    expect(assembly.getStackByName('Site-us-east-1-after').dependencies.map((d) => d.id)).toContain('Site');
    expect(assembly.getStackByName('Site').dependencies.map((d) => d.id)).not.toContain('SiteUsEast1After');
  });

  test('an alarm on a metric is made in the companion deployed after the stack', () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const www = new Distribution(stack, 'Www', props(stack));
    const alarm = www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 1 });
    expect(Stack.of(alarm).stackName).toBe('Site-us-east-1-after');
    Template.fromStack(Stack.of(alarm)).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: '5xxErrorRate',
      Namespace: 'AWS/CloudFront',
      Threshold: 5,
      Dimensions: Match.arrayWith([{ Name: 'Region', Value: 'Global' }]),
    });
    expect(() => app.synth()).not.toThrow();
  });

  test('the deploy order in the cloud assembly: certificates, the stack, then what names the distribution', () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const www = new Distribution(stack, 'Www', {
      ...props(stack),
      accessLogs: {
        destination: AccessLogDestination.firehose(
          'arn:aws:firehose:us-east-1:111111111111:deliverystream/cf',
        ),
      },
    });
    www.addAlarm('Requests', www.metricRequests(), { threshold: 1000, evaluationPeriods: 1 });
    const assembly = app.synth();
    const deps = (name: string) =>
      assembly
        .getStackByName(name)
        .dependencies.map((d) => d.id)
        .filter((id) => !id.endsWith('.assets'));
    expect(deps('Site-us-east-1')).toEqual([]);
    expect(deps('Site')).toEqual(['SiteUsEast1']);
    expect(deps('Site-us-east-1-after')).toEqual(['Site']);
  });

  test('a staging twin with the same request shares its certificate', () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const p = props(stack, { httpVersion: cloudfront.HttpVersion.HTTP2 });
    const www = new Distribution(stack, 'Www', p);
    new StagingDistribution(stack, 'WwwStaging', {
      ...p,
      primary: www,
      traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
    });
    Template.fromStack(app.node.findChild('SiteUsEast1') as Stack).resourceCountIs(
      'AWS::CertificateManager::Certificate',
      1,
    );
  });

  test('two distribution stacks get a companion each', () => {
    const one = new Stack(app, 'One', { env: EU });
    const two = new Stack(app, 'Two', { env: { account: ACCOUNT, region: 'eu-central-1' } });
    new Distribution(one, 'Www', props(one));
    new Distribution(two, 'Www', {
      name: 'shop.example.com',
      sslCertificate: SslCertificate.dnsValidated({ domainName: 'shop.example.com', hostedZone: zone(two) }),
      origins: [{ name: 'shop', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'shop' },
    });
    expect(
      app
        .synth()
        .stacks.map((s) => s.stackName)
        .sort(),
    ).toEqual(['One', 'One-us-east-1', 'Two', 'Two-us-east-1']);
  });
});

describe('a stack in us-east-1', () => {
  test('everything stays in the stack: no companion', () => {
    const stack = new Stack(app, 'Site', { env: US });
    const www = new Distribution(stack, 'Www', {
      ...props(stack),
      accessLogs: { destination: AccessLogDestination.logGroup(new logs.LogGroup(stack, 'Logs')) },
    });
    const alarm = www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 1 });
    expect(alarm.node.path).toBe('Site/Www/Errors');
    expect(app.synth().stacks.map((s) => s.stackName)).toEqual(['Site']);
    const t = Template.fromStack(stack);
    t.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    t.resourceCountIs('AWS::Logs::Delivery', 1);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 1);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        ViewerCertificate: Match.objectLike({
          AcmCertificateArn: { Ref: Match.stringLikeRegexp('^WwwCertificate') },
        }),
      },
    });
  });
});

test('a stack of us-east-1 whose account is known only at deploy time needs no companion', () => {
  const stack = new Stack(app, 'Site', { env: { region: 'us-east-1' } });
  const www = new Distribution(stack, 'Www', {
    ...props(stack),
    accessLogs: {
      destination: AccessLogDestination.firehose('arn:aws:firehose:us-east-1:111111111111:deliverystream/cf'),
    },
  });
  www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 1 });
  expect(app.synth().stacks.map((s) => s.stackName)).toEqual(['Site']);
});

test('a stack of another Region whose account is known only at deploy time: the companion needs it', () => {
  const stack = new Stack(app, 'Site', { env: { region: 'eu-west-1' } });
  expect(() => new Distribution(stack, 'Www', props(stack))).toThrow(
    '`sslCertificate` needs the account and Region of stack Site (its `env`)',
  );
});

describe('fails when', () => {
  test('the stack is environment-agnostic: a requested certificate', () => {
    const agnostic = new Stack(app, 'Site');
    expect(() => new Distribution(agnostic, 'Www', props(agnostic))).toThrow(
      new Error(
        errorOf(
          'Distribution Site/Www',
          '`sslCertificate` needs the account and Region of stack Site (its `env`): a requested certificate (SslCertificate.dnsValidated) must be made in us-east-1, in this stack or in a companion stack of its account, and the library cannot know which; got: an environment-agnostic stack',
        ),
      ),
    );
  });

  test('the stack is environment-agnostic: an alarm', () => {
    const agnostic = new Stack(app, 'Site');
    const www = new Distribution(agnostic, 'Www', {
      name: 'www.example.com',
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
    });
    expect(() =>
      www.addAlarm('Errors', www.metric5xxErrorRate(), { threshold: 5, evaluationPeriods: 1 }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Site/Www',
          "`addAlarm('Errors')` needs the account and Region of stack Site (its `env`): an alarm on CloudFront metrics must be made in us-east-1, in this stack or in a companion stack of its account, and the library cannot know which; got: an environment-agnostic stack",
        ),
      ),
    );
  });

  test("the requested names do not cover the aliases: today's error", () => {
    const stack = new Stack(app, 'Site', { env: EU });
    expect(() => new Distribution(stack, 'Www', props(stack, { aliases: ['shop.example.com'] }))).toThrow(
      new Error(
        errorOf(
          'Distribution Site/Www',
          '`aliases[0]` must be covered by the certificate\'s domain names (example.com, www.example.com); got: "shop.example.com"',
        ),
      ),
    );
  });

  test("a requested name is a parameter of the distribution's stack outside us-east-1 (a cycle)", () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const name = new CfnParameter(stack, 'Name').valueAsString;
    expect(
      () =>
        new Distribution(stack, 'Www', {
          name: 'www.example.com',
          sslCertificate: SslCertificate.dnsValidated({ domainName: name, hostedZone: zone(stack) }),
          origins: [{ name: 'www', domainName: 'backend.example.com' }],
          defaultCacheBehavior: { targetOrigin: 'www' },
        }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Site/Www',
          '`sslCertificate.domainName` must not be a value of the distribution\'s stack Site (eu-west-1): the certificate is made in us-east-1, in the stack\'s companion Site-us-east-1, which the stack depends on, and this value would make the companion depend on the stack. Give a literal name, or a value of another stack; got: "a value of stack Site"',
        ),
      ),
    );
  });

  test("the hosted zone is made in the distribution's stack outside us-east-1 (a cycle between the two stacks)", () => {
    const stack = new Stack(app, 'Site', { env: EU });
    const own = new route53.PublicHostedZone(stack, 'OwnZone', { zoneName: 'example.com' });
    expect(
      () =>
        new Distribution(stack, 'Www', {
          ...props(stack),
          sslCertificate: SslCertificate.dnsValidated({
            domainName: 'example.com',
            subjectAlternativeNames: ['www.example.com'],
            hostedZone: own,
          }),
        }),
    ).toThrow(
      new Error(
        errorOf(
          'Distribution Site/Www',
          '`sslCertificate.hostedZone` must not be a value of the distribution\'s stack Site (eu-west-1): the certificate is made in us-east-1, in the stack\'s companion Site-us-east-1, which the stack depends on, and this value would make the companion depend on the stack. Make the zone in another stack, or import it (HostedZone.fromHostedZoneAttributes); got: "Site/OwnZone"',
        ),
      ),
    );
  });
});

test("the alarm takes aws-cdk-lib's CreateAlarmOptions", () => {
  const stack = new Stack(app, 'Site', { env: EU });
  const www = new Distribution(stack, 'Www', props(stack));
  const alarm = www.addAlarm('Latency', www.metricRequests(), {
    threshold: 10,
    evaluationPeriods: 3,
    comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.BREACHING,
  });
  Template.fromStack(Stack.of(alarm)).hasResourceProperties('AWS::CloudWatch::Alarm', {
    ComparisonOperator: 'LessThanThreshold',
    TreatMissingData: 'breaching',
    EvaluationPeriods: 3,
  });
});

describe('does not judge deploy-time values', () => {
  test('requested names and a zone ID from parameters of another stack', () => {
    const dns = new Stack(app, 'Dns', { env: US });
    const name = new CfnParameter(dns, 'Name').valueAsString;
    const zoneId = new CfnParameter(dns, 'ZoneId').valueAsString;
    const stack = new Stack(app, 'Site', { env: EU });
    const hostedZone = route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', {
      hostedZoneId: zoneId,
      zoneName: 'example.com',
    });
    new Distribution(stack, 'Www', {
      name: 'www.example.com',
      sslCertificate: SslCertificate.dnsValidated({
        domainName: name,
        subjectAlternativeNames: [name],
        hostedZone,
      }),
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
    });
    expect(() => app.synth()).not.toThrow();
  });
});

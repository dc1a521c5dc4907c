import {
  App,
  CfnParameter,
  Fn,
  Lazy,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
  aws_cloudfront_origins as origins,
} from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import {
  ENV,
  IAM_CERT,
  MINIMAL,
  certificate,
  config,
  errorOf,
  expectError,
  make,
  newStack,
  warning,
} from './helpers';
import { Distribution, DistributionProps, SslCertificate } from '../lib';

// Names, aliases and the viewer certificate (lib/private/certificate.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test("no ViewerCertificate without a certificate: CloudFormation's default is CloudFront's default certificate", () => {
    new Distribution(stack, 'Www', MINIMAL);
    const [resource] = Object.values(config(stack).findResources('AWS::CloudFront::Distribution'));
    expect(resource.Properties.DistributionConfig).not.toHaveProperty('ViewerCertificate');
  });

  test('with a certificate the name is the first alias, then aliases without repeats', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      aliases: ['example.com', 'www.example.com', 'static.example.com'],
      sslCertificate: SslCertificate.fromAcmCertificate(certificate(stack)),
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: ['www.example.com', 'example.com', 'static.example.com'],
      }),
    });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Www', Match.anyValue());
  });

  test.each([
    ['/', undefined],
    ['/index.html', 'index.html'],
    ['index.html', 'index.html'],
    ['/site/home.html', 'site/home.html'],
  ])('rootObject %j renders DefaultRootObject %j', (rootObject, expected) => {
    new Distribution(stack, 'Www', { ...MINIMAL, rootObject });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ DefaultRootObject: expected ?? Match.absent() }),
    });
  });

  test('an ACM certificate renders with SNI and TLSv1.2_2021 by default', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromAcmCertificate(certificate(stack)),
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: {
          AcmCertificateArn:
            'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
          IamCertificateId: Match.absent(),
          CloudFrontDefaultCertificate: Match.absent(),
        },
      }),
    });
  });

  test('an IAM server certificate, vip and a newer policy', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslSupportMethod: cloudfront.SSLMethod.VIP,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_3_2025,
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: {
          IamCertificateId: 'ASCACKCEVSQ6C2EXAMPLE',
          SslSupportMethod: 'vip',
          MinimumProtocolVersion: 'TLSv1.3_2025',
          AcmCertificateArn: Match.absent(),
        },
      }),
    });
  });
});

describe('fails when', () => {
  test('fails when aliases come without a certificate', () => {
    expectError(
      stack,
      { aliases: ['example.com'] },
      '`aliases` needs `sslCertificate`: CloudFront accepts no alternate domain name without a certificate that covers it; got: ["example.com"]',
    );
  });

  test.each(['example', 'www..example.com', 'a.*.example.com', '*.*.example.com', 'http://example.com'])(
    'fails when an alias is %j',
    (alias) => {
      expectError(
        stack,
        { aliases: [alias], sslCertificate: IAM_CERT },
        `\`aliases[0]\` must be a domain name such as www.example.com or *.example.com; got: ${JSON.stringify(alias)}`,
      );
    },
  );

  test('fails when name is not a domain name, with a certificate (it is then the first alias)', () => {
    expectError(
      stack,
      { name: 'my site', sslCertificate: IAM_CERT },
      '`name` must be a domain name such as www.example.com or *.example.com; got: "my site"',
    );
  });

  test('fails when the ACM certificate is not in us-east-1', () => {
    const cert = acm.Certificate.fromCertificateArn(
      stack,
      'Cert',
      'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
    );
    expectError(
      stack,
      { sslCertificate: SslCertificate.fromAcmCertificate(cert) },
      '`sslCertificate` must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there); got: "eu-west-1"',
    );
  });

  test('fails when sslSupportMethod comes without a certificate', () => {
    expectError(
      stack,
      {
        sslSupportMethod: cloudfront.SSLMethod.SNI,
        sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021,
      },
      '`sslSupportMethod` applies only with `sslCertificate`; got: "sni-only"',
    );
  });

  describe('an ACM certificate of this app', () => {
    function cert(domainName: string, subjectAlternativeNames?: string[]) {
      return SslCertificate.fromAcmCertificate(
        new acm.Certificate(stack, 'Cert', { domainName, subjectAlternativeNames }),
      );
    }

    test.each([
      ['www.example.com', ['example.com'], []],
      ['*.example.com', ['example.com'], ['static.example.com']],
      ['example.com', ['*.example.com'], ['*.example.com']],
    ])('covers the names (%s, %j)', (domainName, sans, aliases) => {
      make(stack, { sslCertificate: cert(domainName, sans), aliases: [...aliases, 'example.com'] });
    });

    test('fails when an alias is not covered', () => {
      expectError(
        stack,
        { sslCertificate: cert('*.example.com'), aliases: ['example.com', 'a.b.example.com'] },
        [
          '`aliases[0]` must be covered by the certificate\'s domain names (*.example.com); got: "example.com"',
          '`aliases[1]` must be covered by the certificate\'s domain names (*.example.com); got: "a.b.example.com"',
        ].join('\n'),
      );
    });

    test('fails when the name is not covered', () => {
      expectError(
        stack,
        { sslCertificate: cert('example.org', ['www.example.org']) },
        '`name` must be covered by the certificate\'s domain names (example.org, www.example.org); got: "www.example.com"',
      );
    });

    test.each([
      [
        'a list parameter',
        (s: Stack) => new CfnParameter(s, 'Aliases', { type: 'CommaDelimitedList' }).valueAsList,
      ],
      ['Fn.split', () => Fn.split(',', Fn.importValue('Aliases'))],
      ['Lazy.list', () => Lazy.list({ produce: () => ['a.example.org'] })],
    ])('does not judge aliases known only at deploy time (%s)', (_, aliases) => {
      make(stack, { sslCertificate: cert('www.example.com'), aliases: aliases(stack) });
      const [d] = Object.values(config(stack).findResources('AWS::CloudFront::Distribution'));
      // The name, then the list, joined and split again by CloudFormation.
      expect(d.Properties.DistributionConfig.Aliases).toEqual({ 'Fn::Split': [',', expect.anything()] });
      expect(JSON.stringify(d.Properties.DistributionConfig.Aliases)).toContain('www.example.com');
    });

    test('does not judge a certificate whose names are tokens', () => {
      const domainName = Lazy.string({ produce: () => 'example.org' });
      const tokenNamed = new acm.Certificate(stack, 'Cert', {
        domainName,
        validation: acm.CertificateValidation.fromEmail({ [domainName]: 'example.org' }),
      });
      make(stack, { sslCertificate: SslCertificate.fromAcmCertificate(tokenNamed) });
    });
  });

  test('fails when SSLv3 comes with SNI', () => {
    expectError(
      stack,
      { sslCertificate: IAM_CERT, sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.SSL_V3 },
      '`sslMinimumProtocolVersion` may be SSLv3 only with `sslSupportMethod` vip; got: "SSLv3"',
    );
  });

  test('fails when the security policy is unknown', () => {
    expectError(
      stack,
      {
        sslCertificate: IAM_CERT,
        sslMinimumProtocolVersion: 'TLSv1.2_2030' as cloudfront.SecurityPolicyProtocol,
      },
      '`sslMinimumProtocolVersion` must be one of SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016, TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025; got: "TLSv1.2_2030"',
    );
  });
});

describe('warns when', () => {
  test('without a certificate the name is only the comment, with a warning', () => {
    new Distribution(stack, 'Www', MINIMAL);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp(
        '`name` "www.example.com" is not an alias of this distribution: CloudFront accepts no alternate domain name without a certificate',
      ),
    );
  });

  test('the specification default TLSv1 is still accepted, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1,
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'TLSv1' }),
      }),
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp(
        '`sslMinimumProtocolVersion` is TLSv1: viewers may connect with broken protocols',
      ),
    );
  });

  test('SSLv3 is accepted with vip, with a warning', () => {
    new Distribution(stack, 'Www', {
      ...MINIMAL,
      sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE'),
      sslSupportMethod: cloudfront.SSLMethod.VIP,
      sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.SSL_V3,
    });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ MinimumProtocolVersion: 'SSLv3', SslSupportMethod: 'vip' }),
      }),
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Www', Match.stringLikeRegexp('is SSLv3'));
  });

  test('static-ip is accepted, with a warning', () => {
    make(stack, { sslCertificate: IAM_CERT, sslSupportMethod: cloudfront.SSLMethod.STATIC_IP });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      Match.stringLikeRegexp('`sslSupportMethod` is static-ip'),
    );
  });
});

describe('names without a certificate are only the comment', () => {
  test('any non-empty text of at most 128 characters is a valid name, without the alias warning', () => {
    make(stack, { name: 'Marketing site (legacy)' });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Comment: 'Marketing site (legacy)', Aliases: Match.absent() }),
    });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Www', Match.stringLikeRegexp('nameNotAnAlias'));
  });

  test('fails when the name is empty', () => {
    expectError(stack, { name: ' ' }, '`name` must not be empty; got: " "');
  });
});

describe('CloudFront refuses at deploy: caught at synth', () => {
  test.each([
    [
      'name',
      { name: 'WWW.example.com' },
      '`name` must be in lower case, such as "www.example.com"; got: "WWW.example.com"',
    ],
    [
      'an alias',
      { aliases: ['Shop.example.com'] },
      '`aliases[0]` must be in lower case, such as "shop.example.com"; got: "Shop.example.com"',
    ],
  ])('fails when %s has upper-case letters', (_, props, msg) => {
    expectError(stack, { ...props, sslCertificate: IAM_CERT }, msg);
  });

  test.each([
    'arn:aws:acm:us-east-1:111111111111:cert/abc',
    'arn:aws:iam::111111111111:server-certificate/x',
    'abc',
  ])('fails when the ACM certificate ARN is malformed: %s', (arn) => {
    expectError(
      stack,
      {
        sslCertificate: SslCertificate.fromAcmCertificate(
          acm.Certificate.fromCertificateArn(stack, 'C', arn),
        ),
      },
      `\`sslCertificate\` must be an ACM certificate ARN such as arn:aws:acm:us-east-1:111111111111:certificate/<id>; got: ${JSON.stringify(arn)}`,
    );
  });

  test.each(['', 'has space', 'x'.repeat(33)])('fails when the IAM certificate ID is %j', (id) => {
    expectError(
      stack,
      { sslCertificate: SslCertificate.fromIamCertificateId(id) },
      `\`sslCertificate\` must be an IAM server certificate ID: 1 to 32 upper-case letters and digits, such as ASCACKCEVSQ6C2EXAMPLE; got: ${JSON.stringify(id)}`,
    );
  });

  test('fails when an ACM certificate of this app is in another environment, naming the prop', () => {
    const app = new App();
    const certs = new Stack(app, 'Certs', { env: ENV });
    const web = new Stack(app, 'Web', { env: { ...ENV, region: 'eu-west-1' } });
    const cert = new acm.Certificate(certs, 'Cert', { domainName: 'www.example.com' });
    expect(() => make(web, { sslCertificate: SslCertificate.fromAcmCertificate(cert) })).toThrow(
      new Error(
        errorOf(
          'Distribution Web/Www',
          "`sslCertificate` must be in the environment of the distribution's stack Web (aws://111111111111/eu-west-1): CloudFormation cannot reference a resource of another account or Region. Import it there by name or ARN, or create both in one environment, or (same account) set `crossRegionReferences: true` on Web; got: a resource of stack Certs (aws://111111111111/us-east-1)",
        ),
      ),
    );
  });

  test('accepts it across Regions when the stack has crossRegionReferences', () => {
    const app = new App();
    const certs = new Stack(app, 'Certs', { env: ENV, crossRegionReferences: true });
    const web = new Stack(app, 'Web', { env: { ...ENV, region: 'eu-west-1' }, crossRegionReferences: true });
    const cert = new acm.Certificate(certs, 'Cert', { domainName: 'www.example.com' });
    make(web, { sslCertificate: SslCertificate.fromAcmCertificate(cert) });
    app.synth();
  });
});

describe('does not judge deploy-time values by the stack', () => {
  test('an ACM certificate imported from a deploy-time ARN in a stack of another region', () => {
    const app = new App();
    const web = new Stack(app, 'Web', { env: { ...ENV, region: 'eu-west-1' } });
    const arn = new CfnParameter(web, 'CertArn').valueAsString;
    make(web, {
      sslCertificate: SslCertificate.fromAcmCertificate(acm.Certificate.fromCertificateArn(web, 'C', arn)),
    });
    config(web).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        ViewerCertificate: Match.objectLike({ AcmCertificateArn: { Ref: 'CertArn' } }),
      }),
    });
  });

  test('aliases as a deploy-time list render after the name through Fn::Split', () => {
    const aliases = new CfnParameter(stack, 'Aliases', { type: 'CommaDelimitedList' }).valueAsList;
    make(stack, { aliases, sslCertificate: IAM_CERT });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        Aliases: {
          'Fn::Split': [
            ',',
            { 'Fn::Join': [',', ['www.example.com', { 'Fn::Join': [',', { Ref: 'Aliases' }] }]] },
          ],
        },
      }),
    });
  });
});

describe('warns when', () => {
  test('sslMinimumProtocolVersion comes without a certificate (CloudFront ignores it)', () => {
    make(stack, { sslMinimumProtocolVersion: cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`sslMinimumProtocolVersion` "TLSv1.2_2021" has no effect without `sslCertificate`: with its default *.cloudfront.net certificate CloudFront always accepts TLSv1. Give a certificate, or leave it out.',
        'minimumProtocolVersionIgnored',
      ),
    );
  });

  test('there are more than 100 names (an adjustable quota)', () => {
    const aliases = Array.from({ length: 100 }, (_, i) => `a${i}.example.com`);
    make(stack, { aliases, sslCertificate: IAM_CERT });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`aliases` holds 100 names besides `name`, more than CloudFront\'s default quota "Alternate domain names (CNAMEs) per distribution" (100 in all): the deploy fails unless the quota was raised for your account (Service Quotas).',
        'aliasQuota',
      ),
    );
  });
});

describe('alternate domain names across the distributions of the app', () => {
  const ACCOUNT_2 = { account: '222222222222', region: 'us-east-1' };
  const served = (name: string, aliases?: string[]): DistributionProps => ({
    ...MINIMAL,
    name,
    aliases,
    sslCertificate: IAM_CERT,
  });
  /** The app's synth error, or undefined when it synthesizes. */
  const synthError = (app: App) => {
    try {
      app.synth();
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  };

  test('fails when two distributions of the app hold one name, naming both and the prop', () => {
    const app = new App();
    const one = new Stack(app, 'One', { env: ENV });
    const two = new Stack(app, 'Two', { env: ENV });
    new Distribution(one, 'Www', served('www.example.com'));
    new Distribution(two, 'Www', served('two.example.com', ['static.example.com', 'www.example.com']));
    new Distribution(two, 'Other', served('www.example.com'));
    expect(synthError(app)).toBe(
      [
        'Validation failed with the following errors:',
        '  [Two/Www] `aliases` must not hold "www.example.com": One/Www has it too, and CloudFront takes an alternate domain name in one distribution only, even within one account (CNAMEAlreadyExists at deploy). Remove it from one of them, or move it with CloudFront\'s alias move; got: "www.example.com"',
        '  [Two/Other] `name` must not hold "www.example.com": One/Www has it too, and CloudFront takes an alternate domain name in one distribution only, even within one account (CNAMEAlreadyExists at deploy). Remove it from one of them, or move it with CloudFront\'s alias move; got: "www.example.com"',
      ].join('\n'),
    );
  });

  test("judges aws-cdk-lib's distributions too (domainNames)", () => {
    const app = new App();
    const s = new Stack(app, 'Web', { env: ENV });
    new Distribution(s, 'Www', served('www.example.com'));
    new cloudfront.Distribution(s, 'Theirs', {
      defaultBehavior: { origin: new origins.HttpOrigin('backend.example.com') },
      domainNames: ['www.example.com'],
      certificate: acm.Certificate.fromCertificateArn(
        s,
        'Cert',
        'arn:aws:acm:us-east-1:111111111111:certificate/c',
      ),
    });
    expect(synthError(app)).toMatch(
      /\[Web\/Theirs\] `domainNames` must not hold "www.example.com": Web\/Www has it too/,
    );
  });

  test('a wildcard may overlap a name of another distribution of the same account', () => {
    const app = new App();
    const s = new Stack(app, 'Web', { env: ENV });
    new Distribution(s, 'Www', served('www.example.com'));
    new Distribution(s, 'All', served('example.com', ['*.example.com']));
    expect(synthError(app)).toBeUndefined();
  });

  test("fails when a wildcard overlaps a name of another account's distribution", () => {
    const app = new App();
    new Distribution(new Stack(app, 'Mine', { env: ENV }), 'Www', served('shop.example.com'));
    new Distribution(
      new Stack(app, 'Theirs', { env: ACCOUNT_2 }),
      'All',
      served('example.com', ['*.example.com']),
    );
    expect(synthError(app)).toBe(
      [
        'Validation failed with the following errors:',
        '  [Theirs/All] `aliases` must not hold "*.example.com": it overlaps "shop.example.com" of Mine/Www, a distribution of another account (111111111111), and CloudFront lets alternate domain names overlap only within one account (CNAMEAlreadyExists at deploy); got: "*.example.com"',
      ].join('\n'),
    );
  });

  test('an alias that is a dynamic reference is not judged, even when two distributions hold the same one', () => {
    const app = new App();
    const s = new Stack(app, 'Web', { env: ENV });
    new Distribution(s, 'One', served('one.example.com', ['{{resolve:ssm:/site/alias}}']));
    new Distribution(s, 'Two', served('two.example.com', ['{{resolve:ssm:/site/alias}}']));
    expect(synthError(app)).toBeUndefined();
  });

  test('aliases known only at deploy time, and environment-agnostic accounts for wildcards, are not judged', () => {
    const app = new App();
    const s = new Stack(app, 'Web', { env: ENV });
    const aliases = new CfnParameter(s, 'Aliases', { type: 'CommaDelimitedList' }).valueAsList;
    new Distribution(s, 'Www', served('www.example.com'));
    new Distribution(s, 'Listed', served('two.example.com', aliases));
    new Distribution(new Stack(app, 'Agnostic'), 'All', served('example.com', ['*.example.com']));
    expect(synthError(app)).toBeUndefined();
  });
});

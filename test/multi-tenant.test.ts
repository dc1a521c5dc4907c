import {
  App,
  CfnParameter,
  Duration,
  Stack,
  aws_certificatemanager as acm,
  aws_cloudfront as cloudfront,
} from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ENV, certificate, errorOf, newStack, warning } from './helpers';
import {
  ConnectionGroup,
  Distribution,
  DistributionTenant,
  DistributionTenantOptions,
  MultiTenantDistribution,
  MultiTenantDistributionProps,
  SslCertificate,
  StagingDistribution,
  StagingTraffic,
  TenantWebAcl,
  ValidationTokenHost,
} from '../lib';

// Multi-tenant distributions, their tenants and connection groups (lib/multi-tenant.ts,
// lib/private/tenants.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

/** The smallest multi-tenant distribution: one origin per tenant, named by a parameter. */
const SAAS: MultiTenantDistributionProps = {
  name: 'Customer sites',
  origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com' }],
  defaultCacheBehavior: { targetOrigin: 'sites' },
  parameters: [{ name: 'tenant' }],
};

function saas(s: Stack, props: Partial<MultiTenantDistributionProps> = {}): MultiTenantDistribution {
  return new MultiTenantDistribution(s, 'Saas', { ...SAAS, ...props } as MultiTenantDistributionProps);
}

const template = (s: Stack) => Template.fromStack(s);
const WEB_ACL =
  'arn:aws:wafv2:us-east-1:111111111111:global/webacl/tenant/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

function expectDistributionError(props: Partial<MultiTenantDistributionProps>, problems: string): void {
  expect(() => saas(stack, props)).toThrow(
    new Error(errorOf('MultiTenantDistribution Stack/Saas', problems)),
  );
}

function expectTenantError(options: Partial<DistributionTenantOptions>, problems: string): void {
  const d = saas(stack);
  expect(() =>
    d.addTenant('Acme', { domains: ['www.acme.example'], parameters: { tenant: 'acme' }, ...options }),
  ).toThrow(new Error(errorOf('DistributionTenant Stack/Saas/Acme', problems)));
}

/** `count` tenants of `d`, `perStack` to a stack of the app (Tenants0, Tenants1, ...). */
function addTenants(d: MultiTenantDistribution, count: number, perStack: number): Stack[] {
  const stacks: Stack[] = [];
  for (let i = 0; i < count; i++) {
    if (i % perStack === 0) stacks.push(new Stack(App.of(d)!, `Tenants${stacks.length}`, { env: ENV }));
    new DistributionTenant(stacks[stacks.length - 1], `T${i}`, {
      distribution: d,
      domains: [`t${i}.example.net`],
      parameters: { tenant: `t${i}` },
    });
  }
  return stacks;
}

describe('renders', () => {
  test("the README's example", () => {
    const d = new MultiTenantDistribution(stack, 'Saas', {
      name: 'Customer sites',
      origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'sites' },
      parameters: [{ name: 'tenant', comment: "The tenant's origin host" }],
    });
    const group = new ConnectionGroup(stack, 'Group');
    d.addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      connectionGroup: group,
      customizations: { managedCertificate: { primaryDomainName: 'www.acme.example' } },
    });
    expect(template(stack).toJSON()).toMatchSnapshot();
  });

  test('tenant-only mode with its parameters, and nothing tenant-only mode keeps elsewhere', () => {
    saas(stack, {
      parameters: [
        { name: 'tenant', comment: 'The tenant’s origin host' },
        { name: 'path', defaultValue: 'live' },
        { name: 'region', required: true, defaultValue: 'eu' },
      ],
      origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com', originPath: '/{{path}}' }],
    });
    template(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        ConnectionMode: 'tenant-only',
        TenantConfig: {
          ParameterDefinitions: [
            {
              Name: 'tenant',
              Definition: { StringSchema: { Required: true, Comment: 'The tenant’s origin host' } },
            },
            { Name: 'path', Definition: { StringSchema: { Required: false, DefaultValue: 'live' } } },
            { Name: 'region', Definition: { StringSchema: { Required: true, DefaultValue: 'eu' } } },
          ],
        },
        Origins: [Match.objectLike({ DomainName: '{{tenant}}.origin.example.com', OriginPath: '/{{path}}' })],
        Comment: 'Customer sites',
        Aliases: Match.absent(),
        PriceClass: Match.absent(),
        IPV6Enabled: Match.absent(),
        AnycastIpListId: Match.absent(),
        Staging: Match.absent(),
      },
    });
  });

  test('behaviours get cache policies from their props: CloudFront requires them (no ForwardedValues, no TTLs)', () => {
    saas(stack, { defaultCacheBehavior: { targetOrigin: 'sites', defaultTtl: Duration.minutes(5) } });
    const t = template(stack);
    t.hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        DefaultCacheBehavior: Match.objectLike({
          CachePolicyId: Match.anyValue(),
          ForwardedValues: Match.absent(),
          DefaultTTL: Match.absent(),
          MinTTL: Match.absent(),
          MaxTTL: Match.absent(),
        }),
      },
    });
    t.hasResourceProperties('AWS::CloudFront::CachePolicy', {
      CachePolicyConfig: Match.objectLike({ DefaultTTL: 300 }),
    });
  });

  test('a shared ACM certificate is the viewer certificate, and `name` stays only the comment', () => {
    const cert = new acm.Certificate(stack, 'Cert', { domainName: '*.sites.example.com' });
    saas(stack, { sslCertificate: SslCertificate.fromAcmCertificate(cert) });
    template(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: {
        ViewerCertificate: {
          AcmCertificateArn: { Ref: 'Cert5C9FAEC1' },
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
        Aliases: Match.absent(),
        Comment: 'Customer sites',
      },
    });
  });

  test('no parameters: no TenantConfig', () => {
    saas(stack, { parameters: undefined, origins: [{ name: 'sites', domainName: 'origin.example.com' }] });
    template(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { ConnectionMode: 'tenant-only', TenantConfig: Match.absent() },
    });
  });

  test('a tenant: the distribution, its domains, parameter values, and enabled', () => {
    const d = saas(stack);
    const tenant = d.addTenant('Acme', {
      domains: ['www.acme.example', 'acme.example'],
      parameters: { tenant: 'acme' },
    });
    template(stack).hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      DistributionId: { Ref: stack.getLogicalId(d.node.defaultChild as cloudfront.CfnDistribution) },
      Name: Match.stringLikeRegexp('^Stack-Saas-Acme-[0-9A-F]{8}$'),
      Domains: ['www.acme.example', 'acme.example'],
      Parameters: [{ Name: 'tenant', Value: 'acme' }],
      Enabled: true,
      ConnectionGroupId: Match.absent(),
      Customizations: Match.absent(),
      ManagedCertificateRequest: Match.absent(),
    });
    const id = stack.getLogicalId(tenant.node.defaultChild as cloudfront.CfnDistributionTenant);
    expect(stack.resolve(tenant.tenantId)).toEqual({ 'Fn::GetAtt': [id, 'Id'] });
    expect(stack.resolve(tenant.tenantArn)).toEqual({ 'Fn::GetAtt': [id, 'Arn'] });
    expect(tenant.domainName).toBeUndefined();
  });

  test('every customization: certificate, geo restriction, web ACL, managed certificate', () => {
    const d = saas(stack);
    d.addTenant('Acme', {
      name: 'acme',
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      enabled: false,
      customizations: {
        certificate: certificate(stack),
        geoRestriction: cloudfront.GeoRestriction.allowlist('US', 'CA'),
        webAcl: TenantWebAcl.override(WEB_ACL),
        managedCertificate: {
          primaryDomainName: 'www.acme.example',
          validationTokenHost: ValidationTokenHost.SELF_HOSTED,
          certificateTransparencyLogging: false,
        },
      },
      tags: { customer: 'acme' },
    });
    template(stack).hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      Name: 'acme',
      Enabled: false,
      Customizations: {
        Certificate: {
          Arn: 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
        },
        GeoRestrictions: { RestrictionType: 'whitelist', Locations: ['US', 'CA'] },
        WebAcl: { Action: 'override', Arn: WEB_ACL },
      },
      ManagedCertificateRequest: {
        PrimaryDomainName: 'www.acme.example',
        ValidationTokenHost: 'self-hosted',
        CertificateTransparencyLoggingPreference: 'disabled',
      },
      Tags: [{ Key: 'customer', Value: 'acme' }],
    });
  });

  test("a managed certificate's defaults: CloudFront serves the token, transparency logging on", () => {
    saas(stack).addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      customizations: {
        managedCertificate: { primaryDomainName: 'www.acme.example' },
        webAcl: TenantWebAcl.disable(),
      },
    });
    template(stack).hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      Customizations: { WebAcl: { Action: 'disable' } },
      ManagedCertificateRequest: {
        PrimaryDomainName: 'www.acme.example',
        ValidationTokenHost: 'cloudfront',
        CertificateTransparencyLoggingPreference: 'enabled',
      },
    });
  });

  test('a connection group: IPv6 and enabled by default, an anycast IP list; tenants route through it', () => {
    const group = new ConnectionGroup(stack, 'Group', { anycastIpListId: 'aip_0123456789' });
    const tenant = saas(stack).addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      connectionGroup: group,
    });
    const t = template(stack);
    const id = stack.getLogicalId(group.node.defaultChild as cloudfront.CfnConnectionGroup);
    t.hasResourceProperties('AWS::CloudFront::ConnectionGroup', {
      Name: Match.stringLikeRegexp('^Stack-Group-[0-9A-F]{8}$'),
      Ipv6Enabled: true,
      Enabled: true,
      AnycastIpListId: 'aip_0123456789',
    });
    t.hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      ConnectionGroupId: { 'Fn::GetAtt': [id, 'Id'] },
    });
    expect(stack.resolve(tenant.domainName)).toEqual({ 'Fn::GetAtt': [id, 'RoutingEndpoint'] });
  });

  test('a connection group without IPv6, disabled, named, tagged', () => {
    new ConnectionGroup(stack, 'Group', {
      name: 'premium',
      ipv6Enabled: false,
      enabled: false,
      tags: { tier: 'premium' },
    });
    template(stack).hasResourceProperties('AWS::CloudFront::ConnectionGroup', {
      Name: 'premium',
      Ipv6Enabled: false,
      Enabled: false,
      AnycastIpListId: Match.absent(),
      Tags: [{ Key: 'tier', Value: 'premium' }],
    });
  });

  test('an imported connection group', () => {
    const group = ConnectionGroup.fromConnectionGroupAttributes(stack, 'Group', {
      connectionGroupId: 'cg_2abc',
      routingEndpoint: 'd111111abcdef8.cloudfront.net',
    });
    const tenant = saas(stack).addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      connectionGroup: group,
    });
    template(stack).hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      ConnectionGroupId: 'cg_2abc',
    });
    expect(tenant.domainName).toBe('d111111abcdef8.cloudfront.net');
  });

  test('a tenant in another stack of the environment names the distribution by export', () => {
    const d = saas(stack);
    const other = new Stack(stack.node.root as App, 'Tenants', { env: ENV });
    new DistributionTenant(other, 'Acme', {
      distribution: d,
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
    });
    template(other).hasResourceProperties('AWS::CloudFront::DistributionTenant', {
      DistributionId: { 'Fn::ImportValue': Match.stringLikeRegexp('Saas') },
    });
  });

  test("a thousand tenants in four stacks (CloudFormation's 500 resources per stack), each its own resource", () => {
    const d = saas(stack);
    const stacks = addTenants(d, 1000, 250);
    for (const s of stacks) template(s).resourceCountIs('AWS::CloudFront::DistributionTenant', 250);
  });

  test('escape hatches work', () => {
    const tenant = saas(stack).addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
    });
    (tenant.node.defaultChild as cloudfront.CfnDistributionTenant).addPropertyOverride('Enabled', false);
    template(stack).hasResourceProperties('AWS::CloudFront::DistributionTenant', { Enabled: false });
  });
});

describe('fails when', () => {
  test.each([
    [
      'aliases',
      { aliases: ['www.example.com'] },
      '`aliases` must not be given on a multi-tenant distribution (CloudFront does not support it on multi-tenant distributions): each tenant serves its own `domains` (addTenant); got: ["www.example.com"]',
    ],
    [
      'priceClass',
      { priceClass: cloudfront.PriceClass.PRICE_CLASS_ALL },
      '`priceClass` must not be given on a multi-tenant distribution (CloudFront does not support it on multi-tenant distributions); got: "PriceClass_All"',
    ],
    [
      'enableIpv6',
      { enableIpv6: true },
      "`enableIpv6` must not be given on a multi-tenant distribution: IPv6 is a setting of the tenants' connection group (ConnectionGroup's `ipv6Enabled`); got: true",
    ],
    [
      'anycastIpListId',
      { anycastIpListId: 'aip_1' },
      '`anycastIpListId` must not be given on a multi-tenant distribution: an anycast IP list serves the tenants of a connection group (ConnectionGroup\'s `anycastIpListId`); got: "aip_1"',
    ],
    [
      'an IAM certificate',
      { sslCertificate: SslCertificate.fromIamCertificateId('ASCACKCEVSQ6C2EXAMPLE') },
      '`sslCertificate` must be an ACM certificate on a multi-tenant distribution (CloudFront does not support it on multi-tenant distributions: IAM server certificates); got: "ASCACKCEVSQ6C2EXAMPLE"',
    ],
    [
      'legacy cache settings',
      { legacyCacheSettings: true },
      "`legacyCacheSettings` must be false on a multi-tenant distribution: CloudFront requires cache policies there (the default, false, renders each behaviour's TTLs and forwarding as policies); got: true",
    ],
    [
      'trusted signers',
      { defaultCacheBehavior: { targetOrigin: 'sites', trustedSigners: ['self'] } },
      '`defaultCacheBehavior.trustedSigners` must not be given on a multi-tenant distribution (CloudFront does not support it on multi-tenant distributions): use `trustedKeyGroups`; got: ["self"]',
    ],
    [
      'smooth streaming',
      { behaviors: [{ pathPattern: '/video/*', targetOrigin: 'sites', smoothStreaming: true }] },
      '`behaviors[0].smoothStreaming` must not be true on a multi-tenant distribution (CloudFront does not support it on multi-tenant distributions); got: true',
    ],
    [
      'a WAF Classic web ACL',
      { webAclId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111' },
      '`webAclId` must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1); got: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"',
    ],
    [
      'a placeholder no parameter declares',
      { origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com', originPath: '/{{stage}}' }] },
      '`origins[0].originPath` must use only declared parameters: {{stage}} is not in `parameters` (declared: "tenant"); got: "/{{stage}}"',
    ],
    [
      'a parameter declared twice',
      { parameters: [{ name: 'tenant' }, { name: 'tenant', defaultValue: 'x' }] },
      '`parameters` must declare each parameter once; got: "tenant"',
    ],
    [
      'a parameter name a placeholder cannot hold',
      { parameters: [{ name: 'tenant' }, { name: 'my param' }] },
      '`parameters[1].name` must be a name without spaces or braces, that a placeholder {{name}} can hold; got: "my param"',
    ],
  ])('%s', (_, props, problem) => {
    expectDistributionError(props as Partial<MultiTenantDistributionProps>, problem);
  });

  test('a behaviour whose forwarding is known only at deploy time has no cache policy', () => {
    const headers = new CfnParameter(stack, 'Headers', { type: 'CommaDelimitedList' }).valueAsList;
    expectDistributionError(
      { defaultCacheBehavior: { targetOrigin: 'sites', forwardHeaders: headers } },
      '`defaultCacheBehavior` must have a `cachePolicy` on a multi-tenant distribution: its forwarding or TTLs are known only at deploy time, so no cache policy can be made from them, and CloudFront requires one; got: "legacy cache settings"',
    );
  });

  test('the rest of an origin with a placeholder is still judged', () => {
    expectDistributionError(
      { origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com', httpPort: 0 }] },
      '`origins[0].httpPort` must be 80, 443 or a whole number from 1024 to 65535; got: 0',
    );
  });

  test('a staging twin of a multi-tenant distribution: CloudFront has no continuous deployment for them', () => {
    const d = saas(stack, { httpVersion: cloudfront.HttpVersion.HTTP2 });
    expect(
      () =>
        new StagingDistribution(stack, 'SaasStaging', {
          name: 'Customer sites',
          origins: [{ name: 'sites', domainName: 'origin.example.com' }],
          defaultCacheBehavior: { targetOrigin: 'sites' },
          httpVersion: cloudfront.HttpVersion.HTTP2,
          primary: d as unknown as Distribution,
          traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
        }),
    ).toThrow(
      '`primary` must be a standard distribution: CloudFront has no continuous deployment (staging distributions) for multi-tenant distributions; got: "Stack/Saas"',
    );
  });

  test.each([
    [
      'no domain',
      { domains: [] },
      '`domains` must list at least one domain (CloudFront requires one); got: []',
    ],
    [
      'an invalid domain',
      { domains: ['https://acme.example'] },
      '`domains[0]` must be a domain name such as www.example.com or *.example.com; got: "https://acme.example"',
    ],
    [
      'an upper-case domain',
      { domains: ['WWW.acme.example'] },
      '`domains[0]` must be in lower case, such as "www.acme.example"; got: "WWW.acme.example"',
    ],
    [
      'a domain twice',
      { domains: ['www.acme.example', 'www.acme.example'] },
      '`domains` must not repeat domains; got: "www.acme.example"',
    ],
    [
      'a required parameter without default left out',
      { parameters: {} },
      '`parameters.tenant` is required: the distribution declares it required, without a default value; got: nothing',
    ],
    [
      'an undeclared parameter',
      { parameters: { tenant: 'acme', stage: 'live' } },
      '`parameters.stage` must be a parameter the distribution declares ("tenant"); got: "live"',
    ],
    [
      'a WAF Classic web ACL',
      { customizations: { webAcl: TenantWebAcl.override('a1b2c3d4-5678-90ab-cdef-EXAMPLE11111') } },
      '`customizations.webAcl` must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1): multi-tenant distributions take no WAF Classic web ACL; got: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"',
    ],
    [
      'a certificate outside us-east-1',
      {
        customizations: {
          certificate: acm.Certificate.fromCertificateArn(
            new Stack(),
            'C',
            'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555',
          ),
        },
      },
      '`customizations.certificate` must be an ACM certificate in us-east-1 (CloudFront only uses certificates from there); got: "eu-west-1"',
    ],
    [
      'a country that is not a code',
      { customizations: { geoRestriction: cloudfront.GeoRestriction.denylist('DE', 'ZZ') } },
      '`customizations.geoRestriction.locations[1]` must be an ISO 3166-1 alpha-2 country code such as US or DE; got: "ZZ"',
    ],
    [
      'a managed certificate for a domain the tenant does not serve',
      { customizations: { managedCertificate: { primaryDomainName: 'shop.acme.example' } } },
      '`customizations.managedCertificate.primaryDomainName` must be one of the tenant\'s `domains` (www.acme.example): CloudFront requests the certificate for the domains the tenant serves; got: "shop.acme.example"',
    ],
    [
      'a parameter value that makes no host name',
      { parameters: { tenant: 'acme corp' } },
      '`parameters.tenant` must make `origins[0].domainName` ("{{tenant}}.origin.example.com") a host name, such as backend.example.com; it makes "acme corp.origin.example.com"; got: "acme corp"',
    ],
  ])('a tenant has %s', (_, options, problem) => {
    expectTenantError(options as Partial<DistributionTenantOptions>, problem);
  });

  test('two tenants of the app serve one domain', () => {
    const d = saas(stack);
    d.addTenant('Acme', { domains: ['www.acme.example'], parameters: { tenant: 'acme' } });
    d.addTenant('Copy', { domains: ['www.acme.example'], parameters: { tenant: 'copy' } });
    expect(() => App.of(stack)!.synth()).toThrow(
      '`domains` must not hold "www.acme.example": Stack/Saas/Acme has it too, and CloudFront takes an alternate domain name in one distribution only, even within one account (CNAMEAlreadyExists at deploy). Remove it from one of them, or move it with CloudFront\'s alias move; got: "www.acme.example"',
    );
  });

  test('a tenant serves an alias of a standard distribution of the app', () => {
    new Distribution(stack, 'Www', {
      name: 'www.acme.example',
      sslCertificate: SslCertificate.fromAcmCertificate(certificate(stack)),
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
    });
    saas(stack).addTenant('Acme', { domains: ['www.acme.example'], parameters: { tenant: 'acme' } });
    expect(() => App.of(stack)!.synth()).toThrow(
      '[Stack/Saas/Acme] `domains` must not hold "www.acme.example": Stack/Www has it too',
    );
  });

  test('a default value makes no host name for a tenant that gives none', () => {
    const d = saas(stack, {
      parameters: [{ name: 'tenant', defaultValue: 'shared/' }],
    });
    expect(() => d.addTenant('Acme', { domains: ['www.acme.example'] })).toThrow(
      new Error(
        errorOf(
          'DistributionTenant Stack/Saas/Acme',
          '`parameters` must make `origins[0].domainName` ("{{tenant}}.origin.example.com") a host name, such as backend.example.com; it makes "shared/.origin.example.com"; got: nothing',
        ),
      ),
    );
  });

  test('parameters of the wrong shape (plain JavaScript)', () => {
    expectDistributionError(
      { parameters: 'tenant' as unknown as [] },
      '`parameters` must be a list; got: "tenant" (a string)',
    );
  });

  test('a connection group with an empty name', () => {
    expect(() => new ConnectionGroup(stack, 'Group', { name: '' })).toThrow(
      new Error(errorOf('ConnectionGroup Stack/Group', '`name` must not be empty; got: ""')),
    );
  });

  test('a tenant names no multi-tenant distribution (plain JavaScript)', () => {
    expect(
      () =>
        new DistributionTenant(stack, 'Acme', {
          distribution: undefined as unknown as MultiTenantDistribution,
          domains: ['www.acme.example'],
        }),
    ).toThrow(
      new Error(
        errorOf(
          'DistributionTenant Stack/Acme',
          '`distribution` must be a MultiTenantDistribution of this library; got: nothing',
        ),
      ),
    );
  });
});

describe('warns when', () => {
  test('a field uses more parameters than the quota', () => {
    saas(stack, {
      parameters: [{ name: 'a' }, { name: 'b' }, { name: 'c' }],
      origins: [{ name: 'sites', domainName: '{{a}}.{{b}}.{{c}}.origin.example.com' }],
    });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Saas',
      warning(
        '`origins[0].domainName` uses 3 parameters, more than CloudFront\'s quota "Parameters per field" on multi-tenant distributions (2): the deploy fails unless the quota was raised for your account.',
        'tenantQuota',
      ),
    );
  });

  test('a tenant has more domains than the quota', () => {
    const domains = Array.from({ length: 101 }, (_, i) => `d${i}.acme.example`);
    saas(stack).addTenant('Acme', { domains, parameters: { tenant: 'acme' } });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Saas/Acme',
      warning(
        '`domains` holds 101 domains, more than CloudFront\'s quota "Domains per distribution tenant" (100): the deploy fails unless the quota was raised for your account.',
        'tenantQuota',
      ),
    );
  });

  test('the app has more tenants than the account quota', () => {
    const stacks = addTenants(saas(stack), 10_001, 400);
    App.of(stack)!.synth();
    const last = stacks[stacks.length - 1];
    const warnings = Annotations.fromStack(last).findWarning(
      '*',
      Match.stringLikeRegexp('Distribution tenants per AWS account'),
    );
    expect(warnings.map((w) => w.id)).toEqual([`/${last.stackName}/T10000`]);
  });

  test('an unknown prop from JavaScript', () => {
    saas(stack).addTenant('Acme', {
      domains: ['www.acme.example'],
      parameters: { tenant: 'acme' },
      domain: 'x',
    } as DistributionTenantOptions);
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Saas/Acme',
      Match.stringLikeRegexp(
        '`domain` is not a prop of this construct, and is ignored: did you mean `domains`\\?',
      ),
    );
  });
});

describe('does not judge deploy-time values', () => {
  test('domains, parameter values and a parameter list from CfnParameters', () => {
    const d = saas(stack);
    const domain = new CfnParameter(stack, 'Domain').valueAsString;
    const domains = new CfnParameter(stack, 'Domains', { type: 'CommaDelimitedList' }).valueAsList;
    const value = new CfnParameter(stack, 'Value').valueAsString;
    d.addTenant('One', { domains: [domain], parameters: { tenant: value } });
    d.addTenant('Two', { domains, parameters: { tenant: value } });
    d.addTenant('Three', {
      domains: [domain],
      parameters: { tenant: value },
      customizations: {
        managedCertificate: { primaryDomainName: domain },
        webAcl: TenantWebAcl.override(value),
      },
    });
    expect(() => App.of(stack)!.synth()).not.toThrow();
    template(stack).resourceCountIs('AWS::CloudFront::DistributionTenant', 3);
  });

  test('an origin domain that is wholly a placeholder', () => {
    saas(stack, { origins: [{ name: 'sites', domainName: '{{tenant}}' }] });
    template(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: { Origins: [Match.objectLike({ DomainName: '{{tenant}}' })] },
    });
  });
});

// A multi-tenant distribution (CloudFront SaaS Manager): one configuration whose origin host is a
// tenant parameter, a connection group, and two tenants on it: one with its own ACM certificate,
// one with a certificate CloudFront requests and manages.
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Stack, aws_certificatemanager as acm } from 'aws-cdk-lib';
import { ConnectionGroup, MultiTenantDistribution } from '../lib';

const app = new App();
const stack = new Stack(app, 'cdk-cloudfront-distributions-multi-tenant');
const saas = new MultiTenantDistribution(stack, 'Saas', {
  name: 'Customer sites',
  origins: [{ name: 'sites', domainName: '{{tenant}}.origin.example.com', originPath: '/{{stage}}' }],
  defaultCacheBehavior: { targetOrigin: 'sites' },
  parameters: [
    { name: 'tenant', comment: "The tenant's origin host" },
    { name: 'stage', defaultValue: 'live' },
  ],
});
const group = new ConnectionGroup(stack, 'Group');
saas.addTenant('Acme', {
  domains: ['www.acme.example'],
  parameters: { tenant: 'acme' },
  connectionGroup: group,
  customizations: {
    certificate: new acm.Certificate(stack, 'AcmeCertificate', { domainName: 'www.acme.example' }),
  },
});
saas.addTenant('Globex', {
  domains: ['www.globex.example', 'globex.example'],
  parameters: { tenant: 'globex', stage: 'beta' },
  connectionGroup: group,
  customizations: { managedCertificate: { primaryDomainName: 'www.globex.example' } },
});
new IntegTest(app, 'MultiTenant', { testCases: [stack] });

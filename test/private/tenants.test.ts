import { Token } from 'aws-cdk-lib';
import {
  forSharedRules,
  isRequired,
  placeholders,
  renderCustomizations,
  renderParameters,
  renderTenantConfig,
  tenantRules,
} from '../../lib/private/tenants';

test('placeholders: the parameter names of {{name}}, in order, none in a token', () => {
  expect(placeholders('{{tenant}}.{{region}}.example.com')).toEqual(['tenant', 'region']);
  expect(placeholders('/static')).toEqual([]);
  expect(placeholders('{{resolve:ssm:/origin}}')).toEqual([]);
  expect(placeholders(undefined)).toEqual([]);
});

test('isRequired: as given, otherwise when there is no default', () => {
  expect(isRequired({ name: 'a' })).toBe(true);
  expect(isRequired({ name: 'a', defaultValue: 'x' })).toBe(false);
  expect(isRequired({ name: 'a', required: true, defaultValue: 'x' })).toBe(true);
  expect(isRequired({ name: 'a', required: false })).toBe(false);
});

test('forSharedRules: only fields with a placeholder become deploy-time values', () => {
  const plain = { origins: [{ name: 'a', domainName: 'a.example.com' }] };
  expect(forSharedRules(plain)).toBe(plain);
  const masked = forSharedRules({
    origins: [{ name: 'a', domainName: '{{t}}.example.com', originPath: '/live' }],
  });
  expect(Token.isUnresolved(masked.origins[0].domainName)).toBe(true);
  expect(masked.origins[0].originPath).toBe('/live');
});

test('renderTenantConfig: nothing without parameters; Required always rendered', () => {
  expect(renderTenantConfig(undefined)).toBeUndefined();
  expect(renderTenantConfig([])).toBeUndefined();
  expect(renderTenantConfig([{ name: 'a', defaultValue: 'x' }])).toEqual({
    parameterDefinitions: [
      { name: 'a', definition: { stringSchema: { required: false, defaultValue: 'x' } } },
    ],
  });
});

test('renderParameters: the values in the order given; none for an empty map', () => {
  expect(renderParameters({ b: '2', a: '1' })).toEqual([
    { name: 'b', value: '2' },
    { name: 'a', value: '1' },
  ]);
  expect(renderParameters({})).toBeUndefined();
  expect(renderParameters(undefined)).toBeUndefined();
});

test('renderCustomizations: nothing without customizations', () => {
  expect(renderCustomizations({ domains: ['a.example.com'] })).toEqual({});
  expect(renderCustomizations({ domains: ['a.example.com'], customizations: {} })).toEqual({
    customizations: undefined,
    managedCertificateRequest: undefined,
  });
});

test('tenantRules: a parameter with a default need not be given; an optional one neither', () => {
  const declared = [{ name: 'a', defaultValue: 'x' }, { name: 'b', required: false }, { name: 'c' }];
  expect(tenantRules({ domains: ['a.example.com'], parameters: { c: '1' } }, declared)).toEqual([]);
  expect(tenantRules({ domains: ['a.example.com'] }, declared)).toEqual([
    '`parameters.c` is required: the distribution declares it required, without a default value; got: nothing',
  ]);
});

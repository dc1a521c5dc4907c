import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Origin } from '../../lib';
import { render, rules, warnings } from '../../lib/private/origin';

// Plain unit tests of the origin concept: no App, no Stack.
const CUSTOM: Origin = { name: 'www', domainName: 'backend.example.com' };

describe('render', () => {
  test('a custom origin renders every connection default', () => {
    expect(render(CUSTOM)).toEqual({
      id: 'www',
      domainName: 'backend.example.com',
      customOriginConfig: {
        httpPort: 80,
        httpsPort: 443,
        originProtocolPolicy: 'https-only',
        originSslProtocols: ['TLSv1.2'],
        originReadTimeout: undefined,
        originKeepaliveTimeout: undefined,
      },
      originPath: undefined,
      originCustomHeaders: undefined,
      connectionAttempts: undefined,
      connectionTimeout: undefined,
      originShield: undefined,
    });
  });

  test('settings beyond the specification render only when set', () => {
    expect(
      render({
        ...CUSTOM,
        originPath: '/prod',
        customHeaders: { 'X-A': '1' },
        connectionAttempts: 2,
        connectionTimeout: Duration.seconds(5),
        readTimeout: Duration.seconds(60),
        originShieldRegion: 'eu-west-1',
      }),
    ).toMatchObject({
      originPath: '/prod',
      originCustomHeaders: [{ headerName: 'X-A', headerValue: '1' }],
      connectionAttempts: 2,
      connectionTimeout: 5,
      customOriginConfig: { originReadTimeout: 60 },
      originShield: { enabled: true, originShieldRegion: 'eu-west-1' },
    });
  });
});

describe('rules', () => {
  test('a valid list has no problem', () => {
    expect(rules('origins', [CUSTOM])).toEqual([]);
  });

  test('an empty list, a repeated name and a bad port, with the path given', () => {
    expect(rules('origins', [])).toEqual(['`origins` must list at least one origin; got: []']);
    expect(rules('origins', [CUSTOM, { ...CUSTOM, httpPort: 81 }])).toEqual([
      '`origins[].name` must not repeat names; got: "www"',
      '`origins[1].httpPort` must be 80, 443 or a whole number from 1024 to 65535; got: 81',
    ]);
  });
});

describe('warnings', () => {
  test('http-only and broken SSL protocols', () => {
    expect(
      warnings('origins[0]', {
        ...CUSTOM,
        protocol: cloudfront.OriginProtocolPolicy.HTTP_ONLY,
        sslPolicy: ['TLSv1', 'TLSv1.2'],
      }).map((w) => w.id),
    ).toEqual(['httpOnlyOrigin', 'insecureOriginSslPolicy']);
    expect(warnings('origins[0]', CUSTOM)).toEqual([]);
  });
});

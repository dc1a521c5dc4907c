import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Origin } from '../../lib';
import { refusesViewerHost, render, requestRules, rules, warnings } from '../../lib/private/origin';

// Plain unit tests of the origin concept: no App, no Stack.
const CUSTOM: Origin = { name: 'www', domainName: 'backend.example.com' };

describe('render', () => {
  test("a custom origin renders our connection defaults, leaving out CloudFormation's (ports 80 and 443)", () => {
    expect(render(CUSTOM)).toEqual({
      id: 'www',
      domainName: 'backend.example.com',
      customOriginConfig: {
        httpPort: undefined,
        httpsPort: undefined,
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

  test.each([
    [
      { httpPort: 8080, httpsPort: 8443 },
      { httpPort: 8080, httpsPort: 8443 },
    ],
    [{ readTimeout: Duration.seconds(30), keepaliveTimeout: Duration.seconds(5) }, {}],
    [
      { readTimeout: Duration.seconds(31), keepaliveTimeout: Duration.seconds(6) },
      { originReadTimeout: 31, originKeepaliveTimeout: 6 },
    ],
  ])("a value is rendered unless it is CloudFormation's default: %j", (settings, rendered) => {
    const config = render({ ...CUSTOM, ...settings })
      .customOriginConfig as cloudfront.CfnDistribution.CustomOriginConfigProperty;
    const fields = ['httpPort', 'httpsPort', 'originReadTimeout', 'originKeepaliveTimeout'] as const;
    expect(
      Object.fromEntries(fields.filter((f) => config[f] !== undefined).map((f) => [f, config[f]])),
    ).toEqual(rendered);
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

describe('refusesViewerHost', () => {
  test.each([
    ['abc123.lambda-url.us-east-1.on.aws', 'a Lambda function URL'],
    ['ABC123.LAMBDA-URL.eu-west-1.ON.AWS', 'a Lambda function URL'],
    ['abc123.execute-api.us-east-1.amazonaws.com', 'an API Gateway API'],
    ['abc123.execute-api.cn-north-1.amazonaws.com.cn', 'an API Gateway API'],
    ['media.s3.amazonaws.com', 'an S3 bucket'],
    ['media.s3.eu-west-1.amazonaws.com', 'an S3 bucket'],
    ['media.s3-eu-west-1.amazonaws.com', 'an S3 bucket'],
    ['media.s3.dualstack.eu-west-1.amazonaws.com', 'an S3 bucket'],
    ['media.s3-website-eu-west-1.amazonaws.com', undefined],
    ['media.s3-website.eu-west-1.amazonaws.com', undefined],
    ['backend.example.com', undefined],
    ['s3.example.com', undefined],
    ['my-alb-123.us-east-1.elb.amazonaws.com', undefined],
  ])('a custom origin on %s: %s', (domainName, refuser) => {
    expect(refusesViewerHost({ name: 'o', domainName })).toBe(refuser);
  });
});

describe('requestRules', () => {
  test('judge every origin a behaviour reaches, and nothing for a behaviour that forwards no Host', () => {
    const api: Origin = { name: 'api', domainName: 'abc.execute-api.us-east-1.amazonaws.com' };
    const web: Origin = { name: 'web', domainName: 'backend.example.com' };
    expect(requestRules('b', { targetOrigin: 'g', forwardHeaders: ['Accept'] }, [api, web])).toEqual([]);
    expect(requestRules('b', { targetOrigin: 'g', forwardHeaders: ['Host'] }, [web, api])).toEqual([
      '`b.forwardHeaders` must not forward the viewer\'s Host header to origin "api", an API Gateway API, which refuses a request for another host. Leave Host out; got: ["Host"]',
    ]);
  });
});

describe('render (an aws-cdk-lib origin)', () => {
  test('renders what the binding returned, under the name', () => {
    expect(
      render({ name: 'api', cdkOrigin: { bind: () => ({}) } }, 'ignored', {
        id: 'x',
        domainName: 'a.example.com',
      }),
    ).toEqual({ id: 'api', domainName: 'a.example.com' });
  });
});

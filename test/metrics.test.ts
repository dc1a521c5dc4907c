import { Duration, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { config, errorOf, make, newStack } from './helpers';
import { Distribution } from '../lib';

// CloudWatch metrics and the additional metrics subscription (lib/private/metrics.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('no monitoring subscription by default', () => {
    make(stack, {});
    config(stack).resourceCountIs('AWS::CloudFront::MonitoringSubscription', 0);
  });

  test('publishAdditionalMetrics: a monitoring subscription for this distribution', () => {
    make(stack, { publishAdditionalMetrics: true });
    config(stack).hasResourceProperties('AWS::CloudFront::MonitoringSubscription', {
      DistributionId: { Ref: 'Www4AF92A2E' },
      MonitoringSubscription: {
        RealtimeMetricsSubscriptionConfig: { RealtimeMetricsSubscriptionStatus: 'Enabled' },
      },
    });
  });

  test.each([
    ['metricRequests', 'Requests', 'Sum'],
    ['metricBytesDownloaded', 'BytesDownloaded', 'Sum'],
    ['metricBytesUploaded', 'BytesUploaded', 'Sum'],
    ['metricTotalErrorRate', 'TotalErrorRate', 'Average'],
    ['metric4xxErrorRate', '4xxErrorRate', 'Average'],
    ['metric5xxErrorRate', '5xxErrorRate', 'Average'],
  ] as const)('%s: %s in AWS/CloudFront, us-east-1, Region Global', (method, metricName, statistic) => {
    const metric = make(stack, {})[method]();
    expect(metric.namespace).toBe('AWS/CloudFront');
    expect(metric.metricName).toBe(metricName);
    expect(metric.statistic).toBe(statistic);
    expect(metric.region).toBe('us-east-1');
    expect(stack.resolve(metric.dimensions)).toEqual({
      DistributionId: { Ref: 'Www4AF92A2E' },
      Region: 'Global',
    });
  });

  test('an alarm on a metric, in a stack of us-east-1', () => {
    const www = make(stack, { publishAdditionalMetrics: true });
    new cloudwatch.Alarm(stack, 'Errors', {
      metric: www.metric5xxErrorRate({ period: Duration.minutes(1) }),
      threshold: 5,
      evaluationPeriods: 3,
    });
    new cloudwatch.Alarm(stack, 'Latency', {
      metric: www.metricOriginLatency({ statistic: 'p90' }),
      threshold: 1000,
      evaluationPeriods: 3,
    });
    config(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/CloudFront',
      MetricName: '5xxErrorRate',
      Dimensions: Match.arrayWith([
        { Name: 'DistributionId', Value: { Ref: 'Www4AF92A2E' } },
        { Name: 'Region', Value: 'Global' },
      ]),
      Period: 60,
      Threshold: 5,
    });
    config(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'OriginLatency',
      ExtendedStatistic: 'p90',
    });
  });

  test('metric(name) gives any metric, with options', () => {
    const metric = make(stack, {}).metric('FunctionInvocations', { statistic: 'sum' });
    expect([metric.metricName, metric.statistic]).toEqual(['FunctionInvocations', 'Sum']);
  });
});

describe('fails when', () => {
  test.each([
    ['metricOriginLatency', 'OriginLatency'],
    ['metricCacheHitRate', 'CacheHitRate'],
  ] as const)('%s is asked without publishAdditionalMetrics', (method, metricName) => {
    const www = make(stack, {});
    expect(() => www[method]()).toThrow(
      new Error(
        errorOf(
          'Distribution Stack/Www',
          `\`publishAdditionalMetrics\` must be true to use ${method}(): CloudFront publishes ${metricName} only as an additional metric; got: nothing`,
        ),
      ),
    );
  });

  test("metric('404ErrorRate') is asked with publishAdditionalMetrics false", () => {
    const www = new Distribution(stack, 'Www', {
      name: 'www.example.com',
      origins: [{ name: 'www', domainName: 'backend.example.com' }],
      defaultCacheBehavior: { targetOrigin: 'www' },
      publishAdditionalMetrics: false,
    });
    expect(() => www.metric('404ErrorRate')).toThrow(
      "`publishAdditionalMetrics` must be true to use metric('404ErrorRate'): CloudFront publishes 404ErrorRate only as an additional metric; got: false",
    );
  });
});

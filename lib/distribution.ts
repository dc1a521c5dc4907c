import {
  ArnFormat,
  Aspects,
  CfnResource,
  Lazy,
  Resource,
  Stack,
  Tags,
  aws_cloudfront as cloudfront,
  aws_cloudwatch as cloudwatch,
  aws_iam as iam,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { deliverAccessLogs } from './access-logs';
import { judgeApp, registerSharing } from './app-quotas';
import { BehaviorOptions, CacheBehavior, DefaultCacheBehavior } from './cache-behavior';
import { BehaviorPolicies, policiesFor } from './cache-policies';
import { certificateFor, homeScope } from './companions';
import { ErrorResponse } from './error-response';
import { AccessLogs, LoggingConfig } from './logging';
import { bindOrigin } from './origin-binding';
import { Origin, OriginGroup } from './origins';
import { PricingPlan } from './pricing-plan';
import * as behavior from './private/behavior';
import * as cachePolicy from './private/cache-policy';
import * as certificate from './private/certificate';
import { DEFAULTS } from './private/defaults';
import * as config from './private/distribution-config';
import * as errorResponse from './private/error-response';
import { findings } from './private/findings';
import { environmentRules, hasEnvironment } from './private/home-region';
import * as logging from './private/logging';
import * as metrics from './private/metrics';
import * as originModule from './private/origin';
import * as originGroup from './private/origin-group';
import * as pricingPlan from './private/pricing-plan';
import * as quotas from './private/quotas';
import { nodeOf, owned } from './private/references';
import * as settings from './private/settings';
import { compact } from './private/template';
import { addWarnings, isDeployTime, throwIfAny, typeRules } from './private/validation';
import { accessControlFor, grantAccessControlRead, grantIdentityRead, setUpLogBucket } from './s3-access';
import { SslCertificate, ViewerMtls } from './viewer-certificate';

/**
 * Properties of a web (HTTP and HTTPS) distribution: the specification's `Distribution`.
 */
export interface DistributionProps {
  /**
   * The name of the distribution: the primary domain name it serves, such as `www.example.com`.
   *
   * It is the default `comment` and, when `sslCertificate` is given, the first alias
   * (`Aliases`), so it must then be a lower-case domain name. Without a certificate CloudFront
   * accepts no alias, so the name is then only the comment: any text of at most 128
   * characters (a domain name there gets a warning that it is not served).
   */
  readonly name: string;

  /**
   * A comment about the distribution, at most 128 characters.
   *
   * Becomes `Comment`.
   *
   * @default - the `name`
   */
  readonly comment?: string;

  /**
   * More domain names the distribution serves, besides `name`, in lower case. Needs
   * `sslCertificate`. More than 100 names in all (CloudFront's default quota) get a warning.
   *
   * Becomes `Aliases`, after `name`, without repeats. A list known only at deploy time (a
   * `CommaDelimitedList` parameter, `Fn.split`) is joined to `name` in the template.
   *
   * @default - only `name` (with a certificate)
   */
  readonly aliases?: string[];

  /**
   * The object served for a request to the root URL, such as `/index.html`.
   *
   * `/` serves no root object. Becomes `DefaultRootObject`, without the leading `/`.
   *
   * @default '/'
   */
  readonly rootObject?: string;

  /**
   * Whether the distribution accepts requests. A distribution must be disabled before it
   * can be deleted.
   *
   * Becomes `Enabled`.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The origins the distribution fetches from: S3 buckets (`bucket`), HTTP(S) servers
   * (`domainName`) or origins aws-cdk-lib models (`cdkOrigin`).
   *
   * Becomes `Origins`.
   */
  readonly origins: Origin[];

  /**
   * How the distribution handles requests that match none of `behaviors`.
   *
   * Becomes `DefaultCacheBehavior`.
   */
  readonly defaultCacheBehavior: DefaultCacheBehavior;

  /**
   * Cache behaviours for path patterns, tried in order.
   *
   * Becomes `CacheBehaviors`.
   *
   * @default - only the default behaviour
   */
  readonly behaviors?: CacheBehavior[];

  /**
   * Custom responses for HTTP errors.
   *
   * Becomes `CustomErrorResponses`.
   *
   * @default - CloudFront's own error handling
   */
  readonly errorResponses?: ErrorResponse[];

  /**
   * Standard access logging to S3.
   *
   * Becomes `Logging`.
   *
   * @default - no logging
   */
  readonly logging?: LoggingConfig;

  /**
   * Access logs through standard logging v2, to a CloudWatch Logs log group, an S3 bucket (no
   * ACLs needed) or a Data Firehose stream, with the format and fields you choose. Beside or
   * instead of `logging` (legacy standard logs, which stays as it is). CloudFront delivers them
   * from us-east-1: the distribution's stack must be in us-east-1. Beyond the specification.
   *
   * Renders an `AWS::Logs::DeliverySource`, `DeliveryDestination` and `Delivery`, and the
   * destination's policy statement for the log delivery service.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging.html
   * @default - no access logs v2
   */
  readonly accessLogs?: AccessLogs;

  /**
   * Which edge locations serve the distribution, by price.
   *
   * Becomes `PriceClass`, rendered even at its default (CloudFormation's own default is
   * `PriceClass_All`).
   *
   * @default PriceClass.PRICE_CLASS_100 (the cheapest)
   */
  readonly priceClass?: cloudfront.PriceClass;

  /**
   * The certificate for `name` and `aliases`.
   *
   * Becomes `ViewerCertificate.AcmCertificateArn` or `IamCertificateId`.
   *
   * @default - CloudFront's default certificate for `*.cloudfront.net`, and no aliases
   */
  readonly sslCertificate?: SslCertificate;

  /**
   * How CloudFront serves HTTPS for the certificate: `sni-only`, or `vip` (dedicated IP
   * addresses, for clients without SNI; expensive). Only with `sslCertificate`.
   *
   * Becomes `ViewerCertificate.SslSupportMethod`.
   *
   * @default SSLMethod.SNI
   */
  readonly sslSupportMethod?: cloudfront.SSLMethod;

  /**
   * The oldest protocol (security policy) viewers may use over HTTPS. Only with
   * `sslCertificate`: without one CloudFront ignores it, and it gets a warning.
   *
   * The specification's default, `TLSv1`, allows broken protocols; it is still accepted, as
   * are `SSLv3` (with `vip`), `TLSv1_2016` and `TLSv1.1_2016`, with a warning. Becomes
   * `ViewerCertificate.MinimumProtocolVersion`.
   *
   * @default SecurityPolicyProtocol.TLS_V1_2_2021 (the specification's default is TLSv1)
   */
  readonly sslMinimumProtocolVersion?: cloudfront.SecurityPolicyProtocol;

  /**
   * Origin groups for failover; behaviours can name a group in `targetOrigin`. Beyond the
   * specification.
   *
   * Becomes `OriginGroups`.
   *
   * @default - none
   */
  readonly originGroups?: OriginGroup[];

  /**
   * The ARN of the AWS WAF (WAFv2) web ACL that protects the distribution: a global one
   * (scope CLOUDFRONT), which lives in us-east-1. Beyond the specification.
   *
   * Becomes `WebACLId`.
   *
   * @default - no web ACL
   */
  readonly webAclId?: string;

  /**
   * Countries to serve (`GeoRestriction.allowlist('US', 'CA')`) or not to serve
   * (`GeoRestriction.denylist(...)`), by ISO 3166-1 alpha-2 code. Beyond the specification.
   *
   * Becomes `Restrictions.GeoRestriction`.
   *
   * @default - no restriction
   */
  readonly geoRestriction?: cloudfront.GeoRestriction;

  /**
   * The highest HTTP version viewers may use. Beyond the specification.
   *
   * Becomes `HttpVersion`, always rendered (CloudFormation's default is http1.1).
   *
   * @default HttpVersion.HTTP2_AND_3, or HttpVersion.HTTP2 with `viewerMtls`
   */
  readonly httpVersion?: cloudfront.HttpVersion;

  /**
   * Whether CloudFront answers DNS queries for IPv6 addresses. Beyond the specification.
   *
   * Becomes `IPV6Enabled`, always rendered (CloudFormation's default is false).
   *
   * @default true
   */
  readonly enableIpv6?: boolean;

  /**
   * Whether behaviours without a `cachePolicy` keep the specification's caching model
   * (`ForwardedValues` and TTLs, CloudFront's "legacy cache settings").
   *
   * With `false`, each such behaviour keeps its props (`forwardQueryString`, `forwardHeaders`,
   * `forwardCookies`, the TTLs, `compress`) and renders them as a cache policy (and, where the
   * legacy model does not cache, `CachingDisabled` and an origin request policy) that caches and
   * forwards exactly the same: a managed policy where one matches, otherwise one generated policy
   * per setting, shared by the stack. Beyond the specification.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/controlling-the-cache-key.html
   * @default true
   */
  readonly legacyCacheSettings?: boolean;

  /**
   * Viewer mutual TLS: viewers present client certificates that CloudFront validates against a
   * trust store. Every behaviour must then redirect HTTP to HTTPS or serve HTTPS only, and
   * `httpVersion` defaults to http2 (CloudFront has no viewer mutual TLS over HTTP/3). Beyond
   * the specification.
   *
   * Becomes `ViewerMtlsConfig`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/mtls-authentication.html
   * @default - no client certificates
   */
  readonly viewerMtls?: ViewerMtls;

  /**
   * The ID of an anycast static IP list (`cloudfront.CfnAnycastIpList`'s `attrId`) whose fixed
   * IP addresses serve the distribution. Beyond the specification.
   *
   * Becomes `AnycastIpListId`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/request-static-ips.html
   * @default - CloudFront's shared, changing IP addresses
   */
  readonly anycastIpListId?: string;

  /**
   * The response header in which the origin names an object's cache tags (comma-separated), so
   * that an invalidation can name tags (`#product:tv`) instead of paths; for S3 metadata
   * `cache-tag`, `x-amz-meta-cache-tag`. Beyond the specification.
   *
   * Becomes `CacheTagConfig.HeaderName`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/invalidation-by-tags.html
   * @default - no cache tags
   */
  readonly cacheTagHeaderName?: string;

  /**
   * Whether CloudFront publishes the additional CloudWatch metrics (origin latency, cache hit
   * rate, error rates by status code), a paid subscription. Needed by `metricOriginLatency()`,
   * `metricCacheHitRate()` and the per-code error rates. Beyond the specification.
   *
   * Renders an `AWS::CloudFront::MonitoringSubscription`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
   * @default false
   */
  readonly publishAdditionalMetrics?: boolean;

  /**
   * A CloudFront flat-rate pricing plan for the distribution and its web ACL (`webAclId`, then
   * required): a fixed monthly price. CloudFront refuses a distribution on a plan while it uses a
   * feature the plan does not support or its tier does not include; each is a synth error naming
   * the prop. Beyond the specification.
   *
   * Renders an `AWS::PricingPlanManager::Subscription`. A paid tier waits for approval; CloudFormation
   * refuses a change of tier by stack update; deleting the subscription cancels the plan at the end
   * of the billing period.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/flat-rate-pricing-plan.html
   * @default - pay-as-you-go pricing
   */
  readonly pricingPlan?: PricingPlan;

  /**
   * Tags for the distribution (as `Tags.of(distribution).add(key, value)`). Beyond the
   * specification.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

/**
 * A CloudFront web distribution: a CDN for HTTP and HTTPS traffic in front of S3 buckets and
 * HTTP(S) servers, configured the way the specification describes, with secure defaults.
 *
 * It renders one `AWS::CloudFront::Distribution` (the child `Resource`) with the
 * specification's caching model (`ForwardedValues` and TTLs on each behaviour), plus what an S3
 * origin or logging needs to work on the first deploy: Origin Access Control, bucket and key
 * policy statements, a log bucket.
 *
 * It implements `aws_cloudfront.IDistribution`, so Route 53's `CloudFrontTarget`,
 * `BucketDeployment` and grants accept it.
 *
 * @resource AWS::CloudFront::Distribution
 * @example
 * new Distribution(this, 'Www', {
 *   name: 'www.example.com',
 *   origins: [{ name: 'www', domainName: 'backend.example.com' }],
 *   defaultCacheBehavior: { targetOrigin: 'www' },
 * });
 */
export class Distribution extends Resource implements cloudfront.IDistribution {
  /**
   * Imports an existing distribution by its ID and domain name.
   */
  public static fromDistributionAttributes(
    scope: Construct,
    id: string,
    attrs: cloudfront.DistributionAttributes,
  ): cloudfront.IDistribution {
    return cloudfront.Distribution.fromDistributionAttributes(scope, id, attrs);
  }

  /**
   * The distribution's domain name, such as `d111111abcdef8.cloudfront.net`.
   *
   * @attribute
   */
  public readonly distributionDomainName: string;

  /**
   * The distribution's domain name, such as `d111111abcdef8.cloudfront.net`
   * (the same as `distributionDomainName`).
   */
  public readonly domainName: string;

  /**
   * The distribution's ID, such as `E1A2B3C4D5E6F7`.
   *
   * @attribute
   */
  public readonly distributionId: string;

  /**
   * The distribution's ARN.
   *
   * @attribute
   */
  public readonly distributionArn: string;

  /**
   * A reference to this distribution, for aws-cdk-lib's `IDistributionRef`.
   */
  public readonly distributionRef: cloudfront.DistributionReference;

  /**
   * The bucket access logs go to, when logging is enabled.
   */
  public readonly loggingBucket?: s3.IBucket;

  /**
   * The staging twin of this distribution, once one is declared.
   *
   * @internal
   */
  public _stagingTwin?: Construct;

  private readonly props: DistributionProps;
  private readonly origins: Origin[];
  private readonly behaviors: CacheBehavior[];
  private readonly grantedBuckets = new Set<string>();
  /** The policies of each behaviour, when it uses CloudFront's current caching model. */
  private readonly policies = new Map<DefaultCacheBehavior, BehaviorPolicies | undefined>();
  /** What each aws-cdk-lib origin rendered when bound. */
  private readonly bound = new Map<Origin, cloudfront.CfnDistribution.OriginProperty>();
  private accessControl?: cloudfront.S3OriginAccessControl;
  private judgedAtSynth = false;
  private readonly ownProps?: string[];
  /** How errors name this kind of distribution. */
  private readonly kind: string;
  /** Where access logs are delivered from (us-east-1). */
  private readonly logsHome?: Construct;

  /**
   * Whether this is a multi-tenant distribution (tenant-only connection mode).
   *
   * @internal
   */
  public readonly _tenantOnly: boolean;

  constructor(scope: Construct, id: string, props: DistributionProps) {
    super(scope, id);

    // A subclass's own props (a staging twin's `primary`) are not unknown; a multi-tenant
    // distribution is judged in tenant-only mode.
    const kind = new.target as unknown as { _ownProps?: string[]; _tenantOnly?: boolean; _kind?: string };
    this.ownProps = kind._ownProps;
    this._tenantOnly = kind._tenantOnly === true;
    this.kind = kind._kind ?? 'Distribution';
    // Access logs are delivered from us-east-1: from a companion stack outside it.
    if (props?.accessLogs !== undefined && hasEnvironment(this)) this.logsHome = homeScope(this, 'after');
    throwIfAny(this.what, config.rules(props, this.judging()));
    addWarnings(this, config.warnings(props, this.ownProps, this._tenantOnly));
    this.props = props;
    this.origins = [...props.origins];
    this.behaviors = [...(props.behaviors ?? [])];
    if (this.origins.some((o) => o.bucket && !o.originAccessIdentity)) this.ensureAccessControl();
    this.loggingBucket = setUpLogBucket(this, props.logging);
    for (const [at, b] of config.allBehaviors(props)) this.resolvePolicies(at, b);

    const resource = new cloudfront.CfnDistribution(this, 'Resource', {
      distributionConfig: compact({
        ...settings.render(props),
        ...certificate.render(this.withRequestedCertificate(props)),
        // Rendered lazily: addOrigin and addBehavior may add to them after construction.
        origins: Lazy.any({
          produce: () =>
            compact(
              this.origins.map((o) =>
                originModule.render(o, this.accessControl?.originAccessControlId, this.bound.get(o)),
              ),
            ),
        }),
        originGroups: originGroup.render(props.originGroups),
        defaultCacheBehavior: behavior.renderDefault(
          props.defaultCacheBehavior,
          this.policyIds(props.defaultCacheBehavior),
        ),
        cacheBehaviors: Lazy.any(
          { produce: () => compact(this.behaviors.map((b) => behavior.render(b, this.policyIds(b)))) },
          { omitEmptyArray: true },
        ),
        customErrorResponses: props.errorResponses?.length
          ? props.errorResponses.map(errorResponse.render)
          : undefined,
        logging: logging.render(this.loggingBucket, props.logging),
      }),
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) Tags.of(this).add(key, value);
    if (props.publishAdditionalMetrics === true) {
      new cloudfront.CfnMonitoringSubscription(this, 'MonitoringSubscription', {
        distributionId: resource.ref,
        monitoringSubscription: {
          realtimeMetricsSubscriptionConfig: { realtimeMetricsSubscriptionStatus: 'Enabled' },
        },
      });
    }

    this.distributionId = resource.ref;
    this.distributionDomainName = resource.attrDomainName;
    this.domainName = resource.attrDomainName;
    this.distributionRef = { distributionId: resource.ref };
    this.distributionArn = Stack.of(this).formatArn({
      service: 'cloudfront',
      region: '',
      resource: 'distribution',
      resourceName: this.distributionId,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });

    if (props.accessLogs) {
      deliverAccessLogs(this.logsHome ?? this, this, this.distributionArn, props.accessLogs);
    }
    if (props.pricingPlan !== undefined && !this._tenantOnly) {
      this.subscribe(props.pricingPlan, props.webAclId!);
    }
    // Findings are judged on the distribution as it stands at synth, after addOrigin and
    // addBehavior: warnings, so an aspect adds them (a validation can only fail).
    Aspects.of(this).add({
      visit: (node) => {
        if (node === this) {
          addWarnings(this, findings({ ...this.currentProps(), loggingBucket: this.loggingBucket }));
          judgeApp(this);
        }
      },
    });
    registerSharing(
      this,
      () => quotas.sharedUses(this.currentProps(), this.vpcOrigins()),
      (alias) => (alias === props.name?.toLowerCase() ? 'name' : 'aliases'),
      this._tenantOnly ? undefined : props.pricingPlan,
    );
    // Bucket and key policies name this distribution, so they come after its ID exists.
    this.origins.forEach((o, i) => this.connect(`origins[${i}]`, o));
  }

  /**
   * The Origin Access Control that S3 origins use, when the distribution has any without an
   * origin access identity: one per stack, shared by every distribution of the stack.
   */
  public get originAccessControl(): cloudfront.IOriginAccessControl | undefined {
    return this.accessControl;
  }

  /**
   * Adds an origin after construction, judged like the `origins` prop.
   *
   * An S3 origin gets Origin Access Control and its bucket policy statement as in the props.
   */
  public addOrigin(origin: Origin): void {
    const origins = [...this.origins, origin];
    throwIfAny(
      this.what,
      config.rules({ ...this.currentProps(), origins }, { ...this.judging(), deferReferences: true }),
    );
    this.origins.push(origin);
    this.judgeAgainAtSynth();
    addWarnings(this, originModule.warnings(`origins[${origins.length - 1}]`, origin));
    if (origin.bucket && !origin.originAccessIdentity) this.ensureAccessControl();
    this.connect(`origins[${origins.length - 1}]`, origin);
  }

  /**
   * Adds a cache behaviour for `pathPattern` after construction, after the others, judged like
   * the `behaviors` prop. `targetOrigin` may name an origin added later; that is checked at
   * synth.
   */
  public addBehavior(pathPattern: string, targetOrigin: string, options: BehaviorOptions = {}): void {
    throwIfAny(this.what, typeRules('addBehavior(options)', options, 'object'));
    const added: CacheBehavior = { ...options, pathPattern, targetOrigin };
    const behaviors = [...this.behaviors, added];
    throwIfAny(
      this.what,
      config.rules({ ...this.currentProps(), behaviors }, { ...this.judging(), deferReferences: true }),
    );
    this.behaviors.push(added);
    this.judgeAgainAtSynth();
    const at = `behaviors[${behaviors.length - 1}]`;
    addWarnings(this, [...behavior.warnings(at, added), ...cachePolicy.warnings(at, added)]);
    this.resolvePolicies(at, added);
  }

  /**
   * Adds an IAM policy statement for this distribution to a principal's policy.
   */
  public grant(identity: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee: identity, actions, resourceArns: [this.distributionArn] });
  }

  /**
   * Grants a principal the right to create invalidations of this distribution.
   */
  public grantCreateInvalidation(identity: iam.IGrantable): iam.Grant {
    return this.grant(identity, 'cloudfront:CreateInvalidation');
  }

  /**
   * A CloudWatch metric of this distribution, such as `Requests`: in namespace AWS/CloudFront,
   * with the dimensions DistributionId and Region `Global`, in us-east-1 (where CloudFront
   * publishes them; an alarm on it belongs in a stack of us-east-1). An additional metric
   * (`OriginLatency`, `CacheHitRate`, `4xxErrorRate` by code) needs `publishAdditionalMetrics`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
   */
  public metric(metricName: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf(metricName, `metric('${metricName}')`, props);
  }

  /** Viewer requests, for all HTTP methods and both HTTP and HTTPS (sum). */
  public metricRequests(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('Requests', 'metricRequests()', { statistic: 'sum', ...props });
  }

  /** Bytes downloaded by viewers for GET, HEAD and OPTIONS requests (sum). */
  public metricBytesDownloaded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('BytesDownloaded', 'metricBytesDownloaded()', { statistic: 'sum', ...props });
  }

  /** Bytes uploaded by viewers with POST and PUT requests (sum). */
  public metricBytesUploaded(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('BytesUploaded', 'metricBytesUploaded()', { statistic: 'sum', ...props });
  }

  /** The percentage of requests answered with a 4xx or 5xx status code. */
  public metricTotalErrorRate(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('TotalErrorRate', 'metricTotalErrorRate()', props);
  }

  /** The percentage of requests answered with a 4xx status code. */
  public metric4xxErrorRate(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('4xxErrorRate', 'metric4xxErrorRate()', props);
  }

  /** The percentage of requests answered with a 5xx status code. */
  public metric5xxErrorRate(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('5xxErrorRate', 'metric5xxErrorRate()', props);
  }

  /**
   * The time the origin takes to answer a request CloudFront does not serve from its cache, in
   * milliseconds. An additional metric: needs `publishAdditionalMetrics`.
   */
  public metricOriginLatency(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('OriginLatency', 'metricOriginLatency()', props);
  }

  /**
   * The percentage of cacheable requests served from CloudFront's cache. An additional metric:
   * needs `publishAdditionalMetrics`.
   */
  public metricCacheHitRate(props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    return this.metricOf('CacheHitRate', 'metricCacheHitRate()', props);
  }

  /** A metric, refused with the distribution's error when it is additional and not published. */
  private metricOf(metricName: string, method: string, props?: cloudwatch.MetricOptions): cloudwatch.Metric {
    throwIfAny(this.what, metrics.additionalRules(metricName, method, this.props.publishAdditionalMetrics));
    return new cloudwatch.Metric(metrics.metricProps(metricName, this.distributionId, props));
  }

  /** The policies of a behaviour: its own, the bridge's, or none (legacy cache settings). */
  private resolvePolicies(at: string, b: DefaultCacheBehavior): void {
    const legacy = this.props.legacyCacheSettings ?? DEFAULTS.legacyCacheSettings;
    this.policies.set(b, policiesFor(this, at, b, legacy));
  }

  private policyIds(b: DefaultCacheBehavior): behavior.PolicyIds | undefined {
    const found = this.policies.get(b);
    return found
      ? {
          cachePolicyId: found.cachePolicy.cachePolicyId,
          originRequestPolicyId: found.originRequestPolicy?.originRequestPolicyId,
        }
      : undefined;
  }

  /** How errors name this construct: `Distribution Stack/Www`. */
  private get what(): string {
    return `${this.kind} ${this.node.path}`;
  }

  /** How this distribution's props are judged. */
  private judging(): config.Judging {
    return { scope: this, ownProps: this.ownProps, tenantOnly: this._tenantOnly, logsHome: this.logsHome };
  }

  /**
   * What addOrigin and addBehavior change is judged again, as a whole, at synth: a behaviour
   * may name an origin added after it. Props alone were judged in the constructor, so a
   * distribution nothing was added to costs nothing more at synth.
   */
  private judgeAgainAtSynth(): void {
    if (this.judgedAtSynth) return;
    this.judgedAtSynth = true;
    this.node.addValidation({
      validate: () => config.rules(this.currentProps(), this.judging()),
    });
  }

  /**
   * The props as they stand now, for a staging twin's and a tenant's rules.
   *
   * @internal
   */
  public _currentProps(): DistributionProps {
    return this.currentProps();
  }

  /**
   * Links this (primary) distribution to the continuous deployment policy of its staging twin.
   *
   * @internal
   */
  public _linkStagingTwin(twin: Construct, policyId: string): void {
    this._stagingTwin = twin;
    const resource = this.node.defaultChild as cloudfront.CfnDistribution;
    resource.distributionConfig = {
      ...(resource.distributionConfig as cloudfront.CfnDistribution.DistributionConfigProperty),
      continuousDeploymentPolicyId: policyId,
    };
  }

  /** The props as they stand now, with what addOrigin and addBehavior added. */
  private currentProps(): DistributionProps {
    return { ...this.props, origins: this.origins, behaviors: this.behaviors };
  }

  /**
   * Creates a CloudWatch alarm on a metric of this distribution (`metric5xxErrorRate()` and the
   * others) in us-east-1, where CloudFront publishes its metrics: in this stack when it is in
   * us-east-1, otherwise in its companion stack `<stack>-us-east-1-after` (same account), deployed
   * after it. The stack needs an explicit `env`.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/viewing-cloudfront-metrics.html
   */
  public addAlarm(
    id: string,
    metric: cloudwatch.IMetric,
    options: cloudwatch.CreateAlarmOptions,
  ): cloudwatch.Alarm {
    throwIfAny(this.what, environmentRules(`addAlarm('${id}')`, 'an alarm on CloudFront metrics', this));
    return new cloudwatch.Alarm(homeScope(this, 'after'), id, { metric, ...options });
  }

  /**
   * The props with a requested certificate (`SslCertificate.dnsValidated`) made, in us-east-1.
   */
  private withRequestedCertificate(props: DistributionProps): DistributionProps {
    const request = props.sslCertificate?._request;
    if (request === undefined) return props;
    return { ...props, sslCertificate: SslCertificate.fromAcmCertificate(certificateFor(this, request)) };
  }

  /**
   * Puts the distribution and its web ACL on a flat-rate pricing plan; what aws-cdk-lib origins
   * render is judged against the plan once they are bound, at synth.
   */
  private subscribe(tier: PricingPlan, webAclArn: string): void {
    // aws-cdk-lib 2.257 has no L1 for AWS::PricingPlanManager::Subscription (2.269 does).
    new CfnResource(this, 'PricingPlan', {
      type: pricingPlan.SUBSCRIPTION.type,
      properties: pricingPlan.renderSubscription(tier, this.distributionArn, webAclArn),
    });
    this.node.addValidation({
      validate: () =>
        pricingPlan.boundRules(
          tier,
          [...this.bound].map(([o, rendered]): [string, cloudfront.CfnDistribution.OriginProperty] => [
            `origins[${this.origins.indexOf(o)}]`,
            rendered,
          ]),
        ),
    });
  }

  /** One Origin Access Control serves every S3 origin of this distribution and of 99 others. */
  private ensureAccessControl(): void {
    this.accessControl ??= accessControlFor(this);
  }

  /** The VPC origins the aws-cdk-lib origins reach: each one's rendered ID and how to name it. */
  private vpcOrigins(): { id: string; name: string }[] {
    const found: { id: string; name: string }[] = [];
    for (const [o, property] of this.bound) {
      const at = `origins[${this.origins.indexOf(o)}]`;
      const vpc = property.vpcOriginConfig as cloudfront.CfnDistribution.VpcOriginConfigProperty | undefined;
      const id = vpc?.vpcOriginId;
      if (id === undefined) continue;
      // aws-cdk-lib's VpcOrigin keeps the IVpcOrigin it renders (a protected member).
      const vpcOrigin = (o.cdkOrigin as { vpcOrigin?: unknown }).vpcOrigin;
      const name = owned(vpcOrigin)
        ? nodeOf(vpcOrigin)!.path
        : isDeployTime(id)
          ? `of ${originModule.originLabel(at, o.name)}`
          : id;
      found.push({ id, name });
    }
    return found;
  }

  /** Gives CloudFront its way to an origin: a bound aws-cdk-lib origin, or read access to a bucket. */
  private connect(at: string, o: Origin): void {
    if (o.cdkOrigin) {
      this.bound.set(o, bindOrigin(this, this.what, at, o, this.distributionId));
    } else {
      this.grantOriginRead(at, o);
    }
  }

  /** Lets CloudFront read the bucket of an S3 origin (at `at`), once per bucket and way of access. */
  private grantOriginRead(at: string, o: Origin): void {
    const bucket = o.bucket;
    if (!bucket) return;
    const key = `${bucket.node.path}|${o.originAccessIdentity?.node.path ?? 'oac'}`;
    if (this.grantedBuckets.has(key)) return;
    this.grantedBuckets.add(key);
    const subject = originModule.originLabel(at, o.name);
    if (o.originAccessIdentity) {
      grantIdentityRead(this, subject, bucket, o.originAccessIdentity);
    } else {
      grantAccessControlRead(this, subject, bucket, this.distributionArn);
    }
  }
}

import { Duration, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { Distribution, DistributionProps } from './distribution';
import * as logging from './private/logging';
import * as staging from './private/staging';
import { addWarnings, message, throwIfAny } from './private/validation';

/** The staging twins of each app, for CloudFront's account quota. */
const twins = new WeakMap<object, number>();

/**
 * How long CloudFront keeps a viewer on the distribution that served its first request.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-continuous-deployment.html
 */
export interface SessionStickiness {
  /**
   * A session ends after this long without a request: whole seconds from 300 to 3600.
   */
  readonly idleTtl: Duration;

  /**
   * A session ends after this long in any case: whole seconds from 300 to 3600.
   */
  readonly maximumTtl: Duration;
}

/** Options of a weight-based share of traffic. */
export interface StagingWeightOptions {
  /**
   * Keep each viewer on the distribution that served its first request (CloudFront sets a
   * cookie), so that a session does not switch between configurations.
   *
   * @default - none: each request is routed on its own
   */
  readonly sessionStickiness?: SessionStickiness;
}

/**
 * Which requests CloudFront sends to a staging distribution instead of its primary: a share of
 * them, or those with a header.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/understanding-continuous-deployment.html
 */
export class StagingTraffic {
  /**
   * A share of the primary's requests, from 0 to 0.15 (CloudFront's maximum: 15%), such as
   * 0.05 for 5%.
   */
  public static weight(weight: number, options: StagingWeightOptions = {}): StagingTraffic {
    return new StagingTraffic({
      kind: 'weight',
      weight,
      idleTtl: options.sessionStickiness?.idleTtl,
      maximumTtl: options.sessionStickiness?.maximumTtl,
    });
  }

  /**
   * The requests that carry header `name` with `value`. The name must start with CloudFront's
   * prefix `aws-cf-cd-`, such as `aws-cf-cd-canary`. For testing before any viewer sees the
   * change.
   */
  public static header(name: string, value: string): StagingTraffic {
    return new StagingTraffic({ kind: 'header', header: name, value });
  }

  /** @internal */
  public readonly _input: staging.TrafficInput;

  private constructor(input: staging.TrafficInput) {
    this._input = input;
  }
}

/** Props of a staging twin: the primary's props with the changes under test, and its traffic. */
export interface StagingDistributionProps extends DistributionProps {
  /**
   * The production distribution this one stages changes for. It gets the continuous deployment
   * policy, in the same stack.
   */
  readonly primary: Distribution;

  /**
   * Which of the primary's requests this distribution serves.
   */
  readonly traffic: StagingTraffic;

  /**
   * Whether the continuous deployment policy sends traffic here. `false` keeps the twin deployed
   * and every request on the primary.
   *
   * @default true
   */
  readonly trafficEnabled?: boolean;
}

/**
 * The staging twin of a `Distribution`: a staging distribution (`Staging: true`) built from the
 * same props with the changes under test, the `AWS::CloudFront::ContinuousDeploymentPolicy` that
 * sends it part of the primary's traffic, and the primary's `ContinuousDeploymentPolicyId`.
 *
 * The twin has no names of its own (viewers reach it through the primary), so its `name` and
 * `aliases` must be the primary's and are not rendered. Promotion is a change of props: move the
 * changes into the primary's props and remove the twin, in one deploy. A twin that logs
 * (`logging.enabled`) without a bucket of its own logs to the primary's.
 *
 * @resource AWS::CloudFront::ContinuousDeploymentPolicy
 * @example
 * const www = new Distribution(this, 'Www', {
 *   name: 'www.example.com',
 *   origins: [{ name: 'www', domainName: 'backend.example.com' }],
 *   defaultCacheBehavior: { targetOrigin: 'www' },
 *   httpVersion: cloudfront.HttpVersion.HTTP2,
 * });
 * new StagingDistribution(this, 'WwwStaging', {
 *   name: 'www.example.com',
 *   origins: [{ name: 'www', domainName: 'backend.example.com' }],
 *   defaultCacheBehavior: { targetOrigin: 'www' },
 *   httpVersion: cloudfront.HttpVersion.HTTP2,
 *   rootObject: 'index-v2.html',
 *   primary: www,
 *   traffic: StagingTraffic.header('aws-cf-cd-canary', 'yes'),
 * });
 */
export class StagingDistribution extends Distribution {
  /**
   * The props a staging twin has beside a distribution's.
   *
   * @internal
   */
  public static readonly _ownProps = ['primary', 'traffic', 'trafficEnabled'];

  /**
   * The continuous deployment policy, on the primary.
   */
  public readonly continuousDeploymentPolicy: cloudfront.CfnContinuousDeploymentPolicy;

  /**
   * The continuous deployment policy's ID.
   *
   * @attribute
   */
  public readonly continuousDeploymentPolicyId: string;

  constructor(scope: Construct, id: string, props: StagingDistributionProps) {
    super(scope, id, sharingLogBucket(props));
    const what = `StagingDistribution ${this.node.path}`;
    // For callers no compiler checks.
    throwIfAny(what, [
      ...(props.primary instanceof Distribution
        ? []
        : [
            message(
              'primary',
              'must be a Distribution of this library (the production distribution)',
              props.primary,
            ),
          ]),
      ...(props.traffic instanceof StagingTraffic
        ? []
        : [
            message(
              'traffic',
              'must be StagingTraffic.weight(...) or StagingTraffic.header(...)',
              props.traffic,
            ),
          ]),
    ]);
    const primary = props.primary;
    throwIfAny(what, [
      ...staging.trafficRules(props.traffic._input),
      ...staging.pairRules(
        {
          scope: primary,
          props: primary._currentProps(),
          isStaging: primary instanceof StagingDistribution,
          twin: primary._stagingTwin,
          tenantOnly: primary._tenantOnly,
        },
        { scope: this, props },
      ),
    ]);

    const resource = this.node.defaultChild as cloudfront.CfnDistribution;
    resource.distributionConfig = {
      ...(resource.distributionConfig as cloudfront.CfnDistribution.DistributionConfigProperty),
      staging: true,
      aliases: undefined,
    };
    this.continuousDeploymentPolicy = new cloudfront.CfnContinuousDeploymentPolicy(
      this,
      'ContinuousDeploymentPolicy',
      {
        continuousDeploymentPolicyConfig: staging.renderPolicy(
          this.distributionDomainName,
          props.traffic._input,
          props.trafficEnabled ?? true,
        ),
      },
    );
    this.continuousDeploymentPolicyId = this.continuousDeploymentPolicy.ref;
    primary._linkStagingTwin(this, this.continuousDeploymentPolicyId);
    const count = (twins.get(this.node.root) ?? 0) + 1;
    twins.set(this.node.root, count);
    addWarnings(this, staging.quotaWarning(count));
  }
}

/**
 * The twin's props with the primary's log bucket, when both log and the twin names no bucket:
 * made from the primary's props, it would otherwise make a second bucket. CloudFront names each
 * log file by its distribution's ID, so the two never mix.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html ("File name format": the distribution ID begins each name)
 */
function sharingLogBucket(props: StagingDistributionProps): StagingDistributionProps {
  const primaryBucket = props.primary instanceof Distribution ? props.primary.loggingBucket : undefined;
  if (
    primaryBucket === undefined ||
    props.logging?.bucket !== undefined ||
    !logging.isEnabled(props.logging)
  ) {
    return props;
  }
  return { ...props, logging: { ...props.logging, bucket: primaryBucket } };
}

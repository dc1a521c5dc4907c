import {
  Annotations,
  ArnFormat,
  Aws,
  Lazy,
  Resource,
  Stack,
  Tags,
  Token,
  aws_cloudfront as cloudfront,
  aws_iam as iam,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BehaviorOptions, CacheBehavior, DefaultCacheBehavior } from './cache-behavior';
import { ErrorResponse } from './error-response';
import { LoggingConfig } from './logging';
import { Origin, OriginGroup } from './origins';
import { distributionRules, INSECURE_ORIGIN_SSL_PROTOCOLS } from './private/distribution-rules';
import { WARNING, logBucketProblems, setUpLogBucket } from './private/log-bucket';
import {
  DEFAULTS,
  renderBehavior,
  renderCustomOriginConfig,
  renderDefaultBehavior,
  renderErrorResponse,
  renderOriginExtras,
  renderOriginGroups,
  renderRootObject,
} from './private/render';
import { throwIfAny } from './private/validation';
import { SslCertificate } from './viewer-certificate';

/**
 * Properties of a web (HTTP and HTTPS) distribution: the specification's `Distribution`.
 */
export interface DistributionProps {
  /**
   * The name of the distribution: the primary domain name it serves, such as `www.example.com`.
   *
   * It is the default `comment` and, when `sslCertificate` is given, the first alias
   * (`Aliases`). Without a certificate CloudFront accepts no alias, so the name is then only
   * the comment (with a warning).
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
   * More domain names the distribution serves, besides `name`. Needs `sslCertificate`.
   *
   * Becomes `Aliases`, after `name`, without repeats.
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
   * The origins the distribution fetches from: S3 buckets (`bucket`) or HTTP(S) servers
   * (`domainName`).
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
   * `sslCertificate`.
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
   * @default HttpVersion.HTTP2_AND_3
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
   * Tags for the distribution (as `Tags.of(distribution).add(key, value)`). Beyond the
   * specification.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };
}

const INSECURE_VIEWER_POLICIES: string[] = [
  cloudfront.SecurityPolicyProtocol.SSL_V3,
  cloudfront.SecurityPolicyProtocol.TLS_V1,
  cloudfront.SecurityPolicyProtocol.TLS_V1_2016,
  cloudfront.SecurityPolicyProtocol.TLS_V1_1_2016,
];

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

  private readonly props: DistributionProps;
  private readonly origins: Origin[];
  private readonly behaviors: CacheBehavior[];
  private readonly grantedBuckets = new Set<string>();
  private accessControl?: cloudfront.S3OriginAccessControl;
  private judgedAtSynth = false;

  constructor(scope: Construct, id: string, props: DistributionProps) {
    super(scope, id);

    const problems = distributionRules(props);
    problems.push(...logBucketProblems(props.logging));
    throwIfAny(problems);
    this.props = props;
    this.origins = [...props.origins];
    this.behaviors = [...(props.behaviors ?? [])];

    const certificate = props.sslCertificate;
    if (!certificate) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:nameNotAnAlias`,
        `\`name\` ${JSON.stringify(props.name)} is not an alias of this distribution: CloudFront accepts no alternate domain name without a certificate. It serves only its *.cloudfront.net domain name; give \`sslCertificate\` to serve ${JSON.stringify(props.name)}.`,
      );
    }
    this.warnInsecureSettings(props);
    this.origins.forEach((o, i) => this.warnInsecureOrigin(o, `origins[${i}]`));
    if (this.origins.some((o) => o.bucket && !o.originAccessIdentity)) this.ensureAccessControl();

    this.loggingBucket = setUpLogBucket(this, props.logging);

    const resource = new cloudfront.CfnDistribution(this, 'Resource', {
      distributionConfig: {
        comment: props.comment ?? props.name,
        aliases: certificate ? [...new Set([props.name, ...(props.aliases ?? [])])] : undefined,
        defaultRootObject: renderRootObject(props.rootObject),
        enabled: props.enabled ?? true,
        // Rendered lazily: addOrigin and addBehavior may add to them after construction.
        origins: Lazy.any({ produce: () => this.origins.map((o) => this.renderOrigin(o)) }),
        originGroups: props.originGroups?.length ? renderOriginGroups(props.originGroups) : undefined,
        defaultCacheBehavior: renderDefaultBehavior(props.defaultCacheBehavior),
        cacheBehaviors: Lazy.any(
          { produce: () => this.behaviors.map(renderBehavior) },
          { omitEmptyArray: true },
        ),
        customErrorResponses: props.errorResponses?.length
          ? props.errorResponses.map(renderErrorResponse)
          : undefined,
        logging: this.loggingBucket
          ? {
              bucket: this.loggingBucket.bucketRegionalDomainName,
              includeCookies: props.logging?.includeCookies ?? false,
              prefix: props.logging?.path,
            }
          : undefined,
        priceClass: props.priceClass ?? DEFAULTS.priceClass,
        viewerCertificate: certificate
          ? {
              acmCertificateArn: certificate.acmCertificate?.certificateArn,
              iamCertificateId: certificate.iamCertificateId,
              sslSupportMethod: props.sslSupportMethod ?? DEFAULTS.sslSupportMethod,
              minimumProtocolVersion: props.sslMinimumProtocolVersion ?? DEFAULTS.sslMinimumProtocolVersion,
            }
          : { cloudFrontDefaultCertificate: true },
        webAclId: props.webAclId,
        restrictions: props.geoRestriction
          ? {
              geoRestriction: {
                restrictionType: props.geoRestriction.restrictionType,
                locations: props.geoRestriction.locations,
              },
            }
          : undefined,
        httpVersion: props.httpVersion ?? DEFAULTS.httpVersion,
        ipv6Enabled: props.enableIpv6 ?? true,
      },
    });
    for (const [key, value] of Object.entries(props.tags ?? {})) Tags.of(this).add(key, value);

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

    // Bucket and key policies name this distribution, so they come after its ID exists.
    for (const o of this.origins) if (o.bucket) this.grantOriginRead(o);
  }

  /**
   * The Origin Access Control that S3 origins use, when the distribution has any without an
   * origin access identity.
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
    const problems = distributionRules({ ...this.currentProps(), origins }, true);
    throwIfAny(problems);
    this.origins.push(origin);
    this.judgeAgainAtSynth();
    this.warnInsecureOrigin(origin, `origins[${origins.length - 1}]`);
    if (origin.bucket) {
      if (!origin.originAccessIdentity) this.ensureAccessControl();
      this.grantOriginRead(origin);
    }
  }

  /**
   * Adds a cache behaviour for `pathPattern` after construction, after the others, judged like
   * the `behaviors` prop. `targetOrigin` may name an origin added later; that is checked at
   * synth.
   */
  public addBehavior(pathPattern: string, targetOrigin: string, options: BehaviorOptions = {}): void {
    const behavior: CacheBehavior = { ...options, pathPattern, targetOrigin };
    const behaviors = [...this.behaviors, behavior];
    const problems = distributionRules({ ...this.currentProps(), behaviors }, true);
    throwIfAny(problems);
    this.behaviors.push(behavior);
    this.judgeAgainAtSynth();
    this.warnInsecureBehavior(behavior, `behaviors[${behaviors.length - 1}]`);
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
   * What addOrigin and addBehavior change is judged again, as a whole, at synth: a behaviour
   * may name an origin added after it. Props alone were judged in the constructor, so a
   * distribution nothing was added to costs nothing more at synth.
   */
  private judgeAgainAtSynth(): void {
    if (this.judgedAtSynth) return;
    this.judgedAtSynth = true;
    this.node.addValidation({ validate: () => distributionRules(this.currentProps()) });
  }

  /** The props as they stand now, with what addOrigin and addBehavior added. */
  private currentProps(): DistributionProps {
    return { ...this.props, origins: this.origins, behaviors: this.behaviors };
  }

  /** One Origin Access Control serves every S3 origin of the distribution. */
  private ensureAccessControl(): void {
    this.accessControl ??= new cloudfront.S3OriginAccessControl(this, 'S3OriginAccessControl', {
      description: `Origin Access Control for ${Token.isUnresolved(this.props.name) ? 'this distribution' : this.props.name}`,
    });
  }

  private renderOrigin(o: Origin): cloudfront.CfnDistribution.OriginProperty {
    const common = renderOriginExtras(o);
    if (!o.bucket) {
      return {
        id: o.name,
        domainName: o.domainName!,
        customOriginConfig: renderCustomOriginConfig(o),
        ...common,
      };
    }
    return {
      id: o.name,
      domainName: o.bucket.bucketRegionalDomainName,
      s3OriginConfig: {
        originAccessIdentity: o.originAccessIdentity
          ? `origin-access-identity/cloudfront/${o.originAccessIdentity.originAccessIdentityId}`
          : '',
      },
      originAccessControlId: o.originAccessIdentity ? undefined : this.accessControl!.originAccessControlId,
      ...common,
    };
  }

  /**
   * Lets CloudFront read the bucket of an S3 origin: by Origin Access Control, a bucket policy
   * statement limited to this distribution (and a key policy statement for SSE-KMS); by an
   * origin access identity, a bucket policy statement for it.
   *
   * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html
   */
  private grantOriginRead(o: Origin): void {
    const bucket = o.bucket!;
    const key = `${bucket.node.path}|${o.originAccessIdentity?.node.path ?? 'oac'}`;
    if (this.grantedBuckets.has(key)) return;
    this.grantedBuckets.add(key);

    if (o.originAccessIdentity) {
      const added = bucket.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['s3:GetObject'],
          resources: [bucket.arnForObjects('*')],
          principals: [o.originAccessIdentity.grantPrincipal],
        }),
      ).statementAdded;
      if (!added) this.warnImportedBucket(o, 'the origin access identity');
      return;
    }

    // A bucket in another stack cannot name this distribution's ID without a dependency
    // cycle (this stack already depends on the bucket's), so there the statement is limited
    // to the account's distributions.
    const sameStack = Stack.of(bucket) === Stack.of(this);
    const sourceArn = sameStack
      ? { StringEquals: { 'AWS:SourceArn': this.distributionArn } }
      : {
          ArnLike: {
            'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Stack.of(bucket).account}:distribution/*`,
          },
        };
    if (!sameStack) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:crossStackOriginBucket`,
        `\`origins\` ${JSON.stringify(o.name)}: the bucket is in stack ${Stack.of(bucket).stackName}, so its policy lets every CloudFront distribution of the account read it (naming this distribution would make a dependency cycle between the stacks). After the first deploy, narrow AWS:SourceArn to this distribution's ARN.`,
      );
    }
    const added = bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        resources: [bucket.arnForObjects('*')],
        principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
        conditions: sourceArn,
      }),
    ).statementAdded;
    if (!added) this.warnImportedBucket(o, 'this distribution (Origin Access Control)');

    if (bucket.encryptionKey) {
      // The key policy is part of the key, which the bucket and so this distribution depend
      // on: naming this distribution's ID there would be a cycle, so it names the account's
      // distributions, as aws-cdk-lib's S3BucketOrigin does.
      const keyAdded = bucket.encryptionKey.addToResourcePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: ['*'],
          principals: [new iam.ServicePrincipal('cloudfront.amazonaws.com')],
          conditions: {
            ArnLike: {
              'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Stack.of(bucket.encryptionKey).account}:distribution/*`,
            },
          },
        }),
      ).statementAdded;
      Annotations.of(this).addWarningV2(
        `${WARNING}:kmsKeyPolicy`,
        keyAdded
          ? `\`origins\` ${JSON.stringify(o.name)}: the bucket's KMS key policy lets every CloudFront distribution of the account decrypt (naming this distribution would make a dependency cycle). After the first deploy, narrow AWS:SourceArn to this distribution's ARN.`
          : `\`origins\` ${JSON.stringify(o.name)}: the bucket's KMS key is imported and its policy cannot be changed here. Add a statement allowing kms:Decrypt to the service principal cloudfront.amazonaws.com with the condition AWS:SourceArn = this distribution's ARN, or CloudFront cannot read the objects.`,
      );
    }
  }

  private warnImportedBucket(o: Origin, reader: string): void {
    const bucketName = Token.isUnresolved(o.bucket!.bucketName) ? '<bucket name>' : o.bucket!.bucketName;
    const principal = o.originAccessIdentity
      ? '{"CanonicalUser":"<the identity\'s S3 canonical user ID>"}'
      : '{"Service":"cloudfront.amazonaws.com"}';
    const condition = o.originAccessIdentity
      ? ''
      : ',"Condition":{"StringEquals":{"AWS:SourceArn":"arn:aws:cloudfront::<account>:distribution/<this distribution\'s ID>"}}';
    Annotations.of(this).addWarningV2(
      `${WARNING}:importedBucketPolicy`,
      `\`origins\` ${JSON.stringify(o.name)}: the bucket is imported, so its policy cannot be changed here and CloudFront cannot read it yet. Add this statement to the bucket policy to let ${reader} read: {"Effect":"Allow","Principal":${principal},"Action":"s3:GetObject","Resource":"arn:aws:s3:::${bucketName}/*"${condition}}`,
    );
  }

  private warnInsecureSettings(props: DistributionProps): void {
    this.warnInsecureBehavior(props.defaultCacheBehavior, 'defaultCacheBehavior');
    (props.behaviors ?? []).forEach((b, i) => this.warnInsecureBehavior(b, `behaviors[${i}]`));
    if (props.sslSupportMethod === cloudfront.SSLMethod.STATIC_IP) {
      // https://docs.aws.amazon.com/cloudfront/latest/APIReference/API_ViewerCertificate.html
      Annotations.of(this).addWarningV2(
        `${WARNING}:staticIp`,
        '`sslSupportMethod` is static-ip: CloudFront rejects it unless the CloudFront team enabled static IPs for your account. Use sni-only (the default) or vip.',
      );
    }
    const version = props.sslMinimumProtocolVersion;
    if (version !== undefined && INSECURE_VIEWER_POLICIES.includes(version)) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:insecureMinimumProtocolVersion`,
        `\`sslMinimumProtocolVersion\` is ${version}: viewers may connect with broken protocols. Use TLSv1.2_2021 (the default) or newer.`,
      );
    }
  }

  private warnInsecureBehavior(b: DefaultCacheBehavior, at: string): void {
    if (b.viewerProtocolPolicy === cloudfront.ViewerProtocolPolicy.ALLOW_ALL) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:allowAll`,
        `\`${at}.viewerProtocolPolicy\` is allow-all: pages are served over plain HTTP. Use redirect-to-https (the default) or https-only.`,
      );
    }
  }

  private warnInsecureOrigin(o: Origin, at: string): void {
    if (o.protocol === cloudfront.OriginProtocolPolicy.HTTP_ONLY) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:httpOnlyOrigin`,
        `\`${at}.protocol\` is http-only: traffic to the origin, even from HTTPS viewers, travels unencrypted. Use https-only (the default).`,
      );
    }
    const weak = (o.sslPolicy ?? []).filter((p) => INSECURE_ORIGIN_SSL_PROTOCOLS.includes(p));
    if (weak.length > 0) {
      Annotations.of(this).addWarningV2(
        `${WARNING}:insecureOriginSslPolicy`,
        `\`${at}.sslPolicy\` allows ${weak.join(', ')}: broken protocols. Use ['TLSv1.2'] (the default).`,
      );
    }
  }
}

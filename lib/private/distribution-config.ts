import { IConstruct } from 'constructs';
import * as accessLogs from './access-logs';
import * as behavior from './behavior';
import * as cachePolicy from './cache-policy';
import * as certificate from './certificate';
import { DEFAULTS } from './defaults';
import * as errorResponse from './error-response';
import { environmentRules } from './home-region';
import * as logging from './logging';
import * as origin from './origin';
import * as originGroup from './origin-group';
import * as pricingPlan from './pricing-plan';
import {
  accessControlPlacement,
  crossEnvironment,
  crossEnvironmentUse,
  identityPlacement,
} from './references';
import * as settings from './settings';
import * as tenants from './tenants';
import {
  Shape,
  Warning,
  isDeployTime,
  message,
  typeRules,
  unknownPropProblems,
  unknownProps,
} from './validation';
import * as viewerMtls from './viewer-mtls';
import { CacheBehavior, DefaultCacheBehavior } from '../cache-behavior';
import { ErrorResponse } from '../error-response';
import { AccessLogs } from '../logging';
import { Origin, OriginGroup } from '../origins';

/**
 * A web distribution's configuration as a whole: each concept's rules and warnings, called in
 * the order of the props. Nothing here knows a concept's details.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/distribution-web-values-specify.html
 */

/** What a web distribution is made of (the shape of `DistributionProps`). */
export interface DistributionInput extends certificate.CertificateInput, settings.SettingsInput {
  readonly origins: Origin[];
  readonly originGroups?: OriginGroup[];
  readonly defaultCacheBehavior: DefaultCacheBehavior;
  readonly behaviors?: CacheBehavior[];
  readonly errorResponses?: ErrorResponse[];
  readonly logging?: logging.LogSettings;
  readonly accessLogs?: AccessLogs;
  readonly pricingPlan?: string;
}

/** The types of every prop, for callers no compiler checks (plain JavaScript). */
export const SHAPE: Shape = {
  ...certificate.SHAPE,
  ...settings.SHAPE,
  origins: { list: origin.SHAPE },
  originGroups: { list: originGroup.SHAPE },
  defaultCacheBehavior: behavior.SHAPE,
  behaviors: { list: behavior.PATH_SHAPE },
  errorResponses: { list: errorResponse.SHAPE },
  logging: logging.SHAPE,
  accessLogs: accessLogs.SHAPE,
  pricingPlan: 'string',
};

/** How the props are judged. */
export interface Judging {
  /**
   * Whether `targetOrigin` waits: origins may still be added (`addOrigin`), and the final check
   * runs at synth.
   */
  readonly deferReferences?: boolean;
  /** The distribution, whose stack references to other stacks are judged from. */
  readonly scope?: IConstruct;
  /** Props a subclass has beside a distribution's (a staging twin's `primary`). */
  readonly ownProps?: readonly string[];
  /** Whether the distribution is multi-tenant (tenant-only connection mode). */
  readonly tenantOnly?: boolean;
  /** Where its access logs are delivered from: in us-east-1, its own stack or a companion. */
  readonly logsHome?: IConstruct;
}

/**
 * Every rule a distribution's props break, in the order of the props. Props of the wrong type
 * (from plain JavaScript) are reported alone: no other rule sees them.
 */
export function rules(given: DistributionInput, judging: Judging = {}): string[] {
  if (typeof given !== 'object' || given === null) return [message('props', 'must be an object', given)];
  const types = typeRules('', given, SHAPE);
  if (types.length > 0) return types;
  // A multi-tenant distribution's placeholders ({{name}}) are the tenants' to fill in.
  const tenantOnly = judging.tenantOnly === true;
  const input = tenantOnly ? tenants.forSharedRules(given) : given;

  const origins = input.origins ?? [];
  const originNames = origins.map((o) => o.name);
  const groups = input.originGroups ?? [];
  const groupNames = groups.map((g) => g.name);
  const targets: behavior.Targets = {
    names: judging.deferReferences ? undefined : [...originNames, ...groupNames],
    groups: groupNames,
  };
  const behaviors = input.behaviors ?? [];
  const certified = input.sslCertificate !== undefined && !tenantOnly;

  const problems = certificate.nameRules(input, certified);
  problems.push(...settings.commonRules(input));
  problems.push(...origin.rules('origins', input.origins));
  problems.push(...originGroup.rules('originGroups', groups, originNames));
  if (input.defaultCacheBehavior === undefined) {
    problems.push(message('defaultCacheBehavior', 'is required', undefined));
  } else {
    problems.push(...behavior.rules('defaultCacheBehavior', input.defaultCacheBehavior, targets));
  }
  problems.push(...behavior.patternRules('behaviors', behaviors));
  behaviors.forEach((b, i) => problems.push(...behavior.rules(`behaviors[${i}]`, b, targets)));
  const legacy = input.legacyCacheSettings ?? DEFAULTS.legacyCacheSettings;
  const all = allBehaviors(input);
  for (const [at, b] of all) {
    problems.push(...cachePolicy.rules(at, b, { legacy }));
    problems.push(...origin.requestRules(at, b, reached(input, b)));
    problems.push(...behavior.grpcHttpVersion(at, b, input.httpVersion));
  }
  problems.push(...errorResponse.rules('errorResponses', input.errorResponses ?? []));
  problems.push(...certificate.rules(input, !tenantOnly));
  problems.push(...settings.rules(input));
  problems.push(...viewerMtls.rules(input, all));
  problems.push(...logging.rules(input.logging));
  problems.push(...accessLogs.rules(input.accessLogs, judging.scope, judging.logsHome));
  if (judging.scope !== undefined && input.sslCertificate?._request !== undefined) {
    const environment = environmentRules(
      'sslCertificate',
      'a requested certificate (SslCertificate.dnsValidated)',
      judging.scope,
    );
    problems.push(...environment);
    if (environment.length === 0) {
      problems.push(...certificate.requestPlacement(input.sslCertificate._request, judging.scope));
    }
  }
  if (tenantOnly) problems.push(...tenants.rules(given, all));
  else problems.push(...pricingPlan.rules(input, all));
  if (judging.scope) problems.push(...references(input, all, judging.scope));
  // A key the props hold but no rule reads often explains a problem: named beside them.
  if (problems.length > 0) problems.push(...unknownPropProblems('', given, SHAPE, judging.ownProps));
  return problems;
}

/** References to other stacks that CloudFormation cannot wire. */
function references(
  input: DistributionInput,
  all: readonly [string, DefaultCacheBehavior][],
  scope: IConstruct,
): string[] {
  const problems: string[] = [];
  (input.origins ?? []).forEach((o, i) => {
    if (o.bucket !== undefined) problems.push(...crossEnvironment(`origins[${i}].bucket`, o.bucket, scope));
    if (o.clientCertificate !== undefined) {
      problems.push(...crossEnvironment(`origins[${i}].clientCertificate`, o.clientCertificate, scope));
    }
    const cdkBucket = origin.cdkOriginBucket(o.cdkOrigin);
    if (cdkBucket !== undefined) {
      // What `bucket` gets, an aws-cdk-lib S3 origin gets; other aws-cdk-lib origins are judged
      // on what they render, when bound.
      const elsewhere = crossEnvironment(`origins[${i}].cdkOrigin`, cdkBucket, scope);
      problems.push(...elsewhere);
      if (elsewhere.length === 0 && origin.isAccessControlOrigin(o.cdkOrigin)) {
        problems.push(...accessControlPlacement(`origins[${i}].cdkOrigin`, cdkBucket, scope));
      }
    }
    if (o.originAccessIdentity === undefined) return;
    problems.push(...crossEnvironment(`origins[${i}].originAccessIdentity`, o.originAccessIdentity, scope));
    problems.push(
      ...identityPlacement(`origins[${i}].originAccessIdentity`, o.bucket, o.originAccessIdentity, scope),
    );
  });
  problems.push(...crossEnvironment('sslCertificate', input.sslCertificate?.acmCertificate, scope));
  for (const [at, b] of all) {
    // A version outside us-east-1 is already refused by the behaviour's rules.
    (b.edgeLambdas ?? []).forEach((l, j) => {
      if (l.functionVersion === undefined) return;
      const region = l.functionVersion.env.region;
      if (!isDeployTime(region) && region !== 'us-east-1') return;
      problems.push(...crossEnvironment(`${at}.edgeLambdas[${j}].functionVersion`, l.functionVersion, scope));
    });
    (b.functionAssociations ?? []).forEach((f, j) =>
      problems.push(...crossEnvironment(`${at}.functionAssociations[${j}].function`, f.function, scope)),
    );
    // Most behaviours name no policy: their paths are not built.
    if (b.responseHeadersPolicy !== undefined) {
      problems.push(...crossEnvironment(`${at}.responseHeadersPolicy`, b.responseHeadersPolicy, scope));
    }
    if (b.cachePolicy !== undefined) {
      problems.push(...crossEnvironment(`${at}.cachePolicy`, b.cachePolicy, scope));
    }
    if (b.originRequestPolicy !== undefined) {
      problems.push(...crossEnvironment(`${at}.originRequestPolicy`, b.originRequestPolicy, scope));
    }
    if (b.realtimeLogConfig !== undefined) {
      problems.push(
        ...crossEnvironmentUse(
          `${at}.realtimeLogConfig`,
          b.realtimeLogConfig,
          b.realtimeLogConfig.realtimeLogConfigArn,
          scope,
        ),
      );
    }
    (b.trustedKeyGroups ?? []).forEach((g, j) =>
      problems.push(...crossEnvironment(`${at}.trustedKeyGroups[${j}]`, g, scope)),
    );
  }
  problems.push(...crossEnvironment('logging.bucket', input.logging?.bucket, scope));
  return problems;
}

/** The origins a behaviour's requests reach: its target, or both members of its group. */
function reached(input: DistributionInput, b: DefaultCacheBehavior): Origin[] {
  const origins = (input.origins ?? []).filter((o) => o !== undefined && o !== null);
  const group = (input.originGroups ?? []).find((g) => g?.name === b.targetOrigin);
  const names = group ? [group.primaryOrigin, group.secondaryOrigin] : [b.targetOrigin];
  return origins.filter((o) => names.includes(o.name));
}

/** Every behaviour with its prop path: the default one first. */
export function allBehaviors(input: DistributionInput): [string, DefaultCacheBehavior][] {
  const all: [string, DefaultCacheBehavior][] = [
    ['defaultCacheBehavior', input.defaultCacheBehavior],
    ...(input.behaviors ?? []).map((b, i): [string, DefaultCacheBehavior] => [`behaviors[${i}]`, b]),
  ];
  return all.filter(([, b]) => b !== undefined && b !== null);
}

/** Every warning of a distribution's props. */
export function warnings(
  given: DistributionInput,
  ownProps: readonly string[] = [],
  tenantOnly = false,
): Warning[] {
  const input = tenantOnly ? tenants.forSharedRules(given) : given;
  const all = allBehaviors(input);
  return [
    ...unknownProps('', given, SHAPE, ownProps),
    ...(tenantOnly ? tenants.warnings(given) : []),
    ...all.flatMap(([at, b]) => cachePolicy.warnings(at, b)),
    ...certificate.warnings(input, !tenantOnly),
    ...behavior.warnings('defaultCacheBehavior', input.defaultCacheBehavior),
    ...(input.behaviors ?? []).flatMap((b, i) => behavior.warnings(`behaviors[${i}]`, b)),
    ...input.origins.flatMap((o, i) => origin.warnings(`origins[${i}]`, o)),
    ...all.flatMap(([at, b]) =>
      origin.requestWarnings(
        at,
        b,
        input.origins.find((o) => o.name === b.targetOrigin),
      ),
    ),
    ...settings.warnings(input),
    ...logging.warnings(input.logging),
  ];
}

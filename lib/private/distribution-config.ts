import * as behavior from './behavior';
import * as certificate from './certificate';
import * as errorResponse from './error-response';
import * as logging from './logging';
import * as origin from './origin';
import * as originGroup from './origin-group';
import * as settings from './settings';
import { Warning, message } from './validation';
import { CacheBehavior, DefaultCacheBehavior } from '../cache-behavior';
import { ErrorResponse } from '../error-response';
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
}

/**
 * Every rule a distribution's props break, in the order of the props.
 *
 * With `deferReferences`, `targetOrigin` is not judged: origins may still be added
 * (`addOrigin`), and the final check runs at synth.
 */
export function rules(input: DistributionInput, deferReferences = false): string[] {
  const origins = input.origins ?? [];
  const originNames = origins.map((o) => o.name);
  const groups = input.originGroups ?? [];
  const targets = deferReferences ? undefined : [...originNames, ...groups.map((g) => g.name)];
  const behaviors = input.behaviors ?? [];

  const problems = certificate.nameRules(input);
  problems.push(...settings.commonRules(input));
  problems.push(...origin.rules('origins', origins));
  problems.push(...originGroup.rules('originGroups', groups, originNames));
  if (input.defaultCacheBehavior === undefined) {
    problems.push(message('defaultCacheBehavior', 'is required', undefined));
  } else {
    problems.push(...behavior.rules('defaultCacheBehavior', input.defaultCacheBehavior, targets));
  }
  problems.push(...behavior.patternRules('behaviors', behaviors));
  behaviors.forEach((b, i) => problems.push(...behavior.rules(`behaviors[${i}]`, b, targets)));
  problems.push(...errorResponse.rules('errorResponses', input.errorResponses ?? []));
  problems.push(...certificate.rules(input));
  problems.push(...settings.rules(input));
  problems.push(...logging.rules(input.logging));
  return problems;
}

/** Every warning of a distribution's props. */
export function warnings(input: DistributionInput): Warning[] {
  return [
    ...certificate.warnings(input),
    ...behavior.warnings('defaultCacheBehavior', input.defaultCacheBehavior),
    ...(input.behaviors ?? []).flatMap((b, i) => behavior.warnings(`behaviors[${i}]`, b)),
    ...input.origins.flatMap((o, i) => origin.warnings(`origins[${i}]`, o)),
    ...logging.warnings(input.logging),
  ];
}

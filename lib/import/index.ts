import { existsSync } from 'fs';
import * as path from 'path';
import {
  Override,
  check,
  describeDifference,
  describeExtra,
  differences,
  overridesFor,
  renderPair,
  settle,
  withDefaults,
} from './check';
import { Code, Value } from './code';
import { Staged, python, typescript } from './emit';
import { toModel, trafficOf } from './model';
import { Found, ImportError, findDistribution, parseText } from './parse';
import { compareStack, synthesizePrinted } from './run';

/** What the importer makes of one distribution. */
export interface Imported {
  readonly typescript: string;
  readonly python: string;
  /** The differences between what the generated code renders and the input: none when equivalent. */
  check(): string[];
}

/** Imports the distribution of `text` (a template, or the JSON of get-distribution-config). */
export function importDistribution(
  text: string,
  options: { resource?: string; source?: string } = {},
): Imported {
  const input = parseText(text);
  const found = findDistribution(input, options.resource);
  const model = toModel(found.config);
  // What our construct refuses is left to the escape hatches, which keep the input exact.
  const settled = settle(model.props);
  let props = settled.props;
  let overrides = overridesFor(settled.rendered, found.config);
  let staged: Staged | undefined;
  let checkStaged: (() => string[]) | undefined;
  if (found.staging !== undefined) {
    const pair = importPair(found, props, model.uses);
    props = pair.primaryProps;
    overrides = pair.primaryOverrides;
    staged = pair.staged;
    checkStaged = pair.check;
  }
  const program = {
    props,
    uses: model.uses,
    notes: model.notes,
    overrides,
    id: found.id,
    logicalId: found.kind === 'template' ? found.id : undefined,
    // The rest of the template comes along, so that what the distribution references is declared.
    include: found.kind === 'template' && found.hasRest ? (options.source ?? 'template.yaml') : undefined,
    templateNames:
      found.kind === 'template'
        ? {
            parameters: Object.keys((input as { Parameters?: object }).Parameters ?? {}),
            resources: Object.keys((input as { Resources?: object }).Resources ?? {}),
          }
        : undefined,
    source: options.source ?? 'the input',
    staged,
  };
  const printed = typescript(program);
  return {
    typescript: printed,
    python: python(program),
    check: () => {
      // The printed code itself, where the typescript package is at hand; the tree it is printed
      // from otherwise.
      // (A template's rest is read from its file: without one, the tree is checked.)
      const runnable = program.include === undefined || existsSync(program.include);
      const template = runnable
        ? synthesizePrinted(printed, path.resolve('cdk-cloudfront-distributions-check.ts'))
        : undefined;
      if (template !== undefined) return compareStack(template, found, input);
      return checkStaged?.() ?? check(props, overrides, found.config);
    },
  };
}

/**
 * A primary and its staging distribution as our `Distribution` and `StagingDistribution`: the
 * twin's props are its own, with the primary's names (a staging distribution has none); the
 * traffic is the policy's; each keeps the template's logical id, and the escape hatches of each
 * are what the pair renders differently from the input.
 */
function importPair(
  found: Found,
  primaryProps: Record<string, Value | undefined>,
  uses: Set<string>,
): {
  primaryProps: Record<string, Value | undefined>;
  primaryOverrides: Override[];
  staged: Staged;
  check: () => string[];
} {
  const staging = found.staging!;
  const traffic = trafficOf(staging.policy, uses);
  if (traffic === undefined) {
    throw new ImportError(
      `the continuous deployment policy ${staging.policyId} routes traffic in a way StagingTraffic does not express: import one distribution with --resource ${found.id} or --resource ${staging.id}`,
    );
  }
  const twinModel = toModel(staging.config, 'Staging');
  for (const u of twinModel.uses) uses.add(u);
  uses.add('StagingDistribution');
  // The twin has the primary's names (a staging distribution has none of its own).
  const { name, aliases, ...own } = twinModel.props;
  void [name, aliases];
  const twinProps: Record<string, Value | undefined> = {
    name: primaryProps.name,
    aliases: primaryProps.aliases,
    ...own,
  };
  const stagedInput = {
    props: twinProps,
    overrides: [] as Override[],
    traffic: traffic.traffic,
    trafficEnabled: traffic.enabled === false ? false : undefined,
    primaryId: found.id,
    stagingId: staging.id,
    policyId: staging.policyId,
  };
  const first = renderPair(primaryProps, [], stagedInput);
  const primaryOverrides = overridesFor(first.primary, found.config);
  const twinOverrides = overridesFor(first.staging, staging.config);
  const final = { ...stagedInput, overrides: twinOverrides };
  const twinArgs: Record<string, Value | undefined> = {
    ...twinProps,
    primary: new Code('distribution', 'distribution', () => undefined),
    traffic: traffic.traffic,
    trafficEnabled: final.trafficEnabled,
  };
  return {
    primaryProps,
    primaryOverrides,
    staged: { id: staging.id, props: twinArgs, overrides: twinOverrides, policyId: staging.policyId },
    check: () => {
      const r = renderPair(primaryProps, primaryOverrides, final);
      return [
        ...differences(withDefaults(r.primary), withDefaults(found.config)).map((d) => describeDifference(d)),
        ...differences(withDefaults(r.staging), withDefaults(staging.config)).map((d) =>
          describeDifference(d, `${staging.id}: `),
        ),
        ...differences(r.policy, staging.policy, 'ContinuousDeploymentPolicyConfig').map((d) =>
          describeDifference(d, `${staging.policyId}: `),
        ),
        ...r.others.map(([id, type]) => describeExtra(id, type)),
      ];
    },
  };
}

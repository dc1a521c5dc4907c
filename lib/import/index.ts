import { existsSync } from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import {
  Override,
  StagedInput,
  check,
  describeDifference,
  describeExtra,
  differences,
  overridesFor,
  renderPair,
  renderStack,
  settle,
  withDefaults,
} from './check';
import { Code, Value } from './code';
import { Staged, python, typescript } from './emit';
import { IncludedTemplate, RelatedUse, Uses, toModel, trafficOf } from './model';
import { Found, ImportError, findDistribution, parseText } from './parse';
import { reconcile, relatedResources, unfaithful } from './related';
import { compareStack, synthesizePrinted } from './run';

/** What the importer makes of one distribution. */
export interface Imported {
  readonly typescript: string;
  readonly python: string;
  /** The differences between what the generated code renders and the input: none when equivalent. */
  check(): string[];
}

/** How to import. */
export interface ImportOptions {
  /** The distribution to import, where the template has several. */
  readonly resource?: string;
  /** The input's file, which the printed code names (and includes, for a template). */
  readonly source?: string;
  /**
   * Makes the template's resources that the distribution references (a bucket, a certificate,
   * policies, functions, an Origin Access Control) with aws-cdk-lib's constructs instead of
   * bringing them along in the included template.
   */
  readonly withRelated?: boolean;
}

/** Imports the distribution of `text` (a template, or the JSON of get-distribution-config). */
export function importDistribution(text: string, options: ImportOptions = {}): Imported {
  const input = parseText(text);
  const found = findDistribution(input, options.resource);
  if (options.withRelated && found.kind !== 'template') {
    throw new ImportError(
      "--with-related makes the resources a template declares beside the distribution; the input is the API's configuration, whose ARNs and ids are imported by attribute",
    );
  }
  // A related resource whose construct would make what the template has not (aws-cdk-lib's
  // bucket policy, where the template has none) stays the included template's.
  const kept = new Set<string>();
  for (;;) {
    const attempt = importWith(input, found, options, kept);
    if (attempt.refused.length === 0) return attempt.imported;
    attempt.refused.forEach((id) => kept.add(id));
  }
}

function importWith(
  input: any,
  found: Found,
  options: ImportOptions,
  /** Related resources that stay the included template's. */
  stay: ReadonlySet<string>,
): { imported: Imported; refused: string[] } {
  // With the rest of the template included, the code reads its parameters and resources from it.
  const include =
    found.kind === 'template' && found.hasRest ? (options.source ?? 'template.yaml') : undefined;
  const included = new Set(Object.keys(input.Resources ?? {}));
  [found.id, found.staging?.id, found.staging?.policyId].forEach(
    (id) => id !== undefined && included.delete(id),
  );
  const template: IncludedTemplate | undefined =
    include === undefined
      ? undefined
      : {
          parameters: Object.fromEntries(
            Object.entries((input.Parameters ?? {}) as Record<string, any>).map(([name, p]) => [
              name,
              typeof p?.Type === 'string' ? p.Type : 'String',
            ]),
          ),
          resources: included,
        };
  const relatedUses = new Uses(template);
  const related = options.withRelated
    ? relatedResources(input.Resources, [found.config, found.staging?.config], relatedUses, stay)
    : [];
  // What the related constructs take the place of is no longer the include's.
  related.forEach((r) => included.delete(r.id));
  const relatedMap = new Map(related.map((r) => [r.id, r.use]));
  const model = toModel(found.config, '', relatedMap, template);
  relatedUses.forEach((u) => model.uses.add(u));
  // What our construct refuses is left to the escape hatches, which keep the input exact.
  const settled = settle(model.props);
  let props = settled.props;
  let overrides = overridesFor(settled.rendered, found.config);
  let staged: Staged | undefined;
  let checkStaged: (() => string[]) | undefined;
  let pair: ReturnType<typeof importPair> | undefined;
  if (found.staging !== undefined) {
    pair = importPair(found, props, model.uses, relatedMap, template);
    props = pair.primaryProps;
    overrides = pair.primaryOverrides;
    staged = pair.staged;
    checkStaged = pair.check;
  }
  let refused: string[] = [];
  if (related.length > 0) {
    // The related constructs rendered with the distribution (or the staged pair), and compared
    // with the template's.
    const before = (stack: Stack) => related.forEach((r) => r.instance(stack));
    const render = (after?: (stack: Stack) => void) =>
      pair
        ? renderPair(props, overrides, pair.final, { before, after })
        : renderStack(props, overrides, { before, after, logicalId: found.id });
    const scratch = render();
    refused = reconcile(related, scratch.resources, input.Resources, scratch.stack);
    if (refused.length === 0) {
      // Made again with their escape hatches: a construct that still renders something else
      // (an empty struct the synthesis drops) stays the template's.
      refused = unfaithful(
        related,
        render((stack) => related.forEach((r) => r.adoptPolicy(stack))).resources,
        input.Resources,
      );
    }
  }
  const program = {
    props,
    uses: model.uses,
    notes: model.notes,
    overrides,
    id: found.id,
    logicalId: found.kind === 'template' ? found.id : undefined,
    // The rest of the template comes along, so that what the distribution references is declared.
    include,
    source: options.source ?? 'the input',
    staged,
    related,
  };
  const printed = typescript(program);
  const imported: Imported = {
    typescript: printed,
    python: python(program),
    check: () => {
      // The printed code itself, where the typescript package is at hand; the tree it is printed
      // from otherwise.
      // (A template's rest is read from its file: without one, the tree is checked.)
      const runnable = program.include === undefined || existsSync(program.include);
      let synthesized;
      try {
        synthesized = runnable
          ? synthesizePrinted(printed, path.resolve('cdk-cloudfront-distributions-check.ts'))
          : undefined;
      } catch (e) {
        // aws-cdk-lib refuses the program (CfnInclude refuses a template that CloudFormation
        // would, or reads a value differently): said as a difference, not as a crash.
        return [`the generated code does not synthesize: ${(e as Error).message.split('\n')[0]}`];
      }
      if (synthesized !== undefined) return compareStack(synthesized, found, input);
      return checkStaged?.() ?? check(props, overrides, found.config);
    },
  };
  return { imported, refused };
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
  related: ReadonlyMap<string, RelatedUse>,
  template: IncludedTemplate | undefined,
): {
  primaryProps: Record<string, Value | undefined>;
  primaryOverrides: Override[];
  staged: Staged;
  final: StagedInput;
  check: () => string[];
} {
  const staging = found.staging!;
  const traffic = trafficOf(staging.policy, uses);
  if (traffic === undefined) {
    throw new ImportError(
      `the continuous deployment policy ${staging.policyId} routes traffic in a way StagingTraffic does not express: import one distribution with --resource ${found.id} or --resource ${staging.id}`,
    );
  }
  const twinModel = toModel(staging.config, 'Staging', related, template);
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
  // The policy is StagingDistribution's to make: one it does not make as the template has it
  // (its DNS names, a template function for Enabled) is imported one distribution at a time.
  const policyDifference = differences(first.policy, staging.policy, 'ContinuousDeploymentPolicyConfig')[0];
  if (policyDifference !== undefined) {
    throw new ImportError(
      `the continuous deployment policy ${staging.policyId} is not what StagingDistribution makes of it (${describeDifference(policyDifference)}): import one distribution with --resource ${found.id} or --resource ${staging.id}`,
    );
  }
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
    final,
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

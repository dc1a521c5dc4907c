import { check, overridesFor, settle } from './check';
import { python, typescript } from './emit';
import { toModel } from './model';
import { findDistribution, parseText } from './parse';

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
  const found = findDistribution(parseText(text), options.resource);
  const model = toModel(found.config);
  // What our construct refuses is left to the escape hatches, which keep the input exact.
  const { props, rendered } = settle(model.props);
  const overrides = overridesFor(rendered, found.config);
  const program = {
    props,
    uses: model.uses,
    notes: model.notes,
    overrides,
    id: found.id,
    logicalId: found.kind === 'template' ? found.id : undefined,
    // The rest of the template comes along, so that what the distribution references is declared.
    include: found.kind === 'template' && found.hasRest ? (options.source ?? 'template.yaml') : undefined,
    source: options.source ?? 'the input',
  };
  return {
    typescript: typescript(program),
    python: python(program),
    check: () => check(props, overrides, found.config),
  };
}

import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { App, Stack } from 'aws-cdk-lib';
import * as constructs from 'constructs';
import { describeDifference, describeExtra, differences, withDefaults } from './check';
import { Found } from './parse';
import { appliedPolicy, propertyDifferences } from './related';
import * as ours from '../index';

/**
 * The check that runs the printed TypeScript itself: transpiled with the `typescript` package (a
 * CDK app in TypeScript has it), loaded, and its stack synthesized in a fresh app. The stack must
 * hold the input's distributions (and a staged rollout's policy) exactly, after CloudFront's
 * defaults, and no resource the input has not; a template's other resources come along
 * unchanged. Undefined where the `typescript` package cannot be loaded.
 */

type Json = any;

/** What the check uses of the `typescript` package (not a dependency: the app's, when it has one). */
interface TypeScript {
  readonly ModuleKind: { readonly CommonJS: number };
  readonly ScriptTarget: { readonly ES2020: number };
  transpileModule(
    code: string,
    options: { compilerOptions: Record<string, unknown> },
  ): { outputText: string };
}

/** The package the app has, looked up at run time: an optional peer, not a dependency of ours. */
const TYPESCRIPT = 'typescript';

/** The printed program's stack template, or undefined without the `typescript` package. */
export function synthesizePrinted(code: string, file: string): Json | undefined {
  let ts: TypeScript;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ts = require(TYPESCRIPT);
  } catch {
    return undefined;
  }
  const js = ts.transpileModule(code, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2020,
      esModuleInterop: true,
    },
  }).outputText;
  // The printed code imports aws-cdk-lib, constructs and this package by name: here, the very
  // modules this code runs with, so that their tokens and constructs are one.
  const modules: Record<string, unknown> = {
    'aws-cdk-lib': cdk,
    constructs: constructs,
    'cdk-cloudfront-distributions': ours,
  };
  const exported: Record<string, unknown> = {};
  const load = new Function('exports', 'require', 'module', '__filename', '__dirname', js);
  load(
    exported,
    (name: string) => {
      if (name in modules) return modules[name];
      throw new Error(`the generated code imports ${name}, which the check does not provide`);
    },
    { exports: exported },
    file,
    path.dirname(file),
  );
  const StackClass = Object.values(exported).find((v) => typeof v === 'function') as new (
    scope: App,
    id: string,
  ) => Stack;
  const app = new App();
  const stack = new StackClass(app, 'Imported');
  return app.synth().getStackByName(stack.stackName).template;
}

/** The differences between the printed program's stack and the input. */
export function compareStack(template: Json, found: Found, input: Json): string[] {
  const resources = (template.Resources ?? {}) as Record<string, Json>;
  const problems: string[] = [];
  const distributions: [string, Json][] = [[found.kind === 'template' ? found.id : '', found.config]];
  if (found.staging) distributions.push([found.staging.id, found.staging.config]);
  for (const [id, config] of distributions) {
    const logicalId =
      id || Object.keys(resources).find((k) => resources[k].Type === 'AWS::CloudFront::Distribution');
    const rendered = logicalId ? resources[logicalId]?.Properties?.DistributionConfig : undefined;
    if (rendered === undefined) {
      problems.push(`${id || 'the distribution'}: the generated code makes no such distribution`);
      continue;
    }
    const prefix = found.staging && id === found.staging.id ? `${id}: ` : '';
    for (const d of differences(withDefaults(rendered), withDefaults(config))) {
      problems.push(describeDifference(d, prefix));
    }
  }
  if (found.staging) {
    const policy = resources[found.staging.policyId]?.Properties?.ContinuousDeploymentPolicyConfig;
    for (const d of differences(policy, found.staging.policy, 'ContinuousDeploymentPolicyConfig')) {
      problems.push(describeDifference(d, `${found.staging.policyId}: `));
    }
  }
  // The input's resources (a template's), and those the printed code makes.
  const inputResources = (found.kind === 'template' ? (input.Resources ?? {}) : {}) as Record<string, Json>;
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type === 'AWS::CDK::Metadata') continue;
    if (found.kind === 'api') {
      if (r.Type !== 'AWS::CloudFront::Distribution') {
        problems.push(describeExtra(id, r.Type));
      }
      continue;
    }
    const theirs = inputResources[id];
    if (theirs === undefined) {
      problems.push(describeExtra(id, r.Type));
    } else if (theirs.Type !== r.Type) {
      problems.push(`${id}: the generated code makes a ${r.Type}, the input has a ${theirs.Type}`);
    } else if (r.Type !== 'AWS::CloudFront::Distribution' && id !== found.staging?.policyId) {
      // Every other resource as the template has it: the included ones, and those made by
      // aws-cdk-lib's constructs (`--with-related`).
      problems.push(...resourceDifferences(id, r, theirs));
    }
  }
  for (const [id, r] of Object.entries(inputResources)) {
    if (!(id in resources)) {
      problems.push(`${id} (${r.Type}): in the input, but the generated code makes no such resource`);
    }
  }
  return problems;
}

/** The differences of a resource the printed code makes from the template's. */
function resourceDifferences(id: string, made: Json, theirs: Json): string[] {
  const problems = propertyDifferences(made.Properties ?? {}, theirs.Properties ?? {}).map((d) =>
    describeDifference(d, `${id}: Properties.`),
  );
  for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
    if (appliedPolicy(made[key]) !== appliedPolicy(theirs[key])) {
      problems.push(`${id}: ${key} ${made[key] ?? 'absent'}, the input has ${theirs[key] ?? 'none'}`);
    }
  }
  for (const key of ['Condition', 'DependsOn']) {
    const [a, b] = [made[key], theirs[key]].map((v) =>
      JSON.stringify(typeof v === 'string' ? [v] : (v ?? [])),
    );
    if (a !== b) problems.push(`${id}: ${key} ${a}, the input has ${b}`);
  }
  return problems;
}

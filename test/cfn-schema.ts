/**
 * Validates synthesized CloudFront resources against CloudFormation's registry schemas
 * (cfn-lint's patched copies in test/fixtures/schemas).
 *
 * A CloudFormation intrinsic (an object whose single key is `Ref` or `Fn::*`) and a string
 * holding a dynamic reference (`{{resolve:ssm:/name}}`, resolved by CloudFormation before the
 * resource is validated) count as any value, since only deploy time knows them.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv2019, { ErrorObject, ValidateFunction } from 'ajv/dist/2019';

const SCHEMAS: Record<string, string> = {
  'AWS::CloudFront::Distribution': 'aws-cloudfront-distribution.json',
  'AWS::CloudFront::StreamingDistribution': 'aws-cloudfront-streamingdistribution.json',
};

const INTRINSIC = {
  type: 'object',
  minProperties: 1,
  maxProperties: 1,
  propertyNames: { pattern: '^(Ref|Fn::[A-Za-z]+)$' },
};

/** A string holding a dynamic reference. */
const DYNAMIC_REFERENCE = { type: 'string', pattern: '\\{\\{resolve:' };

type Schema = Record<string, any>;

/** Lets an intrinsic stand wherever a value is expected. */
function allowIntrinsics(node: Schema): Schema {
  const out: Schema = { ...node };
  const wrap = (s: Schema) => ({ anyOf: [INTRINSIC, DYNAMIC_REFERENCE, allowIntrinsics(s)] });
  for (const key of ['properties', 'patternProperties', 'definitions']) {
    if (node[key]) {
      out[key] = Object.fromEntries(
        Object.entries(node[key] as Schema).map(([k, v]) => [k, wrap(v as Schema)]),
      );
    }
  }
  if (node.items && typeof node.items === 'object') out.items = wrap(node.items);
  return out;
}

function present(data: Record<string, unknown>, names: string[]): string[] {
  return names.filter((n) => data[n] !== undefined);
}

function newAjv(): Ajv2019 {
  // strict: false ignores cfn-lint's descriptive keywords (tagging, insertionOrder, ...).
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  const isObject = (d: unknown): d is Record<string, unknown> =>
    typeof d === 'object' && d !== null && !Array.isArray(d);
  ajv.addKeyword({
    keyword: 'requiredXor',
    validate: (names: string[], data: unknown) => !isObject(data) || present(data, names).length === 1,
    errors: false,
  });
  ajv.addKeyword({
    keyword: 'requiredOr',
    validate: (names: string[], data: unknown) => !isObject(data) || present(data, names).length >= 1,
    errors: false,
  });
  ajv.addKeyword({
    keyword: 'dependentExcluded',
    validate: (rules: Record<string, string[]>, data: unknown) =>
      !isObject(data) ||
      Object.entries(rules).every(([k, ex]) => data[k] === undefined || present(data, ex).length === 0),
    errors: false,
  });
  ajv.addKeyword({
    keyword: 'enumCaseInsensitive',
    validate: (values: string[], data: unknown) =>
      typeof data !== 'string' || values.map((v) => v.toLowerCase()).includes(data.toLowerCase()),
    errors: false,
  });
  return ajv;
}

const ajv = newAjv();
const validators = new Map<string, ValidateFunction>();

function validatorFor(type: string): ValidateFunction | undefined {
  const file = SCHEMAS[type];
  if (!file) return undefined;
  let validate = validators.get(type);
  if (!validate) {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'schemas', file), 'utf8'));
    const root = allowIntrinsics({
      type: 'object',
      properties: schema.properties,
      required: schema.required,
      additionalProperties: schema.additionalProperties,
      definitions: schema.definitions,
    });
    validate = ajv.compile(root);
    validators.set(type, validate);
  }
  return validate;
}

function describe(e: ErrorObject): string {
  return `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`;
}

/** The schema violations of every CloudFront resource in a template, one line each. */
export function schemaErrors(template: {
  Resources?: Record<string, { Type: string; Properties?: unknown }>;
}): string[] {
  const problems: string[] = [];
  for (const [id, resource] of Object.entries(template.Resources ?? {})) {
    const validate = validatorFor(resource.Type);
    if (!validate) continue;
    if (!validate(resource.Properties ?? {})) {
      // anyOf's "must match a schema in anyOf" lines, and those of the intrinsic and dynamic
      // reference branches, only repeat the inner errors.
      const errors = (validate.errors ?? []).filter(
        (e) =>
          e.keyword !== 'anyOf' && !e.schemaPath.includes('/anyOf/0/') && !e.schemaPath.includes('/anyOf/1/'),
      );
      problems.push(...errors.map((e) => `${id} (${resource.Type}): ${describe(e)}`));
    }
  }
  return problems;
}

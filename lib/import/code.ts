import { Construct } from 'constructs';

/**
 * The generated code as a tree: plain values (printed as literals) and `Code` (an expression
 * with its TypeScript and Python text, and the value it builds, so that the importer can run the
 * same tree it prints).
 */
export class Code {
  constructor(
    public readonly ts: string,
    public readonly py: string,
    public readonly make: (scope: Construct) => unknown,
  ) {}
}

/** A map whose keys are data (header names), printed as they are in both languages. */
export class DataMap {
  constructor(public readonly entries: Record<string, Value>) {}
}

export type Value =
  string | number | boolean | Value[] | { [key: string]: Value | undefined } | Code | DataMap;

/** The value a tree builds, in `scope`. */
export function build(value: Value | undefined, scope: Construct, at = ''): unknown {
  if (value === undefined) return undefined;
  if (value instanceof Code) {
    try {
      return value.make(scope);
    } catch (e) {
      // aws-cdk-lib refuses the value (a Lambda ARN that is no version's): said as our
      // constructs say it, naming the prop.
      const reason = ((e as Error).message ?? String(e)).split('\n')[0];
      throw new BuildError(
        `\`${at}\` cannot be built: aws-cdk-lib refuses it (${reason}); got: ${value.ts}`,
        at,
      );
    }
  }
  const under = (k: string | number) => (typeof k === 'number' ? `${at}[${k}]` : at ? `${at}.${k}` : k);
  if (value instanceof DataMap) {
    return Object.fromEntries(Object.entries(value.entries).map(([k, v]) => [k, build(v, scope, under(k))]));
  }
  if (Array.isArray(value)) return value.map((v, i) => build(v, scope, under(i)));
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, build(v, scope, under(k))]),
    );
  }
  return value;
}

/** aws-cdk-lib's refusal of a value the generated code would build, at the prop path `at`. */
export class BuildError extends Error {
  constructor(
    message: string,
    public readonly at: string,
  ) {
    super(message);
  }
}

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A JSON value as a Python literal. */
export function pyLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number' || typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyLiteral).join(', ')}]`;
  return `{${Object.entries(value as object)
    .map(([k, v]) => `${JSON.stringify(k)}: ${pyLiteral(v)}`)
    .join(', ')}}`;
}

/** A string as a single-quoted TypeScript literal. */
export function tsString(value: string): string {
  return `'${JSON.stringify(value).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}

/** A JSON value as a TypeScript literal. */
export function tsLiteral(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return tsString(value);
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsLiteral).join(', ')}]`;
  return `{ ${Object.entries(value)
    .map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : tsString(k)}: ${tsLiteral(v)}`)
    .join(', ')} }`;
}

/** Prints a tree in `language`, indented by `indent`; struct keys become snake_case in Python. */
export function print(value: Value, language: 'typescript' | 'python', indent: string): string {
  const py = language === 'python';
  if (value instanceof Code) return py ? value.py : value.ts;
  const next = `${indent}  `;
  if (value instanceof DataMap) {
    const entries = Object.entries(value.entries);
    if (entries.length === 0) return '{}';
    const key = (k: string) => (py ? JSON.stringify(k) : tsString(k));
    return `{\n${entries.map(([k, v]) => `${next}${key(k)}: ${print(v, language, next)},`).join('\n')}\n${indent}}`;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => print(v, language, next));
    const flat = `[${items.join(', ')}]`;
    if (flat.length <= 80 && !flat.includes('\n')) return flat;
    return `[\n${items.map((i) => `${next}${i},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, Value][];
    if (entries.length === 0) return '{}';
    const key = (k: string) => (py ? JSON.stringify(snake(k)) : k);
    return `{\n${entries.map(([k, v]) => `${next}${key(k)}: ${print(v, language, next)},`).join('\n')}\n${indent}}`;
  }
  return py ? pyLiteral(value) : tsLiteral(value);
}

/** Top-level props: `key: value,` lines in TypeScript, `key=value,` in Python. */
export function printProps(
  props: Record<string, Value | undefined>,
  language: 'typescript' | 'python',
  indent: string,
  notes: Record<string, string> = {},
): string {
  const py = language === 'python';
  return Object.entries(props)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => {
      const note = notes[k] ? `${indent}${py ? '#' : '//'} ${notes[k]}\n` : '';
      return `${note}${indent}${py ? `${snake(k)}=` : `${k}: `}${print(v as Value, language, indent)},`;
    })
    .join('\n');
}

#!/usr/bin/env node
import { readFileSync } from 'fs';
import { parseArgs } from 'util';
import { importDistribution } from './index';
import { ImportError } from './parse';

/**
 * `npx cdk-cloudfront-distributions import FILE [--resource ID] [--language typescript|python]
 * [--check] [--with-related]`: prints code that builds the distribution of FILE with our `Distribution`.
 */
const USAGE =
  'usage: cdk-cloudfront-distributions import FILE [--resource ID] [--language typescript|python] [--check] [--with-related]';

export function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        resource: { type: 'string' },
        language: { type: 'string', default: 'typescript' },
        check: { type: 'boolean', default: false },
        'with-related': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals[0] !== 'import' || positionals.length !== 2) {
    process.stderr.write(`error: expected the command import and one FILE\n${USAGE}\n`);
    return 2;
  }
  if (values.language !== 'typescript' && values.language !== 'python') {
    process.stderr.write(`error: --language must be typescript or python, not ${values.language}\n`);
    return 2;
  }
  const file = positionals[1];
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new ImportError(
        `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
    }
    const result = importDistribution(text, {
      resource: values.resource,
      source: file,
      withRelated: values['with-related'],
    });
    if (values.check) {
      const problems = result.check();
      process.stdout.write(problems.length === 0 ? 'equivalent\n' : `${problems.join('\n')}\n`);
      return problems.length === 0 ? 0 : 1;
    }
    process.stdout.write(values.language === 'python' ? result.python : result.typescript);
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(
      `error: unexpected failure, please report it: ${(e as Error).message.split('\n')[0]}\n`,
    );
    return 3;
  }
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

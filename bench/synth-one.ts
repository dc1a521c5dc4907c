/**
 * One measurement, in a fresh process: builds the app for a kind and a size, then times
 * `app.synth()` and reads the process's peak memory. Prints one JSON line.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp, Kind, Layout } from './apps';

const [kind, layout, countArg] = process.argv.slice(2);
const count = Number(countArg);
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
try {
  const construct0 = process.hrtime.bigint();
  const app = buildApp(kind as Kind, layout as Layout, count, outdir);
  const synth0 = process.hrtime.bigint();
  let refused: string | undefined;
  try {
    app.synth();
  } catch (e) {
    // aws-cdk-lib refuses a stack of more than 500 resources at synth: reported, not measured.
    const message = (e as Error).message;
    const tooMany = /Number of resources in stack '[^']+': (\d+)/.exec(message);
    refused = tooMany ? `${tooMany[1]} resources in one stack` : message.split('\n')[0];
  }
  const end = process.hrtime.bigint();
  let resourceCount = 0;
  // As `cdk synth` writes them (indented), and minified (`suppressTemplateIndentation`); the
  // largest stack's, against CloudFormation's limit of 1 MB on a template.
  let templateBytes = 0;
  let minifiedBytes = 0;
  let largestStackBytes = 0;
  for (const f of fs.readdirSync(outdir).filter((name) => name.endsWith('.template.json'))) {
    const written = fs.readFileSync(path.join(outdir, f), 'utf8');
    const template = JSON.parse(written);
    resourceCount += Object.keys(template.Resources).length;
    templateBytes += Buffer.byteLength(written);
    minifiedBytes += Buffer.byteLength(JSON.stringify(template));
    largestStackBytes = Math.max(largestStackBytes, Buffer.byteLength(written));
  }
  process.stdout.write(
    JSON.stringify({
      kind,
      layout,
      count,
      // Building the constructs and synthesizing: what `cdk synth` waits for after loading code.
      totalMs: Number(end - construct0) / 1e6,
      synthMs: Number(end - synth0) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      resourceCount,
      templateBytes,
      minifiedBytes,
      largestStackBytes,
      refused,
    }) + '\n',
  );
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}

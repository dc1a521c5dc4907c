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
  const resourceCount = fs
    .readdirSync(outdir)
    .filter((f) => f.endsWith('.template.json'))
    .reduce(
      (n, f) => n + Object.keys(JSON.parse(fs.readFileSync(path.join(outdir, f), 'utf8')).Resources).length,
      0,
    );
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
      refused,
    }) + '\n',
  );
} finally {
  fs.rmSync(outdir, { recursive: true, force: true });
}

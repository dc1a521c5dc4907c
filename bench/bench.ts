/**
 * `npm run bench`: synthesis time, peak memory, resources and template bytes for 1, 10, 100 and
 * 400 distributions of a realistic configuration with S3 origins on shared buckets, all in one
 * stack (where the template fits CloudFormation's 1 MB) and 50 to a stack, for this library, the
 * floor (the same template written by hand as typed L1s, wiring included), the bare
 * CfnDistribution (no wiring) and aws-cdk-lib's Distribution (bench/apps.ts). Every figure is the
 * median of BENCH_REPS runs (default 5), each in a fresh process, interleaved (size by size, kind
 * by kind, repetition by repetition) so that machine drift hits all four alike. Prints the table
 * and writes it into the README's "Performance" section, with the cost of the findings for 25
 * behaviours (bench/findings.ts). BENCH_SIZES and BENCH_LAYOUTS narrow a run; BENCH_PARTS=synth or
 * =findings runs one part.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { KINDS, Kind, LAYOUTS, Layout } from './apps';
import { findingsCost } from './findings';

const SIZES = (process.env.BENCH_SIZES ?? '1,10,100,400').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const RUN_LAYOUTS = (process.env.BENCH_LAYOUTS?.split(',') as Layout[] | undefined) ?? LAYOUTS;
const README = path.join(__dirname, '..', 'README.md');
const PARTS = (process.env.BENCH_PARTS ?? 'synth,findings').split(',');

/** CloudFormation's limit on a template's body (aws-cdk-lib's `TEMPLATE_BODY_MAXIMUM_SIZE`). */
const TEMPLATE_LIMIT = 1_000_000;

interface Sample {
  kind: Kind;
  layout: Layout;
  count: number;
  totalMs: number;
  synthMs: number;
  peakRssMb: number;
  resourceCount: number;
  /** Every template's bytes, as `cdk synth` writes them (indented), and minified. */
  templateBytes: number;
  minifiedBytes: number;
  /** The largest stack's template, as written. */
  largestStackBytes: number;
  /** Why synthesis failed, when it did (aws-cdk-lib's limit of 500 resources in a stack). */
  refused?: string;
}

function measure(kind: Kind, layout: Layout, count: number): Sample {
  const out = execFileSync(
    process.execPath,
    ['-r', 'ts-node/register', path.join(__dirname, 'synth-one.ts'), kind, layout, String(count)],
    {
      env: {
        ...process.env,
        TS_NODE_TRANSPILE_ONLY: '1',
        // lib/*.js may be a stale jsii build: measure the sources.
        TS_NODE_PREFER_TS_EXTS: 'true',
        TS_NODE_PROJECT: path.join(__dirname, 'tsconfig.json'),
      },
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmt = (n: number, digits = 0) => n.toFixed(digits);
const kb = (bytes: number) => fmt(bytes / 1024, 1);
const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;

/** Synthesis time, memory, resources and template bytes: the table's rows. */
function synthRows(): string[] {
  const samples: Sample[] = [];
  /** One-stack sizes whose template does not fit CloudFormation's limit: measured once, then skipped. */
  const tooLarge = new Map<number, Sample>();
  for (let rep = 1; rep <= REPS; rep++) {
    for (const layout of RUN_LAYOUTS) {
      for (const count of SIZES) {
        if (layout === 'one-stack' && tooLarge.has(count)) continue;
        for (const kind of KINDS) {
          const sample = measure(kind, layout, count);
          if (kind === 'ours' && layout === 'one-stack' && sample.largestStackBytes > TEMPLATE_LIMIT) {
            tooLarge.set(count, sample);
            break;
          }
          samples.push(sample);
          process.stderr.write(
            `rep ${rep}/${REPS} ${layout.padEnd(9)} ${kind.padEnd(5)} x${String(count).padEnd(4)} ${sample.totalMs.toFixed(0)} ms, ${sample.peakRssMb.toFixed(0)} MB, ${sample.refused ?? `${sample.resourceCount} resources`}, ${kb(sample.templateBytes)} KB\n`,
          );
        }
      }
    }
  }

  const rows: string[] = [
    '| layout | distributions | ours: ms (synth only) | floor: ms (synth only) | ours / floor | aws-cdk-lib: ms (synth only) | ours / aws-cdk-lib | bare L1: ms | ours / bare L1 | peak MB ours / floor / aws-cdk-lib | resources ours / floor / aws-cdk-lib | template KB per distribution, as written (minified): ours / aws-cdk-lib | ms per distribution, ours |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const layout of RUN_LAYOUTS) {
    for (const count of SIZES) {
      const big = layout === 'one-stack' ? tooLarge.get(count) : undefined;
      if (big) {
        rows.push(
          `| ${layout} | ${count} | does not fit one stack: its template would be ${fmt(big.largestStackBytes / 1e6, 2)} MB as written, over CloudFormation's 1 MB | | | | | | | | | ${kb(big.templateBytes / count)} (${kb(big.minifiedBytes / count)}) | |`,
        );
        continue;
      }
      const stat = (kind: Kind) => {
        const of = samples.filter((s) => s.kind === kind && s.layout === layout && s.count === count);
        return {
          total: median(of.map((s) => s.totalMs)),
          synth: median(of.map((s) => s.synthMs)),
          rss: median(of.map((s) => s.peakRssMb)),
          resources: of[0].resourceCount,
          perDistribution: `${kb(of[0].templateBytes / count)} (${kb(of[0].minifiedBytes / count)})`,
          refused: of[0].refused,
        };
      };
      const r = { ours: stat('ours'), floor: stat('floor'), bare: stat('bare'), cdk: stat('cdk') };
      const ms = (k: Kind) => (r[k].refused ? 'refused' : `${fmt(r[k].total)} (${fmt(r[k].synth)})`);
      const ratio = (k: Kind) =>
        r[k].refused || r.ours.refused ? 'n/a' : `${fmt(r.ours.total / r[k].total, 2)}x`;
      const resources = (k: Kind) => r[k].refused ?? String(r[k].resources);
      rows.push(
        `| ${layout} | ${count} | ${ms('ours')} | ${ms('floor')} | ${ratio('floor')} | ${ms('cdk')} | ${ratio('cdk')} | ${fmt(r.bare.total)} | ${ratio('bare')} | ${fmt(r.ours.rss)} / ${fmt(r.floor.rss)} / ${fmt(r.cdk.rss)} | ${resources('ours')} / ${resources('floor')} / ${resources('cdk')} | ${r.ours.perDistribution} / ${r.cdk.refused ? 'n/a' : r.cdk.perDistribution} | ${fmt(r.ours.total / count, 1)} |`,
      );
    }
  }
  return [
    `Measured by \`npm run bench\` on ${machine}; median of ${REPS} fresh processes per figure, interleaved.`,
    "Time is building the constructs plus `app.synth()` (our validation runs in the constructor), with `app.synth()` alone in brackets. The floor is the same template written by hand as typed L1s, wiring included; the bare L1 is its `CfnDistribution`s alone, with no Origin Access Control and no bucket policy. Peak memory is the process's peak resident set, aws-cdk-lib loaded. Resources and template bytes count every template's, the buckets (user code) included; aws-cdk-lib refuses at synth a stack of more than CloudFormation's 500 resources.",
    '',
    ...rows,
  ];
}

/** The findings' cost for 25 behaviours: the table's rows. */
function findingsRows(): string[] {
  return [
    `Measured by \`npm run bench\` on ${machine}, in one process.`,
    '',
    '| findings of one distribution | first call, ms | warmed, ms (median of 201) |',
    '|---|---:|---:|',
    ...findingsCost().map((c) => `| ${c.name} | ${fmt(c.firstMs, 3)} | ${fmt(c.warmMs, 3)} |`),
  ];
}

/** Writes `lines` into the README between the markers of `part`. */
function publish(part: string, lines: string[]): void {
  const start = `<!-- ${part}:start -->`;
  const end = `<!-- ${part}:end -->`;
  const table = [start, ...lines, end].join('\n');
  process.stdout.write(table + '\n');
  const readme = fs.readFileSync(README, 'utf8');
  if (readme.includes(start) && readme.includes(end)) {
    fs.writeFileSync(
      README,
      readme.slice(0, readme.indexOf(start)) + table + readme.slice(readme.indexOf(end) + end.length),
    );
    process.stderr.write(`README.md updated between the ${part} markers.\n`);
  } else {
    process.stderr.write(`README.md has no ${start} ... ${end} markers: not updated.\n`);
  }
}

if (PARTS.includes('synth')) publish('bench', synthRows());
if (PARTS.includes('findings')) publish('bench-findings', findingsRows());

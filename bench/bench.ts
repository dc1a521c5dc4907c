/**
 * `npm run bench`: synthesis time, peak memory and the template's resource count for 1, 10, 100
 * and 400 distributions of a realistic configuration with S3 origins on one shared bucket, all
 * in one stack and 50 to a stack, for this library, the bare CfnDistribution (the floor), the
 * floor with the S3 wiring as L1s (bench/apps.ts) and aws-cdk-lib's Distribution. Every figure is
 * the median of BENCH_REPS runs (default 5), each in a fresh process, interleaved (size by size,
 * kind by kind, repetition by repetition) so that machine drift hits all four alike. Prints the table and writes it into the README's
 * "Performance" section, with the cost of the findings for 25 behaviours (bench/findings.ts).
 * BENCH_SIZES and BENCH_LAYOUTS narrow a run; BENCH_PARTS=synth or =findings runs one part.
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

interface Sample {
  kind: Kind;
  layout: Layout;
  count: number;
  totalMs: number;
  synthMs: number;
  peakRssMb: number;
  resourceCount: number;
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
const machine = `${os.cpus().length} cores, ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`;

/** Synthesis time, memory and resources: the table's rows. */
function synthRows(): string[] {
  const samples: Sample[] = [];
  for (let rep = 1; rep <= REPS; rep++) {
    for (const layout of RUN_LAYOUTS) {
      for (const count of SIZES) {
        for (const kind of KINDS) {
          const sample = measure(kind, layout, count);
          samples.push(sample);
          process.stderr.write(
            `rep ${rep}/${REPS} ${layout.padEnd(9)} ${kind.padEnd(4)} x${String(count).padEnd(4)} ${sample.totalMs.toFixed(0)} ms, ${sample.peakRssMb.toFixed(0)} MB, ${sample.refused ?? `${sample.resourceCount} resources`}\n`,
          );
        }
      }
    }
  }

  const rows: string[] = [
    '| layout | distributions | resources ours / L1 / L1 wired / aws-cdk-lib | ours: ms (synth only) | L1: ms (synth only) | L1 wired: ms (synth only) | aws-cdk-lib: ms (synth only) | ours / L1 | ours / L1 wired | ours / aws-cdk-lib | peak MB ours / L1 / L1 wired / aws-cdk-lib | ms per distribution, ours |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const layout of RUN_LAYOUTS) {
    for (const count of SIZES) {
      const stat = (kind: Kind) => {
        const of = samples.filter((s) => s.kind === kind && s.layout === layout && s.count === count);
        return {
          total: median(of.map((s) => s.totalMs)),
          synth: median(of.map((s) => s.synthMs)),
          rss: median(of.map((s) => s.peakRssMb)),
          resources: of[0].resourceCount,
          refused: of[0].refused,
        };
      };
      const r = { ours: stat('ours'), l1: stat('l1'), l1w: stat('l1w'), cdk: stat('cdk') };
      const resources = (k: Kind) => r[k].refused ?? String(r[k].resources);
      const ms = (k: Kind) => (r[k].refused ? 'refused' : `${fmt(r[k].total)} (${fmt(r[k].synth)})`);
      const ratio = (k: Kind) =>
        r[k].refused || r.ours.refused ? 'n/a' : `${fmt(r.ours.total / r[k].total, 2)}x`;
      rows.push(
        `| ${layout} | ${count} | ${resources('ours')} / ${resources('l1')} / ${resources('l1w')} / ${resources('cdk')} | ${ms('ours')} | ${ms('l1')} | ${ms('l1w')} | ${ms('cdk')} | ${ratio('l1')} | ${ratio('l1w')} | ${ratio('cdk')} | ${fmt(r.ours.rss)} / ${fmt(r.l1.rss)} / ${fmt(r.l1w.rss)} / ${fmt(r.cdk.rss)} | ${fmt(r.ours.total / count, 1)} |`,
      );
    }
  }
  return [
    `Measured by \`npm run bench\` on ${machine}; median of ${REPS} fresh processes per figure, interleaved.`,
    "Time is building the constructs plus `app.synth()` (our validation runs in the constructor), with `app.synth()` alone in brackets; peak memory is the process's peak resident set, aws-cdk-lib loaded. Resources count every template's, the buckets (user code) included; aws-cdk-lib refuses at synth a stack of more than CloudFormation's 500 resources.",
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

import * as fs from 'fs';
// The module itself (a default import), not a namespace's read-only view: its tmpdir is replaced.
import os from 'os';
import * as path from 'path';

// Every app a test synthesizes without an `outdir` writes a cdk.out folder into the temporary
// directory. aws-cdk-lib asks `os.tmpdir()` once per module load, and jest loads modules per
// test file (TMPDIR cannot be set: the sandbox's process.env is a copy that Node's `os` does not
// read): each test file gets a folder of its own, removed when its tests end, so that a run
// leaves nothing behind.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-cloudfront-distributions-test-'));
const tmpdir = os.tmpdir;
os.tmpdir = () => dir;

afterAll(() => {
  os.tmpdir = tmpdir;
  fs.rmSync(dir, { recursive: true, force: true });
});

// Prints every stack template of a cloud assembly, one after another, as YAML-like JSON.
// `cdk synth` prints a template only when one stack is selected; the example app has several.
const fs = require('fs');
const path = require('path');

const dir = process.argv[2] || 'cdk.out';
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const stacks = Object.entries(manifest.artifacts || {}).filter(([, a]) => a.type === 'aws:cloudformation:stack');
for (const [name, artifact] of stacks) {
  const file = path.join(dir, artifact.properties.templateFile);
  process.stdout.write(`# ---- ${name} (${file}) ----\n`);
  process.stdout.write(fs.readFileSync(file, 'utf8'));
  process.stdout.write('\n');
}
process.stderr.write(`Printed ${stacks.length} CloudFormation templates from ${dir}.\n`);

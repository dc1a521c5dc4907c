import { JsonFile, awscdk, javascript } from 'projen';
import { UpdateSnapshot } from 'projen/lib/javascript';

// The repository's coordinates, in one place: the npm, PyPI, Maven, NuGet and Go names derive
// from them.
const REPOSITORY = { owner: 'example', name: 'cdk-cloudfront-distributions' };

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-cloudfront-distributions',
  description:
    'CloudFront web and RTMP distributions as AWS CDK L3 constructs, with secure defaults and synth-time validation.',
  author: 'cdk-cloudfront-distributions developers',
  authorAddress: 'dev@example.com',
  repositoryUrl: `https://github.com/${REPOSITORY.owner}/${REPOSITORY.name}.git`,
  keywords: ['aws', 'cdk', 'awscdk', 'cloudfront', 'cdn', 'distribution', 'rtmp'],
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  srcdir: 'lib',
  testdir: 'test',

  // aws-cdk-lib 2.257 is where S3OriginAccessControl, the TLSv1.2_2025 / TLSv1.3_2025
  // policies and integ-runner 2.197's snapshot mode all work together offline.
  cdkVersion: '2.257.0',
  constructsVersion: '10.5.1',
  jsiiVersion: '~6.0.0',

  eslint: true,
  prettier: true,
  prettierOptions: {
    settings: { singleQuote: true, printWidth: 110, trailingComma: javascript.TrailingComma.ALL },
  },

  jestOptions: {
    // projen's default passes --updateSnapshot, which makes snapshot tests unable to fail.
    // Accept intended changes with `npx projen test:update`.
    updateSnapshot: UpdateSnapshot.NEVER,
    jestConfig: {
      // jsii compiles lib/*.ts to lib/*.js beside them: test the sources, never a stale build.
      moduleFileExtensions: ['ts', 'js', 'json', 'node'],
      // Every template a test synthesizes is checked against CloudFormation's schemas, and what
      // the tests write to the temporary directory is removed after each test file.
      setupFilesAfterEnv: ['<rootDir>/test/setup-tmpdir.ts', '<rootDir>/test/setup-schema.ts'],
    },
  },

  // Construct Hub shows every jsii language; only the JavaScript package is built here.
  publishToPypi: {
    distName: 'cdk-cloudfront-distributions',
    module: 'cdk_cloudfront_distributions',
  },
  publishToMaven: {
    javaPackage: `io.github.${REPOSITORY.owner}.cdk.cloudfront.distributions`,
    mavenGroupId: `io.github.${REPOSITORY.owner}`,
    mavenArtifactId: 'cdk-cloudfront-distributions',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkCloudfrontDistributions',
    packageId: 'CdkCloudfrontDistributions',
  },
  publishToGo: {
    moduleName: `github.com/${REPOSITORY.owner}/${REPOSITORY.name}-go`,
  },

  // integ-runner checks the committed snapshots of test/integ.*.ts without deploying.
  experimentalIntegRunner: true,

  // Released as Construct Hub libraries are: projen's GitHub workflows build every pull request
  // and, on main, release to npm, PyPI, Maven, NuGet and Go with a version from the conventional
  // commits since the last tag. (This workplace's CI is .ci/run on a clean clone.)
  github: true,
  release: true,
  releaseToNpm: true,
  // A dependency upgrade is a pull request someone reads, not a scheduled workflow here.
  depsUpgrade: false,
  githubOptions: { mergify: false },

  devDeps: [
    // TypeScript 7 has no compiler API for ts-node / ts-jest: keep the 5.x line for tests.
    'typescript@~5.9.3',
    '@types/node@^20',
    'aws-cdk@^2.1100.0',
    'cdk-nag@^2.38.2',
    'ajv@^8.17.1',
    'fast-check@^4.3.0',
  ],
  gitignore: ['cdk.out/', 'examples/cdk.out/', '.jsii.tabl.json', 'dist/', 'test/.import-out/'],

  // `npx cdk-cloudfront-distributions import FILE`: a YAML parser that supports CloudFormation's
  // short-form tags (!Ref, !GetAtt, ...); bundled, as jsii requires of a dependency that is not a
  // jsii module.
  bundledDeps: ['yaml@^2.8.0'],
  bin: { 'cdk-cloudfront-distributions': 'lib/import/cli.js' },
});

// The example app and the benchmark: type-checked like the tests, linted, never published.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: {
      extends: '../tsconfig.json',
      compilerOptions: { noEmit: true, rootDir: '..' },
      include: ['**/*.ts'],
      exclude: ['node_modules', 'cdk.out'],
    },
  });
}
project.eslint?.addLintPattern('examples');
project.eslint?.allowDevDeps('examples/**');
project.npmignore?.exclude('/examples/');

// `npm run example`: synthesizes examples/ with the real cdk CLI and prints every template.
project.addTask('example', {
  description: 'Synthesize the example app (examples/) with the cdk CLI and print its templates',
  cwd: 'examples',
  steps: [
    { exec: 'cdk synth --quiet --no-notices --no-version-reporting' },
    { exec: 'node print-templates.js cdk.out' },
  ],
});

// The README's snippets compile against the real types (rosetta strict mode, after the jsii
// compile): they never rot. test/rosetta.test.ts checks their Python form.
project.postCompileTask.exec('jsii-rosetta extract --strict --compile');

// The example app under cdk-nag's AwsSolutions pack: an error finding fails the synth (CI runs it).
project.addTask('example:nag', {
  description: 'Synthesize the example app under cdk-nag AwsSolutionsChecks; fails on any error finding',
  cwd: 'examples',
  exec: 'cdk synth -c nag=true --quiet --no-notices --no-version-reporting',
});

// integ-runner 2.197 works offline with aws-cdk-lib 2.257 (2.258 and later fail with an
// assembly version mismatch): pin both instead of projen's @latest.
project.deps.removeDependency('@aws-cdk/integ-runner');
project.deps.removeDependency('@aws-cdk/integ-tests-alpha');
project.addDevDeps('@aws-cdk/integ-runner@~2.197.10', '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0');
for (const name of ['integ', 'integ:update']) {
  // Type checking is the tests' and the jsii compile's job; integ-runner only synthesizes.
  project.tasks.tryFind(name)?.env('TS_NODE_TRANSPILE_ONLY', '1');
  // The sources, not the lib/**/*.js a build left behind: a stale build would otherwise be what
  // the snapshots are checked against.
  project.tasks.tryFind(name)?.env('TS_NODE_PREFER_TS_EXTS', 'true');
}

// The release workflow's versioning tool: 12.x runs on Node 20 (13.x needs Node 22, and warns
// on every `npm ci` here).
project.addDevDeps('commit-and-tag-version@^12');

// `npm run bench`: synthesis time, memory and template bytes against the wired L1 floor and
// aws-cdk-lib's Distribution (bench/README.md). A script, not a test: timings never gate the tests.
project.addTask('bench', {
  description:
    'Benchmark synthesis of 1-400 distributions (ours, the wired L1 floor, bare L1, aws-cdk-lib) and update README',
  env: {
    TS_NODE_TRANSPILE_ONLY: '1',
    TS_NODE_PREFER_TS_EXTS: 'true',
    TS_NODE_PROJECT: 'bench/tsconfig.json',
  },
  exec: 'node -r ts-node/register bench/bench.ts',
});
project.eslint?.addLintPattern('bench');
project.eslint?.allowDevDeps('bench/**');
project.npmignore?.exclude('/bench/');

// The npm package holds the compiled library and what Construct Hub reads (.jsii, its rosetta
// tablet, README, API.md, LICENSE): not the TypeScript sources, CI, contributor docs or the
// rosetta fixture.
project.npmignore?.exclude('/.ci/', '/rosetta/', '/CONTRIBUTING.md', '/lib/**/*.ts');
project.npmignore?.include('/lib/**/*.d.ts');

// A jsii warning is a defect in another language (JSII5019: a member named like its struct renames
// the struct in C#): the compile fails on any warning instead of printing it.
project.compileTask.reset('jsii --silence-warnings=reserved-word --fail-on-warnings');

project.synth();

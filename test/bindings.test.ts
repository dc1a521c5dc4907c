import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The jsii compile and `jsii-pacmak --code-only` generate the Python and Java bindings (PyPI and
// Maven Central are out of reach here, so only the code is generated). The Python Distribution
// must take the specification's keyword arguments, and its structs dicts.
const ROOT = path.join(__dirname, '..');
let out: string;
let pythonModule: string;
let javaDir: string;

function run(command: string, args: string[]) {
  execFileSync(command, args, {
    cwd: ROOT,
    stdio: 'pipe',
    env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20' },
  });
}

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'pacmak-'));
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
  run(bin('jsii'), ['--silence-warnings=reserved-word']);
  run(bin('jsii-pacmak'), [
    '--code-only',
    '--target',
    'python',
    '--target',
    'java',
    '--outdir',
    out,
    '--force',
  ]);
  pythonModule = fs.readFileSync(
    path.join(out, 'python', 'src', 'cdk_cloudfront_distributions', '__init__.py'),
    'utf8',
  );
  javaDir = path.join(
    out,
    'java',
    'src',
    'main',
    'java',
    'io',
    'github',
    'example',
    'cdk',
    'cloudfront',
    'distributions',
  );
}, 120_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The keyword arguments of a Python class's `__init__`, with their annotations. */
function keywordArguments(className: string): Record<string, string> {
  // A class is `class Name(Base, ...)`, a struct `class Name:`.
  const match = new RegExp(`\\nclass ${className}[(:]`).exec(pythonModule);
  expect(match).not.toBeNull();
  const start = match!.index;
  const init = pythonModule.indexOf('def __init__(', start);
  const end = pythonModule.indexOf(') -> None:', init);
  const params = pythonModule
    .slice(init, end)
    .split('\n')
    .map((l) => l.trim());
  return Object.fromEntries(
    params
      .filter((l) => /^[a-z_]+: /.test(l))
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]),
  );
}

describe('generated Python bindings', () => {
  test('Distribution takes the specification attributes as keyword arguments', () => {
    const kwargs = keywordArguments('Distribution');
    for (const name of [
      'name',
      'comment',
      'aliases',
      'root_object',
      'enabled',
      'origins',
      'default_cache_behavior',
      'behaviors',
      'error_responses',
      'logging',
      'price_class',
      'ssl_certificate',
      'ssl_support_method',
      'ssl_minimum_protocol_version',
    ]) {
      expect(kwargs).toHaveProperty(name);
    }
    // Structs take the specification's dicts as they are.
    expect(kwargs.origins).toContain('typing.Dict[builtins.str, typing.Any]');
    expect(kwargs.default_cache_behavior).toContain('typing.Dict[builtins.str, typing.Any]');
    expect(kwargs.error_responses).toContain('typing.Dict[builtins.str, typing.Any]');
    expect(kwargs.logging).toContain('typing.Dict[builtins.str, typing.Any]');
  });

  test.each([
    [
      'Origin',
      [
        'name',
        'bucket',
        'origin_access_identity',
        'domain_name',
        'http_port',
        'https_port',
        'protocol',
        'ssl_policy',
      ],
    ],
    [
      'CacheBehavior',
      [
        'target_origin',
        'path_pattern',
        'forward_query_string',
        'forward_headers',
        'forward_cookies',
        'viewer_protocol_policy',
        'default_ttl',
        'min_ttl',
        'max_ttl',
        'allowed_methods',
        'cached_methods',
        'smooth_streaming',
      ],
    ],
    ['ErrorResponse', ['error_code', 'response_page_path', 'response_code', 'min_ttl']],
    ['LoggingConfig', ['enabled', 'include_cookies', 'bucket', 'path']],
    ['StreamingDistribution', ['name', 'comment', 'aliases', 'enabled', 'origin', 'logging', 'price_class']],
    ['StreamingLoggingConfig', ['enabled', 'bucket', 'path']],
  ])('%s has the specification fields', (className, fields) => {
    const kwargs = keywordArguments(className);
    for (const f of fields) expect(kwargs).toHaveProperty(f);
  });
});

describe('generated Java bindings', () => {
  test('Distribution has a builder with the specification props', () => {
    const java = fs.readFileSync(path.join(javaDir, 'Distribution.java'), 'utf8');
    for (const m of [
      'name',
      'origins',
      'defaultCacheBehavior',
      'behaviors',
      'errorResponses',
      'logging',
      'priceClass',
      'sslCertificate',
    ]) {
      expect(java).toContain(`public Builder ${m}(`);
    }
  });
});

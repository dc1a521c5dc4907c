import * as fs from 'fs';
import * as path from 'path';
import { PythonVisitor, translateTypeScript } from 'jsii-rosetta';

// The README's TypeScript snippets, transliterated to Python the way rosetta does without type
// information: an object literal becomes a dict. That is the specification's own form, and jsii's
// Python bindings take a dict wherever they take a struct. (`jsii-rosetta extract --strict`, in the
// build, compiles the same snippets against the real types.)
const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
const snippets = [...README.matchAll(/```(ts|python)[^\n]*\n([\s\S]*?)```/g)].map((m) => ({
  lang: m[1],
  code: m[2],
}));
const typescript = snippets.filter((s) => s.lang === 'ts').map((s) => s.code);

function python(code: string): string {
  const result = translateTypeScript({ fileName: 'readme.ts', contents: code }, new PythonVisitor());
  expect(result.diagnostics.filter((d) => d.isError)).toEqual([]);
  return result.translation;
}

function snippetWith(text: string): string {
  const found = typescript.filter((c) => c.includes(text));
  expect(found.length).toBeGreaterThan(0);
  return found[0];
}

describe('README snippets in Python', () => {
  test('every TypeScript snippet transliterates', () => {
    expect(typescript.length).toBeGreaterThanOrEqual(15);
    for (const code of typescript) expect(python(code).length).toBeGreaterThan(0);
  });

  test('the minimum distribution comes out as the specification wrote it', () => {
    const py = python(snippetWith("origins: [{ name: 'www', domainName: 'backend.example.com' }],"));
    expect(py).toContain('name="www.example.com"');
    expect(py).toContain('origins=[{"name": "www", "domain_name": "backend.example.com"}]');
    expect(py).toContain('default_cache_behavior={"target_origin": "www"}');
  });

  test("the README's Python quick start is exactly rosetta's translation", () => {
    const quickStart = snippets.find((s) => s.lang === 'python')!.code.trim();
    expect(quickStart).toEqual(python(typescript[0]).trim());
  });

  test("the README's multi-tenant Python is exactly rosetta's translation", () => {
    const written = snippets.find((s) => s.lang === 'python' && s.code.includes('MultiTenantDistribution('))!;
    expect(written.code.trim()).toEqual(
      python(snippetWith("new MultiTenantDistribution(this, 'Saas'")).trim(),
    );
  });

  test('serving content from an S3 bucket', () => {
    const py = python(snippetWith("bucketName: 'my-test-bucket'"));
    expect(py).toContain('bucket = s3.Bucket(self, "Bucket", bucket_name="my-test-bucket")');
    expect(py).toContain('origins=[{"name": "www", "bucket": bucket}]');
  });

  test('serving content from a backend HTTP or HTTPS service', () => {
    const py = python(snippetWith('httpsPort: 8043'));
    expect(py).toContain(
      'origins=[{"name": "www", "domain_name": "backend.example.com", "http_port": 8080, "https_port": 8043}]',
    );
  });

  test('the streaming distribution', () => {
    const py = python(snippetWith("name: 'media.example.com',\n  origin: { bucket },"));
    expect(py).toContain('StreamingDistribution(self, "Media",');
    expect(py).toContain('origin={"bucket": bucket}');
  });
});

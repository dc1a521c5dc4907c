import * as fc from 'fast-check';
import { counterexample, covers, matches } from '../../lib/private/path-pattern';

/** The brute-force matcher: the pattern as a regular expression. */
function matcher(pattern: string): (path: string) => boolean {
  const source = (pattern.startsWith('/') ? pattern : `/${pattern}`)
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  const expression = new RegExp(`^${source}$`, 's');
  return (path) => expression.test(path);
}

// CloudFront's path patterns (lib/private/path-pattern.ts): matching, and exact inclusion.

describe('matches', () => {
  test.each([
    ['/api/*', '/api/v1/users', true],
    ['api/*', '/api/x', true],
    ['*.jpg', '/img/a.jpg', true],
    ['*.jpg', '/img/a.JPG', false],
    ['/a?c', '/abc', true],
    ['/a?c', '/ac', false],
    ['/static/*', '/static/', true],
    ['/static/*', '/static', false],
    ['/a.b', '/aXb', false],
  ])('%s on %s: %s', (pattern, path, expected) => {
    expect(matches(pattern, path)).toBe(expected);
  });
});

describe('covers', () => {
  test.each([
    ['/api/*', '/api/v1/*', true],
    ['*.jpg', '/img/*.jpg', true],
    ['api/*', '/api/v1/*', true],
    ['/api/*', 'api/v1/*', true],
    ['/img/*', '/img/*', true],
    ['/a*b*c', '/a?b?c', true],
    ['/*a*', '/x?a*.jpg', true],
    ['/?*', '/img/?', true],
    ['/a*', '/a', true],
    ['/api/v1/*', '/api/*', false],
    ['/img/*.jpg', '*.jpg', false],
    ['/a?c', '/a*c', false],
    ['/a*b*c', '/a*c', false],
    ['*.jpg', '*.JPG', false],
    ['/a', '/a?', false],
    ['/*a*b', '/*b*a', false],
  ])('%s over %s: %s', (outer, inner, expected) => {
    expect(covers(outer, inner)).toBe(expected);
  });

  test('a counterexample is a path the inner pattern matches and the outer does not', () => {
    expect(counterexample('/api/v1/*', '/api/*')).toBe('/api/');
    expect(counterexample('/a*b*c', '/a*c')).toBe('/ac');
    expect(counterexample('/api/*', '/api/v1/*')).toBeUndefined();
  });
});

// The property: `covers` and `counterexample` agree with a brute-force matcher. Patterns are drawn
// over `/`, `a`, `b` and both wildcards; paths over those characters and `c`, which no pattern
// names. A counterexample is checked with the regular-expression matcher; a claimed inclusion is
// checked against every path of up to 7 characters.
describe('covers, against a brute-force matcher', () => {
  const PATH_CHARS = ['/', 'a', 'b', 'c'];
  const paths: string[] = [];
  for (let grow = ['/']; grow[0].length <= 7; grow = grow.flatMap((p) => PATH_CHARS.map((c) => p + c))) {
    paths.push(...grow);
  }
  const pattern = fc.string({ unit: fc.constantFrom('/', 'a', 'b', '*', '?'), minLength: 1, maxLength: 6 });
  // Inner patterns made from the outer one are often covered: replace a wildcard by what it matches.
  const derived = pattern.chain((outer) =>
    fc
      .array(fc.string({ unit: fc.constantFrom('/', 'a', 'b', '*', '?'), maxLength: 2 }), {
        minLength: outer.length,
        maxLength: outer.length,
      })
      .map(
        (fills) =>
          [
            outer,
            [...outer].map((c, k) => (c === '*' ? fills[k] : c === '?' ? (fills[k][0] ?? '?') : c)).join(''),
          ] as const,
      ),
  );
  const pairs = fc.oneof(fc.tuple(pattern, pattern), derived);

  test('on 10,000 generated pattern pairs', () => {
    let covered = 0;
    let uncovered = 0;
    fc.assert(
      fc.property(pairs, ([outer, inner]) => {
        const witness = counterexample(outer, inner);
        expect(covers(outer, inner)).toBe(witness === undefined);
        if (witness !== undefined) {
          uncovered++;
          expect(matcher(inner)(witness)).toBe(true);
          expect(matcher(outer)(witness)).toBe(false);
        } else {
          covered++;
          const [o, i] = [matcher(outer), matcher(inner)];
          expect(paths.filter((p) => i(p) && !o(p))).toEqual([]);
        }
        // The matcher the findings use agrees with the regular expression.
        for (const p of [witness ?? '/', '/a', '/ab/', '/b/a', '/aab', inner, outer]) {
          expect(matches(outer, p)).toBe(matcher(outer)(p));
        }
      }),
      { numRuns: 10_000, seed: 20261130 },
    );
    // Both answers were exercised, so that neither half of the property is vacuous.
    expect(covered).toBeGreaterThan(1_000);
    expect(uncovered).toBeGreaterThan(1_000);
  });
});

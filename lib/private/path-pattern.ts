/**
 * CloudFront's path patterns: `*` matches any characters, `/` included, and none; `?` exactly
 * one; every other character itself, case-sensitively; a pattern without a leading `/` is the
 * same as with one. Request paths always begin with `/`.
 *
 * @see https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/DownloadDistValuesCacheBehavior.html#DownloadDistValuesPathPattern
 */

/** The pattern as CloudFront reads it: with its leading `/`. */
function normal(pattern: string): string {
  return pattern.startsWith('/') ? pattern : `/${pattern}`;
}

/**
 * Whether `pattern` matches the request path `path`: a greedy scan that, on a mismatch, lets the
 * last `*` take one more character.
 */
export function matches(pattern: string, path: string): boolean {
  const p = normal(pattern);
  let at = 0;
  let star = -1;
  let resume = 0;
  for (let k = 0; k < path.length;) {
    if (p[at] === '*') {
      star = at++;
      resume = k;
    } else if (at < p.length && (p[at] === '?' || p[at] === path[k])) {
      at++;
      k++;
    } else if (star >= 0) {
      at = star + 1;
      k = ++resume;
    } else {
      return false;
    }
  }
  while (p[at] === '*') at++;
  return at === p.length;
}

/**
 * Whether `outer` matches every path that `inner` matches, so that a behaviour with `inner` after
 * one with `outer` is never used. Exact: the literal beginnings and ends of the patterns decide
 * the common cases, {@link counterexample} the rest.
 */
export function covers(outer: string, inner: string): boolean {
  const o = normal(outer);
  const i = normal(inner);
  if (o === i) return true;
  const [oHead, oTail, oWild] = literalEnds(o);
  const [iHead, iTail] = literalEnds(i);
  // A pattern without wildcards matches only itself.
  if (!oWild) return false;
  // Wherever `inner` departs from `outer`'s literal beginning or end, a wildcard of `inner` (or
  // its own literal) yields a path that `outer` does not match.
  if (!iHead.startsWith(oHead) || !iTail.endsWith(oTail)) return false;
  // `prefix*` matches exactly the paths that begin with the prefix.
  if (o === `${oHead}*`) return true;
  // Two paths of `inner` that `outer` often misses: its wildcards matching as little as they can,
  // and each matching one character that neither pattern names.
  const other = otherCharacter(o + i);
  if (!matches(o, i.replace(/\*/g, '').replace(/\?/g, other))) return false;
  if (!matches(o, i.replace(/[*?]/g, other))) return false;
  return counterexample(o, i) === undefined;
}

/** The literal text before the first wildcard, after the last, and whether there is one. */
function literalEnds(pattern: string): [string, string, boolean] {
  const first = pattern.search(/[*?]/);
  if (first < 0) return [pattern, pattern, false];
  const last = Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'));
  return [pattern.slice(0, first), pattern.slice(last + 1), true];
}

/**
 * A path that `inner` matches and `outer` does not, or `undefined` when there is none.
 *
 * Each pattern is a nondeterministic automaton whose states are the positions in the pattern.
 * `outer`'s is determinized as it is explored, over the characters the patterns name plus one
 * character neither names (which stands for every other one); breadth first through the pairs of
 * an `outer` state set and an `inner` position, the search stops at a pair where `inner` is at its
 * end and `outer` does not accept. The path leading there is a shortest counterexample.
 */
export function counterexample(outer: string, inner: string): string | undefined {
  const o = normal(outer);
  const i = normal(inner);
  const alphabet = [...new Set((o + i).replace(/[*?]/g, '')), otherCharacter(o + i)];
  const dfa = new Determinized(o, alphabet);
  const width = i.length + 1;
  // Product states `set * width + position`, with how each was reached.
  const from = new Map<number, { previous: number; via: string }>();
  const queue: number[] = [];
  const visit = (state: number, previous: number, via: string) => {
    if (from.has(state)) return;
    from.set(state, { previous, via });
    queue.push(state);
    // A `*` of `inner` may match nothing: its next position is reached by the same path.
    const q = state % width;
    if (i[q] === '*') visit(state + 1, previous, via);
  };
  visit(0, -1, '');
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const set = Math.floor(state / width);
    const q = state % width;
    if (q === i.length) {
      if (!dfa.accepts(set)) return pathTo(from, state);
      continue;
    }
    const p = i[q];
    const next = p === '*' ? q : q + 1;
    for (let c = 0; c < alphabet.length; c++) {
      if (p !== '*' && p !== '?' && p !== alphabet[c]) continue;
      visit(dfa.step(set, c) * width + next, state, alphabet[c]);
    }
  }
  return undefined;
}

/** A pattern's automaton, determinized on demand: each state is a set of positions, by number. */
class Determinized {
  private readonly sets: number[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly moves: number[][] = [];

  constructor(
    private readonly pattern: string,
    private readonly alphabet: readonly string[],
  ) {
    this.id(closure(pattern, [0]));
  }

  /** Whether state `set` has read all of the pattern. */
  accepts(set: number): boolean {
    return this.sets[set].includes(this.pattern.length);
  }

  /** The state after reading character number `c` in state `set`. */
  step(set: number, c: number): number {
    const known = this.moves[set][c];
    if (known !== undefined) return known;
    const next = this.id(step(this.pattern, this.sets[set], this.alphabet[c]));
    this.moves[set][c] = next;
    return next;
  }

  private id(positions: number[]): number {
    const key = positions.join(',');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.ids.set(key, id);
      this.sets.push(positions);
      this.moves.push([]);
    }
    return id;
  }
}

/** A character neither pattern names: it stands for every such character. */
function otherCharacter(text: string): string {
  for (const c of ['#', '%', '^', '|', '`', 'Z', '0']) if (!text.includes(c)) return c;
  for (let code = 0x100; ; code++) {
    const c = String.fromCharCode(code);
    if (!text.includes(c)) return c;
  }
}

/**
 * The positions reachable from `states` (ascending) without reading a character, since a `*` may
 * match nothing; ascending, without repeats.
 */
function closure(pattern: string, states: readonly number[]): number[] {
  const out: number[] = [];
  let last = -1;
  for (let s of states) {
    if (s <= last) continue;
    out.push((last = s));
    while (pattern[s] === '*') out.push((last = ++s));
  }
  return out;
}

/** The positions after reading `c` from `states` (ascending). */
function step(pattern: string, states: readonly number[], c: string): number[] {
  const next: number[] = [];
  for (const s of states) {
    const p = pattern[s];
    if (p === '*') next.push(s);
    else if (p === '?' || p === c) next.push(s + 1);
  }
  return closure(pattern, next);
}

function pathTo(from: Map<number, { previous: number; via: string }>, state: number): string {
  let path = '';
  for (let at = state; at >= 0;) {
    const step_ = from.get(at)!;
    path = step_.via + path;
    at = step_.previous;
  }
  return path;
}

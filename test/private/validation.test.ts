import { Duration, Lazy } from 'aws-cdk-lib';
import {
  domainName,
  isDeployTime,
  like,
  message,
  oneOf,
  secondsOf,
  setOf,
  show,
  throwIfAny,
  typeRules,
  unknown,
} from '../../lib/private/validation';

test('one message format: the path, what is allowed, what was given', () => {
  expect(message('a.b', 'must be x', 'y')).toBe('`a.b` must be x; got: "y"');
  expect(show(Duration.minutes(1))).toBe('60 seconds');
  expect(show(undefined)).toBe('nothing');
  expect(show(['a', 1])).toBe('["a", 1]');
});

test('the error names the construct and counts its problems', () => {
  expect(() => throwIfAny('Distribution Stack/Www', ['`a` x; got: 1'])).toThrow(
    new Error('Distribution Stack/Www has 1 problem:\n`a` x; got: 1'),
  );
  expect(() => throwIfAny('Distribution Stack/Www', ['one', 'two'])).toThrow(
    new Error('Distribution Stack/Www has 2 problems:\none\ntwo'),
  );
  expect(() => throwIfAny('Distribution Stack/Www', [])).not.toThrow();
});

test('unresolved values are never judged', () => {
  expect(unknown(Lazy.string({ produce: () => 'x' }))).toBe(true);
  expect(unknown(Duration.seconds(Lazy.number({ produce: () => 1 })))).toBe(true);
  expect(oneOf('p', Lazy.string({ produce: () => 'x' }), ['a'])).toEqual([]);
  expect(setOf('m', Lazy.list({ produce: () => ['GET'] }), [['GET', 'HEAD']])).toEqual([]);
});

test('a dynamic reference is a deploy-time value, shown as such', () => {
  expect(isDeployTime('{{resolve:ssm:/backend}}')).toBe(true);
  expect(isDeployTime('backend.example.com')).toBe(false);
  expect(show(['{{resolve:secretsmanager:s}}', Lazy.string({ produce: () => 'x' })])).toBe(
    '[a deploy-time value, a deploy-time value]',
  );
});

test('a string is a deploy-time value exactly when it holds a token, within text or as a number', () => {
  const host = Lazy.string({ produce: () => 'x' });
  const port = Lazy.number({ produce: () => 443 });
  expect(isDeployTime(host)).toBe(true);
  expect(isDeployTime(`${host}.example.com`)).toBe(true);
  expect(isDeployTime(`example.com:${port}`)).toBe(true);
  expect(isDeployTime(port)).toBe(true);
  // Text that only looks like part of a token is a literal.
  expect(isDeployTime('${Token[ not a token ]}')).toBe(false);
  expect(isDeployTime('1e+289')).toBe(false);
  expect(isDeployTime('')).toBe(false);
});

test("secondsOf: a Duration's seconds, fractional; nothing for a deploy-time one", () => {
  expect(secondsOf(Duration.minutes(2))).toBe(120);
  expect(secondsOf(Duration.millis(1500))).toBe(1.5);
  const later = Duration.seconds(Lazy.number({ produce: () => 5 }));
  expect(secondsOf(later)).toBeUndefined();
  expect(secondsOf(later)).toBeUndefined();
});

describe('typeRules', () => {
  const shape = {
    name: 'string',
    port: 'number',
    on: 'boolean',
    ttl: 'Duration',
    list: 'string list',
  } as const;

  test('passes values of their kind, absent ones and deploy-time ones', () => {
    expect(
      typeRules('', { name: 'a', port: 1, on: true, ttl: Duration.seconds(1), list: ['a'] }, shape),
    ).toEqual([]);
    expect(typeRules('', {}, shape)).toEqual([]);
    expect(
      typeRules(
        '',
        { port: Lazy.number({ produce: () => 1 }), list: Lazy.list({ produce: () => [] }) },
        shape,
      ),
    ).toEqual([]);
  });

  test('names the path, the type expected and what was given', () => {
    expect(typeRules('o', { name: 1, port: '80', on: 'true', ttl: 30, list: ['a', 2] }, shape)).toEqual([
      '`o.name` must be a string; got: 1 (a number)',
      '`o.port` must be a number; got: "80" (a string)',
      '`o.on` must be true or false; got: "true" (a string)',
      '`o.ttl` must be a Duration (such as Duration.seconds(30)); got: 30 (a number)',
      '`o.list[1]` must be a string; got: 2 (a number)',
    ]);
    expect(typeRules('o', { name: null }, shape)).toEqual(['`o.name` must be a string; got: null']);
    expect(typeRules('b', {}, like('an s3.IBucket', 'bucketName'))).toEqual([
      '`b` must be an s3.IBucket; got: an object',
    ]);
  });

  test("reports in the shape's order, whatever the order of the literal's keys", () => {
    expect(typeRules('o', { list: [1], on: 'yes', name: 2 }, shape)).toEqual([
      '`o.name` must be a string; got: 2 (a number)',
      '`o.on` must be true or false; got: "yes" (a string)',
      '`o.list[0]` must be a string; got: 1 (a number)',
    ]);
  });

  test('judges the props of an object that is not a literal, its getters included', () => {
    class Props {
      public readonly port = '80';
      public get name(): unknown {
        return 7;
      }
    }
    expect(typeRules('o', new Props(), shape)).toEqual([
      '`o.name` must be a string; got: 7 (a number)',
      '`o.port` must be a number; got: "80" (a string)',
    ]);
  });

  test('ignores keys outside the shape, those named like Object members too', () => {
    expect(typeRules('o', { constructor: 1, toString: 'x', extra: null, name: 'a' }, shape)).toEqual([]);
  });
});

describe('domainName', () => {
  // The rule as the label-by-label definition it encodes, to check the one regular expression.
  function byLabels(name: string, allowWildcard: boolean): boolean {
    const body = allowWildcard && name.startsWith('*.') ? name.slice(2) : name;
    const labels = body.split('.');
    return (
      name.length <= 253 &&
      labels.length >= 2 &&
      labels.every((l) => /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(l))
    );
  }

  test('accepts exactly the names whose every label is valid, on 20,000 generated names', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor(seed / 65536) % n;
    };
    const pieces = ['a', 'Z', '0', '-', '.', '*', '_', 'www', 'example', 'x'.repeat(62), 'y'.repeat(63)];
    let accepted = 0;
    const disagreements: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const name = Array.from({ length: 1 + random(6) }, () => pieces[random(pieces.length)]).join('');
      for (const wildcard of [false, true]) {
        const ok = domainName('p', name, wildcard).length === 0;
        if (ok !== byLabels(name, wildcard)) disagreements.push(`${name} (wildcard ${wildcard})`);
        if (ok) accepted++;
      }
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    expect(accepted).toBeGreaterThan(500);
  });

  test('a label of 63 characters is accepted, of 64 refused', () => {
    expect(domainName('p', `${'a'.repeat(63)}.com`, false)).toEqual([]);
    expect(domainName('p', `${'a'.repeat(64)}.com`, false)).toHaveLength(1);
  });
});

import { Duration, Lazy } from 'aws-cdk-lib';
import { message, oneOf, setOf, show, throwIfAny, unknown } from '../../lib/private/validation';

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

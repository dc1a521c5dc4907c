import { rules, warnings } from '../../lib/private/logging';

test('rules: the prefix is a key prefix', () => {
  expect(rules({ enabled: true, path: '/cdn/' })).toEqual([
    "`logging.path` must not start with '/' (it is a key prefix such as 'cdn/www/'); got: \"/cdn/\"",
  ]);
  expect(rules({ enabled: true, path: 'cdn/' })).toEqual([]);
  expect(rules(undefined)).toEqual([]);
});

test('warnings: none while logging is off without a bucket', () => {
  expect(warnings(undefined)).toEqual([]);
  expect(warnings({ enabled: true })).toEqual([]);
});

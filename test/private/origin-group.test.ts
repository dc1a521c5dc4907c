import { render, rules } from '../../lib/private/origin-group';

const GROUP = { name: 'ab', primaryOrigin: 'a', secondaryOrigin: 'b' };

test('render: both members and the default failover codes; nothing without groups', () => {
  expect(render([GROUP])).toEqual({
    quantity: 1,
    items: [
      {
        id: 'ab',
        failoverCriteria: { statusCodes: { quantity: 4, items: [500, 502, 503, 504] } },
        members: { quantity: 2, items: [{ originId: 'a' }, { originId: 'b' }] },
      },
    ],
  });
  expect(render([])).toBeUndefined();
  expect(render(undefined)).toBeUndefined();
});

test('rules: members must be origins, different, and codes known', () => {
  expect(rules('originGroups', [GROUP], ['a', 'b'])).toEqual([]);
  expect(
    rules('originGroups', [{ ...GROUP, secondaryOrigin: 'a', failoverStatusCodes: [501] }], ['a', 'b']),
  ).toEqual([
    '`originGroups[0].secondaryOrigin` must differ from `primaryOrigin`; got: "a"',
    '`originGroups[0].failoverStatusCodes[0]` must be one of 400, 403, 404, 416, 500, 502, 503, 504; got: 501',
  ]);
});

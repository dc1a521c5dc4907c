import { aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { commonRules, render, renderRootObject, rules } from '../../lib/private/settings';

test('render: every default explicit', () => {
  expect(render({ name: 'www.example.com' })).toEqual({
    comment: 'www.example.com',
    defaultRootObject: undefined,
    enabled: true,
    priceClass: 'PriceClass_100',
    webAclId: undefined,
    restrictions: undefined,
    httpVersion: 'http2and3',
    ipv6Enabled: true,
  });
});

test.each([
  ['/', undefined],
  [undefined, undefined],
  ['/index.html', 'index.html'],
  ['index.html', 'index.html'],
])('rootObject %j renders as %j', (rootObject, expected) => {
  expect(renderRootObject(rootObject)).toBe(expected);
});

test('render: geo restriction', () => {
  expect(
    render({ name: 'x', geoRestriction: cloudfront.GeoRestriction.allowlist('US') }).restrictions,
  ).toEqual({
    geoRestriction: { restrictionType: 'whitelist', locations: ['US'] },
  });
});

test('rules', () => {
  expect(commonRules({ name: 'www.example.com', comment: 'c'.repeat(129) })).toEqual([
    `\`comment\` must be at most 128 characters (CloudFront's limit on Comment); got: "${'c'.repeat(129)}"`,
  ]);
  expect(rules({ name: 'x', rootObject: '/a?b', httpVersion: 'http9' as cloudfront.HttpVersion })).toEqual([
    "`rootObject` must be an object's path without '?' or '#'; got: \"/a?b\"",
    '`httpVersion` must be one of http1.1, http2, http2and3, http3; got: "http9"',
  ]);
});

import { Stack, Tags, aws_cloudfront as cloudfront } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { MINIMAL, config, expectError, make, newStack, warning } from './helpers';
import { Distribution } from '../lib';

// Distribution-level settings: comment, root object, enabled, price class, WAF, geo restriction, HTTP version, IPv6, tags (lib/private/settings.ts).

let stack: Stack;
beforeEach(() => {
  stack = newStack();
});

describe('renders', () => {
  test('comment overrides the name', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, comment: 'The public site' });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Comment: 'The public site' }),
    });
  });

  test('enabled false disables the distribution', () => {
    new Distribution(stack, 'Www', { ...MINIMAL, enabled: false });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ Enabled: false }),
    });
  });

  test.each([
    [cloudfront.PriceClass.PRICE_CLASS_200, 'PriceClass_200'],
    // CloudFormation's default: left out.
    [cloudfront.PriceClass.PRICE_CLASS_ALL, Match.absent()],
  ])('priceClass %s', (priceClass, rendered) => {
    new Distribution(stack, 'Www', { ...MINIMAL, priceClass });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({ PriceClass: rendered }),
    });
  });

  test('httpVersion and enableIpv6 default to http2and3 and true, rendered', () => {
    make(stack, {});
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        WebACLId: Match.absent(),
        Restrictions: Match.absent(),
      }),
    });
  });

  test('webAclId, geoRestriction, httpVersion, enableIpv6 and tags', () => {
    const acl =
      'arn:aws:wafv2:us-east-1:111111111111:global/webacl/site/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';
    const distribution = make(stack, {
      webAclId: acl,
      geoRestriction: cloudfront.GeoRestriction.allowlist('US', 'CA', 'DE'),
      httpVersion: cloudfront.HttpVersion.HTTP2,
      enableIpv6: false,
      tags: { team: 'web' },
    });
    Tags.of(distribution).add('env', 'prod');
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        WebACLId: acl,
        Restrictions: { GeoRestriction: { RestrictionType: 'whitelist', Locations: ['US', 'CA', 'DE'] } },
        HttpVersion: 'http2',
        IPV6Enabled: false,
      }),
      Tags: [
        { Key: 'env', Value: 'prod' },
        { Key: 'team', Value: 'web' },
      ],
    });
  });
});

describe('fails when', () => {
  test('fails when comment is over 128 characters', () => {
    const comment = 'c'.repeat(129);
    expectError(
      stack,
      { comment },
      `\`comment\` must be at most 128 characters (CloudFront's limit on Comment); got: "${comment}"`,
    );
  });

  test('fails when priceClass is unknown', () => {
    expectError(
      stack,
      { priceClass: 'PriceClass_300' as cloudfront.PriceClass },
      '`priceClass` must be one of PriceClass_100, PriceClass_200, PriceClass_All; got: "PriceClass_300"',
    );
  });

  test.each(['/index.html?v=1', '/index.html#top'])('fails when rootObject is %j', (rootObject) => {
    expectError(
      stack,
      { rootObject },
      `\`rootObject\` must be an object's path without '?' or '#'; got: ${JSON.stringify(rootObject)}`,
    );
  });

  test.each([
    ['arn:aws:wafv2:eu-west-1:111111111111:regional/webacl/site/a1b2'],
    ['arn:aws:wafv2:us-east-1:111111111111:regional/webacl/site/a1b2'],
    ['a1b2c3d4-5678-90ab-cdef-EXAMPLE11111'],
  ])('fails when webAclId is %s', (webAclId) => {
    expectError(
      stack,
      { webAclId },
      `\`webAclId\` must be the ARN of a global WAFv2 web ACL (scope CLOUDFRONT, in us-east-1); got: ${JSON.stringify(webAclId)}`,
    );
  });

  test('fails when a country code is unknown', () => {
    expectError(
      stack,
      { geoRestriction: cloudfront.GeoRestriction.denylist('US', 'XX') },
      '`geoRestriction.locations[1]` must be an ISO 3166-1 alpha-2 country code such as US or DE; got: "XX"',
    );
  });

  test('fails when httpVersion is unknown', () => {
    expectError(
      stack,
      { httpVersion: 'http4' as cloudfront.HttpVersion },
      '`httpVersion` must be one of http1.1, http2, http2and3, http3; got: "http4"',
    );
  });
});

describe('CloudFront refuses at deploy: caught at synth', () => {
  test.each([`/${'a'.repeat(256)}`, '/my index.html', '/caf\u00e9.html'])(
    'fails when rootObject is %j',
    (rootObject) => {
      expectError(
        stack,
        { rootObject },
        `\`rootObject\` must be at most 255 printable characters, without spaces, such as /index.html; got: ${JSON.stringify(rootObject)}`,
      );
    },
  );

  test('accepts a rootObject of 255 characters', () => {
    make(stack, { rootObject: `/${'a'.repeat(255)}` });
  });

  test.each([
    [
      'a key too long',
      { ['k'.repeat(129)]: 'v' },
      `\`tags\` must have keys of 1 to 128 letters, digits, spaces and _ . : / = + - @; got: "${'k'.repeat(129)}"`,
    ],
    [
      'a key with !',
      { 'a!': 'v' },
      '`tags` must have keys of 1 to 128 letters, digits, spaces and _ . : / = + - @; got: "a!"',
    ],
    [
      'a value too long',
      { team: 'v'.repeat(257) },
      `\`tags.team\` must be at most 256 letters, digits, spaces and _ . : / = + - @; got: "${'v'.repeat(257)}"`,
    ],
  ])('fails when tags have %s', (_, tags, msg) => {
    expectError(stack, { tags }, msg);
  });
});

describe('warns when', () => {
  test('there are more than 50 tags (an adjustable quota)', () => {
    const tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    make(stack, { tags });
    Annotations.fromStack(stack).hasWarning(
      '/Stack/Www',
      warning(
        '`tags` holds 51 tags, more than CloudFront\'s default quota "Tags that can be added to a distribution" (50): the deploy fails unless the quota was raised for your account.',
        'tagQuota',
      ),
    );
  });
});

describe('static IPs and cache tags', () => {
  test('renders anycastIpListId and cacheTagHeaderName', () => {
    make(stack, { anycastIpListId: 'aip_0123456789', cacheTagHeaderName: 'x-amz-meta-cache-tag' });
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        AnycastIpListId: 'aip_0123456789',
        CacheTagConfig: { HeaderName: 'x-amz-meta-cache-tag' },
      }),
    });
  });

  test('renders neither by default', () => {
    make(stack, {});
    config(stack).hasResourceProperties('AWS::CloudFront::Distribution', {
      DistributionConfig: Match.objectLike({
        AnycastIpListId: Match.absent(),
        CacheTagConfig: Match.absent(),
      }),
    });
  });

  test.each(['cache tag', 'x-tags:', ''])(
    'fails when the cache tag header name is %j',
    (cacheTagHeaderName) => {
      expectError(
        stack,
        { cacheTagHeaderName },
        `\`cacheTagHeaderName\` must be an HTTP header name of letters, digits and !#$%&'*+.^_\`|~-; got: ${JSON.stringify(cacheTagHeaderName)}`,
      );
    },
  );
});

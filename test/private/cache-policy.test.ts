import { Duration, Lazy } from 'aws-cdk-lib';
import { bridge, bridgeable } from '../../lib/private/cache-policy';

// The bridge's mapping, one rule at a time: legacy cache settings to policies.
describe('bridge', () => {
  test('the defaults: every query string in the key, the TTLs, gzip and Brotli', () => {
    expect(bridge({})).toEqual({
      cache: {
        minTtl: 0,
        defaultTtl: 86400,
        maxTtl: 31536000,
        queryStrings: 'all',
        headers: [],
        cookies: 'none',
        compress: true,
      },
    });
  });

  test('headers (lower-cased, sorted) and cookies (sorted) go into the key', () => {
    expect(
      bridge({
        forwardQueryString: false,
        forwardHeaders: ['X-B', 'Accept'],
        forwardCookies: ['z', 'a'],
        compress: false,
      }),
    ).toEqual({
      cache: {
        minTtl: 0,
        defaultTtl: 86400,
        maxTtl: 31536000,
        queryStrings: 'none',
        headers: ['accept', 'x-b'],
        cookies: ['a', 'z'],
        compress: false,
      },
    });
    expect(bridge({ forwardCookies: ['*'] }).cache).toMatchObject({ cookies: 'all' });
  });

  test.each([
    [true, 'CACHING_OPTIMIZED'],
    [false, 'CACHING_OPTIMIZED_FOR_UNCOMPRESSED_OBJECTS'],
  ])('a managed policy where one matches exactly (compress %j: %s)', (compress, managed) => {
    expect(bridge({ forwardQueryString: false, minTtl: Duration.seconds(1), compress })).toEqual({
      cache: managed,
    });
  });

  test('what does not cache becomes CachingDisabled and an origin request policy that forwards the same', () => {
    expect(bridge({ forwardHeaders: ['*'], forwardCookies: ['*'] })).toEqual({
      cache: 'CACHING_DISABLED',
      originRequest: 'ALL_VIEWER',
    });
    expect(bridge({ forwardHeaders: ['*'], forwardQueryString: false })).toEqual({
      cache: 'CACHING_DISABLED',
      originRequest: { queryStrings: 'none', headers: 'all', cookies: 'none' },
    });
    expect(
      bridge({
        maxTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        forwardHeaders: ['Authorization'],
      }),
    ).toEqual({
      cache: 'CACHING_DISABLED',
      originRequest: { queryStrings: 'all', headers: ['authorization'], cookies: 'none' },
    });
    expect(
      bridge({
        maxTtl: Duration.seconds(0),
        defaultTtl: Duration.seconds(0),
        forwardQueryString: false,
        forwardHeaders: ['User-Agent', 'Referer'],
      }),
    ).toEqual({ cache: 'CACHING_DISABLED', originRequest: 'USER_AGENT_REFERER_HEADERS' });
    expect(
      bridge({ maxTtl: Duration.seconds(0), defaultTtl: Duration.seconds(0), forwardQueryString: false }),
    ).toEqual({
      cache: 'CACHING_DISABLED',
    });
  });

  test('deploy-time values cannot be bridged', () => {
    expect(bridgeable({ forwardHeaders: ['Host'] })).toBe(true);
    expect(bridgeable({ forwardHeaders: [Lazy.string({ produce: () => 'Host' })] })).toBe(false);
    expect(bridgeable({ maxTtl: Duration.seconds(Lazy.number({ produce: () => 60 })) })).toBe(false);
  });
});

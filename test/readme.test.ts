import * as fs from 'fs';
import * as path from 'path';
import { DEFAULTS } from '../lib/private/defaults';
import { TIER_LIMITS } from '../lib/private/pricing-plan';

// The README's "Default settings" table is checked against lib/private/defaults.ts, the one
// source of every default: changing a default without its documentation fails here.

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');

/** The table's rows: the prop cell to the default cell. */
function defaultsTable(): Map<string, string> {
  const section = README.split('\n## Default settings\n')[1].split('\n## ')[0];
  const rows = section.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| prop'));
  return new Map(rows.map((r) => r.split('|').map((c) => c.trim())).map((cells) => [cells[1], cells[2]]));
}

const s = (d: { toSeconds(): number }) => d.toSeconds();

test.each([
  ['`enabled`', `\`${DEFAULTS.enabled}\``],
  ['`rootObject`', `\`${DEFAULTS.rootObject}\``],
  ['`priceClass`', `\`${DEFAULTS.priceClass}\``],
  ['`sslSupportMethod`', `\`${DEFAULTS.sslSupportMethod}\``],
  ['`sslMinimumProtocolVersion`', `\`${DEFAULTS.sslMinimumProtocolVersion}\``],
  ['origin `httpPort` / `httpsPort`', `${DEFAULTS.httpPort} / ${DEFAULTS.httpsPort}`],
  ['origin `protocol`', `\`${DEFAULTS.originProtocol}\``],
  ['origin `sslPolicy`', `\`[${DEFAULTS.originSslPolicy.map((p) => `'${p}'`).join(', ')}]\``],
  ['`forwardQueryString`', `\`${DEFAULTS.forwardQueryString}\``],
  ['`viewerProtocolPolicy`', `\`${DEFAULTS.viewerProtocolPolicy}\``],
  [
    '`minTtl` / `defaultTtl` / `maxTtl`',
    `${s(DEFAULTS.minTtl)} / ${s(DEFAULTS.defaultTtl)} / ${s(DEFAULTS.maxTtl)} seconds`,
  ],
  ['`allowedMethods` / `cachedMethods`', DEFAULTS.methods.map((m) => `\`${m}\``).join(', ')],
  ['`smoothStreaming`', `\`${DEFAULTS.smoothStreaming}\``],
  ['`compress`', `\`${DEFAULTS.compress}\``],
  ['error `minTtl`', `${s(DEFAULTS.errorCachingMinTtl)} seconds`],
  ['`httpVersion`', `\`${DEFAULTS.httpVersion}\``],
  ['`enableIpv6`', `\`${DEFAULTS.enableIpv6}\``],
  ['`legacyCacheSettings`', `\`${DEFAULTS.legacyCacheSettings}\``],
  ['origin group `failoverStatusCodes`', DEFAULTS.failoverStatusCodes.join(', ')],
  ['`logging.includeCookies`', `\`${DEFAULTS.loggingIncludeCookies}\``],
  ['multi-tenant `legacyCacheSettings`', `\`${DEFAULTS.multiTenantLegacyCacheSettings}\``],
  ['tenant `enabled`', `\`${DEFAULTS.tenantEnabled}\``],
  [
    'connection group `enabled` / `ipv6Enabled`',
    `\`${DEFAULTS.connectionGroupEnabled}\` / \`${DEFAULTS.connectionGroupIpv6Enabled}\``,
  ],
  ['managed certificate `validationTokenHost`', `\`${DEFAULTS.validationTokenHost}\``],
  ['managed certificate `certificateTransparencyLogging`', `\`${DEFAULTS.certificateTransparencyLogging}\``],
])('the README documents the default of %s as %s', (prop, text) => {
  const cell = defaultsTable().get(prop);
  expect(cell).toBeDefined();
  expect(cell).toContain(text);
});

test("the README's flat-rate tier table states each tier's behaviour limit", () => {
  const b = TIER_LIMITS.behaviors;
  const row = README.split('\n').find((l) => l.startsWith('| cache behaviours besides the default'));
  expect(row).toBe(
    `| cache behaviours besides the default (\`behaviors\`) | more than ${b.FREE} | more than ${b.PRO} | more than ${b.BUSINESS} | more than ${b.PREMIUM} |`,
  );
});

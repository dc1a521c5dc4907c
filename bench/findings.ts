/**
 * The cost of the findings for one distribution with 25 behaviours (CloudFront's default quota),
 * measured in this process after one call without behaviours (which loads what every synth
 * loads anyway): the first call (cold, as a synth makes it) and the median of warmed calls. Two
 * sets of path patterns: a realistic one, and an adversarial one of wildcard-heavy patterns with
 * the same literal beginning, none covering another, most of which no shortcut decides, so that the
 * automata search every pair.
 */
import { findings, FindingsInput } from '../lib/private/findings';

const REALISTIC = [
  '/api/v1/*',
  '/api/v2/*',
  '/api/*',
  '/static/*',
  '/assets/*.css',
  '/assets/*.js',
  '/img/*.png',
  '*.jpg',
  '*.gif',
  '/fonts/*',
  '/media/*.mp4',
  '/downloads/*',
  '/search*',
  '/admin/*',
  '/login',
  '/logout',
  '/account/*',
  '/cart/*',
  '/checkout/*',
  '/graphql',
  '/ws/*',
  '/health',
  '/robots.txt',
  '/sitemap*.xml',
  '/.well-known/*',
];
const ADVERSARIAL = [
  '/*a*?*a*0*',
  '/?*b*?*b*1*',
  '/??*a*?*c*2*',
  '/*b*?*a*3*',
  '/?*a*?*b*4*',
  '/??*b*?*c*5*',
  '/*a*?*a*6*',
  '/?*b*?*b*7*',
  '/??*a*?*c*8*',
  '/*b*?*a*9*',
  '/?*a*?*b*10*',
  '/??*b*?*c*11*',
  '/*a*?*a*12*',
  '/??*a*?*c*14*',
  '/*b*?*a*15*',
  '/?*a*?*b*16*',
  '/??*b*?*c*17*',
  '/*a*?*a*18*',
  '/*b*?*a*21*',
  '/?*a*?*b*22*',
  '/??*b*?*c*23*',
  '/*a*?*a*24*',
  '/?*b*?*b*25*',
  '/*b*?*a*27*',
  '/?*a*?*b*28*',
];

function input(patterns: string[]): FindingsInput {
  return {
    origins: [{ name: 'site', domainName: 'example.com' }],
    defaultCacheBehavior: { targetOrigin: 'site' },
    behaviors: patterns.map((pathPattern) => ({ pathPattern, targetOrigin: 'site' })),
  };
}

export interface FindingsCost {
  readonly name: string;
  readonly firstMs: number;
  readonly warmMs: number;
}

function measure(name: string, patterns: string[]): FindingsCost {
  const props = input(patterns);
  const t0 = process.hrtime.bigint();
  findings(props);
  const firstMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const times: number[] = [];
  for (let i = 0; i < 201; i++) {
    const t = process.hrtime.bigint();
    findings(props);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, firstMs, warmMs: times[100] };
}

/** Both sets, realistic first (so that its first call is the cold one). */
export function findingsCost(): FindingsCost[] {
  findings(input([]));
  return [
    measure('no behaviours', []),
    measure('25 realistic behaviours', REALISTIC),
    measure('25 adversarial behaviours', ADVERSARIAL),
  ];
}

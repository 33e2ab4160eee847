// Hostile inputs, each named for what it tries: size bombs, odd encodings and characters, YAML
// features a scenario never needs (aliases, tags, several documents), and bytes that are no text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SCENARIO_DIR = join(__dirname, '..', '..', 'scenarios');
const DEFAULT = readFileSync(join(SCENARIO_DIR, 'default.yaml'), 'utf8');

const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');
const RTL_AND_INVISIBLE = '\u202e\u2066\u200b\u200d\ufeff\u061c';

export const CORPUS: Record<string, string> = {
  empty: '',
  'only a comment': '# nothing\n',
  'byte order mark': `\ufeff${DEFAULT}`,
  'CRLF line ends': DEFAULT.replace(/\n/g, '\r\n'),
  'bare CR line ends': DEFAULT.replace(/\n/g, '\r'),
  'tabs as indentation': DEFAULT.replace(/^ {2}/gm, '\t'),
  'RTL and zero-width characters in names': DEFAULT.replace('title: One release, seven ways', `title: "${RTL_AND_INVISIBLE}x"`).replace(/name: v2/g, `name: "v2${RTL_AND_INVISIBLE}"`),
  'NUL and control bytes': DEFAULT.replace('seed: 7', 'seed: 7\u0000\u0001\u001b[2J'),
  'lone surrogates': DEFAULT.replace('title: One release, seven ways', 'title: "\ud800\udfff\udc00"'),
  'binary noise': Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join(''),
  'multi-document': `${DEFAULT}---\n${DEFAULT}`,
  'document end marker': `${DEFAULT}...\ngarbage: [\n`,
  'billion laughs (aliases)': `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`,
  'alias to itself': 'a: &a [*a]\n',
  'undefined alias': `${DEFAULT}extra: *nowhere\n`,
  'custom tags': `${DEFAULT}extra: !!binary aGVsbG8=\nmore: !js/function "() => 1"\n`,
  'deep flow nesting': `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
  'deep block nesting': lines(2000, (i) => `${' '.repeat(i)}a:`),
  'deep dash nesting': `x:\n  ${'- '.repeat(5000)}1\n`,
  'long line': `title: ${'x'.repeat(190_000)}\n`,
  'too big': `# ${'x'.repeat(300_000)}\n${DEFAULT}`,
  'many keys': `${DEFAULT}${lines(5000, (i) => `k${i}: ${i}`)}\n`,
  'many list entries': `${DEFAULT.replace(/^objectives:[\s\S]*?(?=^seed)/m, '')}objectives: [${Array.from({ length: 20_000 }, () => 'a').join(',')}]\n`,
  'long enum value': DEFAULT.replace('loadBalancer: round-robin', `loadBalancer: ${'r'.repeat(19_000)}`),
  'long near-identical names': DEFAULT.replace('rollout: { from: v1', `rollout: { from: ${'a'.repeat(150)}b`).replace('name: v1', `name: ${'a'.repeat(151)}`),
  'complex keys': `${DEFAULT}? [a, b]\n: 1\n? { c: d }\n: 2\n`,
  'prototype keys': `${DEFAULT.replace('expect:', 'expect:\n  __proto__: { outcome: promoted }\n  constructor: { outcome: promoted }')}users2: { __proto__: 1 }\n`,
  'huge numbers': DEFAULT.replace('rps: 300', 'rps: 1e308').replace('count: 20000', 'count: .inf').replace('seed: 7', 'seed: -0'),
  'NaN and infinities': DEFAULT.replace('rps: 300', 'rps: .nan').replace('instances: 10', 'instances: -.inf'),
  'huge fleet and queues': DEFAULT.replace('instances: 10, concurrency: 4, queueLimit: 200', 'instances: 10000, concurrency: 10000, queueLimit: 1000000'),
  'tiny intervals': DEFAULT.replace('analysis: { errorRate: { max: 1% }, latencyP99: { max: 800ms } }', 'analysis: { interval: 1ms, errorRate: { max: 1% } }'),
  'forty regions and a segment on the 33rd': DEFAULT.replace(
    'users: { count: 20000 }',
    `users: { count: 20000, regions: { ${Array.from({ length: 40 }, (_, i) => `r${i}: 2.5%`).join(', ')} } }\nfaults:\n  - { kind: segment, version: v2, match: { region: r32 }, rate: 50% }`,
  ),
  'script payloads in every text': DEFAULT.replace('title: One release, seven ways', 'title: "<script>alert(1)</script><img src=x onerror=alert(2)>"').replace(
    /^objectives:$/m,
    'narrative: "[x](javascript:alert(3)) <iframe srcdoc=\\"<script>alert(4)</script>\\"></iframe>"\nobjectives:',
  ),
};

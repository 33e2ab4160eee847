// Acts in the address: every act survives a trip through a link, and a hostile link loses the acts
// it cannot read, each with a sentence, never the page.
import { describe, expect, it } from 'vitest';
import type { Act } from '../../../src/runtime/acts/act';
import { FAULT_PARAMS } from '../../../src/runtime/acts/faultParams';
import { decodeActs, encodeActs } from '../../../src/view/actCodec';
import { pageSearch, readPageParams } from '../../../src/ui/pageParams';
import { FAULT_KINDS } from '../../../src/world/faults/types';

const paletteFault = (kind: (typeof FAULT_KINDS)[number], t: number): Act => ({
  type: 'fault',
  t,
  kind,
  duration: 180,
  params: Object.fromEntries(FAULT_PARAMS[kind].map((p) => [p.name, p.type === 'version' && p.initial !== null ? 'v2' : p.initial])),
});

const story: Act[] = [
  ...FAULT_KINDS.map((kind, i) => paletteFault(kind, 300 + i)),
  { type: 'fault', t: 400, kind: 'instance-loss', duration: null, params: { count: null, zone: 'c', version: null } },
  { type: 'gate', t: 750, event: 'ABORT', run: 4 },
  { type: 'gate', t: 760, event: 'PAUSE', run: null },
  { type: 'flag', t: 620.5, run: 5, rollout: 0.3 },
  { type: 'kill-switch', t: 900, run: 5 },
  { type: 'kill', t: 910, run: 2, instance: 17 },
  { type: 'rule', t: 620, run: 5, change: 'add', rule: { when: { region: 'eu' }, serve: 'on' } },
  { type: 'rule', t: 630, run: 5, change: 'remove', rule: { when: { registeredFor: { atLeast: 86400 } }, serve: 'off' } },
  { type: 'rule', t: 640, run: 5, change: 'add', rule: { when: { beta: false }, serve: 'off' } },
];

describe('acts in the address', () => {
  it('come back exactly as they were written, every fault kind and every act type', () => {
    const decoded = decodeActs(encodeActs(story));
    expect(decoded.problems).toEqual([]);
    expect(decoded.acts).toEqual(story);
  });

  it('are compact and readable: a gate is "second:verb:run", a share a percentage', () => {
    expect(encodeActs([{ type: 'gate', t: 750, event: 'ABORT', run: 4 }, { type: 'flag', t: 600, run: 5, rollout: 0.1 + 0.2 }])).toBe('750:abort:4,600:flag:5:30');
    expect(encodeActs([paletteFault('error-rate', 720)])).toBe('720:error-rate:180:v2:20');
  });

  it('travel through the page address with the view, colons and commas left readable', () => {
    const search = pageSearch({ scenario: 'default', seed: 3, acts: story.slice(-7, -3) });
    expect(search).toBe('?seed=3&acts=760:pause,620.5:flag:5:30,900:kill-switch:5,910:kill:2:17');
    const read = readPageParams(search);
    expect(read.problems).toEqual([]);
    expect(read.acts).toEqual(story.slice(-7, -3));
  });

  it('carry a flag rule as run, what it serves and its condition, readable in the address', () => {
    expect(encodeActs(story.slice(-3))).toBe('620:rule-add:5:on:region=eu,630:rule-remove:5:off:age-min=86400,640:rule-add:5:off:beta=no');
    expect(pageSearch({ scenario: 'default', acts: story.slice(-3, -2) })).toBe('?acts=620:rule-add:5:on:region=eu');
    const { acts, problems } = decodeActs('600:rule-add:5:on:regoin=eu,600:rule-add:5:on,600:rule-remove:5:maybe:beta=yes,600:rule-add:5:on:age-min=-3,600:rule-add:5:on:region=<b>');
    expect(acts).toEqual([]);
    expect(problems[0]).toMatch(/"regoin=eu" is not a rule condition; did you mean "region"\?/);
    expect(problems[1]).toMatch(/"rule-add" takes a run number, on or off, and a condition, e.g. 600:rule-add:5:off:region=eu/);
    expect(problems[2]).toMatch(/a rule serves "on" or "off", not "maybe"/);
    expect(problems[3]).toMatch(/account age "-3" is not a whole number of seconds/);
    expect(problems[4]).toMatch(/region "<b>" is not a name/);
  });

  it('lose only the acts a hostile link garbles, each with a sentence that says why', () => {
    const raw = ['750:abort:4', '-5:abort', '750:abrot', '700:error-rate:60:v2:500', '700:error-rate:60:v2', '1:flag:1e9:10', '700:instance-loss::3:a:', '<script>:x', '600:kill-switch:2'].join(',');
    const { acts, problems } = decodeActs(raw);
    expect(acts).toEqual([{ type: 'gate', t: 750, event: 'ABORT', run: 4 }, { type: 'kill-switch', t: 600, run: 2 }]);
    expect(problems).toHaveLength(7);
    expect(problems[0]).toMatch(/act 2 \("-5:abort"\) was left out: its time "-5" is not a number from 0/);
    expect(problems[1]).toMatch(/"abrot" is not an act; did you mean "abort"\?/);
    expect(problems[2]).toMatch(/rate "500" is not a number from 0 to 100/);
    expect(problems[3]).toMatch(/takes a duration and version, rate \(3 fields after its name\), not 2/);
    expect(problems[4]).toMatch(/run "1e9" is not a run number/);
    expect(problems[5]).toMatch(/either a number of instances or a zone/);
    expect(problems[6]).toMatch(/its time "<script>" is not a number/);
  });

  it('are capped: a link with thousands of acts plays the first few dozen and says so', () => {
    const { acts, problems } = decodeActs(Array.from({ length: 5000 }, (_, i) => `${i}:pause`).join(','));
    expect(acts).toHaveLength(40);
    expect(problems).toEqual([expect.stringMatching(/5000 acts; a story holds at most 40/)]);
  });

  it('reach the page as notices, the other parameters still read', () => {
    const read = readPageParams('?seed=4&acts=zzz');
    expect(read.seed).toBe(4);
    expect(read.acts).toBeUndefined();
    expect(read.problems).toEqual([expect.stringMatching(/act 1 \("zzz"\) was left out/)]);
  });
});

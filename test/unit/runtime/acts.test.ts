// Acts → inject and manual: a palette fault is the very fault a scenario file would declare, a gate
// is the scenario's `manual:` entry, and a flag act moves the share of users after the delay.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src';
import type { Act } from '../../../src/runtime/acts/act';
import { checkActs } from '../../../src/runtime/acts/check';
import { FAULT_PARAMS } from '../../../src/runtime/acts/faultParams';
import { actsToRun, faultOf } from '../../../src/runtime/acts/toRun';
import { faultsSchema, withFaultStarts } from '../../../src/scenario/faults/schema';
import { FAULT_KINDS } from '../../../src/world/faults/types';
import { scenario, version } from '../../support/scenarios';
import { ScenarioSession } from '../../../src/runtime/session';
import { FAILED } from '../../../src/world/fleet';

const palette = (kind: (typeof FAULT_KINDS)[number], t = 300, duration: number | null = 180): Extract<Act, { type: 'fault' }> => ({
  type: 'fault',
  t,
  kind,
  duration,
  params: Object.fromEntries(FAULT_PARAMS[kind].map((p) => [p.name, p.type === 'version' && p.initial !== null ? 'v2' : p.initial])),
});

describe('a palette fault', () => {
  it.each(FAULT_KINDS)('%s is the fault a scenario file declares with the same fields', (kind) => {
    const act = palette(kind);
    // the file form: the same fields by name, shares as fractions, the format's defaults for the rest
    const own = Object.fromEntries(Object.entries(act.params).filter(([, v]) => v !== null));
    const { platform, ...rest } = own;
    const entry = kind === 'segment' ? { ...rest, match: { platform } } : own;
    const parsed = faultsSchema.safeParse([{ kind, label: 'x', at: act.t, duration: act.duration, ...entry }]);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    const declared = withFaultStarts({ faults: parsed.data! }).faults[0];
    expect({ ...faultOf(act, 0), label: 'x' }).toEqual(declared);
  });

  it('is named for reports by who did it, what and when', () => {
    expect(faultOf(palette('latency', 750), 0).label).toBe('you: latency at 12:30');
    expect(faultOf(palette('latency', 750), 2).label).toBe('you: latency at 12:30 (#3)');
  });
});

const s = scenario({
  duration: 900,
  versions: [version('v1'), version('v2')],
  rollout: { from: 'v1', to: 'v2', at: 60 },
  compare: [
    { pattern: 'canary', label: 'canary', options: { steps: [{ setWeight: 0.2 }, { pause: null }, { setWeight: 0.6 }] } },
    { pattern: 'feature-toggle', label: 'toggle', options: { steps: [{ rollout: 0.05 }, { pause: null }], rules: [], propagationDelay: 60, analysis: undefined } },
  ],
});
const labels = s.compare.map((e) => e.label);

describe('acts on a run', () => {
  it("a gate for one run is the manual action the scenario file would script, by that run's label", () => {
    const acted = actsToRun([{ type: 'gate', t: 300, event: 'ABORT', run: 0 }], labels);
    expect(acted).toEqual({ inject: [], manual: [{ t: 300, event: 'ABORT', label: 'canary' }], injectFor: [] });
    const run = runScenario(s, acted).runs;
    expect(run[0].outcome).toBe('rolled-back');
    expect(run[0].decisions.at(-1)).toMatchObject({ t: 300, reason: 'manual abort' });
    expect(run[1].decisions.some((d) => d.reason === 'manual abort')).toBe(false);
  });

  it('a click on an instance kills that instance of that run only, and the others run as before', () => {
    const plain = runScenario(s).runs;
    const acted = actsToRun([{ type: 'kill', t: 300, run: 1, instance: 3 }], labels);
    expect(acted.inject).toEqual([]);
    expect(acted.injectFor).toEqual([{ label: 'toggle', fault: expect.objectContaining({ kind: 'instance-loss', instance: 3, start: { at: 300 }, label: 'you: killed instance 3 at 5:00' }) }]);
    // just after the click, exactly that instance of that run has failed
    const session = new ScenarioSession(s, acted);
    session.advance(300.5);
    const failedIn = (k: number) => Array.from({ length: session.runs[k].world.fleet.count }, (_, i) => i).filter((i) => session.runs[k].world.fleet.state[i] === FAILED);
    expect(failedIn(1)).toEqual([3]);
    expect(failedIn(0)).toEqual([]);
    const runs = session.finish().runs;
    expect(runs[0]).toEqual(plain[0]);
    expect(runs[1].faults.find((f) => f.label === 'you: killed instance 3 at 5:00')?.startedAt).toBe(300);
  });

  it('a gate for every run leaves out the label', () => {
    expect(actsToRun([{ type: 'gate', t: 300, event: 'PAUSE', run: null }], labels).manual).toEqual([{ t: 300, event: 'PAUSE' }]);
  });

  it('the flag console moves the share of users on the new code, reaching every instance only after the propagation delay', () => {
    const before = runScenario(s, { seriesBucket: 30 }).runs[1];
    const after = runScenario(s, { seriesBucket: 30, ...actsToRun([{ type: 'flag', t: 300, run: 1, rollout: 0.5 }], labels) }).runs[1];
    const share = (r: typeof before, t: number) => r.series!.versions.v2.weight[r.series!.t.indexOf(t)];
    // buckets start at t: [270, 300) is before the change; [360, 390) after every instance has it
    expect(share(after, 270)).toBe(share(before, 270));
    expect(share(before, 360)).toBeLessThan(0.1);
    expect(share(after, 360)).toBeGreaterThan(0.4);
    expect(share(after, 360)).toBeLessThan(0.6);
    // while the change travels, part of the fleet serves the new share
    expect(share(after, 300)).toBeGreaterThan(share(before, 300) + 0.05);
    expect(share(after, 300)).toBeLessThan(share(after, 360) - 0.05);
    expect(after.decisions.find((d) => d.reason === 'manual flag')?.text).toBe('5:00 toggle flag set by hand from 5% to 50% of users; every instance has it by 6:00');
  });

  it('the kill switch is the flag turned off by hand', () => {
    const acted = actsToRun([{ type: 'kill-switch', t: 300, run: 1 }], labels);
    expect(acted.manual).toEqual([{ t: 300, event: 'FLAG_OFF', label: 'toggle' }]);
    expect(runScenario(s, acted).runs[1].outcome).toBe('rolled-back');
  });

  it('a flag act on a run without a flag says so in its log and changes nothing else', () => {
    const plain = runScenario(s).runs[0];
    const acted = runScenario(s, actsToRun([{ type: 'flag', t: 300, run: 0, rollout: 0.5 }], labels)).runs[0];
    expect(acted.decisions.at(-1)!.text).toMatch(/no feature flag: nothing changed/);
    // the same run but for the sentence (and the one scheduled event that wrote it)
    expect({ ...acted, decisions: [], events: 0 }).toEqual({ ...plain, decisions: [], events: 0 });
    expect(acted.decisions.slice(0, -1)).toEqual(plain.decisions);
  });

  it('acts naming what the scenario lacks are left out with a sentence each', () => {
    const checked = checkActs(
      [
        { type: 'gate', t: 300, event: 'ABORT', run: 7 },
        { ...palette('error-rate'), params: { version: 'v9', rate: 0.1 } },
        { ...palette('segment'), params: { version: 'v2', platform: 'symbian', rate: 0.1 } },
        { type: 'gate', t: 9999, event: 'PAUSE', run: null },
        { type: 'gate', t: 300, event: 'PAUSE', run: 1 },
      ],
      s,
    );
    expect(checked.acts).toEqual([{ type: 'gate', t: 300, event: 'PAUSE', run: 1 }]);
    expect(checked.problems).toEqual([
      'Act 1 (abort at 5:00) was left out: it names run 7, but this scenario has runs 0 to 1.',
      'Act 2 (error-rate at 5:00) was left out: there is no version "v9"; the versions are v1, v2.',
      'Act 3 (segment at 5:00) was left out: there is no platform "symbian"; the platforms are web, ios, android.',
      'Act 4 (pause at 2:46:39) was left out: it comes at 2:46:39, after the run ends at 15:00.',
    ]);
  });
});

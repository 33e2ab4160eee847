// Acts → what the runtime schedules: faults injected into every run (`inject`) and human actions
// sent to one run's statechart or all of them (`manual`). The one place an act gets its meaning, so
// the page, the worker and the tests agree on what a story does.
import { clock } from '../../patterns/decisions';
import type { ManualAction } from '../../patterns/manualAction';
import type { Fault } from '../../world/faults/types';
import type { Act } from './act';

export interface ActedRun {
  inject: Fault[];
  manual: ManualAction[];
  injectFor: Array<{ label: string; fault: Fault }>;
}

/** `labels`: the runs' labels in compare order (acts name runs by index, the runtime by label). */
export function actsToRun(acts: Act[], labels: string[]): ActedRun {
  const inject: Fault[] = [];
  const manual: ManualAction[] = [];
  const injectFor: ActedRun['injectFor'] = [];
  const label = (run: number) => {
    if (!(run >= 0 && run < labels.length)) throw new Error(`an act names run ${run}, but the scenario has ${labels.length} runs (0 to ${labels.length - 1})`);
    return labels[run];
  };
  acts.forEach((act) => {
    switch (act.type) {
      case 'fault':
        inject.push(faultOf(act, inject.length));
        return;
      case 'gate':
        manual.push({ t: act.t, event: act.event, ...(act.run === null ? {} : { label: label(act.run) }) });
        return;
      case 'flag':
        manual.push({ t: act.t, event: 'FLAG_SET', rollout: act.rollout, label: label(act.run) });
        return;
      case 'rule':
        manual.push({ t: act.t, event: 'FLAG_RULE', rule: { change: act.change, rule: act.rule }, label: label(act.run) });
        return;
      case 'kill-switch':
        manual.push({ t: act.t, event: 'FLAG_OFF', label: label(act.run) });
        return;
      case 'kill':
        injectFor.push({ label: label(act.run), fault: killOf(act) });
        return;
    }
  });
  return { inject, manual, injectFor };
}

type FaultAct = Extract<Act, { type: 'fault' }>;

/** A clicked instance dies: an instance loss of that one instance; its 503s are charged to it for 2 min. */
function killOf(act: Extract<Act, { type: 'kill' }>): Fault {
  return {
    kind: 'instance-loss',
    label: `you: killed instance ${act.instance} at ${clock(act.t)}`,
    start: { at: act.t },
    duration: 120,
    count: null,
    zone: null,
    instance: act.instance,
    version: null,
  };
}

/** The palette's fault as the engine's, with the scenario format's defaults for what it leaves out. */
export function faultOf(act: FaultAct, index: number): Fault {
  const p = act.params;
  const num = (name: string) => p[name] as number;
  const str = (name: string) => p[name] as string;
  const orNull = <T>(v: T | undefined | null) => (v === undefined ? null : v);
  // "you: error-rate at 12:30" names it in reports; the index keeps two identical acts apart
  const base = { start: { at: act.t }, duration: act.duration, label: `you: ${act.kind} at ${clock(act.t)}${index > 0 ? ` (#${index + 1})` : ''}` };
  switch (act.kind) {
    case 'error-rate':
      return { ...base, kind: act.kind, version: str('version'), rate: num('rate') };
    case 'latency':
      return { ...base, kind: act.kind, version: str('version'), factor: num('factor'), add: 0, above: null };
    case 'crash-loop':
      return { ...base, kind: act.kind, version: str('version'), after: orNull(p.after as number | null) };
    case 'memory-leak':
      return { ...base, kind: act.kind, version: str('version'), per: num('per'), errorRate: num('errorRate'), factor: 1 };
    case 'segment':
      return { ...base, kind: act.kind, version: str('version'), match: { platform: str('platform') }, rate: num('rate') };
    case 'conversion-drop':
      return { ...base, kind: act.kind, version: str('version'), drop: num('drop') };
    case 'dependency-outage':
      return { ...base, kind: act.kind, rate: num('rate') };
    case 'instance-loss':
      // the loss itself is an instant; its duration is the window its 503s are charged to (default 2m)
      return { ...base, duration: act.duration ?? 120, kind: act.kind, count: orNull(p.count as number | null), zone: orNull(p.zone as string | null), instance: null, version: orNull(p.version as string | null) };
    case 'traffic-spike':
      return { ...base, kind: act.kind, factor: num('factor') };
    case 'mixed-version':
      return { ...base, kind: act.kind, rate: num('rate') };
    case 'cold-start':
      return { ...base, kind: act.kind, version: orNull(p.version as string | null), warmup: num('warmup'), factor: num('factor') };
    case 'bad-writes':
      return { ...base, kind: act.kind, version: str('version'), rate: num('rate'), writes: 0.2 };
    case 'assignment-loss':
      return { ...base, kind: act.kind, version: str('version'), share: num('share') };
  }
}

/**
 * What `after` adds to `before` (a story told further: `before` is a prefix of `after`), in the
 * form a running session takes them (ScenarioSession.addLive); null when `after` does not extend
 * `before`. Each kind's list of `before` is a prefix of the same list of `after`, so the new acts
 * are the lists' tails, named and ordered exactly as from time 0.
 */
export function actsAdded(before: Act[], after: Act[], labels: string[]): ActedRun | null {
  if (after.length < before.length || before.some((act, i) => JSON.stringify(act) !== JSON.stringify(after[i]))) return null;
  const old = actsToRun(before, labels);
  const all = actsToRun(after, labels);
  return { inject: all.inject.slice(old.inject.length), manual: all.manual.slice(old.manual.length), injectFor: all.injectFor.slice(old.injectFor.length) };
}

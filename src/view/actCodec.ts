// Acts in the address, compactly: `?acts=750:abort:4,720:error-rate:180:v2:20` — one act per comma,
// fields by colon: the simulated second, then what was done. A fault carries its duration (empty:
// to the end of the run) and its main parameters in FAULT_PARAMS order (shares as percentages,
// empty: left out); a flag rule its run, what it serves and its condition (`600:rule-add:5:off:region=eu`). A link is read with the same care as the other parameters: each act that cannot
// be read is left out with a sentence saying why, and the rest of the story still plays.
import { GATE_EVENTS, MAX_ACTS, type Act, type GateEvent } from '../runtime/acts/act';
import { FAULT_PARAMS, ZONES, type FaultParam } from '../runtime/acts/faultParams';
import { FAULT_KINDS, type FaultKind } from '../world/faults/types';
import { didYouMean } from '../scenario/didYouMean';
import { decodeRule, encodeRule } from '../runtime/acts/flagRule';

const MAX_TIME = 366 * 86_400; // a scenario's duration is at most a year
const MAX_RUN = 63;
const NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** Rounds away float noise: 0.1 + 0.2 → 0.3, so a link says "30", not "30.000000000000004". */
const tidy = (x: number) => Math.round(x * 1e6) / 1e6;
const percent = (share: number) => String(tidy(share * 100));

export function encodeActs(acts: Act[]): string {
  return acts.map(encodeAct).join(',');
}

function encodeAct(act: Act): string {
  const t = String(tidy(act.t));
  switch (act.type) {
    case 'gate':
      return [t, act.event.toLowerCase(), ...(act.run === null ? [] : [String(act.run)])].join(':');
    case 'flag':
      return [t, 'flag', act.run, percent(act.rollout)].join(':');
    case 'kill-switch':
      return [t, 'kill-switch', act.run].join(':');
    case 'rule':
      return [t, `rule-${act.change}`, act.run, encodeRule(act.rule)].join(':');
    case 'kill':
      return [t, 'kill', act.run, act.instance].join(':');
    case 'fault': {
      const params = FAULT_PARAMS[act.kind].map((p) => {
        const v = act.params[p.name];
        return v === null || v === undefined ? '' : p.type === 'share' ? percent(v as number) : String(v);
      });
      return [t, act.kind, act.duration === null ? '' : String(tidy(act.duration)), ...params].join(':');
    }
  }
}

export interface DecodedActs {
  acts: Act[];
  problems: string[];
}

export function decodeActs(raw: string): DecodedActs {
  const acts: Act[] = [];
  const problems: string[] = [];
  const parts = raw.split(',').filter((p) => p.trim() !== '');
  if (parts.length > MAX_ACTS) problems.push(`The address has ${parts.length} acts; a story holds at most ${MAX_ACTS}, so only the first ${MAX_ACTS} are played.`);
  parts.slice(0, MAX_ACTS).forEach((part, i) => {
    try {
      acts.push(decodeAct(part.trim()));
    } catch (e) {
      const shown = part.length > 60 ? `${part.slice(0, 60)}…` : part;
      problems.push(`The address's act ${i + 1} ("${shown}") was left out: ${(e as Error).message}.`);
    }
  });
  return { acts, problems };
}

function decodeAct(text: string): Act {
  const [time, verb = '', ...rest] = text.split(':');
  const t = number(time, 'its time', 0, MAX_TIME);
  const gate = GATE_EVENTS.find((e) => e.toLowerCase() === verb);
  if (gate) {
    if (rest.length > 1) throw new Error(`"${verb}" takes at most a run number`);
    return { type: 'gate', t, event: gate as GateEvent, run: rest.length === 0 || rest[0] === '' ? null : run(rest[0]) };
  }
  if (verb === 'flag') {
    if (rest.length !== 2) throw new Error('"flag" takes a run number and a percentage, e.g. 600:flag:5:30');
    return { type: 'flag', t, run: run(rest[0]), rollout: number(rest[1], 'the percentage', 0, 100) / 100 };
  }
  if (verb === 'kill-switch') {
    if (rest.length !== 1) throw new Error('"kill-switch" takes a run number, e.g. 600:kill-switch:5');
    return { type: 'kill-switch', t, run: run(rest[0]) };
  }
  if (verb === 'rule-add' || verb === 'rule-remove') {
    if (rest.length !== 3) throw new Error(`"${verb}" takes a run number, on or off, and a condition, e.g. 600:${verb}:5:off:region=eu`);
    return { type: 'rule', t, run: run(rest[0]), change: verb === 'rule-add' ? 'add' : 'remove', rule: decodeRule(rest[1], rest[2]) };
  }
  if (verb === 'kill') {
    if (rest.length !== 2) throw new Error('"kill" takes a run number and an instance id, e.g. 600:kill:4:7');
    if (!/^\d{1,7}$/.test(rest[1])) throw new Error(`the instance id "${rest[1].slice(0, 30)}" is not a whole number`);
    return { type: 'kill', t, run: run(rest[0]), instance: Number(rest[1]) };
  }
  if ((FAULT_KINDS as string[]).includes(verb)) return decodeFault(t, verb as FaultKind, rest);
  const known = [...GATE_EVENTS.map((e) => e.toLowerCase()), 'flag', 'rule-add', 'rule-remove', 'kill-switch', 'kill', ...FAULT_KINDS];
  throw new Error(`"${verb.slice(0, 30)}" is not an act${didYouMean(verb, known)} (acts: ${known.join(', ')})`);
}

function decodeFault(t: number, kind: FaultKind, fields: string[]): Act {
  const spec = FAULT_PARAMS[kind];
  if (fields.length !== spec.length + 1) throw new Error(`a ${kind} fault takes a duration and ${spec.map((p) => p.name).join(', ')} (${spec.length + 1} fields after its name), not ${fields.length}`);
  const [duration, ...values] = fields;
  const params: Record<string, string | number | null> = {};
  spec.forEach((p, k) => (params[p.name] = param(p, values[k])));
  if (kind === 'instance-loss' && (params.count === null) === (params.zone === null)) throw new Error('an instance loss names either a number of instances or a zone');
  return { type: 'fault', t, kind, duration: duration === '' ? null : number(duration, 'its duration', 1, MAX_TIME), params };
}

function param(p: FaultParam, raw: string): string | number | null {
  if (raw === '') {
    if (p.optional) return null;
    throw new Error(`${p.name} is missing`);
  }
  switch (p.type) {
    case 'share':
      return number(raw, p.name, (p.min ?? 0) * 100, (p.max ?? 1) * 100) / 100;
    case 'number':
    case 'seconds':
      return number(raw, p.name, p.min ?? 0, p.max ?? Number.MAX_SAFE_INTEGER);
    case 'zone':
      if (!ZONES.includes(raw)) throw new Error(`zone "${raw}" is not one of ${ZONES.join(', ')}`);
      return raw;
    case 'version':
    case 'text':
      if (!NAME.test(raw)) throw new Error(`${p.name} "${raw.slice(0, 30)}" is not a name (letters, digits, ".", "_", "-")`);
      return raw;
  }
}

function number(raw: string, what: string, min: number, max: number): number {
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) throw new Error(`${what} "${raw.slice(0, 30)}" is not a number from ${min} to ${max}`);
  return value;
}

function run(raw: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > MAX_RUN) throw new Error(`run "${raw.slice(0, 30)}" is not a run number (0 for the first)`);
  return value;
}

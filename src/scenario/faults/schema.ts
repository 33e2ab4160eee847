// The `faults:` section: one mapping per fault, tagged by `kind` → the engine's `Fault` (see
// src/world/faults/types.ts). Starts left out default to the rollout's start, filled in once the
// whole file is parsed (withFaultStarts).
import { z } from 'zod';
import { FAULT_KINDS, type Fault, type FaultKind, type FaultStart } from '../../world/faults/types';
import { closed } from '../closed';
import { rule } from '../knobs/rules';
import { LIMITS, exceeds } from '../limits';
import { describeValue } from '../messages';
import type { RolloutSpec } from '../types';
import { FAULTS } from './kinds';
import { COMMON, startRule } from './start';

/** A fault as parsed, before the default start is known (undefined: start with the rollout). */
type Parsed<K extends FaultKind> = Omit<Extract<Fault, { kind: K }>, 'start'> & { start: FaultStart | undefined };
type ParsedFault = { [K in FaultKind]: Parsed<K> }[FaultKind];

// Compile-time check that each kind's own fields parse to exactly the fields of the engine's `Fault`
// (same names, values it accepts; the shared label, start and duration are normalised below).
type Own<K extends FaultKind> = Omit<z.output<z.ZodObject<(typeof FAULTS)[K]['shape']>>, 'duration'>;
type Target<K extends FaultKind> = Omit<Extract<Fault, { kind: K }>, 'kind' | 'start' | 'duration' | 'label'>;
type Same<A, B> = [A] extends [B] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false;
const _own: { [K in FaultKind]: Same<Own<K>, Target<K>> } = {
  'error-rate': true,
  latency: true,
  'crash-loop': true,
  'memory-leak': true,
  segment: true,
  'conversion-drop': true,
  'dependency-outage': true,
  'instance-loss': true,
  'traffic-spike': true,
  'mixed-version': true,
  'cold-start': true,
  'bad-writes': true,
};
void _own;

/** Common fields → label (default: the kind), start (at or when) and duration (default: open-ended). */
function normalise({ kind, label, at, when, duration, ...own }: Record<string, unknown>): ParsedFault {
  const start = at !== undefined ? { at: at as number } : (when as FaultStart | undefined);
  return { kind, label: label ?? kind, start, duration: duration ?? null, ...own } as ParsedFault;
}

function entrySchema(kind: FaultKind) {
  const { description, shape, rule: check } = FAULTS[kind] as (typeof FAULTS)[FaultKind];
  return closed({ kind: z.literal(kind).describe('The fault kind.'), ...COMMON, ...shape }, description)
    .check(rule(startRule))
    .check(rule((f, report) => check?.(f as never, report)))
    .transform(normalise);
}

const entries = FAULT_KINDS.map(entrySchema);

/** `- latency` instead of `- { kind: latency, … }`. */
function notAMapping(iss: z.core.$ZodRawIssue): string | undefined {
  return iss.code === 'invalid_type' && typeof iss.input === 'string' ? `expected a mapping like { kind: ${iss.input}, … }, got ${describeValue(iss.input)}` : undefined;
}

/** The list of faults; every fault hits every compared run. */
export const faultsSchema = z
  .array(z.discriminatedUnion('kind', entries as [(typeof entries)[number], ...(typeof entries)[number][]], { error: notAMapping }))
  .max(LIMITS.faults, { error: (iss) => exceeds(`${(iss.input as unknown[]).length} faults`, 'faults') })
  .describe('Failures injected into every compared run, e.g. { kind: error-rate, version: v2, rate: 5% }. Default: none.');

/** Gives the faults without `at` or `when` their default start: the rollout's start, or 0. */
export function withFaultStarts<S extends { rollout?: RolloutSpec; faults: ParsedFault[] }>(scenario: S): Omit<S, 'faults'> & { faults: Fault[] } {
  const at = scenario.rollout?.at ?? 0;
  return { ...scenario, faults: scenario.faults.map((f) => ({ ...f, start: f.start ?? { at } })) };
}

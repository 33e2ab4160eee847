// The grid of `sim sweep --vary PATH=LO..HI --steps N`: which scenario field to change, and the
// values it takes. Paths address the parsed scenario, with list entries picked by name or label:
// versions.v2.errorRate, compare.canary-baseline.analysis.alpha, traffic.rps.
import type { Scenario } from '../../scenario/types';
import { parseDuration, parsePercent } from '../../scenario/units';
import { CliError } from '../errors';

interface Vary {
  path: string[];
  values: number[];
  /** the values as the user wrote their kind: "0.2%" stays a percentage in the report */
  labels: string[];
}

function parseValue(word: string): { value: number; percent: boolean } {
  if (word.endsWith('%')) {
    const v = parsePercent(word);
    if (v !== undefined) return { value: v, percent: true };
  } else if (/^-?\d+(\.\d+)?(e-?\d+)?$/.test(word)) return { value: Number(word), percent: false };
  else {
    const d = parseDuration(word);
    if (d !== undefined) return { value: d, percent: false };
  }
  throw new CliError(`--vary: "${word}" is not a number, a percentage (0.5%) or a duration (90s)`);
}

export function parseVary(spec: string, steps: number): Vary {
  const m = /^([A-Za-z0-9_.-]+)=([^.][^]*?)\.\.(.+)$/.exec(spec);
  if (!m) throw new CliError(`--vary expects PATH=LO..HI, e.g. versions.v2.errorRate=0.2%..5%, got "${spec}"`);
  const lo = parseValue(m[2]);
  const hi = parseValue(m[3]);
  const values = Array.from({ length: steps }, (_, i) => (steps === 1 ? lo.value : lo.value + ((hi.value - lo.value) * i) / (steps - 1)));
  const labels = values.map((v) => (lo.percent ? `${Number((v * 100).toPrecision(4))}%` : String(Number(v.toPrecision(6)))));
  return { path: m[1].split('.'), values, labels };
}

/** A copy of the scenario with the field at `path` set to `value`; a clear error names a wrong path. */
export function withValue(scenario: Scenario, path: string[], value: number): Scenario {
  const copy = structuredClone(scenario) as unknown as Record<string, unknown>;
  let node: unknown = copy;
  for (let i = 0; i < path.length - 1; i++) node = step(node, path[i], path.slice(0, i + 1));
  const last = path[path.length - 1];
  const holder = (Array.isArray(node) ? undefined : node) as Record<string, unknown> | undefined;
  if (holder === undefined || typeof holder !== 'object' || typeof holder[last] !== 'number') {
    const keys = holder && typeof holder === 'object' ? Object.keys(holder).filter((k) => typeof holder[k] === 'number') : [];
    throw new CliError(`--vary: ${path.join('.')} is not a number in this scenario${keys.length ? `; numbers here: ${keys.join(', ')}` : ''}`);
  }
  holder[last] = value;
  return copy as unknown as Scenario;
}

function step(node: unknown, key: string, at: string[]): unknown {
  if (Array.isArray(node)) {
    const found = node.find((e) => e && (e.name === key || e.label === key)) ?? (/^\d+$/.test(key) ? node[Number(key)] : undefined);
    if (found === undefined) {
      const names = node.map((e) => e?.name ?? e?.label).filter(Boolean);
      throw new CliError(`--vary: no entry "${key}" at ${at.slice(0, -1).join('.')}; the entries are ${names.join(', ')}`);
    }
    // compare entries keep their knobs under options
    return 'pattern' in found && 'options' in found ? found.options : found;
  }
  if (node && typeof node === 'object' && key in node) return (node as Record<string, unknown>)[key];
  throw new CliError(`--vary: no field "${key}" at ${at.join('.')}`);
}

// What the page's address holds: `?scenario=NAME` picks a built-in scenario, `?seed=N` overrides its
// seed, `?panels=0,2,4` the runs shown, `?t=` the playhead in simulated seconds, `?speed=` the
// playback speed. A link reproduces the view this way. A bad value is reported, never silently
// dropped.
import { clampSpeed, MAX_SPEED, MIN_SPEED } from '../view/playback';
import type { Act } from '../runtime/acts/act';
import { decodeActs, encodeActs } from '../view/actCodec';

export interface PageParams {
  /** a file name under scenarios/, without ".yaml" */
  scenario: string;
  seed?: number;
  /** indices (compare order) of the runs shown; all when absent */
  panels?: number[];
  /** playhead, simulated seconds */
  t?: number;
  speed?: number;
  /** the learner's acts (see actCodec): a link replays the same story */
  acts?: Act[];
  /** the what-if's one extra act, shown beside the story */
  whatif?: Act;
  /** sentences for the reader about parameters that could not be used */
  problems: string[];
}

const MAX_SEED = 4_294_967_295; // the scenario schema's own bound
/** What a built-in scenario's name can be: a file name under scenarios/. */
const SCENARIO_NAME = /^[A-Za-z0-9._-]{1,100}$/;

function readScenario(raw: string | null, problems: string[]): string {
  const name = raw?.trim() || 'default';
  if (SCENARIO_NAME.test(name)) return name;
  const shown = name.length > 60 ? `${name.slice(0, 60)}…` : name;
  problems.push(`The address asks for a scenario called "${shown}", but scenario names are made of letters, digits, ".", "_" and "-"; the default scenario is shown instead.`);
  return 'default';
}
/** runs are numbered from 0 in compare order; a scenario compares at most a few dozen */
const MAX_PANELS = 64;

function readSeed(raw: string, problems: string[]): number | undefined {
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED) return value;
  problems.push(`The address asks for seed "${raw}", but a seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}; the scenario's own seed is used instead.`);
  return undefined;
}

function readPanels(raw: string, problems: string[]): number[] | undefined {
  const parts = raw.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (raw.trim() !== '' && values.every((v) => Number.isInteger(v) && v >= 0 && v < MAX_PANELS)) return [...new Set(values)].sort((a, b) => a - b);
  problems.push(`The address asks for panels "${raw}", but panels are run numbers (0 for the first) separated by commas; every run is shown instead.`);
  return undefined;
}

function readTime(raw: string, problems: string[]): number | undefined {
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(value) && value >= 0) return value;
  problems.push(`The address asks for time "${raw}", but a time is a number of simulated seconds, 0 or more; the run starts from the beginning instead.`);
  return undefined;
}

function readSpeed(raw: string, problems: string[]): number | undefined {
  const value = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(value) && value >= MIN_SPEED && value <= MAX_SPEED) return clampSpeed(value);
  problems.push(`The address asks for speed "${raw}", but a speed is from ${MIN_SPEED} to ${MAX_SPEED} simulated seconds per second; the usual speed is used instead.`);
  return undefined;
}

function readActs(raw: string, problems: string[]): Act[] | undefined {
  const decoded = decodeActs(raw);
  problems.push(...decoded.problems);
  return decoded.acts.length > 0 ? decoded.acts : undefined;
}

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const scenario = readScenario(params.get('scenario'), problems);
  const get = <T>(name: string, read: (raw: string, problems: string[]) => T | undefined): T | undefined => {
    const raw = params.get(name);
    return raw === null ? undefined : read(raw, problems);
  };
  return {
    scenario,
    seed: get('seed', readSeed),
    panels: get('panels', readPanels),
    t: get('t', readTime),
    speed: get('speed', readSpeed),
    acts: get('acts', readActs),
    whatif: get('whatif', (raw, problems) => readActs(raw, problems)?.[0]),
    problems,
  };
}

/** The address for a view, in a stable order, leaving out what is at its default. */
export function pageSearch(view: { scenario: string; seed?: number; panels?: number[]; t?: number; speed?: number; acts?: Act[]; whatif?: Act | null }): string {
  const params = new URLSearchParams();
  if (view.scenario !== 'default') params.set('scenario', view.scenario);
  if (view.seed !== undefined) params.set('seed', String(view.seed));
  if (view.panels !== undefined) params.set('panels', view.panels.join(','));
  if (view.t !== undefined) params.set('t', String(Math.round(view.t)));
  if (view.speed !== undefined) params.set('speed', String(view.speed));
  if (view.acts !== undefined && view.acts.length > 0) params.set('acts', encodeActs(view.acts));
  if (view.whatif) params.set('whatif', encodeActs([view.whatif]));
  const text = params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%3D/g, '=');
  return text ? `?${text}` : '';
}

// What the page's address asks for: `?scenario=NAME` picks a built-in scenario, `?seed=N` overrides
// its seed. Links can share an exact run this way. A bad value is reported, never silently dropped.

export interface PageParams {
  /** a file name under scenarios/, without ".yaml" */
  scenario: string;
  seed?: number;
  /** sentences for the reader about parameters that could not be used */
  problems: string[];
}

const MAX_SEED = 4_294_967_295; // the scenario schema's own bound
/** What a built-in scenario's name can be: a file name under scenarios/. */
const SCENARIO_NAME = /^[A-Za-z0-9._-]{1,100}$/;

export function readPageParams(search: string): PageParams {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  let scenario = params.get('scenario')?.trim() || 'default';
  if (!SCENARIO_NAME.test(scenario)) {
    const shown = scenario.length > 60 ? `${scenario.slice(0, 60)}…` : scenario;
    problems.push(`The address asks for a scenario called "${shown}", but scenario names are made of letters, digits, ".", "_" and "-"; the default scenario is shown instead.`);
    scenario = 'default';
  }

  let seed: number | undefined;
  const rawSeed = params.get('seed');
  if (rawSeed !== null) {
    const value = Number(rawSeed);
    if (rawSeed.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_SEED) seed = value;
    else problems.push(`The address asks for seed "${rawSeed}", but a seed is a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}; the scenario's own seed is used instead.`);
  }
  return { scenario, seed, problems };
}

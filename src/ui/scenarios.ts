// The scenarios shipped with the site, bundled as text. The default one is in the first download;
// the others are fetched only when the address asks for them (`?scenario=NAME`).
import defaultText from '../../scenarios/default.yaml?raw';

export interface BuiltinScenario {
  /** the name used in `?scenario=` */
  name: string;
  /** the name shown in error positions */
  file: string;
  text: string;
}

export const DEFAULT_SCENARIO: BuiltinScenario = { name: 'default', file: 'default.yaml', text: defaultText };

const others = import.meta.glob<string>(['/scenarios/*.yaml', '!/scenarios/default.yaml'], {
  query: '?raw',
  import: 'default',
});

const nameOf = (path: string) => path.slice('/scenarios/'.length, -'.yaml'.length);

/** Every built-in scenario's name, for telling the reader what exists. */
export const BUILTIN_NAMES: string[] = ['default', ...Object.keys(others).map(nameOf).sort()];

/** The named scenario, or null when no such file ships with the site. */
export async function loadBuiltinScenario(name: string): Promise<BuiltinScenario | null> {
  if (name === DEFAULT_SCENARIO.name) return DEFAULT_SCENARIO;
  const load = others[`/scenarios/${name}.yaml`];
  return load ? { name, file: `${name}.yaml`, text: await load() } : null;
}

/** Downloads every built-in scenario's text ahead of need (each a small file), so a card opens at once. */
export function prefetchBuiltinScenarios(): void {
  for (const load of Object.values(others)) void load().catch(() => undefined);
}

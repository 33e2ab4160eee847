// Loads the built-in scenario the address (or the picker) names; the default one is ready at once,
// so the usual page starts simulating without waiting for another download.
import { useEffect, useState } from 'react';
import { DEFAULT_SCENARIO, loadBuiltinScenario, type BuiltinScenario } from './scenarios';

export type BuiltinScenarioState =
  | { status: 'loading' }
  | { status: 'ready'; scenario: BuiltinScenario }
  | { status: 'missing' }
  | { status: 'failed'; message: string };

export function useBuiltinScenario(name: string): BuiltinScenarioState {
  const [state, setState] = useState<BuiltinScenarioState>(() =>
    name === DEFAULT_SCENARIO.name ? { status: 'ready', scenario: DEFAULT_SCENARIO } : { status: 'loading' },
  );

  useEffect(() => {
    if (name === DEFAULT_SCENARIO.name) {
      setState({ status: 'ready', scenario: DEFAULT_SCENARIO });
      return;
    }
    let current = true;
    setState((state) => (state.status === 'ready' && state.scenario.name === name ? state : { status: 'loading' }));
    loadBuiltinScenario(name).then(
      (scenario) => current && setState(scenario ? { status: 'ready', scenario } : { status: 'missing' }),
      (e: unknown) => current && setState({ status: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      current = false;
    };
  }, [name]);

  return state;
}

// The page: product header, then the scenario named by the address (the default one unless
// `?scenario=` says otherwise), simulated with the address's `?seed=` if given.
import { useMemo } from 'react';
import { readPageParams } from './pageParams';
import { BUILTIN_NAMES } from './scenarios';
import { useBuiltinScenario } from './useBuiltinScenario';
import { Workbench } from './Workbench';

export function App() {
  const params = useMemo(() => readPageParams(window.location.search), []);
  const builtin = useBuiltinScenario(params.scenario);

  return (
    <div className="page">
      <header className="masthead">
        <h1>
          <img src="./favicon.svg" alt="" width="28" height="28" /> Rollout Lab
        </h1>
        <p className="tagline">
          See how deployment strategies handle the same release, the same traffic and the same faults,
          simulated in your browser.
        </p>
      </header>
      <main>
        {params.problems.map((problem) => (
          <p key={problem} className="notice" role="status">
            {problem}
          </p>
        ))}
        {builtin.status === 'loading' && <p className="run-status">Loading the scenario…</p>}
        {builtin.status === 'missing' && (
          <section className="problems" role="alert">
            <h2>No scenario called “{params.scenario}”</h2>
            <p>
              The address asks for <code>?scenario={params.scenario}</code>. The scenarios that come with
              Rollout Lab are: {BUILTIN_NAMES.map((name, i) => (
                <span key={name}>
                  {i > 0 && ', '}
                  <a href={`?scenario=${encodeURIComponent(name)}`}>{name}</a>
                </span>
              ))}
              .
            </p>
          </section>
        )}
        {builtin.status === 'failed' && (
          <section className="problems" role="alert">
            <h2>The scenario could not be loaded</h2>
            <p>{builtin.message}. Check your connection and reload the page.</p>
          </section>
        )}
        {builtin.status === 'ready' && (
          <Workbench key={builtin.scenario.file} builtin={builtin.scenario} seed={params.seed} />
        )}
      </main>
      <footer className="footer">
        Everything runs in your browser: the simulation is deterministic, so the same scenario and seed
        always give the same figures, here and in the command-line runner.
      </footer>
    </div>
  );
}

// The page: the scenario library, then the chosen scenario streamed side by side. The address names
// the scenario (`?scenario=`, the default one otherwise) and the view; a file from disk, picked or
// dropped anywhere on the page, replaces the built-in one.
import { useEffect, useState } from 'react';
import { readPageParams, type PageParams } from './pageParams';
import { ScenarioPicker } from './ScenarioPicker';
import { BUILTIN_NAMES, type BuiltinScenario } from './scenarios';
import { useBuiltinScenario } from './useBuiltinScenario';
import { Workbench } from './Workbench';
import { PageTools } from './PageTools';

export function App() {
  const [params, setParams] = useState<PageParams>(() => readPageParams(window.location.search));
  const [local, setLocal] = useState<BuiltinScenario | null>(null);
  // each opened file is a new workbench, even the same file twice
  const [opened, setOpened] = useState(0);
  const builtin = useBuiltinScenario(params.scenario);

  const pick = (name: string) => {
    setLocal(null);
    setParams({ scenario: name, problems: [] });
    window.history.pushState(null, '', name === 'default' ? window.location.pathname : `?scenario=${encodeURIComponent(name)}`);
  };
  const openFile = (file: File) => {
    file.text().then((text) => {
      setLocal({ name: file.name, file: file.name, text });
      setOpened((n) => n + 1);
    });
  };

  // A scenario file dropped anywhere on the page opens it.
  useEffect(() => {
    const over = (event: DragEvent) => event.preventDefault();
    const drop = (event: DragEvent) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file) openFile(file);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('drop', drop);
    };
  }, []);
  // Back and forward move between the scenarios picked.
  useEffect(() => {
    const back = () => {
      setLocal(null);
      setParams(readPageParams(window.location.search));
    };
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);

  const scenario = local ?? (builtin.status === 'ready' ? builtin.scenario : null);
  // A scenario on the page folds the picker to a bar, so the panels come into view.
  const chosen = local !== null || builtin.status === 'ready' || builtin.status === 'loading';
  return (
    <div className="page">
      <header className="masthead">
        <h1>
          <img src="./favicon.svg" alt="" width="28" height="28" /> Rollout Lab
        </h1>
        <p className="tagline">The same release, the same traffic, the same faults: watch every deployment pattern handle it, side by side.</p>
        <PageTools />
      </header>
      <main>
        <ScenarioPicker current={local ? '' : params.scenario} localFile={local?.name} chosen={chosen} onPick={pick} onFile={openFile} />
        {params.problems.map((problem) => (
          <p key={problem} className="notice" role="status">
            {problem}
          </p>
        ))}
        {!local && builtin.status === 'loading' && <p className="run-status">Loading the scenario…</p>}
        {!local && builtin.status === 'missing' && (
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
        {!local && builtin.status === 'failed' && (
          <section className="problems" role="alert">
            <h2>The scenario could not be loaded</h2>
            <p>{builtin.message}. Check your connection and reload the page.</p>
          </section>
        )}
        {local && <p className="notice">A file from your disk: a link to this page cannot carry it, so the address keeps the last built-in scenario.</p>}
        {scenario && <Workbench key={local ? `local:${opened}` : scenario.file} scenario={scenario} shareName={local ? null : scenario.name} params={params} />}
      </main>
      <footer className="footer">
        Everything runs in your browser: the simulation is deterministic, so the same scenario and seed
        always give the same figures, here and in the command-line runner.
      </footer>
    </div>
  );
}

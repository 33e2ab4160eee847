// What is being simulated: the scenario's title and summary, its seed and simulated duration.
// Shown as soon as the worker has read the file, while the run itself is still going.
import type { ScenarioInfo } from '../runtime/worker';
import { formatDuration } from './duration';

interface Props {
  file: string;
  scenario?: ScenarioInfo;
  /** the seed came from the address rather than from the file */
  seedFromAddress: boolean;
}

export function ScenarioOverview({ file, scenario, seedFromAddress }: Props) {
  return (
    <section className="overview" aria-labelledby="scenario-title">
      {/* Until the file has been read (or when it cannot be), its name stands in for the title. */}
      <p className="eyebrow">{scenario ? `Scenario · ${file}` : 'Scenario'}</p>
      <h2 id="scenario-title">{scenario?.title ?? file}</h2>
      {scenario?.summary && <p className="summary-text">{scenario.summary}</p>}
      {scenario && (
        <dl className="facts">
          <div>
            <dt>Seed</dt>
            <dd data-testid="scenario-seed">
              {scenario.seed}
              {seedFromAddress && <span className="fact-note"> (from the address)</span>}
            </dd>
          </div>
          <div>
            <dt>Simulated time</dt>
            <dd>{formatDuration(scenario.durationSeconds)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

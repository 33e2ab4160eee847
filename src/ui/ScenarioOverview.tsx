// What is being simulated: the scenario's title and summary, its seed and simulated duration.
// Shown as soon as the worker has read the file, while the runs are still streaming.
import { memo } from 'react';
import type { StreamStart } from '../runtime/stream';
import { formatDuration } from './duration';

interface Props {
  file: string;
  start?: StreamStart;
  /** the seed came from the address rather than from the file */
  seedFromAddress: boolean;
}

function ScenarioOverviewView({ file, start, seedFromAddress }: Props) {
  return (
    <section className="overview" aria-labelledby="scenario-title">
      {/* Until the file has been read (or when it cannot be), its name stands in for the title. */}
      <p className="eyebrow">{start ? `Scenario · ${file}` : 'Scenario'}</p>
      <h2 id="scenario-title">{start?.scenario ?? file}</h2>
      {start?.summary && <p className="summary-text">{start.summary}</p>}
      {start && (
        <dl className="facts">
          <div>
            <dt>Seed</dt>
            <dd data-testid="scenario-seed">
              {start.seed}
              {seedFromAddress && <span className="fact-note"> (from the address)</span>}
            </dd>
          </div>
          <div>
            <dt>Simulated time</dt>
            <dd>{formatDuration(start.durationSeconds)}</dd>
          </div>
          <div>
            <dt>Runs</dt>
            <dd>{start.runs.length}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}

/** Memoised: the playhead moving does not redraw it. */
export const ScenarioOverview = memo(ScenarioOverviewView);

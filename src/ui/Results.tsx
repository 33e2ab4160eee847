// The whole run's results, once it is computed: the scoreboard, the summary table (the accessible
// text alternative, cell for cell the command line's), every decision, and the run record as JSON.
// Memoised: the playhead moving does not redraw them.
import { memo } from 'react';
import type { ScenarioResult } from '../index';
import { DecisionLog } from './DecisionLog';
import { Scoreboard } from './Scoreboard';
import { SummaryTable } from './SummaryTable';

function ResultsView({ result, peakP99 }: { result: ScenarioResult; peakP99: Array<number | undefined> }) {
  return (
    <section className="results" aria-labelledby="results-title">
      <h2 id="results-title">Results of the whole run</h2>
      <Scoreboard runs={result.runs} peakP99={peakP99} />
      <SummaryTable result={result} />
      <DecisionLog result={result} />
      {/* The whole run record, machine-readable, for anyone who wants more than the table. */}
      <script type="application/json" id="run-result" dangerouslySetInnerHTML={{ __html: JSON.stringify(result).replace(/</g, '\\u003c') }} />
    </section>
  );
}

export const Results = memo(ResultsView);

// The summary table: exactly the cells the command-line runner prints (summaryRows), so the two
// front ends can be compared cell by cell. The first cell of each row names the run.
import type { ScenarioResult } from '../index';
import { SUMMARY_COLUMNS, summaryRows } from '../view/summary';
import { formatDuration } from './duration';

interface Props {
  result: ScenarioResult;
}

export function SummaryTable({ result }: Props) {
  const [header, ...rows] = summaryRows(result.runs);
  const align = (column: number) => (SUMMARY_COLUMNS[column].numeric ? 'numeric' : undefined);
  const runs = result.runs.length === 1 ? 'One run' : `${result.runs.length} runs`;

  return (
    <div className="results-table">
      {/* The box scrolls sideways on narrow screens; it is focusable so keyboards can scroll it too. */}
      <div className="table-scroll" role="region" aria-labelledby="summary-caption" tabIndex={0}>
        <table className="summary" data-testid="summary-table" aria-describedby="summary-note">
          {/* Kept short: a caption is as wide as its table and scrolls away with it on a phone. */}
          <caption id="summary-caption">Summary of each run, seed {result.seed}</caption>
          <thead>
            <tr>
              {header.map((title, i) => (
                <th key={SUMMARY_COLUMNS[i].key} scope="col" className={align(i)}>
                  {title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((cells, r) => (
              <tr key={result.runs[r].label}>
                {cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={SUMMARY_COLUMNS[i].key} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={SUMMARY_COLUMNS[i].key} className={align(i)}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="table-note" id="summary-note">
        {runs} over {formatDuration(result.durationSeconds)} of simulated traffic. Failed % counts errors and
        rejected requests; p50 and p99 are response-time percentiles; instance-h is what the fleet cost,
        in instance-hours.
      </p>
    </div>
  );
}

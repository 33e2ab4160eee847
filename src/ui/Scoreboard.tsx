// The scoreboard across panels: one row per run, the best cell of each column marked with a star
// and words (not colour alone); a false rollback labelled; the A/B verdict in words.
import type { RunRecord } from '../index';
import { SCORE_COLUMNS, scoreboardRows } from '../view/scoreboard';

interface Props {
  runs: RunRecord[];
  peakP99: Array<number | undefined>;
}

export function Scoreboard({ runs, peakP99 }: Props) {
  const rows = scoreboardRows(runs, peakP99);
  return (
    <div className="table-scroll" role="region" aria-labelledby="scoreboard-caption" tabIndex={0}>
      <table className="scoreboard" data-testid="scoreboard">
        <caption id="scoreboard-caption">Scoreboard: ★ marks the best run in each column (the control run is not scored)</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            {SCORE_COLUMNS.map((c) => (
              <th key={c.key} scope="col" title={`best: ${c.better}`}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} className={row.control ? 'control' : undefined}>
              <th scope="row">
                {row.label}
                {row.control && <span className="fact-note"> (control)</span>}
              </th>
              {row.cells.map((cell, c) => (
                <td key={SCORE_COLUMNS[c].key} className={cell.best ? 'best' : undefined} data-best={cell.best || undefined}>
                  {cell.best && <span aria-label="best">★ </span>}
                  {cell.text}
                  {c === 0 && row.falseAlarm && <span className="false-alarm"> — false alarm: the release was good</span>}
                  {c === 0 && row.abVerdict && <span className="ab-verdict">{row.abVerdict}</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// What-if: fork the story at the playhead with one more act, run the fork beside the story (its own
// worker, the same seed), and show both scoreboards' figures and the difference. The fork can
// become the story, or be closed.
import { useMemo, useState } from 'react';
import type { Act } from '../../runtime/acts/act';
import type { ScenarioResult } from '../../index';
import type { SimulationRequest } from '../../runtime/worker';
import { describeAct } from '../../view/actStory';
import { encodeActs } from '../../view/actCodec';
import { forkDiff } from '../../view/forkDiff';
import { formatClock } from '../../view/playback';
import { useStream } from '../useStream';
import { FORK_CHOICES } from './forkChoices';

interface Props {
  /** the story's own request (scenario, seed, acts) */
  request: SimulationRequest;
  acts: Act[];
  labels: string[];
  t: number;
  /** the story's record, once computed */
  result: ScenarioResult | undefined;
  fork: Act | null;
  onFork: (act: Act | null) => void;
  onKeep: (acts: Act[]) => void;
}

export function WhatIf({ request, acts, labels, t, result, fork, onFork, onKeep }: Props) {
  const [choice, setChoice] = useState(FORK_CHOICES[0].key);
  const start = () => onFork(FORK_CHOICES.find((c) => c.key === choice)!.act(Math.floor(t)));

  return (
    <div className="act-box what-if" data-testid="what-if">
      <h4>What if…</h4>
      <label className="act-field">
        <span className="visually-hidden">what if</span>
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="fork-choice">
          {FORK_CHOICES.map((c) => (
            <option key={c.key} value={c.key}>
              {c.words}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button small" onClick={start} data-testid="fork">
        Fork at {formatClock(t)}
      </button>
      {/* keyed by the story and the fork: another fork starts from an empty view, never shows the last one's figures */}
      {fork && <Fork key={encodeActs([...acts, fork])} request={request} acts={acts} fork={fork} labels={labels} result={result} onFork={onFork} onKeep={onKeep} />}
    </div>
  );
}

function Fork({ request, acts, fork, labels, result, onFork, onKeep }: Omit<Props, 't' | 'fork'> & { fork: Act }) {
  const forkRequest = useMemo(() => ({ ...request, acts: [...acts, fork] }), [request, acts, fork]);
  const state = useStream(forkRequest);
  const forkResult = state.status === 'done' ? state.result : undefined;
  const rows = result && forkResult ? forkDiff(result, forkResult) : null;
  return (
    <div className="fork" aria-live="polite">
      <p>
        <strong>The fork:</strong> your story, plus {describeAct(fork, labels).replace(/^you: /, '')}.{' '}
        {!rows && <span className="act-progress">{state.status === 'failed' ? `It stopped: ${state.message}` : `Computing both to the end… ${'timeline' in state ? formatClock(state.timeline.computedUntil) : ''}`}</span>}
      </p>
      {rows && <ForkTable rows={rows} />}
      <span className="gate-buttons">
        <button type="button" className="button small" onClick={() => (onKeep([...acts, fork]), onFork(null))} data-testid="fork-keep">
          Keep the fork as my story
        </button>
        <button type="button" className="button small" onClick={() => onFork(null)} data-testid="fork-close">
          Close the fork
        </button>
      </span>
    </div>
  );
}

function ForkTable({ rows }: { rows: ReturnType<typeof forkDiff> }) {
  const titles = rows[0]?.cells.map((c) => c.title) ?? [];
  return (
    <div className="table-scroll">
      <table className="fork-table" data-testid="fork-table">
        <caption>Your story → the fork, run by run (▼ the fork did better, ▲ worse)</caption>
        <thead>
          <tr>
            <th scope="col">run</th>
            <th scope="col">outcome</th>
            {titles.map((title) => (
              <th key={title} scope="col">
                {title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label} data-run={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.outcome.story === row.outcome.fork ? row.outcome.story : `${row.outcome.story} → ${row.outcome.fork}`}</td>
              {row.cells.map((cell) => (
                <td key={cell.title} className={`fork-${cell.direction}`} data-column={cell.title}>
                  {cell.story === cell.fork ? cell.story : `${cell.story} → ${cell.fork}`}
                  {cell.change && cell.change !== 'same' && (
                    <span className="fork-change">
                      {' '}
                      ({cell.direction === 'better' ? '▼' : '▲'} {cell.change})
                    </span>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

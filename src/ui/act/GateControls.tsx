// Human gates, one row per run: promote, pause, resume, abort — each offered only when the run's
// statechart takes it at the playhead, and a run that waits for a person says so.
import type { Act, GateEvent } from '../../runtime/acts/act';
import type { Timeline } from '../../view/timeline';
import { activeAt, gatesOf } from '../../view/actGates';

interface Props {
  timeline: Timeline;
  /** the playhead (clamped to what is computed) */
  t: number;
  shown: number[];
  onAct: (act: Act) => void;
}

const WORDS: Record<GateEvent, string> = { PROMOTE: 'Promote', PAUSE: 'Pause', RESUME: 'Resume', ABORT: 'Abort' };

export function GateControls({ timeline, t, shown, onAct }: Props) {
  const { runs } = timeline.start;
  return (
    <div className="act-box gates" role="group" aria-labelledby="gates-title">
      <h4 id="gates-title">Decide</h4>
      <ul className="gate-list">
        {shown.map((r) => {
          const gates = gatesOf(runs[r].machine, activeAt(timeline, r, t));
          if (runs[r].pattern === 'none') return null;
          return (
            <li key={r} className={gates.waiting ? 'gate-row waiting' : 'gate-row'} data-run={runs[r].label}>
              <span className="gate-run">{runs[r].label}</span>
              {gates.waiting && <span className="gate-waiting">waiting for you</span>}
              <span className="gate-buttons">
                {(Object.keys(WORDS) as GateEvent[]).map((event) => (
                  <button
                    key={event}
                    type="button"
                    className={`button small${gates.waiting && (event === 'PROMOTE' || event === 'RESUME') ? ' primary' : ''}`}
                    disabled={!gates.accepted.includes(event)}
                    onClick={() => onAct({ type: 'gate', t: Math.floor(t), event, run: r })}
                    aria-label={`${WORDS[event]} ${runs[r].label}`}
                  >
                    {WORDS[event]}
                  </button>
                ))}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

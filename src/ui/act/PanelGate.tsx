// The gate a run waits at, offered in its own panel: when only a person can move the run on (an
// indefinite pause, a promotion left to a human), the panel says so and holds the buttons its
// statechart takes there, so the learner decides where they are looking. The console's "Decide"
// box offers the same gates for every run at once.
import type { Act, GateEvent } from '../../runtime/acts/act';
import type { MachineGraph } from '../../runtime/stream';
import { gatesOf } from '../../view/actGates';
import './act.css';

interface Props {
  graph: MachineGraph;
  /** the run's active state paths at the playhead */
  active: string[];
  label: string;
  run: number;
  /** the playhead, whole simulated seconds */
  t: number;
  onAct: (act: Act) => void;
}

/** What each button does, in the words a learner reads next to it. */
const OFFERS: Array<{ event: GateEvent; word: string; does: string }> = [
  { event: 'PROMOTE', word: 'Promote', does: 'release it to everyone now' },
  { event: 'RESUME', word: 'Resume', does: 'go on with the plan' },
  { event: 'ABORT', word: 'Abort', does: 'roll back' },
];

export function PanelGate({ graph, active, label, run, t, onAct }: Props) {
  const gates = gatesOf(graph, active);
  if (!gates.waiting) return null;
  const offers = OFFERS.filter((o) => gates.accepted.includes(o.event));
  const id = `panel-gate-${run}`;
  return (
    <div className="panel-gate" role="group" aria-labelledby={id} data-testid={`panel-gate-${run}`}>
      <p id={id} className="panel-gate-text">
        <strong>{label} waits for you:</strong> nothing in its plan moves it on from here.
      </p>
      {offers.map(({ event, word, does }) => (
        <button
          key={event}
          type="button"
          className={`button small${event === 'ABORT' ? ' danger' : event === 'PROMOTE' ? ' primary' : ''}`}
          aria-label={`${word} ${label}: ${does}`}
          title={does}
          onClick={() => onAct({ type: 'gate', t, event, run })}
        >
          {word}
        </button>
      ))}
    </div>
  );
}

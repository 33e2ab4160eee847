// The story so far: every act of the learner as a sentence, the last one undoable.
import type { Act } from '../../runtime/acts/act';
import { describeAct } from '../../view/actStory';

interface Props {
  acts: Act[];
  labels: string[];
  onUndo: () => void;
}

export function ActList({ acts, labels, onUndo }: Props) {
  return (
    <div className="act-box act-list">
      <h4>Your acts</h4>
      {acts.length === 0 ? (
        <p className="muted">None yet: the runs follow the scenario. Break something, or take a decision.</p>
      ) : (
        <ol aria-label="your acts" data-testid="act-list">
          {acts.map((act, i) => (
            <li key={i}>{describeAct(act, labels)}</li>
          ))}
        </ol>
      )}
      <button type="button" className="button small" onClick={onUndo} disabled={acts.length === 0} data-testid="undo">
        Undo last act
      </button>
    </div>
  );
}

// Which runs have a panel: a checkbox per run, so a learner can compare two side by side or all.
import { memo } from 'react';
interface Props {
  runs: Array<{ label: string; pattern: string }>;
  shown: number[];
  onChange: (shown: number[]) => void;
}

function PanelChooserView({ runs, shown, onChange }: Props) {
  const toggle = (r: number) => onChange(shown.includes(r) ? shown.filter((x) => x !== r) : [...shown, r].sort((a, b) => a - b));
  return (
    <fieldset className="chooser">
      <legend>Panels</legend>
      {runs.map((run, r) => (
        <label key={run.label}>
          <input type="checkbox" checked={shown.includes(r)} onChange={() => toggle(r)} /> {run.label}
        </label>
      ))}
      <button type="button" className="link-button" onClick={() => onChange(runs.map((_, r) => r))} disabled={shown.length === runs.length}>
        show all
      </button>
    </fieldset>
  );
}

/** Memoised: the playhead moving does not redraw it. */
export const PanelChooser = memo(PanelChooserView);

// The scenario library as cards (title, summary, the patterns and faults it has), and a file from
// disk. The cards come from the build; a scenario's text is downloaded only when it is chosen.
// Once a scenario is on the page the library folds to a one-line bar naming it, so the panels come
// into view; the bar opens it again.
import cards from 'virtual:scenario-cards';
import { useState, type ChangeEvent } from 'react';

interface Props {
  /** the built-in scenario shown ('' for a file from disk) */
  current: string;
  /** the name of the file from disk shown, if any */
  localFile?: string;
  /** a scenario is on the page (or loading) */
  chosen: boolean;
  onPick: (name: string) => void;
  onFile: (file: File) => void;
}

export function ScenarioPicker({ current, localFile, chosen, onPick, onFile }: Props) {
  const [open, setOpen] = useState(!chosen);
  const openFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) {
      onFile(file);
      setOpen(false);
    }
    event.target.value = '';
  };
  const pick = (name: string) => {
    onPick(name);
    setOpen(false);
  };
  const title = localFile ?? cards.find((card) => card.name === current)?.title;
  return (
    <details className="picker" open={open || !chosen} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="picker-head" data-testid="picker-bar">
        <h2>Scenarios</h2>
        {chosen && title && (
          <span className="picker-current">
            showing <strong>{title}</strong>
          </span>
        )}
        <span className="hint">{open || !chosen ? `${cards.length} built in, or your own file` : `change: ${cards.length} built in, or your own file`}</span>
      </summary>
      <ul className="cards">
        {cards.map((card) => (
          <li key={card.name}>
            <button
              type="button"
              className="card"
              aria-pressed={card.name === current}
              data-scenario={card.name}
              onClick={() => pick(card.name)}
              title={card.summary}
            >
              <strong>{card.title}</strong>
              <span className="card-summary">{card.summary}</span>
              <span className="card-tags">
                {card.patterns.length} runs: {card.patterns.join(', ')}
              </span>
              {card.faults.length > 0 && <span className="card-tags faults">faults: {card.faults.join(', ')}</span>}
            </button>
          </li>
        ))}
        <li>
          <label className="card own-file">
            <strong>Your own scenario</strong>
            <span className="card-summary">Open a YAML file from your disk, or drop one anywhere on the page.</span>
            <input type="file" accept=".yaml,.yml,text/yaml" onChange={openFile} aria-label="open a scenario file" />
          </label>
        </li>
      </ul>
    </details>
  );
}

// The scenario library as cards (title, summary, the patterns and faults it has), and a file from
// disk. The cards come from the build; a scenario's text is downloaded only when it is chosen.
import cards from 'virtual:scenario-cards';
import type { ChangeEvent } from 'react';

interface Props {
  current: string;
  onPick: (name: string) => void;
  onFile: (file: File) => void;
}

export function ScenarioPicker({ current, onPick, onFile }: Props) {
  const openFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) onFile(file);
    event.target.value = '';
  };
  return (
    <details className="picker" open>
      <summary className="picker-head">
        <h2>Scenarios</h2>
        <span className="hint">{cards.length} built in, or your own file</span>
      </summary>
      <ul className="cards">
        {cards.map((card) => (
          <li key={card.name}>
            <button
              type="button"
              className="card"
              aria-pressed={card.name === current}
              data-scenario={card.name}
              onClick={() => onPick(card.name)}
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

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
    <section className="picker" aria-labelledby="picker-title">
      <div className="picker-head">
        <h2 id="picker-title">Scenarios</h2>
        <label className="button file-button">
          Open a file… <input type="file" accept=".yaml,.yml,text/yaml" onChange={openFile} className="visually-hidden" />
        </label>
        <span className="hint">or drop a scenario file anywhere on the page</span>
      </div>
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
      </ul>
    </section>
  );
}

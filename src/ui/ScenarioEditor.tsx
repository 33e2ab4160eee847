// A plain text editor for the scenario's YAML with a Run button. Deliberately simple: a textarea
// is keyboard- and screen-reader-friendly for free, and the text is never thrown away on error.
import type { KeyboardEvent, Ref } from 'react';
import type { Draft } from './useDraft';

interface Props {
  file: string;
  draft: Draft;
  onRun: () => void;
  textareaRef: Ref<HTMLTextAreaElement>;
}

export function ScenarioEditor({ file, draft, onRun, textareaRef }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    }
  };
  const restore = () => {
    if (window.confirm(`Replace your edits with the original ${file}?`)) draft.restore();
  };

  return (
    <section className="editor" aria-labelledby="editor-title">
      <h2 id="editor-title">Scenario file</h2>
      <p className="hint" id="editor-hint">
        Change the YAML and run it again. Your edits are kept in this browser
        {draft.edited ? '; this is your edited copy.' : '.'}
      </p>
      <label className="file-label" htmlFor="scenario-text">
        {file}
        {draft.edited && <span className="badge">edited</span>}
      </label>
      <textarea
        id="scenario-text"
        ref={textareaRef}
        value={draft.text}
        onChange={(event) => draft.update(event.target.value)}
        onKeyDown={onKeyDown}
        aria-describedby="editor-hint"
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        wrap="off"
        rows={20}
      />
      <div className="actions">
        <button type="button" className="button primary" onClick={onRun}>
          Run scenario
        </button>
        <button type="button" className="button" onClick={restore} disabled={!draft.edited}>
          Restore original
        </button>
        <span className="shortcut">
          or press <kbd>Ctrl</kbd>+<kbd>Enter</kbd> in the editor
        </span>
      </div>
    </section>
  );
}

// The "?" sheet: every key the page answers to, and the switch that turns single-key shortcuts off
// (WCAG 2.1.4). A native modal dialog: it keeps focus inside, closes with Esc, and gives focus back.
import { useEffect, useRef } from 'react';
import { ALWAYS_ON, SHORTCUTS } from '../view/shortcuts';
import { usePreferences } from './preferences';

/** A list of keys as a table: the key, then what it does. */
function KeyTable({ caption, keys, off = false }: { caption: string; keys: { label: string; does: string }[]; off?: boolean }) {
  return (
    <table className="sheet-keys">
      <caption className="visually-hidden">{caption}</caption>
      <tbody className={off ? 'off' : undefined}>
        {keys.map((k) => (
          <tr key={k.label}>
            <th scope="row">
              <kbd>{k.label}</kbd>
            </th>
            <td>{k.does}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ShortcutSheet() {
  const { sheetOpen, setSheetOpen, singleKeys, setSingleKeys } = usePreferences();
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (sheetOpen && !d.open) d.showModal();
    if (!sheetOpen && d.open) d.close();
  }, [sheetOpen]);

  return (
    <dialog ref={dialog} className="sheet" aria-labelledby="sheet-title" onClose={() => setSheetOpen(false)} data-testid="shortcut-sheet">
      <div className="sheet-head">
        <h2 id="sheet-title">Keyboard shortcuts</h2>
        <button type="button" className="button small" onClick={() => setSheetOpen(false)}>
          Close
        </button>
      </div>
      <label className="sheet-switch">
        <input type="checkbox" checked={singleKeys} onChange={(e) => setSingleKeys(e.target.checked)} />
        Single-key shortcuts (the keys below; turn them off if you use speech input or press keys by mistake)
      </label>
      <KeyTable caption={`Single-key shortcuts${singleKeys ? '' : ' (turned off)'}`} keys={SHORTCUTS} off={!singleKeys} />
      <h3 className="sheet-sub">Always on</h3>
      <KeyTable caption="Keys that always work" keys={ALWAYS_ON} />
      {!singleKeys && <p className="hint">Single-key shortcuts are off; every action stays on its button. The “Keys” button at the top opens this list.</p>}
    </dialog>
  );
}

// The page-wide switches in the header: presenter mode and the list of keys, each also on a key
// (P and ?) while single-key shortcuts are on.
import { ariaKeys } from '../view/shortcuts';
import { usePreferences } from './preferences';
import { ShortcutSheet } from './ShortcutSheet';
import { useShortcuts } from './useShortcuts';

export function PageTools() {
  const { presenter, togglePresenter, setSheetOpen } = usePreferences();
  useShortcuts({ presenter: togglePresenter, sheet: () => setSheetOpen(true) });
  return (
    <div className="page-tools">
      <button type="button" className="button small" aria-pressed={presenter} onClick={togglePresenter} aria-keyshortcuts={ariaKeys('presenter')} data-testid="presenter-toggle">
        Presenter mode
      </button>
      <button type="button" className="button small" onClick={() => setSheetOpen(true)} aria-keyshortcuts={ariaKeys('sheet')} aria-haspopup="dialog">
        Keys <kbd aria-hidden="true">?</kbd>
      </button>
      <ShortcutSheet />
    </div>
  );
}

// The reader's page-wide choices: single-key shortcuts on or off (remembered in this browser, as
// WCAG 2.1.4 expects of a setting a reader turns off once), presenter mode (big type, high
// contrast, for a classroom projector), and whether the list of keys is open.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

const SINGLE_KEYS = 'rollout-lab:single-key-shortcuts';

export interface Preferences {
  singleKeys: boolean;
  setSingleKeys: (on: boolean) => void;
  presenter: boolean;
  togglePresenter: () => void;
  sheetOpen: boolean;
  setSheetOpen: (open: boolean) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

function readSingleKeys(): boolean {
  try {
    return window.localStorage.getItem(SINGLE_KEYS) !== 'off';
  } catch {
    return true; // storage blocked: the default, shortcuts on
  }
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [singleKeys, setSingle] = useState(readSingleKeys);
  const [presenter, setPresenter] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const setSingleKeys = useCallback((on: boolean) => {
    setSingle(on);
    try {
      window.localStorage.setItem(SINGLE_KEYS, on ? 'on' : 'off');
    } catch {
      // not remembered, but still applied for this visit
    }
  }, []);
  const togglePresenter = useCallback(() => setPresenter((p) => !p), []);
  // On the root element, so rem-sized type and the whole page's colours follow.
  useEffect(() => {
    document.documentElement.classList.toggle('presenter', presenter);
  }, [presenter]);
  const value = useMemo(
    () => ({ singleKeys, setSingleKeys, presenter, togglePresenter, sheetOpen, setSheetOpen }),
    [singleKeys, setSingleKeys, presenter, togglePresenter, sheetOpen],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}

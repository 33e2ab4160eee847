// What a scenario card shows before its file is downloaded: title, summary, the patterns compared
// and the faults injected. Computed from the YAML at build time (vite.config.ts), so the picker
// costs a few hundred bytes per scenario rather than every file's text in the first download.
import { parse } from 'yaml';

export interface ScenarioCard {
  /** the name used in `?scenario=` */
  name: string;
  title: string;
  summary: string;
  /** each compared run: its pattern, and its label when it has its own */
  patterns: string[];
  /** each fault: its kind, and its label when given */
  faults: string[];
}

type Entry = Record<string, unknown>;
const entries = (value: unknown): Entry[] => (Array.isArray(value) ? value.filter((e): e is Entry => typeof e === 'object' && e !== null) : []);
const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** A card for a scenario file; a file that does not parse still gets a card named after it. */
export function scenarioCard(name: string, yamlText: string): ScenarioCard {
  let doc: Entry = {};
  try {
    const parsed: unknown = parse(yamlText);
    if (typeof parsed === 'object' && parsed !== null) doc = parsed as Entry;
  } catch {
    // the page reports the file's errors when it is opened; the card only needs its name
  }
  const named = (kind: string, label: string) => (label && label !== kind ? `${kind} (${label})` : kind);
  return {
    name,
    title: text(doc.title) || name,
    summary: text(doc.summary),
    patterns: entries(doc.compare).map((c) => named(text(c.pattern), text(c.label))),
    faults: entries(doc.faults).map((f) => named(text(f.kind), text(f.label))),
  };
}

/** Default first, then by title. */
export function sortCards(cards: ScenarioCard[]): ScenarioCard[] {
  return [...cards].sort((a, b) => (a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.title.localeCompare(b.title)));
}

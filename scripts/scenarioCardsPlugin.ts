// A Vite plugin serving `virtual:scenario-cards`: the card of every file in scenarios/, read at
// build time (and again in the dev server when a file changes).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { scenarioCard, sortCards } from '../src/view/scenarioCards.ts';

const ID = 'virtual:scenario-cards';
const RESOLVED = `\0${ID}`;

export function scenarioCardsPlugin(folder: string): Plugin {
  return {
    name: 'rollout-lab-scenario-cards',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
      for (const file of files) this.addWatchFile(join(folder, file));
      const cards = files.map((file) => scenarioCard(file.slice(0, -'.yaml'.length), readFileSync(join(folder, file), 'utf8')));
      return `export default ${JSON.stringify(sortCards(cards))};`;
    },
  };
}

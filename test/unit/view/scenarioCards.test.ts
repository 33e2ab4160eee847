// Every shipped scenario gets a card naming what it compares and what goes wrong in it.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src';
import { scenarioCard, sortCards } from '../../../src/view/scenarioCards';

const folder = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));

describe('scenario cards', () => {
  it.each(files)('%s: title, patterns and faults agree with the parsed scenario', (file) => {
    const text = readFileSync(folder + file, 'utf8');
    const parsed = parseScenario(text, file);
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    const card = scenarioCard(file.replace('.yaml', ''), text);
    expect(card.title).toBe(parsed.scenario.title);
    expect(card.patterns).toHaveLength(parsed.scenario.compare.length);
    expect(card.faults).toHaveLength(parsed.scenario.faults.length);
  });

  it('names a run by its label when it has its own', () => {
    const card = scenarioCard('x', 'title: X\ncompare:\n  - pattern: canary\n  - { pattern: traffic-split, label: ios-first }\nfaults:\n  - { kind: segment, label: ios-bug }\n');
    expect(card.patterns).toEqual(['canary', 'traffic-split (ios-first)']);
    expect(card.faults).toEqual(['segment (ios-bug)']);
  });

  it('still makes a card of a file that does not parse', () => {
    expect(scenarioCard('broken', 'title: [unclosed').title).toBe('broken');
  });

  it('puts the default scenario first', () => {
    const cards = sortCards([scenarioCard('b', 'title: B'), scenarioCard('default', 'title: Z'), scenarioCard('a', 'title: A')]);
    expect(cards.map((c) => c.name)).toEqual(['default', 'a', 'b']);
  });
});

// Node and browser agree: the built site, running the default scenario in a Web Worker inside
// Chromium, shows exactly the summary that runScenario computes here in Node for the same seed.
// Also: a broken scenario shows its errors (never a blank page) and the author's text survives.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src';
import type { ScenarioResult, Scenario } from '../../src/index';
import type { StreamMessage } from '../../src/runtime/stream';
import type { Act } from '../../src/runtime/acts/act';
import { actsToRun } from '../../src/runtime/acts/toRun';
import { formatScenarioError } from '../../src/scenario/errors';
import { summaryRows } from '../../src/view/summary';
import { openSite, root, visit as visitSite, type Site } from './site';

const TABLE = '[data-testid="summary-table"]';
const ERRORS = '[data-testid="scenario-errors"]';

let site: Site;
let defaultText: string;
let scenario: Scenario;

beforeAll(async () => {
  defaultText = await readFile(join(root, 'scenarios/default.yaml'), 'utf8');
  const parsed = parseScenario(defaultText, 'default.yaml');
  if (!parsed.ok) throw new Error(parsed.errors.map(formatScenarioError).join('\n'));
  scenario = parsed.scenario;
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

const visit = (search = '') => visitSite(site, search);

/** Every cell of the summary table, header row first, as the reader sees it. */
async function readTable(page: Page): Promise<string[][]> {
  await page.locator(TABLE).waitFor();
  return page.locator(`${TABLE} tr`).evaluateAll((rows) =>
    rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent ?? '')),
  );
}

const nodeResults = new Map<number, ScenarioResult>();
/** The runner's result in Node, computed once per seed. */
function inNode(seed = scenario.seed): ScenarioResult {
  if (!nodeResults.has(seed)) nodeResults.set(seed, runScenario(scenario, { seed }));
  return nodeResults.get(seed)!;
}

/** The run record the page published next to its table. */
async function readRecord(page: Page): Promise<ScenarioResult> {
  return JSON.parse(await page.locator('#run-result').textContent() ?? 'null') as ScenarioResult;
}

describe('Node and browser agree', () => {
  it("shows the runner's summary for the default scenario and its own seed", async () => {
    const { page, context, problems } = await visit();
    const expected = inNode();

    expect(await readTable(page)).toEqual(summaryRows(expected.runs));
    expect(await page.getByTestId('scenario-seed').textContent()).toBe(String(scenario.seed));
    // bit for bit: the whole run record, not only the rounded cells
    expect(await readRecord(page)).toEqual(expected);
    // and every decision, as the sentence a learner reads
    const sentences = expected.runs.flatMap((r) => r.decisions.map((d) => d.text));
    expect(sentences.length).toBeGreaterThan(0);
    expect(await page.locator('.decisions dd:not(.muted)').allTextContents()).toEqual(sentences);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('runs with the seed from ?seed= and still matches Node', async () => {
    const seed = scenario.seed + 1000;
    const { page, context, problems } = await visit(`?seed=${seed}`);
    const expected = summaryRows(inNode(seed).runs);
    const ownSeed = summaryRows(inNode().runs);

    const cells = await readTable(page);
    expect(cells).toEqual(expected);
    // another seed must really give another run, or the test above proves nothing about seeds
    expect(cells.slice(1)).not.toEqual(ownSeed.slice(1));
    expect(await page.getByTestId('scenario-seed').textContent()).toContain(String(seed));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the streamed run in Chromium', () => {
  it("posts start, slices covering the whole run, then the runner's very record", async () => {
    // The built worker, driven directly: every message it posts, in order, as the page receives them.
    const worker = (await readdir(join(site.outDir, 'assets'))).find((f) => /^worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const { page, context, problems } = await visit();
    const messages = await page.evaluate(
      ({ url, text }) =>
        new Promise<StreamMessage[]>((resolve) => {
          const got: StreamMessage[] = [];
          const w = new Worker(url, { type: 'module' });
          w.onmessage = (event: MessageEvent<StreamMessage>) => {
            got.push(event.data);
            if (event.data.type !== 'start' && event.data.type !== 'slice') resolve(got);
          };
          w.postMessage({ type: 'run', id: 1, text, file: 'default.yaml' });
        }),
      { url: `${site.baseUrl}assets/${worker}`, text: defaultText },
    );
    const types = messages.map((m) => m.type);
    expect(types[0]).toBe('start');
    expect(types.at(-1)).toBe('end');
    expect(types.slice(1, -1).every((t) => t === 'slice')).toBe(true);
    expect(types.length).toBeGreaterThan(10); // streamed, not computed in one go

    const start = messages[0].type === 'start' ? messages[0].start : null;
    expect(start!.runs.map((r) => r.label)).toEqual(scenario.compare.map((c) => c.label));
    expect(start!.runs.find((r) => r.pattern === 'canary')!.machine.states.map((s) => s.path)).toContain('progressing.stepPause');
    const slices = messages.flatMap((m) => (m.type === 'slice' ? [m.slice] : []));
    expect(slices[0].t0).toBe(0);
    expect(slices.at(-1)!.t1).toBe(scenario.duration);
    slices.forEach((s, k) => k > 0 && expect(s.t0).toBe(slices[k - 1].t1));

    const end = messages.at(-1)!;
    expect(end.type === 'end' ? end.result : null).toEqual(inNode());
    // the decisions streamed along the way are the record's, in order
    end.type === 'end' &&
      end.result.runs.forEach((run, r) => expect(slices.flatMap((s) => s.runs[r].decisions)).toEqual(run.decisions));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('joins an act to the run at the playhead, and still ends in the runner’s record with that act', async () => {
    // The worker told the playhead (7:00) keeps a copy of the run there; the act at 7:00 joins that
    // copy, whose slices come with `start`, instead of the story being re-simulated from 0:00.
    const worker = (await readdir(join(site.outDir, 'assets'))).find((f) => /^worker-.*\.js$/.test(f));
    const acts = [{ type: 'fault', t: 420, kind: 'dependency-outage', duration: 180, params: { rate: 0.5 } }] satisfies Act[];
    const { page, context, problems } = await visit();
    const messages = await page.evaluate(
      ({ url, text, acts }) =>
        new Promise<Array<StreamMessage & { id: number }>>((resolve) => {
          const got: Array<StreamMessage & { id: number }> = [];
          const w = new Worker(url, { type: 'module' });
          w.onmessage = (event: MessageEvent<StreamMessage & { id: number }>) => {
            got.push(event.data);
            if (event.data.type === 'end' && event.data.id === 1) w.postMessage({ type: 'run', id: 2, text, file: 'default.yaml', acts });
            else if (event.data.type !== 'start' && event.data.type !== 'slice') resolve(got);
          };
          w.postMessage({ type: 'run', id: 1, text, file: 'default.yaml', playhead: 420 });
        }),
      { url: `${site.baseUrl}assets/${worker}`, text: defaultText, acts },
    );
    const second = messages.filter((m) => m.id === 2);
    const start = second[0];
    expect(start.type).toBe('start');
    const prefix = start.type === 'start' ? (start.prefix ?? []) : [];
    expect(prefix.length).toBeGreaterThan(0);
    expect(prefix[0].t0).toBe(0);
    expect(prefix.at(-1)!.t1).toBeLessThan(420); // behind the playhead, where the act comes
    const slices = [...prefix, ...second.flatMap((m) => (m.type === 'slice' ? [m.slice] : []))];
    slices.forEach((s, k) => k > 0 && expect(s.t0).toBe(slices[k - 1].t1));
    expect(slices.at(-1)!.t1).toBe(scenario.duration);
    const end = second.at(-1)!;
    expect(end.type === 'end' ? end.result : null).toEqual(runScenario(scenario, actsToRun(acts, scenario.compare.map((c) => c.label))));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a broken scenario', () => {
  it('shows its errors as file:line:col lines and keeps the text, even across a reload', async () => {
    const broken = defaultText.replace(/^(\s+)instances:/m, '$1instnces:').replace(/^duration: .*$/m, 'duration: soon');
    expect(broken).not.toBe(defaultText);
    const result = parseScenario(broken, 'default.yaml');
    expect(result.ok).toBe(false);
    const expected = result.ok ? [] : result.errors.map(formatScenarioError);

    const { page, context, problems } = await visit();
    await page.locator(TABLE).waitFor();
    const editor = page.getByRole('textbox', { name: /default\.yaml/ });
    await editor.fill(broken);
    await page.getByRole('button', { name: 'Run scenario' }).click();

    await page.locator(ERRORS).waitFor();
    expect(await page.locator(`${ERRORS} li`).allTextContents()).toEqual(expected);
    expect(await page.locator(TABLE).count()).toBe(0);
    expect(await editor.inputValue()).toBe(broken);

    // The draft is kept in this browser: after a reload the same text is back, with its errors.
    await page.reload();
    expect(await editor.inputValue()).toBe(broken);
    await page.locator(ERRORS).waitFor();
    expect(await page.locator(`${ERRORS} li`).allTextContents()).toEqual(expected);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('names the scenarios that exist when ?scenario= asks for one that does not', async () => {
    const { page, context, problems } = await visit('?scenario=no-such-scenario');
    const alert = page.getByRole('alert').filter({ hasText: 'No scenario called “no-such-scenario”' });
    await alert.waitFor();
    expect(await alert.getByRole('link', { name: 'default' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});

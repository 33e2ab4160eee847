// The sandbox as a learner uses it, in real Chromium against the built site: play the default
// scenario and watch the canary roll back (its sentence with the numbers in the log, its marker on
// the charts), step to the next decision, scrub back, change the seed, and open the link in a fresh
// page to get the same view. No console error anywhere. Screenshots go to test-results/.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src';
import type { ScenarioResult, Scenario } from '../../src/index';
import { summaryRows } from '../../src/view/summary';
import { versionStyle } from '../../src/view/palette';
import { formatClock } from '../../src/view/playback';
import { openSite, root, screenshot, visit, type Site } from './site';

let site: Site;
let scenario: Scenario;
const results = new Map<number, ScenarioResult>();
/** The runner's result in Node, computed once per seed. */
function inNode(seed = scenario.seed): ScenarioResult {
  if (!results.has(seed)) results.set(seed, runScenario(scenario, { seed }));
  return results.get(seed)!;
}

beforeAll(async () => {
  const parsed = parseScenario(await readFile(join(root, 'scenarios/default.yaml'), 'utf8'), 'default.yaml');
  if (!parsed.ok) throw new Error('the default scenario does not parse');
  scenario = parsed.scenario;
  site = await openSite();
});
afterAll(async () => site?.close());

const clock = (page: Page) => page.getByTestId('clock');
const simTime = async (page: Page) => Number(await clock(page).getAttribute('data-sim-time'));
const panel = (page: Page, label: string) => page.locator(`.panel[data-run="${label}"]`);
/** Waits until the playhead shows exactly t (it may first wait for the simulation to get there). */
const waitForTime = (page: Page, t: number) => page.locator(`[data-testid="clock"][data-sim-time="${t.toFixed(1)}"]`).waitFor();

function canaryRollback(result: ScenarioResult) {
  const canary = result.runs.find((r) => r.pattern === 'canary')!;
  const index = canary.decisions.findIndex((d) => /rolling back/.test(d.text));
  expect(index).toBeGreaterThanOrEqual(0);
  return { decision: canary.decisions[index], index };
}

describe('the sandbox', () => {
  it("plays the default scenario: the canary's rollback appears in its log with its numbers and on its charts", async () => {
    const { page, context, problems } = await visit(site, '?speed=600');
    const { decision, index } = canaryRollback(inNode());
    const canary = panel(page, 'canary');
    // the sentence, with the run's real numbers, as the runner wrote it
    const sentence = canary.locator(`.panel-log li[data-decision-index="${index}"]`);
    await sentence.waitFor();
    expect(await sentence.textContent()).toBe(decision.text);
    expect(decision.text).toMatch(/\d+(\.\d+)?%/);
    expect(await simTime(page)).toBeGreaterThanOrEqual(decision.t);
    // its marker on the charts, linked both ways: clicking the marker highlights the sentence
    const marker = canary.locator(`.panel-charts [data-decision-index="${index}"]`).first();
    await marker.waitFor();
    // a thin dashed line, which leaves the series under it readable, until it is pointed at
    const line = marker.locator('.chart-decision-line');
    const lineStyle = () => line.evaluate((el) => ({ width: getComputedStyle(el).strokeWidth, dashes: getComputedStyle(el).strokeDasharray }));
    await page.mouse.move(0, 0);
    expect(await lineStyle()).toEqual({ width: '1px', dashes: '2px, 2px' });
    await marker.click();
    await canary.locator(`.panel-log li.highlighted[data-decision-index="${index}"]`).waitFor();
    expect(await lineStyle()).toEqual({ width: '2.5px', dashes: 'none' });
    // at the end: the results, as the runner computes them
    await page.locator('[data-testid="summary-table"]').waitFor();
    expect(JSON.parse((await page.locator('#run-result').textContent()) ?? 'null')).toEqual(inNode());
    await screenshot(page, 'sandbox-default-playing');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("paints each row's series on the charts' canvas, in the versions' colours, inside the row's frame", async () => {
    // at the canary's rollback: v2 has a share of the traffic and a rising error rate, v1 the rest
    const { decision } = canaryRollback(inNode());
    const { page, context, problems } = await visit(site, `?t=${Math.floor(decision.t)}`);
    await waitForTime(page, Math.floor(decision.t));
    const colours = [0, 1].map((v) => versionStyle(v).colour);
    const counts = await panel(page, 'canary').evaluate((el, colours) => {
      const canvas = el.querySelector<HTMLCanvasElement>('.panel-charts canvas.chart-series')!;
      const box = canvas.getBoundingClientRect();
      const ratio = canvas.width / box.width;
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      const rgb = colours.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
      const rows: Record<string, number[]> = {};
      // dark pixels left of a row's frame, level with its top: its y axis's top label
      const labels: Record<string, number> = {};
      for (const row of el.querySelectorAll('.panel-charts .chart-row')) {
        const frame = row.querySelector('.chart-frame')!.getBoundingClientRect();
        const x0 = Math.round((frame.left - box.left) * ratio), x1 = Math.round((frame.right - box.left) * ratio);
        const y0 = Math.round((frame.top - box.top) * ratio), y1 = Math.round((frame.bottom - box.top) * ratio);
        let label = 0;
        for (let y = Math.max(0, y0 - 5 * ratio); y < y0 + 5 * ratio; y++)
          for (let x = 0; x < x0 - 6 * ratio; x++) if (pixels.data[4 * (y * canvas.width + x) + 3] > 100) label++;
        labels[row.querySelector('.chart-title')!.textContent!] = label;
        const found = rgb.map(() => 0);
        for (let y = y0; y < y1; y++)
          for (let x = x0; x < x1; x++) {
            const k = 4 * (y * canvas.width + x);
            if (pixels.data[k + 3] < 100) continue;
            rgb.forEach(([r, g, b], v) => {
              if (Math.abs(pixels.data[k] - r) + Math.abs(pixels.data[k + 1] - g) + Math.abs(pixels.data[k + 2] - b) < 60) found[v]++;
            });
          }
        rows[row.querySelector('.chart-title')!.textContent!] = found;
      }
      return { rows, labels };
    }, colours);
    // every row's y axis is labelled (on the canvas, under the SVG's titles)
    for (const [title, label] of Object.entries(counts.labels)) expect(label, title).toBeGreaterThan(10);
    const [v1Errors, v2Errors] = counts.rows['error rate'];
    const [v1Share, v2Share] = counts.rows['traffic share'];
    expect(v1Errors).toBeGreaterThan(20);
    expect(v2Errors).toBeGreaterThan(5);
    expect(v1Share).toBeGreaterThan(200);
    expect(v2Share).toBeGreaterThan(2); // a thin band: the canary's first steps, a few pixels high
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps a fault window's tooltip where the canvas shades it, and stands the charts' playhead at the time shown", async () => {
    const { page, context, problems } = await visit(site, '?scenario=bad-release-every-pattern&t=600');
    await waitForTime(page, 600);
    const found = await panel(page, 'canary').evaluate((el) => {
      el.querySelector('.chart-stack')!.scrollIntoView({ block: 'center' });
      const window = el.querySelector('.chart-fault rect')!.getBoundingClientRect();
      const frame = el.querySelector('.chart-row .chart-frame')!.getBoundingClientRect();
      // inside the window, in the first row's plot (clear of titles and decision markers)
      const hit = document.elementFromPoint(window.left + window.width * 0.75, frame.top + frame.height / 2);
      const playhead = el.querySelector('.chart-playhead')!.getBoundingClientRect();
      return { width: window.width, tooltip: hit?.closest('.chart-fault')?.querySelector('title')?.textContent ?? null, playhead: playhead.left + playhead.width / 2, left: frame.left, right: frame.right };
    });
    expect(found.width).toBeGreaterThan(10);
    expect(found.tooltip).toMatch(/^bug \(error-rate\)/);
    const duration = Number((await page.getByRole('slider', { name: 'simulated time' }).getAttribute('aria-valuemax')) ?? NaN);
    expect(found.playhead).toBeCloseTo(found.left + ((found.right - found.left) * 600) / duration, 0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("opens a link whose time is past the run's end at the end, and says it simulates up to the end", async () => {
    // a heavy scenario (200,000 users), so that the page is seen while it simulates up to the playhead
    const parsed = parseScenario(await readFile(join(root, 'scenarios/business-regression-ab.yaml'), 'utf8'), 'business-regression-ab.yaml');
    if (!parsed.ok) throw new Error('business-regression-ab.yaml does not parse');
    const { duration } = parsed.scenario;
    const { page, context, problems } = await visit(site, `?scenario=business-regression-ab&t=${duration + 300}`);
    const waiting = page.getByText(/Simulating up to the playhead/);
    await waiting.waitFor();
    expect(await waiting.textContent()).toMatch(new RegExp(`of ${formatClock(duration)}$`));
    await waitForTime(page, duration);
    expect(await page.getByRole('slider', { name: 'simulated time' }).getAttribute('aria-valuenow')).toBe(String(duration));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('steps to the next decision, then scrubs back before it', async () => {
    const { page, context, problems } = await visit(site, '?t=0');
    const first = inNode().runs.flatMap((r) => r.decisions.map((d) => ({ label: r.label, t: d.t, text: d.text }))).sort((a, b) => a.t - b.t);
    await page.getByRole('button', { name: 'step to the next decision' }).click();
    await waitForTime(page, first[0].t);
    expect(await clock(page).getAttribute('data-playing')).toBe('false');
    const log = panel(page, first[0].label).locator('.panel-log li');
    expect(await log.last().textContent()).toBe(first[0].text);
    // the track's ends name the run's start and end, wherever the playhead stands
    expect(await page.locator('.timeline-label').allTextContents()).toEqual(['0:00', '30:00']);
    await screenshot(page, 'sandbox-next-decision');

    // the next one is later (or at the same instant in another run)
    await page.getByRole('button', { name: 'step to the next decision' }).click();
    await waitForTime(page, first[1].t);

    // scrub back by keyboard, a minute at a time: before the first decision it is gone from the log
    const track = page.getByRole('slider', { name: 'simulated time' });
    await track.focus();
    await track.press('Home');
    await waitForTime(page, 0);
    expect(await panel(page, first[0].label).locator('.panel-log li').count()).toBe(0);
    await track.press('Shift+ArrowRight');
    await waitForTime(page, 60);
    // and with the pointer: a click a tenth of the way along the track
    const box = (await track.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height / 2);
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-sim-time')) < t - 60, first[0].t);
    expect(await panel(page, first[0].label).locator('.panel-log li').count()).toBe(0);
    await screenshot(page, 'sandbox-scrubbed-back');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('changes the seed, runs it, and opens the link in a fresh page with the same view', async () => {
    const seed = scenario.seed + 1000;
    const { page, context, problems } = await visit(site, '?speed=600');
    await page.getByTestId('seed-input').fill(String(seed));
    await page.getByTestId('seed-input').press('Enter');
    await page.getByTestId('scenario-seed').filter({ hasText: String(seed) }).waitFor();
    await page.locator('[data-testid="summary-table"]').waitFor();
    const cells = await page.locator('[data-testid="summary-table"] tr').evaluateAll((rows) => rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (c) => c.textContent ?? '')));
    expect(cells).toEqual(summaryRows(inNode(seed).runs));

    // stop at a decision (stepping pauses), hide a panel, pick another speed: the address holds all of it
    await page.getByRole('slider', { name: 'simulated time' }).press('Home');
    await page.getByRole('button', { name: 'step to the next decision' }).click();
    await page.getByRole('button', { name: 'hide none' }).click();
    const t = await simTime(page);
    await page.waitForURL((url) => url.searchParams.get('t') === String(Math.floor(t)) && url.searchParams.get('seed') === String(seed) && url.searchParams.has('panels'));
    const link = page.url();
    const view = async (p: Page) => ({
      time: await clock(p).getAttribute('data-sim-time'),
      seed: (await p.getByTestId('scenario-seed').textContent())?.match(/\d+/)?.[0],
      speed: await p.getByTestId('speed').textContent(),
      panels: await p.locator('.panel').evaluateAll((els) => els.map((e) => e.getAttribute('data-run'))),
      states: await p.locator('.panel-state').allTextContents(),
      logs: await p.locator('.panel-log').allTextContents(),
    });
    const seen = await view(page);
    expect(seen.panels).not.toContain('none');
    await screenshot(page, 'sandbox-link-source');

    const fresh = await visit(site, new URL(link).search);
    await waitForTime(fresh.page, Math.floor(t));
    const again = await view(fresh.page);
    expect(again).toEqual({ ...seen, time: Math.floor(t).toFixed(1) });
    await screenshot(fresh.page, 'sandbox-link-opened');
    expect([...problems, ...fresh.problems]).toEqual([]);
    await fresh.context.close();
    await context.close();
  });

  it('picks a scenario card, opens a file from disk, and plays and pauses with Space', async () => {
    const { page, context, problems } = await visit(site, '?t=0');
    await page.locator('.panel').first().waitFor();
    expect(await clock(page).getAttribute('data-playing')).toBe('false');
    await page.locator('body').press('Space');
    await page.locator('[data-testid="clock"][data-playing="true"]').waitFor();
    await page.locator('body').press('Space');
    await page.locator('[data-testid="clock"][data-playing="false"]').waitFor();

    const iosText = await readFile(join(root, 'scenarios/ios-only-bug.yaml'), 'utf8');
    const ios = parseScenario(iosText, 'ios-only-bug.yaml');
    if (!ios.ok) throw new Error('ios-only-bug does not parse');
    // the library is folded to a bar while a scenario is shown: open it, pick a card
    await page.getByTestId('picker-bar').click();
    await page.locator('[data-scenario="ios-only-bug"]').click();
    await page.locator('#scenario-title', { hasText: ios.scenario.title }).waitFor();
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'ios-only-bug');
    await page.locator('.panel').nth(ios.scenario.compare.length - 1).waitFor();
    expect(await page.locator('.panel').count()).toBe(ios.scenario.compare.length);
    await screenshot(page, 'sandbox-picked-card');

    // a file of the reader's own: its title and its runs, streamed like the built-in ones
    const own = iosText.replace(/^title: .*$/m, 'title: My own iOS experiment');
    await page.getByLabel('open a scenario file').setInputFiles({ name: 'mine.yaml', mimeType: 'text/yaml', buffer: Buffer.from(own) });
    await page.locator('#scenario-title', { hasText: 'My own iOS experiment' }).waitFor();
    await page.locator('.panel').nth(ios.scenario.compare.length - 1).waitFor();
    expect(await page.getByRole('textbox', { name: /mine\.yaml/ }).inputValue()).toBe(own);

    // and one dropped anywhere on the page, as a file dragged from the desktop is
    const dropped = iosText.replace(/^title: .*$/m, 'title: Dropped on the page');
    await page.evaluate((text) => {
      const files = new DataTransfer();
      files.items.add(new File([text], 'dropped.yaml', { type: 'text/yaml' }));
      document.querySelector('.panel')!.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));
    }, dropped);
    await page.locator('#scenario-title', { hasText: 'Dropped on the page' }).waitFor();
    expect(await page.getByRole('textbox', { name: /dropped\.yaml/ }).inputValue()).toBe(dropped);
    expect(problems).toEqual([]);
    await context.close();
  });
});

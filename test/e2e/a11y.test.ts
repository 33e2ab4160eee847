// The sandbox for everyone, in real Chromium against the built site: the default lesson by keyboard
// alone, axe-core on every view, reduced motion without particles, a phone's width with touch, and
// two panels side by side in a 1280×720 window. Screenshots go to test-results/.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src';
import type { ScenarioResult } from '../../src/runtime/types';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openSite, root, screenshot, visit, type Site } from './site';

let site: Site;
let result: ScenarioResult;

beforeAll(async () => {
  const parsed = parseScenario(await readFile(join(root, 'scenarios/default.yaml'), 'utf8'), 'default.yaml');
  if (!parsed.ok) throw new Error('the default scenario does not parse');
  result = runScenario(parsed.scenario);
  site = await openSite();
});
afterAll(async () => site?.close());

const clock = (page: Page) => page.getByTestId('clock');
const simTime = async (page: Page) => Number(await clock(page).getAttribute('data-sim-time'));
const firstDecision = () => result.runs.flatMap((r) => r.decisions.map((d) => ({ label: r.label, ...d }))).sort((a, b) => a.t - b.t)[0];

/** Presses Tab until the focused element matches `selector` (a keyboard reader's way there). */
async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** axe-core's serious and critical violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}

describe('the sandbox for everyone', () => {
  it('completes the default lesson by keyboard alone', async () => {
    const { page, context, problems } = await visit(site, '?scenario=good-release&t=0');
    await page.locator('.panel').first().waitFor();
    // pick the default scenario from the folded library
    await tabTo(page, '[data-testid="picker-bar"]');
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-scenario="default"]');
    await page.keyboard.press('Enter');
    await page.locator('.panel[data-run="canary"]').waitFor();
    await page.waitForURL((url) => !url.searchParams.has('scenario'));
    // a picked scenario plays at once: pause, play, pause
    await page.locator('[data-testid="clock"][data-playing="true"]').waitFor();
    await page.keyboard.press('k');
    await page.locator('[data-testid="clock"][data-playing="false"]').waitFor();
    await page.keyboard.press('k');
    await page.locator('[data-testid="clock"][data-playing="true"]').waitFor();
    await page.keyboard.press('k');
    await page.locator('[data-testid="clock"][data-playing="false"]').waitFor();
    // the next decision, once the simulation has computed it: paused there, said in the live region
    const first = firstDecision();
    expect(await simTime(page)).toBeLessThan(first.t);
    await page.waitForFunction((t) => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-computed')) >= t, first.t);
    await page.keyboard.press('n');
    await page.locator(`[data-testid="clock"][data-sim-time="${first.t.toFixed(1)}"]`).waitFor();
    await page.getByTestId('announcer').filter({ hasText: first.text }).waitFor();
    // open the log: focus lands on the latest decision, Enter lights it and its marker
    await page.keyboard.press('l');
    const focused = page.locator('.panel-log li button:focus');
    await focused.waitFor();
    expect(await focused.textContent()).toBe(first.text);
    await page.keyboard.press('Enter');
    await page.locator(`.panel[data-run="${first.label}"] .panel-log li.highlighted`).waitFor();
    // change the seed
    await tabTo(page, '[data-testid="seed-input"]');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.getByTestId('scenario-seed').filter({ hasText: '123' }).waitFor();
    // a new seed plays from the start; pause it from the next button (typing in the seed box keeps
    // letters for the box), then open the ? sheet
    await page.locator('[data-testid="clock"][data-playing="true"]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('k');
    await page.locator('[data-testid="clock"][data-playing="false"]').waitFor();
    await page.keyboard.press('?');
    const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await screenshot(page, 'a11y-shortcut-sheet');
    // turn single-key shortcuts off: the keys then do nothing, and the setting outlives a reload
    await tabTo(page, '.sheet-switch input');
    await page.keyboard.press('Space');
    expect(await sheet.getByRole('checkbox').isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'hidden' });
    const before = await simTime(page);
    await page.keyboard.press('k');
    await page.keyboard.press('n');
    await page.keyboard.press('?');
    expect(await clock(page).getAttribute('data-playing')).toBe('false');
    expect(await simTime(page)).toBe(before);
    expect(await sheet.isVisible()).toBe(false);
    await page.reload();
    await page.locator('.panel').first().waitFor();
    await page.keyboard.press('?');
    await page.keyboard.press('k');
    expect(await sheet.isVisible()).toBe(false);
    expect(await clock(page).getAttribute('data-playing')).toBe('false');
    // every action is still on a control: the Keys button opens the sheet
    await tabTo(page, 'button[aria-haspopup="dialog"]');
    await page.keyboard.press('Enter');
    await sheet.waitFor();
    expect(await sheet.getByRole('checkbox').isChecked()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  // axe-core takes tens of seconds on a page of seven panels (their data tables included): one view per test.
  describe('axe-core finds no serious or critical violation', () => {
    it('on the default view', async () => {
      const { page, context, problems } = await visit(site, '?t=400');
      await page.locator('.panel').nth(1).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    });
    it('with the scenario picker open', async () => {
      const { page, context } = await visit(site, '?t=400');
      await page.locator('.panel').nth(1).waitFor();
      await page.getByTestId('picker-bar').click();
      await page.locator('[data-scenario="default"]').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
    it('with the list of keys open (the only dialog)', async () => {
      const { page, context } = await visit(site, '?t=400');
      await page.locator('.panel').nth(1).waitFor();
      await page.getByRole('button', { name: /^Keys/ }).click();
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
    it('with the act console open, a what-if forked and an act taken', async () => {
      const { page, context, problems } = await visit(site, `?t=320&acts=${encodeURIComponent('320:abort:4')}&whatif=${encodeURIComponent('320:abort')}`);
      await page.locator('.panel').nth(1).waitFor();
      await page.getByTestId('act-list').waitFor();
      await page.getByTestId('fork-table').waitFor({ timeout: 90_000 });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'a11y-acting');
      expect(problems).toEqual([]);
      await context.close();
    });
    it('with a run waiting for a person (its gate in its panel) and a flag rule in the console', async () => {
      const { page, context, problems } = await visit(site, `?scenario=payments-after-one-day&t=600&acts=${encodeURIComponent('500:rule-add:0:off:platform=ios')}`);
      await page.getByTestId('panel-gate-0').waitFor();
      await page.getByTestId('flag-rules-0').locator('li').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'a11y-gate-and-rules');
      expect(problems).toEqual([]);
      await context.close();
    });
    it('in presenter mode', async () => {
      const { page, context } = await visit(site, '?t=400');
      await page.locator('.panel').nth(1).waitFor();
      await page.getByTestId('presenter-toggle').click();
      await page.locator('html.presenter').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'a11y-presenter');
      await context.close();
    });
    it("at a phone's width", async () => {
      const { page, context } = await visit(site, '?t=400', { width: 375, height: 812 }, { hasTouch: true, isMobile: true });
      await page.locator('.panel').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    });
  });

  it('draws no particles for a reader who prefers reduced motion (and does for one who does not)', async () => {
    const particles = async (reducedMotion: 'reduce' | 'no-preference') => {
      const { page, context, problems } = await visit(site, '?speed=120', undefined, { reducedMotion });
      // past the release, while traffic flows to both versions
      await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-sim-time')) > 330);
      const counts = await page.locator('canvas.traffic-canvas').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-particles'))));
      await context.close();
      expect(problems).toEqual([]);
      return counts;
    };
    const still = await particles('reduce');
    expect(still.length).toBeGreaterThan(0);
    expect(still.every((n) => n === 0)).toBe(true);
    expect((await particles('no-preference')).some((n) => n > 0)).toBe(true);
  });

  it('stacks on a phone without sideways scrolling, and answers touch', async () => {
    const { page, context, problems } = await visit(site, '?t=0', { width: 375, height: 812 }, { hasTouch: true, isMobile: true });
    await page.locator('.panel').nth(1).waitFor();
    // measured against the phone's 375 px: a mobile browser widens its layout to hold what overflows
    const overflow = () => page.evaluate(() => Math.max(document.documentElement.scrollWidth, window.innerWidth) - 375);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // stacked: one panel per row
    const boxes = await page.locator('.panel').evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().toJSON()));
    expect(boxes[1].top).toBeGreaterThanOrEqual(boxes[0].bottom);
    await page.getByRole('button', { name: 'play' }).tap();
    await page.locator('[data-testid="clock"][data-playing="true"]').waitFor();
    await page.getByRole('button', { name: 'pause' }).tap();
    // a tap half way along the timeline seeks there (as far as the simulation has computed)
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-computed')) >= 1800);
    const track = (await page.getByRole('slider', { name: 'simulated time' }).boundingBox())!;
    await page.touchscreen.tap(track.x + track.width / 2, track.y + track.height / 2);
    await page.waitForFunction(() => Math.abs(Number(document.querySelector('[data-testid="clock"]')?.getAttribute('data-sim-time')) - 900) < 60);
    await page.getByTestId('picker-bar').tap();
    await page.locator('[data-scenario="default"]').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.getByTestId('picker-bar').tap();
    await screenshot(page, 'a11y-phone');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 1280×720 shows two panels side by side, whole, below the time control after one scroll', async () => {
    const { page, context, problems } = await visit(site, '?t=400');
    await page.locator('.panel').nth(1).waitFor();
    // every panel's charts carry their numbers as a table, a column per chart, and the statechart
    // its active state as text
    for (const panel of await page.locator('.panel').all()) {
      const heads = (await panel.locator('.panel-charts table th').allTextContents()).join(' | ');
      for (const chart of ['error rate', 'p99', 'traffic share', 'users affected', 'conversions']) expect(heads).toContain(chart);
      expect(await panel.locator('.sc-caption-lit').textContent()).toMatch(/^● \w/);
    }
    // on arrival the panels start above the fold
    const top = await page.locator('.panels').evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeLessThan(720 - 100);
    await page.locator('.panels').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - (document.querySelector('.transport')!.getBoundingClientRect().height + 8)));
    const seen = await page.evaluate(() => {
      const bar = document.querySelector('.transport')!.getBoundingClientRect();
      return [...document.querySelectorAll('.panel')].slice(0, 2).map((p) => {
        const b = p.getBoundingClientRect();
        return { top: b.top, bottom: b.bottom, left: b.left, right: b.right, below: bar.bottom };
      });
    });
    for (const p of seen) {
      expect(p.top).toBeGreaterThanOrEqual(p.below);
      expect(p.bottom).toBeLessThanOrEqual(720);
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.right).toBeLessThanOrEqual(1280);
    }
    expect(seen[1].left).toBeGreaterThanOrEqual(seen[0].right);
    await page.screenshot({ path: join(root, 'test-results', 'a11y-1280x720.png') });
    await context.close();

    const wide = await visit(site, '?t=400', { width: 1920, height: 1080 });
    await wide.page.locator('.panel').nth(6).waitFor();
    await screenshot(wide.page, 'a11y-1920x1080');
    await wide.context.close();
    expect([...problems, ...wide.problems]).toEqual([]);
  });
});

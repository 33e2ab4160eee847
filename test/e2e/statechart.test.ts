// Every panel's statechart readable at the size the panel gives it, in real Chromium against the
// built site: in the nine-panel view at 1920×1080 and two panels at a time at 1280×720, the active
// state's name and the names of its neighbours (where the last step came from, where it can go next)
// are drawn at 10 px or more, for every pattern; and the whole chart opens large from the panel, by
// keyboard, and closes with Escape. Screenshots go to test-results/.
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSite, screenshot, visit, type Site } from './site';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => site?.close());

const SCENARIO = '?scenario=bad-release-every-pattern';
const READABLE = 10;

interface Sizes {
  run: string;
  /** active states' names that are not (wholly) seen */
  hidden: string[];
  active: number[];
  neighbours: number[];
  names: string[];
}

/**
 * The rendered size of each state name the statechart marks as the active state's (or on its path)
 * or a neighbour's: the computed font size times the drawing's scale (1 for text that is not in an
 * SVG). Only names a reader can see count (not the text alternative).
 */
const labelSizes = (page: Page, scope: string) =>
  page.evaluate((scope) => {
    const sizeOf = (el: Element) => {
      const font = parseFloat(getComputedStyle(el).fontSize);
      return el instanceof SVGGraphicsElement ? font * (el.getScreenCTM()?.a ?? 0) : font;
    };
    // drawn, and not cut by a box that hides its overflow (an ellipsis, a clipped panel)
    const seen = (el: Element) => {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || el.closest('.text-alternative')) return false;
      for (let up = el.parentElement; up; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue;
        const clip = up.getBoundingClientRect();
        if (box.left < clip.left - 1 || box.right > clip.right + 1) return false;
      }
      return true;
    };
    return [...document.querySelectorAll(scope)].map((figure) => {
      const marked = (kind: string) => [...figure.querySelectorAll(`[data-sc-label~="${kind}"]`)].filter(seen);
      return {
        run: figure.closest('.panel')?.getAttribute('data-run') ?? '',
        hidden: [...figure.querySelectorAll('[data-sc-label~="active"]')].filter((e) => !seen(e) && !e.closest('.text-alternative')).map((e) => e.textContent ?? ''),
        active: marked('active').map(sizeOf),
        neighbours: marked('neighbour').map(sizeOf),
        names: [...marked('active'), ...marked('neighbour')].map((e) => e.textContent ?? ''),
      };
    });
  }, scope);

function expectReadable(all: Sizes[], count: number) {
  expect(all).toHaveLength(count);
  for (const s of all) {
    // every run has an active state, and every pattern but the control (one state) has neighbours
    expect(s.active.length, `${s.run}: active state drawn`).toBeGreaterThan(0);
    expect(s.hidden, `${s.run}: active state cut off`).toEqual([]);
    if (s.run !== 'none') expect(s.neighbours.length, `${s.run}: neighbours drawn`).toBeGreaterThan(0);
    for (const size of [...s.active, ...s.neighbours]) expect(size, `${s.run}: ${s.names.join(', ')}`).toBeGreaterThanOrEqual(READABLE);
  }
}

const done = (page: Page) => page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });

describe('statecharts at panel size', () => {
  it('at 1920×1080 with all nine panels, early, mid-run (blue-green in both regions of its parallel state) and at the end, every active state and its neighbours are readable, the panels still whole', async () => {
    for (const t of [190, 290, 600]) {
      const { page, context, problems } = await visit(site, `${SCENARIO}&panels=0,1,2,3,4,5,6,7,8&t=${t}`, { width: 1920, height: 1080 });
      await done(page);
      await page.locator('.panel').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      expectReadable(await labelSizes(page, '.panel .sc'), 9);
      // the focus takes no more room than the drawing did: all nine still fit the screen
      expect(await page.locator('.panel').last().evaluate((el) => el.getBoundingClientRect().bottom)).toBeLessThanOrEqual(1080);
      if (t === 190) await screenshot(page, 'statechart-1920x1080-nine');
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('at 1280×720 with two panels at a time, every pattern early and late in its run is readable', async () => {
    for (const [panels, t] of [['1,2', 100], ['3,4', 250], ['5,6', 330], ['7,8', 200], ['3,8', 900]] as const) {
      const { page, context, problems } = await visit(site, `${SCENARIO}&panels=${panels}&t=${t}`);
      await done(page);
      expectReadable(await labelSizes(page, '.panel .sc'), 2);
      if (panels === '5,6') await screenshot(page, 'statechart-1280x720-two');
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('opens the whole chart large from the panel by keyboard, with the active state lit, and closes it with Escape', async () => {
    const { page, context, problems } = await visit(site, `${SCENARIO}&panels=0,1,2,3,4,5,6,7,8&t=600`, { width: 1920, height: 1080 });
    await done(page);
    const open = page.locator('.panel[data-run="canary"] [data-testid="statechart-open"]');
    await open.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog[data-testid="statechart-dialog"][open]');
    await dialog.waitFor();
    // the whole machine: every state of the canary's statechart is drawn, the active one lit
    expect(await dialog.locator('.sc-svg .sc-state').count()).toBeGreaterThan(8);
    expect(await dialog.locator('.sc-svg .sc-lit').count()).toBeGreaterThan(0);
    const [large] = await labelSizes(page, 'dialog[open] .sc');
    expect(large.active.length).toBeGreaterThan(0);
    for (const size of [...large.active, ...large.neighbours]) expect(size).toBeGreaterThanOrEqual(12);
    const { violations } = await new AxeBuilder({ page }).include('dialog[open]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'statechart-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // focus goes back to the button that opened it
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('statechart-open');
    expect(problems).toEqual([]);
    await context.close();
  });
});

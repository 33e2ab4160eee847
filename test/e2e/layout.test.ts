// The panels on the screens learners use, in real Chromium against the built site: two panels whole
// at 1280×720 as the page opens, four at 1280×720 a row at a time, and all nine at 1920×1080 at once
// under the time control (the compact mode of three panels or more). Screenshots go to test-results/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openSite, root, screenshot, visit, type Site } from './site';

let site: Site;
beforeAll(async () => {
  site = await openSite();
  await mkdir(join(root, 'test-results'), { recursive: true });
});
const shot = (name: string) => join(root, 'test-results', `${name}.png`);
afterAll(async () => site?.close());

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Every panel's box, and the bottom of the time control that stays on top, as the reader sees them now. */
const boxes = (page: Page) =>
  page.evaluate(() => {
    const box = (e: Element): Box => {
      const b = e.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
    };
    return { panels: [...document.querySelectorAll('.panel')].map(box), transport: box(document.querySelector('.transport')!) };
  });

/** Within the window, and not under the time control. */
function expectWhole(panel: Box, transportBottom: number, width: number, height: number) {
  expect(panel.top).toBeGreaterThanOrEqual(transportBottom);
  expect(panel.bottom).toBeLessThanOrEqual(height);
  expect(panel.left).toBeGreaterThanOrEqual(0);
  expect(panel.right).toBeLessThanOrEqual(width);
}

const columns = (panels: Box[]) => new Set(panels.map((p) => Math.round(p.left))).size;

describe('the panels on common screens', () => {
  it('at 1280×720 shows two panels whole, side by side, without scrolling', async () => {
    const { page, context, problems } = await visit(site, '?panels=0,1&t=320');
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    const { panels, transport } = await boxes(page);
    expect(panels).toHaveLength(2);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const panel of panels) expectWhole(panel, transport.bottom, 1280, 720);
    expect(panels[1].left).toBeGreaterThanOrEqual(panels[0].right);
    await page.screenshot({ path: shot('layout-1280x720-two') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 1280×720 shows four panels two to a row, each row whole under the time control', async () => {
    const { page, context, problems } = await visit(site, '?panels=0,1,2,3&t=320');
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    expect(columns((await boxes(page)).panels)).toBe(2);
    for (const row of [0, 2]) {
      // the way "next decision" brings a panel into view: its scroll margin clears the time control
      await page.locator('.panel').nth(row).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      const { panels, transport } = await boxes(page);
      for (const panel of panels.slice(row, row + 2)) expectWhole(panel, transport.bottom, 1280, 720);
      if (row === 0) await page.screenshot({ path: shot('layout-1280x720-four') });
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 1920×1080 shows all nine panels whole at once, three by three, under the time control', async () => {
    const { page, context, problems } = await visit(site, '?scenario=bad-release-every-pattern&panels=0,1,2,3,4,5,6,7,8&t=600', { width: 1920, height: 1080 });
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    await page.locator('.panel').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const { panels, transport } = await boxes(page);
    expect(panels).toHaveLength(9);
    expect(columns(panels)).toBe(3);
    for (const panel of panels) expectWhole(panel, transport.bottom, 1920, 1080);
    await page.screenshot({ path: shot('layout-1920x1080-nine') });
    await screenshot(page, 'layout-1920x1080-nine-whole');
    expect(problems).toEqual([]);
    await context.close();
  });
});

// What the browser tests of acting read from the page: the story in the address, the clock, a run's
// panel, the run record once the re-simulated run is complete, and the act console opened.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ScenarioResult } from '../../src/runtime/types';
import { decodeActs } from '../../src/view/actCodec';

export const actsInAddress = (page: Page) => decodeActs(new URL(page.url()).searchParams.get('acts') ?? '').acts;
export const waitForTime = (page: Page, t: number) => page.locator(`[data-testid="clock"][data-sim-time="${t.toFixed(1)}"]`).waitFor();
export const panel = (page: Page, label: string) => page.locator(`.panel[data-run="${label}"]`);

/** The run record the page shows once the re-simulated run is complete. */
export const record = async (page: Page): Promise<ScenarioResult | null> => {
  const text = await page.locator('#run-result').textContent({ timeout: 100 }).catch(() => null);
  return text ? JSON.parse(text) : null;
};
export const recordBecomes = (page: Page, expected: ScenarioResult) => expect.poll(() => record(page), { timeout: 90_000, interval: 200 }).toEqual(expected);

/** The console is folded to one line until a learner opens it (or the story has acts). */
export async function openConsole(page: Page): Promise<void> {
  await page.getByTestId('act-console-toggle').click();
  await page.getByTestId('fault-kind').waitFor();
}

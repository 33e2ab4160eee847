// Breaking and steering the default scenario in real Chromium against the built site: a fault from
// the palette reaches every run at the same simulated instant, a canary aborted by hand says so in
// its log as the learner's, the flag console's change travels to the instances, the story lives in
// the address (a fresh page replays it, a hostile address loses only what it garbles), and undo
// takes the last act back. Every figure is checked against the runner in Node with the same acts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src';
import type { Act } from '../../src/runtime/acts/act';
import { actsToRun } from '../../src/runtime/acts/toRun';
import type { ScenarioResult } from '../../src/runtime/types';
import type { Scenario } from '../../src/scenario/types';
import { openSite, root, screenshot, visit, type Site } from './site';
import { actsInAddress, openConsole, panel, recordBecomes, waitForTime } from './actPage';

let site: Site;
let scenario: Scenario;

beforeAll(async () => {
  const parsed = parseScenario(await readFile(join(root, 'scenarios/default.yaml'), 'utf8'), 'default.yaml');
  if (!parsed.ok) throw new Error('the default scenario does not parse');
  scenario = parsed.scenario;
  site = await openSite();
});
afterAll(async () => site?.close());

/** The runner's record for the default scenario with these acts. */
const inNode = (acts: Act[]): ScenarioResult => runScenario(scenario, actsToRun(acts, scenario.compare.map((e) => e.label)));

describe('acting in the sandbox', () => {
  it('injects a fault from the palette into every run at the same simulated time, keeping the playhead', async () => {
    const { page, context, problems } = await visit(site, '?t=420');
    await waitForTime(page, 420);
    await openConsole(page);
    await page.getByTestId('fault-kind').selectOption('dependency-outage');
    await page.locator('[data-param="rate"]').fill('50');
    await page.getByTestId('inject').click();
    const acts = [{ type: 'fault', t: 420, kind: 'dependency-outage', duration: 180, params: { rate: 0.5 } }] satisfies Act[];
    await expect.poll(() => actsInAddress(page)).toEqual(acts);
    await page.getByTestId('act-list').getByText('you: injected dependency-outage (50%) at 7:00 for 3:00').waitFor();
    // the re-simulated run is the runner's with the same fault: every run hit from 7:00 on
    const expected = inNode(acts);
    await recordBecomes(page, expected);
    for (const run of expected.runs) {
      const cost = run.faults.find((f) => f.label === 'you: dependency-outage at 7:00')!;
      expect(cost.startedAt).toBe(420);
      expect(cost.failedRequests).toBeGreaterThan(1000);
      // and its panel shades the window, at the playhead that stayed where it was
      await panel(page, run.label).locator('.chart-fault-label', { hasText: 'you: dependency-outage at 7:00' }).waitFor();
    }
    await waitForTime(page, 420);
    await screenshot(page, 'acts-fault-injected');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('aborts the canary by hand: the log says it was you, the address keeps it, a fresh page replays it, undo takes it back', async () => {
    const { page, context, problems } = await visit(site, '?t=320');
    await waitForTime(page, 320);
    await openConsole(page);
    const canary = panel(page, 'canary');
    await page.getByRole('button', { name: 'Abort canary' }).click();
    const acts: Act[] = [{ type: 'gate', t: 320, event: 'ABORT', run: 4 }];
    await expect.poll(() => actsInAddress(page)).toEqual(acts);
    await canary.locator('.panel-log li', { hasText: 'you: 5:20 canary aborted by hand → rolling back' }).waitFor();
    const expected = inNode(acts);
    expect(expected.runs[4].decisions.find((d) => d.reason === 'manual abort')?.t).toBe(320);
    await recordBecomes(page, expected);
    await screenshot(page, 'acts-canary-aborted');

    // the link replays the same story in a fresh page
    const fresh = await visit(site, new URL(page.url()).search);
    await recordBecomes(fresh.page, expected);
    await panel(fresh.page, 'canary').locator('.panel-log li', { hasText: 'you: 5:20 canary aborted by hand' }).waitFor();
    expect(await fresh.page.getByTestId('act-list').textContent()).toBe('you: aborted canary at 5:20');
    expect(fresh.problems).toEqual([]);
    await fresh.context.close();

    // undo: the act is gone from the list, the log and the address; the run is the scenario's own
    await page.getByTestId('undo').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('acts')).toBeNull();
    await recordBecomes(page, inNode([]));
    await waitForTime(page, 320);
    expect(await canary.locator('.panel-log').textContent()).not.toContain('you:');
    expect(await page.getByTestId('act-list').count()).toBe(0);
    await screenshot(page, 'acts-undone');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('sets a flag share in the console: the change travels to the instances over the propagation delay', async () => {
    const { page, context, problems } = await visit(site, '?t=305');
    await waitForTime(page, 305);
    await openConsole(page);
    const row = page.locator('.flag-row[data-run="feature-toggle"]');
    await row.getByRole('textbox').fill('50');
    await row.getByRole('button', { name: 'Set share' }).click();
    const acts: Act[] = [{ type: 'flag', t: 305, run: 5, rollout: 0.5 }];
    await expect.poll(() => actsInAddress(page)).toEqual(acts);
    const travel = page.getByTestId('flag-travel-5');
    // at the click, the change starts travelling (the first instance picks it up at once)
    await expect.poll(() => travel.textContent(), { timeout: 60_000, interval: 200 }).toMatch(/^config reaching instances: 1\/10$/);
    await panel(page, 'feature-toggle').locator('.panel-log li', { hasText: 'you: 5:05 feature-toggle flag set by hand from 5% to 50% of users' }).waitFor();
    // half-way through the 30 s delay part of the fleet has it; after it, every instance
    await page.goto(site.baseUrl + new URL(page.url()).search.replace(/t=\d+/, 't=320'));
    await waitForTime(page, 320);
    const [reached, of] = ((await travel.textContent()) ?? '').match(/(\d+)\/(\d+)/)!.slice(1).map(Number);
    expect(reached).toBeGreaterThan(0);
    expect(reached).toBeLessThan(of);
    await screenshot(page, 'acts-flag-travelling');
    await page.goto(site.baseUrl + new URL(page.url()).search.replace(/t=\d+/, 't=340'));
    await waitForTime(page, 340);
    expect(await travel.textContent()).toMatch(/^config on every instance \((\d+)\/\1\)$/);
    await recordBecomes(page, inNode(acts));
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('kills an instance by a click in one panel, and loses a zone in every run by a click on it', async () => {
    const { page, context, problems } = await visit(site, '?t=240');
    await waitForTime(page, 240);
    const canary = panel(page, 'canary');
    await canary.locator('.fleet-cell[data-instance="3"]').click();
    const kill: Act = { type: 'kill', t: 240, run: 4, instance: 3 };
    await expect.poll(() => actsInAddress(page)).toEqual([kill]);
    // the canary's instance 3 has failed at the playhead; the same instance elsewhere still serves
    await canary.locator('.fleet-cell.fleet-failed[data-instance="3"]').waitFor();
    expect(await panel(page, 'rolling').locator('.fleet-cell.fleet-ready[data-instance="3"]').count()).toBe(1);
    await page.getByTestId('act-list').getByText('you: killed instance 3 of canary at 4:00').waitFor();
    await screenshot(page, 'acts-instance-killed');
    // a zone, in every run at once (by the keyboard this time: the zone is a button)
    await panel(page, 'none').locator('.fleet-zone[data-zone="b"]').focus();
    await page.keyboard.press('Enter');
    const zone: Act = { type: 'fault', t: 240, kind: 'instance-loss', duration: null, params: { count: null, zone: 'b', version: null } };
    await expect.poll(() => actsInAddress(page)).toEqual([kill, zone]);
    const expected = inNode([kill, zone]);
    await recordBecomes(page, expected);
    for (const run of expected.runs) {
      const lost = run.faults.find((f) => f.label === 'you: instance-loss at 4:00')!;
      expect(lost.startedAt).toBe(240);
      await panel(page, run.label).locator('.fleet-zone[data-zone="b"] ~ .fleet-cell.fleet-failed').first().waitFor();
    }
    await waitForTime(page, 240);
    await screenshot(page, 'acts-zone-lost');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('forks a what-if at the playhead and shows it beside the story, with the difference; the fork can become the story', async () => {
    const { page, context, problems } = await visit(site, '?t=320');
    await waitForTime(page, 320);
    await openConsole(page);
    await page.getByTestId('fork-choice').selectOption('abort');
    await page.getByTestId('fork').click();
    const fork: Act = { type: 'gate', t: 320, event: 'ABORT', run: null };
    await expect.poll(() => new URL(page.url()).searchParams.get('whatif')).toBe('320:abort');
    const table = page.getByTestId('fork-table');
    await table.waitFor({ timeout: 90_000 });
    // each run's users affected, story → fork, as the runner computes both
    const story = inNode([]);
    const forked = inNode([fork]);
    for (const [k, run] of story.runs.entries()) {
      const cell = table.locator(`tr[data-run="${run.label}"] td[data-column="users affected"]`);
      const a = run.usersAffected.toLocaleString('en-US');
      const b = forked.runs[k].usersAffected.toLocaleString('en-US');
      // (a count may say that every user it holds was an employee)
      const text = (await cell.textContent())!.replace(/ \(all employees\)/g, '');
      expect(text).toContain(a === b ? a : `${a} → ${b}`);
    }
    // big bang had put v2 in front of everyone; aborting at 5:20 spares thousands
    expect(forked.runs[1].usersAffected).toBeLessThan(story.runs[1].usersAffected - 1000);
    expect(await table.locator('tr[data-run="big-bang"] td[data-column="users affected"]').textContent()).toMatch(/▼ −[\d,]+/);
    await screenshot(page, 'acts-what-if');
    await table.screenshot({ path: join(root, 'test-results', 'acts-what-if-table.png') });
    // a fresh page opens the same fork beside the same story
    const fresh = await visit(site, new URL(page.url()).search);
    await fresh.page.getByTestId('fork-table').waitFor({ timeout: 90_000 });
    expect(await fresh.page.getByTestId('fork-table').textContent()).toBe(await table.textContent());
    await fresh.context.close();
    // keeping it makes it the story
    await page.getByTestId('fork-keep').click();
    await expect.poll(() => actsInAddress(page)).toEqual([fork]);
    expect(new URL(page.url()).searchParams.get('whatif')).toBeNull();
    await recordBecomes(page, forked);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('plays what a hostile address allows and says what it left out', async () => {
    const { page, context, problems } = await visit(site, `?t=320&acts=${encodeURIComponent('320:abort:4,99:abrot,320:abort:9,<img src=x onerror=alert(1)>')}`);
    await waitForTime(page, 320);
    await page.getByText(/act 2 \("99:abrot"\) was left out: "abrot" is not an act; did you mean "abort"\?/).waitFor();
    await page.getByText(/act 4 \("<img src=x onerror=alert\(1\)>"\) was left out/).waitFor();
    await page.getByText('Act 2 (abort at 5:20) was left out: it names run 9, but this scenario has runs 0 to 6.').waitFor();
    await recordBecomes(page, inNode([{ type: 'gate', t: 320, event: 'ABORT', run: 4 }]));
    await screenshot(page, 'acts-hostile-address');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

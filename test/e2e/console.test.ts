// The act console's flag rules and the plan's word over a hand-set share, in real Chromium against
// the built site: a rule added in the console reaches the run as the learner's, in the log and the
// address, and comes off again; a calendar window is a rule added now and taken off at its end; the
// plan's next step overwrites a hand-set share and the log says so. Figures are checked against the
// runner in Node with the same acts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseScenario, runScenario } from '../../src';
import type { Act } from '../../src/runtime/acts/act';
import { actsToRun } from '../../src/runtime/acts/toRun';
import type { ScenarioResult } from '../../src/runtime/types';
import type { Scenario } from '../../src/scenario/types';
import { clock } from '../../src/patterns/decisions';
import { openSite, root, screenshot, visit, type Site } from './site';
import { actsInAddress, openConsole, panel, record, recordBecomes, waitForTime } from './actPage';

let site: Site;
const scenarios: Record<string, Scenario> = {};

beforeAll(async () => {
  for (const name of ['default', 'good-release', 'payments-after-one-day']) {
    const parsed = parseScenario(await readFile(join(root, `scenarios/${name}.yaml`), 'utf8'), `${name}.yaml`);
    if (!parsed.ok) throw new Error(`${name} does not parse`);
    scenarios[name] = parsed.scenario;
  }
  site = await openSite();
});
afterAll(async () => site?.close());

const inNode = (name: string, acts: Act[]): ScenarioResult => runScenario(scenarios[name], actsToRun(acts, scenarios[name].compare.map((e) => e.label)));

const euOn: Act = { type: 'rule', t: 300, run: 5, change: 'add', rule: { when: { region: 'eu' }, serve: 'on' } };

describe('flag rules at the console', () => {
  it('adds a rule: the log says it was you, the address keeps it, the run is the runner’s; Remove takes it off', async () => {
    const { page, context, problems } = await visit(site, '?t=300');
    await waitForTime(page, 300);
    await openConsole(page);
    await page.getByTestId('rule-value-5').selectOption('eu');
    await page.getByTestId('rule-add-5').click();
    await expect.poll(() => actsInAddress(page)).toEqual([euOn]);
    expect(new URL(page.url()).search).toContain('acts=300:rule-add:5:on:region=eu');
    await page.getByTestId('act-list').getByText('you: added the rule "region eu → on" to feature-toggle\'s flag at 5:00').waitFor();
    await panel(page, 'feature-toggle').locator('.panel-log li', { hasText: 'you: 5:00 feature-toggle flag rule "region eu → on" added by hand' }).waitFor();
    await recordBecomes(page, inNode('default', [euOn]));
    await screenshot(page, 'console-rule-added');
    // the rule is listed, and its Remove button takes it off at the playhead
    await page.getByRole('button', { name: 'Remove rule region eu → on from feature-toggle' }).click();
    const removed: Act = { ...euOn, change: 'remove' };
    await expect.poll(() => actsInAddress(page)).toEqual([euOn, removed]);
    await expect.poll(() => page.getByTestId('flag-rules-5').locator('li').count()).toBe(0);
    await recordBecomes(page, inNode('default', [euOn, removed]));
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('a calendar window is a rule added now and taken off at its end', async () => {
    const { page, context, problems } = await visit(site, '?t=300');
    await waitForTime(page, 300);
    await openConsole(page);
    await page.getByTestId('rule-who-5').selectOption('age-min');
    await page.getByTestId('rule-value-5').fill('2');
    await page.getByTestId('rule-serve-5').selectOption('off');
    await page.getByTestId('rule-until-5').fill('6:00');
    await page.getByTestId('rule-add-5').click();
    const rule = { when: { registeredFor: { atLeast: 2 * 86_400 } }, serve: 'off' as const };
    const acts: Act[] = [
      { type: 'rule', t: 300, run: 5, change: 'add', rule },
      { type: 'rule', t: 360, run: 5, change: 'remove', rule },
    ];
    await expect.poll(() => actsInAddress(page)).toEqual(acts);
    await page.getByTestId('flag-rules-5').getByText('accounts at least 2d old → off').waitFor();
    const log = panel(page, 'feature-toggle').locator('.panel-log');
    await log.locator('li', { hasText: 'you: 5:00 feature-toggle flag rule "accounts at least 2d old → off" added by hand' }).waitFor();
    // the log shows what the playhead has passed; the run's record holds the removal at 6:00 too
    const expected = inNode('default', acts);
    expect(expected.runs[5].decisions.map((d) => d.text)).toContain('6:00 feature-toggle flag rule "accounts at least 2d old → off" removed by hand; every instance has it by 6:30');
    await recordBecomes(page, expected);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('after the run’s rollback flipped the kill switch, the console says every rule was cleared', async () => {
    const off = inNode('default', [euOn]).runs[5].decisions.find((d) => /kill switch/.test(d.text))!;
    expect(off.t).toBeGreaterThan(euOn.t);
    const { page, context, problems } = await visit(site, `?t=${Math.ceil(off.t) + 10}&acts=300:rule-add:5:on:region=eu`);
    await page.getByTestId('flag-off-5').getByText(`The rollback turned the flag off at ${clock(off.t)} (kill switch): every rule, yours too, was cleared. A rule added now applies on its own.`).waitFor();
    expect(await page.getByTestId('flag-rules-5').locator('li').count()).toBe(0);
    // before it, the rule is listed
    await page.goto(site.baseUrl + `?t=${Math.floor(off.t) - 5}&acts=300:rule-add:5:on:region=eu`);
    await page.getByTestId('flag-rules-5').getByText('region eu → on').waitFor();
    expect(await page.getByTestId('flag-off-5').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);

  it('a link naming a region the scenario lacks loses that act, with a did-you-mean', async () => {
    const { page, context, problems } = await visit(site, '?t=300&acts=300:rule-add:5:on:region=europe,300:rule-add:5:on:regoin=eu');
    await waitForTime(page, 300);
    await page.getByText(/act 2 \("300:rule-add:5:on:regoin=eu"\) was left out: "regoin=eu" is not a rule condition; did you mean "region"\?/).waitFor();
    await page.getByText('Act 1 (rule-add at 5:00) was left out: there is no region "europe"; did you mean "eu"? (the regions are us, eu, apac).').waitFor();
    await recordBecomes(page, inNode('default', []));
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('the plan and a hand-set share', () => {
  it('the plan’s next step sets its own share over yours, and the log says so', async () => {
    const s = scenarios['good-release'];
    const run = s.compare.findIndex((e) => e.pattern === 'feature-toggle');
    const at = s.rollout!.at + 60;
    const acts: Act[] = [{ type: 'flag', t: at, run, rollout: 0.8 }];
    const expected = inNode('good-release', acts);
    const over = expected.runs[run].decisions.find((d) => d.reason === 'plan over hand')!;
    expect(over.text).toMatch(/the plan's step set the flag to 50%, over your 80% \(the plan owns the share; pause it to keep yours\)$/);
    const { page, context, problems } = await visit(site, `?scenario=good-release&t=${Math.ceil(over.t) + 5}&acts=${at}:flag:${run}:80`);
    await recordBecomes(page, expected);
    const line = panel(page, 'feature-toggle').locator('.panel-log li', { hasText: "the plan's step set the flag to 50%, over your 80%" });
    await line.waitFor();
    await panel(page, 'feature-toggle').screenshot({ path: join(root, 'test-results', 'console-plan-over-hand-panel.png') });
    // the plan's word, not the learner's
    expect(await line.textContent()).not.toMatch(/^you:/);
    await screenshot(page, 'console-plan-over-hand');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('a gate in the panel', () => {
  it('a run paused indefinitely offers its gates in its panel; by the keyboard, Promote is the learner’s act, said in the live region', async () => {
    const { page, context, problems } = await visit(site, '?scenario=payments-after-one-day&t=600');
    await waitForTime(page, 600);
    const gate = page.getByTestId('panel-gate-0');
    await gate.getByText('time-rule waits for you:').waitFor();
    // only the paused run waits; the others have no gate in their panel
    expect(await page.locator('[data-testid^="panel-gate-"]').count()).toBe(1);
    expect(await gate.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      'Promote time-rule: release it to everyone now',
      'Resume time-rule: go on with the plan',
      'Abort time-rule: roll back',
    ]);
    await panel(page, 'time-rule').screenshot({ path: join(root, 'test-results', 'console-panel-gate.png') });
    // from the panel's own header, one Tab reaches Promote, and Enter takes it
    await page.getByRole('button', { name: 'hide time-rule', exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Promote time-rule: release it to everyone now');
    await page.keyboard.press('Enter');
    const acts: Act[] = [{ type: 'gate', t: 600, event: 'PROMOTE', run: 0 }];
    await expect.poll(() => actsInAddress(page)).toEqual(acts);
    // said alone: the re-simulated run catching up to the playhead does not repeat the decisions before it
    await expect.poll(() => page.getByTestId('announcer').textContent(), { timeout: 10_000 }).toBe('you promoted time-rule at 10:00');
    const expected = inNode('payments-after-one-day', acts);
    await recordBecomes(page, expected);
    await panel(page, 'time-rule').locator('.panel-log li', { hasText: 'you: 10:00 time-rule' }).waitFor();
    // promoted, the run no longer waits: the gate is gone from its panel
    await expect.poll(() => gate.count()).toBe(0);
    // undo is said too
    await page.getByTestId('undo').click();
    await expect.poll(() => page.getByTestId('announcer').textContent(), { timeout: 10_000 }).toBe('undone: you promoted time-rule at 10:00');
    // and nothing after it: the decisions before 10:00 are not said again
    await waitForTime(page, 600);
    await expect.poll(() => record(page), { timeout: 90_000, interval: 200 }).toEqual(inNode('payments-after-one-day', []));
    expect(await page.getByTestId('announcer').textContent()).toBe('undone: you promoted time-rule at 10:00');
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('a fault dragged onto the timeline', () => {
  it('lands at the time it is dropped on, in every run, as the runner computes it', async () => {
    const { page, context, problems } = await visit(site, '?t=300');
    await waitForTime(page, 300);
    await openConsole(page);
    await page.getByTestId('fault-kind').selectOption('latency');
    const track = page.locator('.transport-timeline svg');
    const box = (await track.boundingBox())!;
    // half-way along the track: 15:00 of the 30-minute run (the track is inset 8 px on each side)
    await page.getByTestId('fault-chip').dragTo(track, { targetPosition: { x: 8 + (box.width - 16) / 2, y: box.height / 2 } });
    await expect.poll(() => actsInAddress(page).length).toBe(1);
    const [dropped] = actsInAddress(page);
    expect(dropped).toMatchObject({ type: 'fault', kind: 'latency', duration: 180, params: { version: 'v2' } });
    expect(Math.abs(dropped.t - 900)).toBeLessThanOrEqual(3); // a pixel is about 3 s here
    await page.getByTestId('act-list').getByText(/you: injected latency \(v2, ×\d+\) at 1[45]:\d\d for 3:00/).waitFor();
    await recordBecomes(page, inNode('default', [dropped]));
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

describe('the console on a phone, by touch', () => {
  it('at 375 px, open: every control of the console and of a panel gate is a target of at least 24 × 24 px, and a tap acts', async () => {
    const { page, context, problems } = await visit(site, '?scenario=payments-after-one-day&t=600', { width: 375, height: 812 }, { hasTouch: true, isMobile: true });
    await waitForTime(page, 600);
    await page.getByTestId('act-console-toggle').tap();
    await page.getByTestId('fault-kind').waitFor();
    await page.getByTestId('panel-gate-0').waitFor();
    const small = await page.locator('.act-console, .panel-gate').evaluateAll((roots) =>
      roots.flatMap((root) =>
        [...root.querySelectorAll<HTMLElement>('button, select, input, summary, a[href]')]
          .filter((el) => el.getClientRects().length > 0)
          .map((el) => {
            // a control inside its label is hit anywhere on the label
            const target = el.closest('label') ?? el;
            const { width, height } = target.getBoundingClientRect();
            return { what: el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? el.tagName, width, height };
          })
          .filter((t) => t.width < 24 || t.height < 24),
      ),
    );
    expect(small, JSON.stringify(small)).toEqual([]);
    // nothing spills sideways out of the phone's width
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(root, 'test-results', 'console-phone.png'), fullPage: false });
    // axe, on the phone with the console open
    const { violations } = await new AxeBuilder({ page }).include('.act-console').include('.panel-gate').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.getByRole('button', { name: 'Abort time-rule: roll back' }).tap();
    await expect.poll(() => actsInAddress(page)).toEqual([{ type: 'gate', t: 600, event: 'ABORT', run: 0 }]);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});

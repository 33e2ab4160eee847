// The page under hostile input, in Chromium: script payloads in every string field render as text,
// a hostile link is reported and ignored, a draft whose run is refused, stalls or never finished is
// kept and not run again on load, with the reason shown.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SILENCE_REASON, WORKER_SILENCE_MS } from '../../src/ui/workerWatchdog';
import { openSite, type Site } from './site';

const DRAFT_KEY = 'rollout-lab:draft:default.yaml';
const TABLE = '[data-testid="summary-table"]';

let site: Site;
beforeAll(async () => {
  site = await openSite();
});
afterAll(async () => {
  await site?.close();
});

/** Each payload, if it ever ran, would open a dialog or set window.__pwned. */
const PAYLOADS = [
  '<script>window.__pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.__pwned = 2; alert(2)">',
  '<svg onload="alert(3)"></svg>',
  '"><iframe srcdoc="<script>parent.alert(4)</script>"></iframe>',
  'javascript:alert(5)',
  '</script><script>alert(6)</script>',
  '{{constructor.constructor("alert(7)")()}}',
];
const yamlString = (s: string) => JSON.stringify(s);

const HOSTILE_SCENARIO = `schemaVersion: 1
title: ${yamlString(PAYLOADS.join(' '))}
summary: ${yamlString(PAYLOADS.slice().reverse().join(' '))}
objectives: [${PAYLOADS.map(yamlString).join(', ')}]
narrative: ${yamlString(`# ${PAYLOADS[1]}\n[link](${PAYLOADS[4]})`)}
duration: 2m
traffic: { rps: 20 }
users: { count: 200 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms }, errorRate: 20% }
rollout: { from: v1, to: v2, at: 30s }
compare:
  - { pattern: none, label: ${yamlString(`0${PAYLOADS[0]}`)} }
  - { pattern: big-bang, label: ${yamlString(`1${PAYLOADS[1]}`)} }
  - { pattern: canary, label: ${yamlString(`2${PAYLOADS[2]}`)}, steps: [ { setWeight: 50 }, { pause: 30s } ], analysis: { interval: 10s, errorRate: { max: 1% } } }
  - { pattern: feature-toggle, label: ${yamlString(`3${PAYLOADS[3]}`)}, steps: [ { rollout: 50% }, { pause: 30s } ], analysis: { interval: 10s, errorRate: { max: 1% } } }
`;

interface Visit {
  page: Page;
  context: BrowserContext;
  dialogs: string[];
}

/** A fresh profile whose stored draft (if any) is `draft`; dialogs are recorded and dismissed. */
async function visit(search: string, draft?: string, prepare?: (context: BrowserContext) => Promise<void>): Promise<Visit> {
  const context = await site.browser.newContext();
  await prepare?.(context);
  if (draft !== undefined) {
    await context.addInitScript(([key, text]) => window.localStorage.getItem(key) ?? window.localStorage.setItem(key, text), [DRAFT_KEY, draft] as const);
  }
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(site.baseUrl + search);
  return { page, context, dialogs };
}

/** Elements a payload would have injected, and whether any payload ran. */
async function injected(page: Page): Promise<{ elements: number; pwned: unknown }> {
  return page.evaluate(() => ({
    elements: document.querySelectorAll('img[src="x"], svg[onload], iframe, script:not([type="application/json"]):not([src]), [onerror], [onload]').length,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
  }));
}

describe('hostile input on the page', () => {
  it('renders script payloads in every string field as text', async () => {
    const { page, context, dialogs } = await visit('', HOSTILE_SCENARIO);
    await page.locator(TABLE).waitFor({ timeout: 120_000 });
    expect(await page.locator('main').textContent()).toContain(PAYLOADS.join(' '));
    const table = (await page.locator(TABLE).textContent()) ?? '';
    expect(table).toContain(`0${PAYLOADS[0]}`);
    expect(table).toContain(`3${PAYLOADS[3]}`);
    // a moment for any deferred payload (an image error, an iframe load) to fire
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await injected(page)).toEqual({ elements: 0, pwned: undefined });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('reports and ignores a hostile link', async () => {
    const { page, context, dialogs } = await visit(`?scenario=${encodeURIComponent(PAYLOADS[1])}&seed=${encodeURIComponent(PAYLOADS[0])}`);
    const notices = await page.locator('.notice').allTextContents();
    expect(notices.join('\n')).toContain('scenario names are made of letters');
    expect(notices.join('\n')).toContain(`seed "${PAYLOADS[0]}"`);
    await page.locator('[data-testid="run-status"]:not([data-status="reading"])').waitFor(); // the default scenario runs instead
    expect(await injected(page)).toEqual({ elements: 0, pwned: undefined });
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('keeps a draft whose run was refused, says why, and does not run it again on reload', async () => {
    const huge = HOSTILE_SCENARIO.replace('users: { count: 200 }', 'users: { count: 200 }\nfleet: { instances: 10000, queueLimit: 1000000 }');
    const { page, context, dialogs } = await visit('', huge);
    const stopped = page.locator('.problems[role="alert"]');
    await expect.poll(() => stopped.textContent()).toContain('exceeds the limit of 1,000 MB');
    await page.reload();
    const held = page.getByTestId('held-draft');
    await held.waitFor();
    expect(await held.textContent()).toContain('exceeds the limit of 1,000 MB');
    // the refusal names the field to change and its place in the text
    expect(await held.textContent()).toMatch(/default\.yaml:\d+:\d+: fleet\.queueLimit: /);
    expect(await page.locator('#scenario-text').inputValue()).toBe(huge);
    expect(await page.getByTestId('run-status').count()).toBe(0); // nothing is running
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('ends a simulation that stops answering, says why, and keeps the draft without running it again', async () => {
    // The worker's script replaced by one that takes the request and never answers (a slice that
    // never ends). The page's clock is Playwright's, so the watchdog's silence passes at once.
    const worker = readdirSync(join(site.outDir, 'assets')).find((f) => /^worker-.*\.js$/.test(f));
    expect(worker).toBeDefined();
    const stall = async (context: BrowserContext) => {
      await context.route(`**/assets/${worker}`, (route) => route.fulfill({ contentType: 'text/javascript', body: 'self.onmessage = () => { for (;;) {} };' }));
    };
    const draft = HOSTILE_SCENARIO.replace(/^title: .*$/m, 'title: A draft whose run stalls');
    const { page, context, dialogs } = await visit('', draft, async (c) => {
      await stall(c);
      await c.clock.install();
    });
    await page.locator('[data-testid="run-status"]').waitFor();
    await page.clock.fastForward(WORKER_SILENCE_MS + 1000);
    const stopped = page.locator('.problems[role="alert"]');
    await expect.poll(() => stopped.textContent()).toContain(SILENCE_REASON);
    expect(await page.locator('#scenario-text').inputValue()).toBe(draft);
    await page.reload();
    const held = page.getByTestId('held-draft');
    await held.waitFor();
    expect(await held.textContent()).toContain(SILENCE_REASON);
    expect(await page.locator('#scenario-text').inputValue()).toBe(draft);
    expect(await page.getByTestId('run-status').count()).toBe(0); // nothing is running
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it('runs an unedited shipped scenario again after a reload mid-run: only an author\'s draft is held back', async () => {
    const { page, context } = await visit('');
    await page.locator('[data-testid="run-status"][data-status="streaming"]').waitFor();
    await page.reload();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('held-draft').count()).toBe(0);
    await context.close();
  });

  it('does not re-run a draft whose last run never finished (the tab closed or crashed while it ran)', async () => {
    // The default scenario takes seconds to simulate: reloading while it runs leaves it unfinished.
    const { page, context } = await visit('');
    const draft = (await page.locator('#scenario-text').inputValue()).replace('title: One release, seven ways', 'title: My draft');
    await page.locator('#scenario-text').fill(draft);
    await page.getByRole('button', { name: 'Run scenario' }).click();
    await page.locator('[data-testid="run-status"][data-status="streaming"]').waitFor();
    await page.reload();
    const held = page.getByTestId('held-draft');
    await held.waitFor();
    expect(await held.textContent()).toContain('the page was closed or crashed while it ran');
    expect(await page.locator('#scenario-text').inputValue()).toBe(draft);
    // Run releases it: the draft runs and finishes, and the next load runs it as usual.
    await page.getByRole('button', { name: 'Run scenario' }).click();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    await page.reload();
    await page.locator('[data-testid="run-status"][data-status="done"]').waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('held-draft').count()).toBe(0);
    await context.close();
  });
});

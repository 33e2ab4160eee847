// The built site in real Chromium, for the browser tests: builds it as `npm run build` does, serves
// it with `vite preview` on a free port, and opens pages in fresh profiles that record every console
// error and uncaught exception (from the page and its workers).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Site {
  baseUrl: string;
  /** the built site's folder (its assets, e.g. the worker script) */
  outDir: string;
  browser: Browser;
  close: () => Promise<void>;
}

export async function openSite(): Promise<Site> {
  // A child process, because inside Vitest NODE_ENV is "test" and an in-process build would ship
  // React's development build instead.
  const outDir = await mkdtemp(join(tmpdir(), 'rollout-lab-site-'));
  await promisify(execFile)(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // Port 0: the system picks a free port, so parallel runs never collide.
  const server: PreviewServer = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false },
  });
  const address = server.httpServer.address();
  if (address === null || typeof address === 'string') throw new Error('the preview server has no port');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  return {
    baseUrl: `http://127.0.0.1:${address.port}/`,
    outDir,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

export interface Visit {
  page: Page;
  context: BrowserContext;
  /** console errors and uncaught exceptions, from the page and its workers */
  problems: string[];
}

/**
 * Opens the site in a fresh browser profile (empty localStorage) and records what goes wrong;
 * `options` adds to the profile (reduced motion, touch).
 */
export async function visit(site: Site, search = '', viewport = { width: 1280, height: 720 }, options: BrowserContextOptions = {}): Promise<Visit> {
  const context = await site.browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('worker', (worker) => {
    worker.on('console', (message) => {
      if (message.type() === 'error') problems.push(`worker console error: ${message.text()}`);
    });
  });
  await page.goto(site.baseUrl + search);
  return { page, context, problems };
}

/**
 * Saves a screenshot under test-results/ (gitignored) for a person to look at: what the reader sees
 * with the panels scrolled into view (the time control stays on top), and the whole page.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder = join(root, 'test-results');
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}-page.png`), fullPage: true });
  const panels = page.locator('.panels');
  if ((await panels.count()) > 0) {
    await panels.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 130));
    await page.screenshot({ path: join(folder, `${name}.png`) });
  }
}

// One config for the site (Vite) and the tests (Vitest).
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { scenarioCardsPlugin } from './scripts/scenarioCardsPlugin.ts';

/**
 * Test files that simulate many runs each: in `npm test`, not in `npm run test:fast`. Measured, they
 * take about 130 s of test time together, almost half as much as the whole fast tier, and their
 * properties (error rates over many seeds, every fault kind injected live) need the many runs.
 */
const SWEEPS = ['test/stats/judgesPlan.test.ts', 'test/unit/cli/sweep.test.ts', 'test/faults/liveInjection.test.ts'];

export default defineConfig({
  // Relative asset URLs: the built site works from any folder of any static host.
  base: './',
  plugins: [react(), scenarioCardsPlugin(fileURLToPath(new URL('./scenarios', import.meta.url)))],
  // The simulation worker imports ES modules; keep it a module worker in the build as in dev.
  worker: { format: 'es' },
  test: {
    // One test worker per core: Vitest's default leaves one core free, which on a 2-core machine
    // halves the speed (measured: 4 heavy files took 17.5 s with the default, 11.0 s with 2). The
    // browser project keeps its single worker (below).
    maxWorkers: availableParallelism(),
    // The projects share the settings above. Each names its own files: `include` set here would be
    // merged into both lists rather than replaced.
    projects: [
      {
        extends: true,
        test: {
          // The fast tier (`npm run test:fast`): everything but the simulation-heavy sweeps below,
          // the scenario library and the browser. Its files' times add up to about 280 s of test
          // time on a busy 2-core machine (650 s before the shared workers and shorter runs).
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**', 'test/scenarios/**', ...SWEEPS],
          // Simulations run in beforeAll hooks; a busy 2-core machine needs more than the default 10 s.
          hookTimeout: 120_000,
          // Each worker imports the sources once for all its files instead of once per file: importing
          // was a fifth of the tier's time. No test file mocks modules or stubs globals, so nothing
          // leaks from one file to the next.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          // Statistical operating characteristics over many seeds, the sweep command, and live
          // injection of every fault kind against its declared twin:
          // each file simulates for tens of seconds, so they run in `npm test`, not in the fast tier.
          name: 'sweeps',
          include: SWEEPS,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // Every shipped scenario's expect: block over 3 seeds (`sim check`): minutes, so not in the fast tier.
          name: 'library',
          include: ['test/scenarios/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Building the site and driving Chromium takes seconds, more on a busy 2-core machine.
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Run after every other test file, one file at a time, so the browser never competes
          // with CPU-heavy tests for the same cores.
          sequence: { groupOrder: 1 },
          maxWorkers: 1,
        },
      },
    ],
  },
});

// `sim check [FILES…] [--seeds K]`: runs each scenario and verifies its `expect:` block in every one
// of K seeds. Instructors run it in CI; the test suite runs it on the whole library.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkExpectations, formatExpectationFailure } from '../../runtime/expectations';
import { integerFlag } from '../args';
import { CliError, EXIT_OK } from '../errors';
import { checkRunSizeOf, err, loadScenario, out } from '../io';
import { runSeeds } from '../seedsPool';
import type { Command } from './command';

const DEFAULT_SEEDS = 3;
/** Exit code when a scenario ran but an expectation did not hold. */
const EXIT_EXPECTATION = 1;

function libraryFiles(): string[] {
  try {
    return readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).sort().map((f) => join('scenarios', f));
  } catch {
    throw new CliError('`sim check` without files checks scenarios/*.yaml, but there is no scenarios folder here');
  }
}

export const checkCommand: Command = {
  name: 'check',
  usage: 'check [FILES…] [--seeds K] [--seed N]',
  summary: "run scenarios and verify their expect: blocks in every seed (default: scenarios/*.yaml, 3 seeds)",
  flags: { '--seeds': { kind: 'value', placeholder: 'K' }, '--seed': { kind: 'value', placeholder: 'N' } },
  async execute(args, context) {
    const files = args.positionals.length > 0 ? args.positionals : libraryFiles();
    const count = integerFlag(args, '--seeds', 1, 1000) ?? DEFAULT_SEEDS;
    let failed = 0;
    for (const file of files) {
      const scenario = loadScenario(file);
      if (!scenario.expect || Object.keys(scenario.expect).length === 0) {
        out(`${file}: no expect: block, nothing to check\n`);
        continue;
      }
      checkRunSizeOf(file, scenario, undefined);
      const first = integerFlag(args, '--seed', 0, 2 ** 32 - 1) ?? scenario.seed;
      const seeds = Array.from({ length: count }, (_, k) => first + k);
      const results = await runSeeds(seeds, { workerFile: join(context.bundleDir, 'worker.cjs'), setup: { scenario, options: {} } });
      const failures = checkExpectations(scenario, results);
      if (failures.length === 0) out(`${file}: ok (${count} seed${count === 1 ? '' : 's'})\n`);
      else {
        failed++;
        err(failures.map((f) => `${formatExpectationFailure(file, f)}\n`).join(''));
      }
    }
    if (failed > 0) err(`${failed} of ${files.length} scenario${files.length === 1 ? '' : 's'} failed ${failed === 1 ? 'its' : 'their'} expectations\n`);
    return failed > 0 ? EXIT_EXPECTATION : EXIT_OK;
  },
};

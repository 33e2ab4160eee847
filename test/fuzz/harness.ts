// One fuzz case: the text goes through the same parser the page and the command line use; when it
// is a valid scenario it is run, within an event budget. A case passes when it is refused with
// well-formed errors or finishes; anything else (an exception of ours, a Node warning, a stack
// trace or a foreign message in an error) is a crash.
import { parseScenario, runScenario } from '../../src/index';
import { RunLimitError } from '../../src/runtime/runSize';
import { BudgetExceededError } from '../../src/sim/engine';

export type Verdict = { kind: 'refused'; message: string } | { kind: 'finished' } | { kind: 'crash'; message: string };

/** Messages that are not ours: a stack, JavaScript's own wording, a library's option names. */
const FOREIGN = /\n\s+at |Maximum call stack|\[object Object\]|Cannot read propert|is not a function|mapAsMap|undefined is not/;

function parseAndRun(text: string, eventBudget: number): Verdict {
  const parsed = parseScenario(text, 'fuzz.yaml');
  if (!parsed.ok) {
    for (const e of parsed.errors) {
      const wellFormed = Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.column) && e.column >= 1 && e.message.length > 0;
      if (!wellFormed || FOREIGN.test(e.message)) return { kind: 'crash', message: `malformed error: ${JSON.stringify(e).slice(0, 500)}` };
    }
    return { kind: 'refused', message: parsed.errors[0].message };
  }
  try {
    runScenario(parsed.scenario, { eventBudget });
    return { kind: 'finished' };
  } catch (error) {
    // Refusals a user can act on: an exceeded event budget, a stalled clock, a run-size limit.
    if (!(error instanceof BudgetExceededError || error instanceof RunLimitError)) throw error;
    return FOREIGN.test(error.message) ? { kind: 'crash', message: error.message } : { kind: 'refused', message: error.message };
  }
}

export function checkCase(text: string, eventBudget: number): Verdict {
  // Libraries warn through process.emitWarning on a later tick; catch the call itself.
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error) => void warnings.push(String(warning))) as typeof process.emitWarning;
  let verdict: Verdict;
  try {
    verdict = parseAndRun(text, eventBudget);
  } catch (error) {
    verdict = { kind: 'crash', message: error instanceof Error ? `${error.message}\n${error.stack}` : String(error) };
  } finally {
    process.emitWarning = emitWarning;
  }
  return warnings.length > 0 ? { kind: 'crash', message: `Node warning: ${warnings[0]}` } : verdict;
}

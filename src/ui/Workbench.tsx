// One scenario on the page: what it is, the run's progress, its results or its errors, and the
// editor to change it. Runs once on arrival and again on every "Run scenario".
import { useRef, useState } from 'react';
import type { SimulationRequest } from '../runtime/worker';
import { RunStatus } from './RunStatus';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioErrors } from './ScenarioErrors';
import { ScenarioOverview } from './ScenarioOverview';
import { SummaryTable } from './SummaryTable';
import { DecisionLog } from './DecisionLog';
import { useHeldDraft, useRunMark } from './draftSafety';
import type { BuiltinScenario } from './scenarios';
import { useDraft } from './useDraft';
import { useSimulation } from './useSimulation';

interface Props {
  builtin: BuiltinScenario;
  /** seed override from the address */
  seed?: number;
}

/** Character offset of a 1-based line and column in `text`. */
function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const end = text.indexOf('\n', offset);
    if (end < 0) return text.length;
    offset = end + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

export function Workbench({ builtin, seed }: Props) {
  const draft = useDraft(builtin.file, builtin.text);
  // A draft whose last run did not finish is shown, not run again on load.
  const [heldReason, release] = useHeldDraft(builtin.file, draft.text);
  const [request, setRequest] = useState<SimulationRequest | null>(() => (heldReason !== null ? null : { text: draft.text, file: builtin.file, seed }));
  const state = useSimulation(request);
  useRunMark(builtin.file, request?.text ?? null, state);
  const editor = useRef<HTMLTextAreaElement>(null);

  const run = () => {
    release();
    setRequest({ text: draft.text, file: builtin.file, seed });
  };
  const jumpTo = (line: number, column: number) => {
    const textarea = editor.current;
    if (!textarea) return;
    const at = offsetOf(textarea.value, line, column);
    textarea.focus();
    textarea.setSelectionRange(at, at);
    // bring the line into view inside the textarea, with a little context above it
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const scenario = 'scenario' in state ? state.scenario : undefined;
  return (
    <>
      <ScenarioOverview file={builtin.file} scenario={scenario} seedFromAddress={seed !== undefined} />
      {request === null && heldReason !== null && (
        <section className="problems" role="alert" data-testid="held-draft">
          <h2>Your draft was not run automatically</h2>
          <p>Its last run did not finish: {heldReason}.</p>
          <p>Your text is kept below. Change it, or run it again with “Run scenario”.</p>
        </section>
      )}
      {request !== null && <RunStatus state={state} />}
      {state.status === 'done' && (
        <section className="results" aria-label="Results">
          <SummaryTable result={state.result} />
          <DecisionLog result={state.result} />
          {/* The whole run record, machine-readable, for anyone who wants more than the table. */}
          <script
            type="application/json"
            id="run-result"
            dangerouslySetInnerHTML={{ __html: JSON.stringify(state.result).replace(/</g, '\\u003c') }}
          />
        </section>
      )}
      {state.status === 'invalid' && <ScenarioErrors errors={state.errors} onJump={jumpTo} />}
      {state.status === 'failed' && (
        <section className="problems" role="alert">
          <h2>The simulation stopped</h2>
          <p>{state.message}</p>
        </section>
      )}
      <ScenarioEditor file={builtin.file} draft={draft} onRun={run} textareaRef={editor} />
    </>
  );
}

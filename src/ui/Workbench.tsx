// One scenario on the page: what it is, its streamed runs side by side, its errors, and the editor
// to change it. Streams once on arrival and again on every "Run scenario" or change of seed; keeps
// the address in step with the view so a link reproduces it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SimulationRequest } from '../runtime/worker';
import { pageSearch, type PageParams } from './pageParams';
import { RunStatus } from './RunStatus';
import { Sandbox } from './Sandbox';
import { ScenarioEditor } from './ScenarioEditor';
import { ScenarioErrors } from './ScenarioErrors';
import { ScenarioOverview } from './ScenarioOverview';
import type { BuiltinScenario } from './scenarios';
import { useDraft } from './useDraft';
import { useStream, type PlayheadChannel } from './useStream';
import { DEFAULT_SPEED } from '../view/playback';
import { useHeldDraft, useRunMark } from './draftSafety';
import type { Act } from '../runtime/acts/act';

interface Props {
  scenario: BuiltinScenario;
  /** the built-in name for the address; null for a file from disk, which a link cannot carry */
  shareName: string | null;
  params: PageParams;
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

export function Workbench({ scenario, shareName, params }: Props) {
  const draft = useDraft(scenario.file, scenario.text);
  const [seed, setSeed] = useState(params.seed);
  // An author's draft whose last run did not finish is shown, not run again on load.
  const [heldReason, release] = useHeldDraft(scenario.file, draft.text, shareName === null ? null : scenario.text);
  const [acts, setActs] = useState<Act[]>(params.acts ?? []);
  const [fork, setFork] = useState<Act | null>(params.whatif ?? null);
  const [request, setRequest] = useState<SimulationRequest | null>(() => (heldReason !== null ? null : { text: draft.text, file: scenario.file, seed, acts, playhead: params.t }));
  // a new seed or an edited scenario is a new run (the sandbox starts over); new acts are the same run re-told
  const [runKey, setRunKey] = useState(0);
  const [speed, setSpeed] = useState(params.speed ?? DEFAULT_SPEED);
  const [panels, setPanels] = useState(params.panels);
  // The address's time applies to the first stream only; a link with a time opens paused there.
  const [initial, setInitial] = useState({ t: params.t, playing: params.t === undefined });
  // the worker keeps a copy of the run at the playhead, where the next act will join it
  const playhead = useRef<PlayheadChannel>({ tell: () => {} }).current;
  const state = useStream(request, playhead);
  useRunMark(scenario.file, request?.text ?? null, state);
  const editor = useRef<HTMLTextAreaElement>(null);

  const view = useRef({ t: params.t, seed, speed, panels, acts, whatif: fork });
  view.current = { ...view.current, seed, speed, panels, acts, whatif: fork };
  const lastWrite = useRef(0);
  const pending = useRef<number | undefined>(undefined);
  const writeAddress = useCallback(() => {
    if (shareName === null) return;
    const search = pageSearch({ scenario: shareName, ...view.current });
    window.clearTimeout(pending.current);
    pending.current = undefined;
    if (search !== window.location.search) window.history.replaceState(null, '', search || window.location.pathname);
    lastWrite.current = performance.now();
  }, [shareName]);
  useEffect(writeAddress, [writeAddress, seed, speed, panels, acts, fork]);
  // While playing, the time in the address follows at most once a second (browsers limit how often
  // it may change); the last position is always written.
  const onTime = useCallback(
    (t: number) => {
      view.current.t = t;
      if (pending.current !== undefined) return; // a write is due: it will carry this time
      const wait = lastWrite.current + 1000 - performance.now();
      if (wait <= 0) writeAddress();
      else pending.current = window.setTimeout(writeAddress, wait);
    },
    [writeAddress],
  );
  useEffect(() => () => window.clearTimeout(pending.current), []);

  const restart = (nextSeed: number | undefined) => {
    release();
    setInitial({ t: undefined, playing: true });
    setRunKey((k) => k + 1);
    setRequest({ text: draft.text, file: scenario.file, seed: nextSeed, acts });
  };
  // Re-simulate the same run with the new list of acts; the sandbox keeps its playhead.
  const changeActs = useCallback((next: Act[]) => {
    setActs(next);
    setRequest((r) => (r === null ? r : { ...r, acts: next, playhead: view.current.t }));
  }, []);
  const changeSeed = (next: number) => {
    setSeed(next);
    restart(next);
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

  const timeline = 'timeline' in state ? state.timeline : undefined;
  return (
    <>
      {!timeline && <ScenarioOverview file={scenario.file} seedFromAddress={false} />}
      {request === null && heldReason !== null && (
        <section className="problems" role="alert" data-testid="held-draft">
          <h2>Your draft was not run automatically</h2>
          <p>Its last run did not finish: {heldReason}.</p>
          <p>Your text is kept below. Change it, or run it again with “Run scenario”.</p>
        </section>
      )}
      {request !== null && <RunStatus state={state} />}
      {(state.status === 'streaming' || state.status === 'done') && (
        <Sandbox
          key={runKey}
          file={scenario.file}
          seedFromAddress={seed !== undefined && seed === params.seed}
          timeline={state.timeline}
          revision={state.revision}
          result={state.status === 'done' ? state.result : undefined}
          initial={initial}
          speed={speed}
          onSpeed={setSpeed}
          panels={panels}
          onPanels={setPanels}
          onSeed={changeSeed}
          onTime={onTime}
          onPlayhead={playhead.tell}
          story={{ acts, onActs: changeActs, problems: state.actProblems ?? [], fork, onFork: setFork, request: request! }}
        />
      )}
      {state.status === 'invalid' && <ScenarioErrors errors={state.errors} onJump={jumpTo} />}
      {state.status === 'failed' && (
        <section className="problems" role="alert">
          <h2>The simulation stopped</h2>
          <p>{state.message}</p>
        </section>
      )}
      <ScenarioEditor file={scenario.file} draft={draft} onRun={() => restart(seed)} textareaRef={editor} />
    </>
  );
}

// The streamed scenario on screen: time control, one panel per shown run, and the results once the
// whole run is computed. Mounted when the stream starts; the playhead lives here.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ScenarioResult } from '../index';
import { peakP99 } from '../view/scoreboard';
import type { Timeline } from '../view/timeline';
import { clampTime, decisionTimes, nextDecisionAfter, type DecisionRef } from '../view/timelineAt';
import { passedDecisions } from '../view/announcements';
import { actSentences } from '../view/actAnnouncements';
import { stepSpeed } from '../view/playback';
import { PanelChooser } from './PanelChooser';
import { ActConsole } from './act/ActConsole';
import type { Act } from '../runtime/acts/act';
import type { Story } from './act/story';
import { Results } from './Results';
import { RunPanel } from './RunPanel';
import { ScenarioBrief } from './ScenarioBrief';
import { ScenarioOverview } from './ScenarioOverview';
import { TransportBar } from './TransportBar';
import { usePlayback } from './usePlayback';
import { panelRedraws } from '../view/playback';
import { useReducedMotion } from './useReducedMotion';
import { useShortcuts } from './useShortcuts';
import { useSettling, useStaggered } from './useStaggered';
import { useAnnouncer } from './useAnnouncer';

export interface ViewState {
  t: number;
  speed: number;
  /** run indices shown; undefined: all */
  panels: number[] | undefined;
}

interface Props {
  file: string;
  seedFromAddress: boolean;
  timeline: Timeline;
  revision: number;
  result?: ScenarioResult;
  initial: { t?: number; playing: boolean };
  speed: number;
  onSpeed: (speed: number) => void;
  panels: number[] | undefined;
  onPanels: (panels: number[]) => void;
  onSeed: (seed: number) => void;
  /** told whenever the playhead settles on a new whole second */
  onTime: (t: number) => void;
  /** told the whole second the playhead wants, even before the run has computed it (a link's time) */
  onPlayhead?: (t: number) => void;
  /** the learner's acts and what-if, and how to change them */
  story: Story;
}

/** Moves focus to the latest decision shown in a run's log (or to the first panel's log when none). */
function focusLatestDecision(run: number | undefined) {
  const panel = document.querySelector(run === undefined ? '.panel' : `.panel[data-run-index="${run}"]`);
  const log = panel?.querySelector<HTMLElement>('.panel-log');
  const target = log?.querySelector<HTMLElement>('li:last-child button') ?? log;
  target?.focus();
  target?.scrollIntoView({ block: 'nearest' });
}

export function Sandbox({ file, seedFromAddress, timeline, revision, result, initial, speed, onSpeed, panels, onPanels, onSeed, onTime, onPlayhead, story }: Props) {
  const { acts, onActs } = story;
  const { start } = timeline;
  const duration = start.durationSeconds;
  const reducedMotion = useReducedMotion();
  const playback = usePlayback({ initialT: initial.t ?? 0, speed, autoplay: initial.playing, computedUntil: () => timeline.computedUntil, duration });
  const [selected, setSelected] = useState<DecisionRef | null>(null);
  const t = clampTime(timeline, playback.t);
  // The traffic follows the playhead on every frame by itself; the rest of a panel moves at its own pace.
  const clock = useMemo(() => ({ get current() { return clampTime(timeline, playback.clock.current); } }), [timeline, playback.clock]);
  const second = Math.floor(t);
  useEffect(() => onTime(second), [second, onTime]);
  const wantedSecond = Math.floor(playback.t);
  useEffect(() => onPlayhead?.(wantedSecond), [wantedSecond, onPlayhead]);

  const shown = useMemo(() => (panels ?? start.runs.map((_, r) => r)).filter((r) => r < start.runs.length), [panels, start]);
  const mounted = useStaggered(shown.length);
  // panel k still moves on its own frames until k + 1 panels have settled (see useSettling)
  const settled = useSettling(playback.playing, shown.length);
  // While playing, panel k shows the playhead of its last turn (panelRedraws): one panel redrawn a frame.
  const turns = useRef<number[]>([]);
  const panelT = (k: number) => {
    if (k < settled) return (turns.current[k] = t);
    if (turns.current[k] === undefined || panelRedraws(playback.frame, k, shown.length)) turns.current[k] = t;
    return turns.current[k];
  };
  // From three panels on, each is drawn compact (shorter charts and traffic) so that all nine fit a 1920×1080 screen.
  const compact = shown.length >= 3;
  // Beyond four panels, each traffic drawing moves at 20 frames a second, a third of them on each
  // frame (a canvas painted is also a canvas the browser must copy into the frame).
  const trafficStride = shown.length > 4 ? 3 : 1;
  const allFaults = useMemo(() => timeline.runs.flatMap((run) => run.faults), [timeline, revision]);
  const allDecisions = useMemo(() => decisionTimes(timeline).map((d) => timeline.runs[d.run].decisions[d.index]), [timeline, revision]);
  const next = nextDecisionAfter(timeline, t, selected);
  const stepToNext = useCallback(() => {
    const found = nextDecisionAfter(timeline, clampTime(timeline, playback.t), selected);
    if (!found) return;
    playback.pause();
    playback.seek(found.t);
    setSelected(found);
    if (panels && !panels.includes(found.run)) onPanels([...panels, found.run].sort((a, b) => a - b));
  }, [timeline, playback, panels, onPanels, selected]);

  const nudge = (seconds: number) => playback.seek(clampTime(timeline, playback.t) + seconds);
  useShortcuts({
    playPause: playback.playing ? playback.pause : playback.play,
    nextDecision: stepToNext,
    back: (event) => nudge(event.shiftKey ? -60 : -5),
    forward: (event) => nudge(event.shiftKey ? 60 : 5),
    slower: () => onSpeed(stepSpeed(speed, -1)),
    faster: () => onSpeed(stepSpeed(speed, 1)),
    log: () => focusLatestDecision(selected?.run ?? shown.find((r) => timeline.runs[r].decisions.some((d) => d.t <= t))),
  });

  // Decisions the playhead passes are said in the polite live region.
  const [announcement, announceSentences] = useAnnouncer();
  const heard = useRef(t);
  const wanted = playback.t;
  useEffect(() => {
    if (t > heard.current) announceSentences(passedDecisions(timeline.runs.map((run, r) => ({ label: start.runs[r].label, decisions: run.decisions })), heard.current, t));
    // Going back is the learner's seek (the wanted playhead), not a re-simulation catching up with
    // an act: what was said before the act is not said again.
    heard.current = t > heard.current ? t : Math.min(heard.current, wanted);
  }, [t, wanted, timeline, start, revision, announceSentences]);
  // So are the learner's own acts, and undoing them (not the acts a link arrived with).
  const saidActs = useRef(acts);
  useEffect(() => {
    if (acts === saidActs.current) return;
    announceSentences(actSentences(saidActs.current, acts, start.runs.map((r) => r.label)));
    saidActs.current = acts;
  }, [acts, start, announceSentences]);

  // Bring the run that decided into view, with its sentence lit.
  useEffect(() => {
    if (!selected) return;
    const label = CSS.escape(start.runs[selected.run].label);
    document.querySelector(`.panel[data-run="${label}"]`)?.scrollIntoView({ block: 'nearest', behavior: reducedMotion ? 'auto' : 'smooth' });
  }, [selected, start, reducedMotion]);

  const addAct = useCallback((act: Act) => onActs([...acts, act]), [acts, onActs]);
  const ended = result !== undefined && t >= duration;
  const hide = useCallback((r: number) => onPanels(shown.filter((x) => x !== r)), [onPanels, shown]);
  const peaks = useMemo(() => timeline.runs.map((run) => peakP99(run.buckets)), [timeline, revision]);

  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </p>
      <div className="scenario-head">
        <ScenarioOverview file={file} start={start} seedFromAddress={seedFromAddress} />
        <ScenarioBrief objectives={start.objectives} narrative={start.narrative} ended={ended} />
      </div>
      <TransportBar
        playback={playback}
        duration={duration}
        computedUntil={timeline.computedUntil}
        computing={result === undefined}
        faults={allFaults}
        decisions={allDecisions}
        nextDecision={next?.t ?? null}
        onNextDecision={stepToNext}
        speed={speed}
        onSpeed={onSpeed}
        seed={start.seed}
        onSeed={onSeed}
        onDropAct={addAct}
      />
      {/* one row while the console is folded, so the panels start higher */}
      <div className="steer-row">
        <ActConsole timeline={timeline} wanted={playback.t} t={t} shown={shown} story={story} result={result} />
        <PanelChooser runs={start.runs} shown={shown} onChange={onPanels} />
      </div>
      <div className="panels" data-count={shown.length} data-compact={compact || undefined} data-testid="panels">
        {shown.slice(0, mounted).map((r, k) => (
          <RunPanel
            key={r}
            timeline={timeline}
            run={r}
            t={panelT(k)}
            clock={clock}
            speed={speed}
            playing={k >= settled}
            reducedMotion={reducedMotion}
            selected={selected?.run === r ? selected.index : undefined}
            outcome={ended ? result.runs[r].outcome : undefined}
            withKeys={r === shown[0]}
            compact={compact}
            trafficStride={trafficStride}
            order={k}
            acts={acts}
            onAct={addAct}
            onHide={hide}
          />
        ))}
      </div>
      {result && <Results result={result} peakP99={peaks} />}
    </>
  );
}

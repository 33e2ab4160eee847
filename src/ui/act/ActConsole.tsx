// Break it and steer it: the fault palette, the human gates, the flag console and the acts so far.
// Every act is an event at a simulated time; the page re-simulates the scenario from its seed with
// the whole list, keeps the playhead where it was, and says so while the new run catches up.
import { useRef, useState, type ReactNode } from 'react';
import type { Act } from '../../runtime/acts/act';
import { formatClock } from '../../view/playback';
import type { Timeline } from '../../view/timeline';
import { ActList } from './ActList';
import { FaultPalette } from './FaultPalette';
import { FlagConsole } from './FlagConsole';
import { GateControls } from './GateControls';
import { WhatIf } from './WhatIf';
import type { Story } from './story';
import type { ScenarioResult } from '../../index';
import './act.css';

interface Props {
  timeline: Timeline;
  /** the playhead as asked for, and as the computation allows */
  wanted: number;
  t: number;
  shown: number[];
  story: Story;
  /** the story's record, once computed (a what-if compares with it) */
  result: ScenarioResult | undefined;
}

export function ActConsole({ timeline, wanted, t, shown, story, result }: Props) {
  const { acts, onActs, problems } = story;
  const { start } = timeline;
  const labels = start.runs.map((r) => r.label);
  const act = (...next: Act[]) => onActs([...acts, ...next]);
  const catchingUp = wanted > timeline.computedUntil + 0.5;
  // Folded to one line until wanted, so the panels stay in view at 1280×720; a story with acts
  // (or a what-if) opens it, since the learner will want to see and undo them.
  const [asked, setAsked] = useState<boolean | undefined>(undefined);
  const open = asked ?? (acts.length > 0 || story.fork !== null || problems.length > 0);
  // Folded, the tools keep the element they last had: React skips them on every playhead frame (they
  // follow the playhead), yet they stay mounted, so what a learner had typed in them is kept.
  const tools = useRef<ReactNode>(null);
  if (open || tools.current === null) {
    tools.current = (
      <>
        <header className="act-head">
          <p className="muted">
            Every act happens at the playhead’s simulated time ({formatClock(t)}) in every run at once; the whole story is re-simulated from the seed, and the address keeps it.
            In a panel’s fleet, click an instance to kill it, or a zone to lose it.
          </p>
        </header>
        {problems.map((p) => (
          <p key={p} className="notice" role="status">
            {p}
          </p>
        ))}
        <div className="act-tools">
          <FaultPalette now={t} duration={start.durationSeconds} versions={start.versions} onAct={act} />
          <GateControls timeline={timeline} t={t} shown={shown} onAct={act} />
          <FlagConsole timeline={timeline} t={t} acts={acts} onAct={act} />
          <ActList acts={acts} labels={labels} onUndo={() => onActs(acts.slice(0, -1))} />
          <WhatIf request={story.request} acts={acts} labels={labels} t={t} result={result} fork={story.fork} onFork={story.onFork} onKeep={onActs} />
        </div>
      </>
    );
  }
  return (
    <details className="act-console" data-testid="act-console" open={open} onToggle={(e) => setAsked(e.currentTarget.open)}>
      <summary className="act-summary" data-testid="act-console-toggle">
        <h3 id="act-title">Break it and steer it</h3>
        <span className="muted"> inject a fault, take the operator’s gates, change a flag, fork a what-if{acts.length > 0 ? ` · ${acts.length} act${acts.length === 1 ? '' : 's'} so far` : ''}</span>
        {/* in the summary, so it shows while the console is folded too */}
        {catchingUp && (
          <span className="act-progress" role="status" data-testid="act-progress">
            <span className="spinner" aria-hidden="true" /> {acts.length > 0 ? 'Re-simulating with your acts…' : 'Simulating up to the playhead…'} {formatClock(timeline.computedUntil)} of {formatClock(wanted)}
          </span>
        )}
      </summary>
      {tools.current}
    </details>
  );
}

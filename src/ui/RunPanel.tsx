// One run of the scenario at the playhead: its statechart, fleet, traffic, charts, analysis
// measurements and decisions, all read from the timeline at the same simulated instant.
import { memo, useCallback, useRef, useState } from 'react';
import type { Timeline } from '../view/timeline';
import { frameAt, keepUnchanged, runAt, type RunAt } from '../view/timelineAt';
import { PanelDecisions } from './PanelDecisions';
import { useWidth } from './useWidth';
import { Charts, FleetView, MeasurementStrip, StatechartView, TrafficView } from './panelViews';

interface Props {
  timeline: Timeline;
  /** the store's revision: a new slice redraws the panel */
  revision: number;
  run: number;
  t: number;
  speed: number;
  playing: boolean;
  reducedMotion: boolean;
  /** a decision chosen from outside (the "next decision" button) */
  selected?: number;
  outcome?: string;
  /** the first panel carries the fleet's and traffic's keys; the others leave them out to stay compact */
  withKeys: boolean;
  onHide: () => void;
}

function RunPanelView({ timeline, run, t, speed, playing, reducedMotion, selected, outcome, withKeys, onHide }: Props) {
  const [machineRef, machineWidth] = useWidth<HTMLDivElement>(360);
  const [chartsRef, chartsWidth] = useWidth<HTMLDivElement>(400);
  const [hovered, setHovered] = useState<number | undefined>();
  const [clicked, setClicked] = useState<number | undefined>();
  const { start } = timeline;
  const info = start.runs[run];
  const previous = useRef<RunAt | undefined>(undefined);
  const now = keepUnchanged(previous.current, runAt(timeline, run, t));
  previous.current = now;
  // The charts' playhead moves by whole pixels, and at most about 15 times a second of real time:
  // between two steps nothing on them changes. The fleet follows at the same pace.
  // Paused, both show the exact instant.
  const step = Math.max(start.durationSeconds / Math.max(1, chartsWidth), playing ? speed / 15 : 0);
  const chartsNow = playing ? Math.floor(now.t / step) * step : now.t;
  const fleetFrame = playing ? frameAt(timeline, run, chartsNow) : now.frame;
  const highlight = hovered ?? clicked ?? selected;
  const select = useCallback((i: number) => setClicked((c) => (c === i ? undefined : i)), []);
  const idle = info.pattern === 'none' ? 'The control run: nothing to decide.' : 'No decision yet.';

  return (
    <section className="panel" aria-labelledby={`panel-${run}`} data-run={info.label} data-run-index={run} data-decisions={now.decisions.length}>
      <header className="panel-head">
        <h3 id={`panel-${run}`}>{info.label}</h3>
        {info.label !== info.pattern && <span className="panel-pattern">{info.pattern}</span>}
        <span className="panel-state" title="the statechart's active state">
          {outcome ?? now.active.join(', ')}
        </span>
        <button type="button" className="icon-button" onClick={onHide} aria-label={`hide ${info.label}`} title="hide this panel">
          ×
        </button>
      </header>
      <div className="panel-body">
        <div className="panel-machine" ref={machineRef}>
          <StatechartView graph={info.machine} active={now.active} lastStep={now.lastStep} width={machineWidth} height={Math.round(machineWidth * 0.62)} />
          <FleetView frame={fleetFrame} versions={start.versions} width={machineWidth} legend={withKeys} />
          {/* the whole sample, in arrival order: the drawing picks the requests travelling at `now` */}
          <TrafficView requests={timeline.runs[run].requests} height={80} now={now.t} speed={speed} fleet={now.frame} versions={start.versions} reducedMotion={reducedMotion} legend={withKeys} />
        </div>
        <div className="panel-charts" ref={chartsRef}>
          <Charts
            width={chartsWidth}
            rowHeight={30}
            buckets={now.buckets}
            versions={start.versions}
            bucketSeconds={start.bucketSeconds}
            durationSeconds={start.durationSeconds}
            now={chartsNow}
            faults={now.faults}
            decisions={now.decisions}
            highlight={highlight}
            onDecisionHover={setHovered}
            onDecisionClick={select}
          />
          <MeasurementStrip width={chartsWidth} measurements={now.measurements} now={chartsNow} durationSeconds={start.durationSeconds} />
        </div>
      </div>
      <PanelDecisions decisions={now.decisions} highlight={highlight} onHover={setHovered} onSelect={select} idle={idle} />
    </section>
  );
}

export const RunPanel = memo(RunPanelView);

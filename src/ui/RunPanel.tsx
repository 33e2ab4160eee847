// One run of the scenario at the playhead: its statechart, fleet, traffic, charts, analysis
// measurements and decisions, all read from the timeline at the same simulated instant.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { decisionsIdleText } from '../view/decisionsIdle';
import type { Timeline } from '../view/timeline';
import { frameAt, keepUnchanged, runAt, type RunAt } from '../view/timelineAt';
import { PanelDecisions } from './PanelDecisions';
import type { Act } from '../runtime/acts/act';
import type { Decision } from '../index';
import { isLearnerDecision } from '../view/actStory';
import { useWidth } from './useWidth';
import { PanelGate } from './act/PanelGate';
import { Charts, FleetView, MeasurementStrip, StatechartView, TrafficView } from './panelViews';

interface Props {
  timeline: Timeline;
  run: number;
  /**
   * the time shown; while playing, a few frames behind the playhead at most (see panelRedraws). Slices
   * arriving do not redraw a panel: what it shows at t was computed before the playhead got there.
   */
  t: number;
  /** the playhead on every animation frame, for the traffic */
  clock: { readonly current: number };
  speed: number;
  playing: boolean;
  reducedMotion: boolean;
  /** a decision chosen from outside (the "next decision" button) */
  selected?: number;
  outcome?: string;
  /** the first panel carries the fleet's and traffic's keys; the others leave them out to stay compact */
  withKeys: boolean;
  /** many panels on screen: shorter charts and traffic, so that nine fit a large screen */
  compact: boolean;
  /** the traffic paints every `trafficStride`-th frame, on frames offset by `order` (the panel's place) */
  trafficStride: number;
  order: number;
  /** the learner's acts: the decisions they made are marked as the learner's */
  acts: Act[];
  /** a new act from the panel: an instance or a zone clicked in its fleet */
  onAct: (act: Act) => void;
  onHide: (run: number) => void;
}

function RunPanelView({ timeline, run, t, clock, speed, playing, reducedMotion, selected, outcome, withKeys, compact, trafficStride, order, acts, onAct, onHide }: Props) {
  const [machineRef, machineWidth] = useWidth<HTMLDivElement>(360);
  const [chartsRef, chartsWidth] = useWidth<HTMLDivElement>(400);
  const [hovered, setHovered] = useState<number | undefined>();
  const [clicked, setClicked] = useState<number | undefined>();
  const { start } = timeline;
  const info = start.runs[run];
  const previous = useRef<RunAt | undefined>(undefined);
  const now = keepUnchanged(previous.current, runAt(timeline, run, t));
  previous.current = now;
  // The charts' playhead moves by whole pixels: between two steps nothing on them changes. The
  // fleet follows at the same pace. Paused, both show the exact instant.
  const step = start.durationSeconds / Math.max(1, chartsWidth);
  const chartsNow = playing ? Math.floor(now.t / step) * step : now.t;
  const fleetFrame = playing ? frameAt(timeline, run, chartsNow) : now.frame;
  const highlight = hovered ?? clicked ?? selected;
  const select = useCallback((i: number) => setClicked((c) => (c === i ? undefined : i)), []);
  // The conversions a release lost are counted against the run that released nothing.
  const controlRun = start.runs.findIndex((r) => r.pattern === 'none');
  const control = controlRun >= 0 && controlRun !== run ? timeline.runs[controlRun].buckets : undefined;
  const at = Math.floor(now.t);
  // The fleet's click handlers read the playhead when clicked: were they new functions at every
  // step, the fleet (memoised on its props) would redraw at every step, its frame changed or not.
  const atNow = useRef(at);
  atNow.current = at;
  const kill = useCallback((instance: number) => onAct({ type: 'kill', t: atNow.current, run, instance }), [onAct, run]);
  const loseZone = useCallback((zone: string) => onAct({ type: 'fault', t: atNow.current, kind: 'instance-loss', duration: null, params: { count: null, zone, version: null } }), [onAct]);
  const mine = useCallback((d: Decision) => isLearnerDecision(d, acts, run), [acts, run]);
  // the active states keep their identity while unchanged (keepUnchanged): read once per change, not per frame
  const idle = useMemo(() => decisionsIdleText(info.pattern, info.machine, now.active), [info.pattern, info.machine, now.active]);

  return (
    <section className="panel" aria-labelledby={`panel-${run}`} data-run={info.label} data-run-index={run} data-decisions={now.decisions.length}>
      <header className="panel-head">
        <h3 id={`panel-${run}`}>{info.label}</h3>
        {info.label !== info.pattern && <span className="panel-pattern">{info.pattern}</span>}
        <span className="panel-state" title="the statechart's active state">
          {outcome ?? now.active.join(', ')}
        </span>
        <button type="button" className="icon-button" onClick={() => onHide(run)} aria-label={`hide ${info.label}`} title="hide this panel">
          ×
        </button>
      </header>
      <PanelGate graph={info.machine} active={now.active} label={info.label} run={run} t={at} onAct={onAct} />
      <div className="panel-body">
        <div className="panel-machine" ref={machineRef}>
          <StatechartView graph={info.machine} label={info.label} active={now.active} lastStep={now.lastStep} width={machineWidth} height={Math.round(machineWidth * (compact ? 0.33 : 0.5))} />
          <FleetView frame={fleetFrame} versions={start.versions} width={machineWidth} legend={withKeys} onInstance={kill} onZone={loseZone} playing={playing} />
          {/* the whole sample, in arrival order: the drawing picks the requests travelling at `now` */}
          <TrafficView requests={timeline.runs[run].requests} height={compact ? 44 : 58} now={now.t} clock={playing ? clock : undefined} speed={speed} fleet={now.frame} versions={start.versions} reducedMotion={reducedMotion} legend={withKeys} stride={trafficStride} phase={order} />
        </div>
        <div className="panel-charts" ref={chartsRef}>
          <Charts
            width={chartsWidth}
            rowHeight={compact ? 16 : 24}
            buckets={now.buckets}
            control={control}
            versions={start.versions}
            bucketSeconds={start.bucketSeconds}
            durationSeconds={start.durationSeconds}
            now={chartsNow}
            faults={now.faults}
            decisions={now.decisions}
            highlight={highlight}
            playing={playing}
            onDecisionHover={setHovered}
            onDecisionClick={select}
          />
          <MeasurementStrip width={chartsWidth} measurements={now.measurements} now={chartsNow} durationSeconds={start.durationSeconds} />
        </div>
      </div>
      <PanelDecisions decisions={now.decisions} highlight={highlight} onHover={setHovered} onSelect={select} idle={idle} mine={mine} />
    </section>
  );
}

export const RunPanel = memo(RunPanelView);

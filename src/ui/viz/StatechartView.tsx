// A pattern's statechart in its panel, from its XState definition. Where the panel's room lets the
// whole machine be drawn with names of a readable size, it is; otherwise the panel shows the focus
// on the active state (its containers, the last step and its cause, what can come next) in the
// page's type. The choice is made from the measured room, not from the pattern. Either way a button
// opens the whole chart large. Every transition is also listed as text for screen readers.
import { memo, useMemo, useState } from 'react';
import type { MachineGraph, MachineStep } from '../../runtime/stream';
import { fitStatechart } from '../../view/statechartFit';
import { statechartFocus } from '../../view/statechartFocus';
import { activePaths, describeStep } from '../../view/statechartState';
import { formatClock } from '../../view/playback';
import { StatechartDrawing } from './StatechartDrawing';
import { StatechartFocus } from './StatechartFocus';
import { StatechartDialog } from './StatechartDialog';
import './viz.css';

const MAX_SCALE = 1.4;
/** the height of one line of the focus (a state's name in its box), in CSS px */
const FOCUS_ROW = 19;
/** the focus's first lines (the active state, the last step over two lines), in CSS px */
const FOCUS_HEAD = 62;
/** the whole drawing's caption under it: two lines, which the focus takes too */
const CAPTION = 28;

export interface StatechartViewProps {
  graph: MachineGraph;
  /** the run's name, as its panel says it */
  label: string;
  active: string[];
  lastStep?: MachineStep;
  width?: number;
  /** the room for the drawing; the focus also takes the caption's two lines under it */
  height?: number;
}

/** Memoised: the panel re-renders every frame, the statechart only when its state changes. */
export const StatechartView = memo(function StatechartView({ graph, label, active, lastStep, width = 400, height = 220 }: StatechartViewProps) {
  const [open, setOpen] = useState(false);
  const fit = useMemo(() => fitStatechart(graph, width, height, MAX_SCALE), [graph, width, height]);
  const lit = useMemo(() => activePaths(active), [active]);
  const focus = useMemo(() => statechartFocus(graph, active, lastStep), [graph, active, lastStep]);
  const activeNames = active.map((p) => p.split('.').join(' › ')).join(', ') || 'not started';
  const caption = lastStep ? `${describeStep(lastStep)} at ${formatClock(lastStep.t)}` : 'no transition yet';
  const description = `Statechart of ${graph.id}: active ${activeNames}; last transition: ${caption}`;
  const openButton = (
    <button type="button" className="sc-open" onClick={() => setOpen(true)} aria-haspopup="dialog" aria-label={`open the whole statechart of ${label}`} title="the whole statechart, large" data-testid="statechart-open">
      <span aria-hidden="true">⤢</span>
    </button>
  );

  return (
    <figure className="viz-figure sc" data-sc-mode={fit.readable ? 'whole' : 'focus'}>
      {fit.readable ? (
        <>
          <StatechartDrawing graph={graph} fit={fit} active={active} lit={lit} neighbours={focus.neighbours} lastStep={lastStep} labels="active" description={description} />
          <figcaption className="viz-caption">
            <span className="sc-caption-lit">● {activeNames}</span>
            {lastStep && <span> · last: {caption}</span>}
          </figcaption>
          {openButton}
        </>
      ) : (
        // the focus takes no more room than the drawing with its caption would (each more region
        // of a parallel state takes about a line)
        <StatechartFocus focus={focus} rows={Math.max(1, Math.floor((height + CAPTION - FOCUS_HEAD) / FOCUS_ROW) - (focus.regions.length - 1))} open={openButton} />
      )}
      <ul className="text-alternative">
        {fit.layout.edges.map((e) => (
          <li key={`${e.source}>${e.target}`}>{`${e.source} → ${e.target}: ${e.labels.join('; ')}`}</li>
        ))}
        {fit.layout.internal.map((t, k) => (
          <li key={`i${k}`}>{`${t.source}: ${t.label} (stays)`}</li>
        ))}
      </ul>
      {open && <StatechartDialog graph={graph} label={label} active={active} lit={lit} neighbours={focus.neighbours} lastStep={lastStep} caption={caption} activeNames={activeNames} onClose={() => setOpen(false)} />}
    </figure>
  );
});

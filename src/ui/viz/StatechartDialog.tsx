// The whole statechart, large, over the page: opened from a panel, it follows the playhead like
// the panel does. A native modal dialog: it keeps focus inside, closes with Escape and gives focus
// back to the button that opened it. It lives under the page's body, not inside the panel, whose
// containment and clipping are for the panel's own drawings.
import { useEffect, useId, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { MachineGraph, MachineStep } from '../../runtime/stream';
import { fitStatechart } from '../../view/statechartFit';
import { StatechartDrawing } from './StatechartDrawing';

/** large enough to read every arrow's label, small enough to keep the whole machine on screen */
const MAX_SCALE = 2;

interface Props {
  graph: MachineGraph;
  /** the run's name, as its panel says it */
  label: string;
  active: string[];
  lit: Set<string>;
  neighbours: Set<string>;
  lastStep?: MachineStep;
  caption: string;
  activeNames: string;
  onClose: () => void;
}

export function StatechartDialog({ graph, label, active, lit, neighbours, lastStep, caption, activeNames, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  // the room the window gives, less the dialog's frame, title and caption
  const width = Math.max(280, window.innerWidth - 96);
  const height = Math.max(200, window.innerHeight - 200);
  const fit = useMemo(() => fitStatechart(graph, width, height, MAX_SCALE), [graph, width, height]);
  return createPortal(
    <dialog ref={dialog} className="sheet sc-dialog" aria-labelledby={titleId} onClose={onClose} data-testid="statechart-dialog">
      <div className="sheet-head">
        <h2 id={titleId}>
          {label}: the whole statechart <span className="panel-pattern">({graph.id})</span>
        </h2>
        <button type="button" className="button small" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <figure className="viz-figure sc">
        <StatechartDrawing graph={graph} fit={fit} active={active} lit={lit} neighbours={neighbours} lastStep={lastStep} labels="all" description={`Statechart of ${graph.id}: active ${activeNames}; last transition: ${caption}`} />
        <figcaption className="viz-caption sc-dialog-caption">
          <span>● {activeNames}</span>
          {lastStep && <span> · last: {caption}</span>}
          <span> · every arrow names its events on hover; the lit arrow is the last step</span>
        </figcaption>
      </figure>
    </dialog>,
    document.body,
  );
}

// A pattern's whole statechart, drawn from its XState definition: containers for compound states,
// a dot and arrow for each initial state, a double border for final states, the active states lit
// and the last transition's arrow highlighted with its cause. The names of the active states and of
// their neighbours are marked (data-sc-label) so that their drawn size can be checked.
import { useId, useMemo, type CSSProperties } from 'react';
import type { MachineGraph, MachineStep } from '../../runtime/stream';
import { METRICS, type StateBox } from '../../view/statechartLayout';
import type { Fit } from '../../view/statechartFit';
import { labelsBelow, placeLabels } from '../../view/statechartLabels';
import { edgeOfStep } from '../../view/statechartState';
import { eventName } from '../../view/statechartText';
import { HIGHLIGHT } from '../../view/palette';
import './viz.css';

export interface StatechartDrawingProps {
  graph: MachineGraph;
  fit: Fit;
  active: string[];
  /** the active leaves with all their containers */
  lit: Set<string>;
  /** the states next to the active one (see statechartFocus) */
  neighbours: Set<string>;
  lastStep?: MachineStep;
  /** which arrows carry their label: every one, those leaving an active leaf state, or only the last one taken */
  labels: 'all' | 'active' | 'last';
  /** what the drawing says to a screen reader */
  description: string;
}

function StateShape({ box, lit, role }: { box: StateBox; lit: boolean; role?: string }) {
  const container = box.type === 'compound' || box.type === 'parallel';
  const cls = ['sc-state', container ? 'sc-container' : 'sc-leaf', box.region ? 'sc-region' : '', lit ? 'sc-lit' : ''].join(' ');
  const textY = container ? box.y + 11 : box.y + METRICS.padY + METRICS.lineHeight - 2.5;
  return (
    <g className={cls} data-state={box.path}>
      <rect x={box.x} y={box.y} width={box.width} height={box.height} rx={container ? 7 : 5} />
      {box.type === 'final' && <rect className="sc-final-inner" x={box.x + 2.5} y={box.y + 2.5} width={box.width - 5} height={box.height - 5} rx={3} />}
      <text x={container ? box.x + 6 : box.x + box.width / 2} y={textY} textAnchor={container ? 'start' : 'middle'} data-sc-label={role}>
        {box.lines.map((line, k) => (
          <tspan key={k} x={container ? box.x + 6 : box.x + box.width / 2} dy={k === 0 ? 0 : METRICS.lineHeight}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

export function StatechartDrawing({ graph, fit, active, lit, neighbours, lastStep, labels, description }: StatechartDrawingProps) {
  const arrowId = useId();
  const { layout, scale } = fit;
  const last = useMemo(() => edgeOfStep(graph, layout.edges, lastStep), [graph, layout, lastStep]);
  // Arrows carry their labels as asked, where they fit without covering anything; every arrow says
  // its transitions on hover.
  const placed = useMemo(() => {
    const labelled = (source: string) => labels === 'all' || (labels === 'active' && active.includes(source));
    return placeLabels(
      layout.edges
        .filter((e) => e === last || labelled(e.source))
        .map((e) => ({ edge: e, text: e === last && lastStep ? eventName(lastStep.event) : e.labels[0], last: e === last })),
      layout.boxes,
      layout,
    );
  }, [layout, last, lastStep, labels, active]);
  const drawnHeight = layout.height + labelsBelow(placed, layout.height);
  const roleOf = (box: StateBox) => (active.includes(box.path) ? 'active' : lit.has(box.path) ? 'path' : neighbours.has(box.path) ? 'neighbour' : undefined);

  return (
    <svg
      className="sc-svg"
      role="img"
      aria-label={description}
      viewBox={`0 0 ${layout.width} ${drawnHeight}`}
      width={Math.round(layout.width * scale)}
      height={Math.round(drawnHeight * scale)}
      preserveAspectRatio="xMidYMid meet"
      style={{ '--viz-highlight': HIGHLIGHT } as CSSProperties}
    >
      <defs>
        <marker id={`${arrowId}a`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="sc-arrowhead" />
        </marker>
        <marker id={`${arrowId}h`} viewBox="0 0 8 8" refX="7.5" refY="4" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
          <path d="M0,0 L8,4 L0,8 z" className="sc-arrowhead-lit" />
        </marker>
      </defs>
      {layout.boxes.map((box) => (
        <StateShape key={box.path} box={box} lit={lit.has(box.path)} role={roleOf(box)} />
      ))}
      {layout.initials.map((m) => (
        <g key={m.target} className="sc-initial">
          <circle cx={m.x} cy={m.y} r={3} />
          <path d={m.d} markerEnd={`url(#${arrowId}a)`} />
        </g>
      ))}
      {layout.edges.map((e) => (
        <path key={`${e.source}>${e.target}`} className={e === last ? 'sc-edge sc-edge-last' : 'sc-edge'} d={e.d} markerEnd={`url(#${e === last ? `${arrowId}h` : `${arrowId}a`})`}>
          <title>{`${e.source || graph.id} → ${e.target}: ${e.labels.join('; ')}`}</title>
        </path>
      ))}
      {placed.map((label) => (
        <g key={`${label.edge.source}>${label.edge.target}`} className="sc-label-group">
          {/* The cause of the last step sits on a plate so it stands out from the arrows. */}
          {label.last && <rect className="sc-label-plate" x={label.x} y={label.y} width={label.width} height={label.height} rx={3} />}
          <text className={label.last ? 'sc-label sc-label-last' : 'sc-label'} x={label.textX} y={label.textY} textAnchor="middle">
            {label.text}
          </text>
        </g>
      ))}
    </svg>
  );
}

// The fleet: one cell per instance, grouped by zone. Shape and colour = version; solid = ready,
// hollow (pulsing while paused) = starting, striped and faded = draining, cross = failed, hourglass = crash-loop
// back-off; the bar under a cell = its queue. The same facts are in a table for screen readers.
import { memo, useId, useMemo, useRef } from 'react';
import type { FleetFrame, InstanceState } from '../../runtime/stream';
import { describeFleet, layoutFleet, sameCell, type FleetCell } from '../../view/fleetLayout';
import { failedPath, hourglassPath, queueBar, shapePath } from '../../view/fleetMarks';
import { INSTANCE_MARK, versionStyle } from '../../view/palette';
import './viz.css';

export interface FleetViewProps {
  frame: FleetFrame | undefined;
  versions: string[];
  width?: number;
  /** the key under the drawing (panels side by side may show it once) */
  legend?: boolean;
  /** a click (or Enter) on a live instance: the sandbox kills it */
  onInstance?: (id: number) => void;
  /** a click (or Enter) on a zone: the sandbox loses it */
  onZone?: (zone: string) => void;
  /**
   * while playing, the table for screen readers keeps the instances of the moment playback started
   * and catches up when it stops, as the charts' table does: rewritten at every step it is read by
   * nobody, and its cells were much of the cost of a step
   */
  playing?: boolean;
}

/** Click and Enter/Space alike, for the SVG elements that act as buttons. */
const pressable = (label: string, act: () => void) => ({
  role: 'button',
  tabIndex: 0,
  'aria-label': label,
  onClick: (e: { stopPropagation: () => void }) => (e.stopPropagation(), act()),
  onKeyDown: (e: { key: string; preventDefault: () => void; stopPropagation: () => void }) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    e.stopPropagation();
    act();
  },
});
const LIVE: InstanceState[] = ['ready', 'starting', 'draining'];

const KEY_STATES: InstanceState[] = ['ready', 'starting', 'draining', 'failed', 'backoff'];
/** The legend's sample cell: the stable version's look, no queue. */
const KEY_CELL: FleetCell = { id: -1, x: 0, y: 0, version: 0, state: 'ready', colour: versionStyle(0).colour, shape: 'circle', queue: 0, busy: 0, queueShare: 0, zone: '' };

// Drawn where it stands, without an SVG transform (see fleetMarks).
function Cell({ cell, stripes, versions, onInstance }: { cell: FleetCell; stripes: string; versions: string[]; onInstance?: (id: number) => void }) {
  const { x, y } = cell;
  const hollow = cell.state === 'starting' || cell.state === 'failed' || cell.state === 'backoff';
  const fill = cell.state === 'draining' ? `url(#${stripes}${cell.version})` : hollow ? 'var(--surface, #fff)' : cell.colour;
  const title = `instance ${cell.id} · ${versions[cell.version] ?? cell.version} · ${INSTANCE_MARK[cell.state].word} · zone ${cell.zone} · queue ${cell.queue}, in service ${cell.busy}`;
  const bar = cell.queue > 0 ? queueBar(x, y, cell.queueShare) : undefined;
  return (
    <g
      className={`fleet-cell fleet-${cell.state}${onInstance && LIVE.includes(cell.state) ? ' fleet-killable' : ''}`}
      data-instance={cell.id}
      {...(onInstance && LIVE.includes(cell.state) ? pressable(`kill instance ${cell.id} (${versions[cell.version] ?? cell.version}, zone ${cell.zone})`, () => onInstance(cell.id)) : {})}
    >
      <title>{title}</title>
      <path d={shapePath(cell.shape, x, y)} fill={fill} stroke={cell.colour} strokeWidth={hollow ? 2 : 1} strokeDasharray={cell.state === 'backoff' ? '2 2' : undefined} />
      {cell.state === 'failed' && <path className="fleet-mark" d={failedPath(x, y)} />}
      {cell.state === 'backoff' && <path className="fleet-mark fleet-hourglass" d={hourglassPath(x, y)} />}
      {bar && (
        <>
          <rect className="fleet-queue-track" {...bar.track} />
          <rect className="fleet-queue" {...bar.fill} />
        </>
      )}
    </g>
  );
}

function FleetTable({ cells, versions }: { cells: FleetCell[]; versions: string[] }) {
  return (
    <div className="text-alternative">
      <table>
        <caption>Instances</caption>
        <thead>
          <tr><th>instance</th><th>version</th><th>state</th><th>zone</th><th>queue</th></tr>
        </thead>
        <tbody>
          {cells.map((c) => (
            <tr key={c.id}><td>{c.id}</td><td>{versions[c.version]}</td><td>{INSTANCE_MARK[c.state].word}</td><td>{c.zone}</td><td>{c.queue}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Most instances look the same from one step to the next: only the others are drawn again. */
const MemoCell = memo(Cell, (a, b) => a.stripes === b.stripes && a.versions === b.versions && a.onInstance === b.onInstance && sameCell(a.cell, b.cell));

/** Memoised: redrawn when a new fleet frame arrives, not on every animation frame. */
export const FleetView = memo(function FleetView({ frame, versions, width = 400, legend = true, onInstance, onZone, playing = false }: FleetViewProps) {
  const stripes = useId().replace(/:/g, '') + 'v';
  const layout = useMemo(() => layoutFleet(frame, width), [frame, width]);
  const tableCells = useRef(layout.cells);
  if (!playing) tableCells.current = layout.cells;
  const table = useMemo(() => <FleetTable cells={tableCells.current} versions={versions} />, [tableCells.current, versions]);
  const summary = describeFleet(frame, versions);
  return (
    <figure className={`viz-figure fleet${playing ? ' fleet-playing' : ''}`}>
      {/* an image, unless its cells and zones are buttons: then a group, whose buttons stay reachable */}
      <svg role={onInstance || onZone ? 'group' : 'img'} aria-label={`Fleet: ${summary}`} width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`}>
        <defs>
          {versions.map((_, v) => (
            <pattern key={v} id={`${stripes}${v}`} width={4} height={4} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width={4} height={4} fill="var(--surface, #fff)" />
              <rect width={2} height={4} fill={versionStyle(v).colour} />
            </pattern>
          ))}
        </defs>
        {layout.zones.map((z) => (
          <g key={z.zone} className={`fleet-zone${onZone ? ' fleet-killable' : ''}`} data-zone={z.zone} {...(onZone ? pressable(`lose zone ${z.zone} in every run`, () => onZone(z.zone)) : {})}>
            <rect x={z.x} y={z.y} width={z.width} height={z.height} rx={4} />
            <text x={z.x + 4} y={z.y + 10}>{`zone ${z.zone} · ${z.count}`}</text>
          </g>
        ))}
        {layout.cells.map((cell) => (
          <MemoCell key={cell.id} cell={cell} stripes={stripes} versions={versions} onInstance={onInstance} />
        ))}
      </svg>
      {legend && (
      <figcaption className="viz-caption fleet-legend">
        {/* every version of the scenario, present or not: a key that came and went would move the rest */}
        {versions.map((name, v) => (
          <span key={v} className="fleet-key">
            <svg width={12} height={12} viewBox="-7 -7 14 14" aria-hidden="true">
              <path d={shapePath(versionStyle(v).marker, 0, 0, 80)} fill={versionStyle(v).colour} />
            </svg>
            {name}
          </span>
        ))}
        {KEY_STATES.map((state) => (
          <span key={state} className="fleet-key">
            <svg width={14} height={14} viewBox="-9 -9 18 18" aria-hidden="true">
              <Cell cell={{ ...KEY_CELL, state }} stripes={stripes} versions={versions} />
            </svg>
            {INSTANCE_MARK[state].word === 'crash-loop back-off' ? 'back-off' : INSTANCE_MARK[state].word}
          </span>
        ))}
        <span className="fleet-key">▬ queue</span>
      </figcaption>
      )}
      {table}
    </figure>
  );
});

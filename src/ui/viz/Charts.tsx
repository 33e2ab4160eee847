// The run's small multiples over one time axis: error rate, p99 latency and traffic share per
// version, users affected so far, and the business figures when the scenario has them. Fault
// windows are shaded and labelled, each decision has a numbered marker (clickable, linked to the
// decision log by `data-decision-index`), and a line marks the playhead.
// Nothing in the SVG that changes while playing has a transform: the browser paints each transformed
// group as a paint chunk of its own, and a chunk whose bounds change (a fault window growing, the
// playhead moving) makes it lay out every compositing layer of the page again, on every step. The
// titles, frames, fault windows and playhead share one chunk, whose bounds the frames fix.
import { memo, useDeferredValue, useMemo, useRef } from 'react';
import { scaleLinear } from 'd3-scale';
import type { Decision } from '../../index';
import type { FaultWindow, SeriesBucket } from '../../runtime/stream';
import { chartData, maxOf, minOf, type ChartData } from '../../view/chartSeries';
import { formatCount, formatMs, formatRate, minuteTicks } from '../../view/chartFormat';
import { countAtOrBefore } from '../../view/sortedSearch';
import { FAULT_INK, versionStyle } from '../../view/palette';
import { formatClock } from '../../view/playback';
import { Axis } from './Axis';
import { ChartRow, type RowLine } from './ChartRow';
import { ChartSeriesCanvas } from './ChartSeriesCanvas';
import { rowDomain, rowGap, rowScale, rowTicks } from './rowScale';
import type { StackPoint } from '../../view/chartSeries';
import { ChartsTable } from './ChartsTable';
import { DecisionMarkers } from './DecisionMarkers';
import './viz.css';

export interface ChartsProps {
  buckets: SeriesBucket[];
  /** the control run's buckets (pattern none), for the conversions this run lost; absent for the control itself */
  control?: SeriesBucket[];
  versions: string[];
  bucketSeconds: number;
  durationSeconds: number;
  now: number;
  faults: FaultWindow[];
  decisions: Decision[];
  /** the decision index to emphasise (hovered or selected in the log) */
  highlight?: number;
  onDecisionHover?: (index: number | undefined) => void;
  onDecisionClick?: (index: number) => void;
  width?: number;
  /** height of each small multiple's plot area */
  rowHeight?: number;
  /**
   * while playing, the table for screen readers keeps the figures of the moment playback started
   * and catches up when it stops: a table rewritten many times a second can be read by nobody, and
   * laying it out again on every step cost more than drawing the charts
   */
  playing?: boolean;
}

const MARGIN = { left: 42, right: 16, top: 30, axis: 18 };

const MemoRow = memo(ChartRow);

interface Row {
  title: string;
  /** the bottom of the scale; 0 unless a line goes below it */
  min?: number;
  max: number;
  format: (value: number) => string;
  lines?: RowLine[];
  stacks?: Array<{ version: number; points: StackPoint[] }>;
}

function rowsOf(data: ChartData): Row[] {
  const rows: Row[] = [
    { title: 'error rate', max: maxOf(data.errorRate.map((l) => l.points), 0.01), format: formatRate, lines: data.errorRate },
    { title: 'p99 latency', max: maxOf(data.p99Ms.map((l) => l.points), 100), format: formatMs, lines: data.p99Ms },
    { title: 'traffic share', max: 1, format: formatRate, stacks: data.share },
    { title: 'users affected (so far)', max: maxOf([data.usersAffected], 10), format: formatCount, lines: [{ version: null, points: data.usersAffected }] },
  ];
  if (data.conversions) rows.push({ title: 'conversions (so far)', max: maxOf([data.conversions], 10), format: formatCount, lines: [{ version: null, points: data.conversions }] });
  if (data.lostConversions) rows.push({ title: 'conversions lost vs the control (so far)', min: minOf([data.lostConversions]), max: maxOf([data.lostConversions], 10), format: formatCount, lines: [{ version: null, points: data.lostConversions }] });
  if (data.badWrites) rows.push({ title: 'bad writes: corrupted or duplicated (so far)', max: maxOf([data.badWrites], 10), format: formatCount, lines: [{ version: null, points: data.badWrites }] });
  return rows;
}

export function Charts(props: ChartsProps) {
  const { buckets, versions, bucketSeconds, durationSeconds, now, faults, decisions, highlight, width = 400, rowHeight = 44, playing = false } = props;
  // The playhead moves every frame but the series only when a bucket ends: everything drawn from
  // the series is memoised on the buckets shown, so a frame redraws little more than the playhead.
  const shownCount = countAtOrBefore(buckets, now + 1e-9, (b) => b.t + bucketSeconds);
  const lastShown = shownCount > 0 ? buckets[shownCount - 1] : undefined;
  const data = useMemo(
    () => chartData(buckets.slice(0, shownCount), versions.length, bucketSeconds, Infinity, props.control),
    [shownCount, lastShown, versions.length, bucketSeconds, props.control], // the shown buckets: their count and the last one
  );
  const x = useMemo(() => scaleLinear().domain([0, durationSeconds]).range([MARGIN.left, width - MARGIN.right]), [durationSeconds, width]);
  const ticks = useMemo(() => minuteTicks(durationSeconds, Math.max(3, Math.floor(width / 70))), [durationSeconds, width]);
  const rows = useMemo(() => rowsOf(data).map((row) => ({ ...row, domain: rowDomain(row.min ?? 0, row.max) })), [data]);
  // A fault's label sits on the first row's title line, after the title, so the two never overlap
  // (10 px bold type: about 6.2 px a character).
  const firstTitleEnd = MARGIN.left + 3 + (rows[0]?.title.length ?? 0) * 6.2 + 8;

  // Handlers may be new functions on every render; the memoised markers call the latest ones.
  const handlers = useRef(props);
  handlers.current = props;
  const gap = rowGap(rowHeight);
  const pitch = rowHeight + gap;
  const plotBottom = MARGIN.top + rows.length * pitch - gap;
  const height = plotBottom + MARGIN.axis;
  // a fault window: its shade on the canvas, under the series; its outline, label and tooltip in the SVG
  const faultBoxes = faults.map((f) => {
    const x0 = x(f.start);
    return { x0, x1: x0 + Math.max(1.5, x(Math.min(f.end ?? now, durationSeconds)) - x0), y0: MARGIN.top, y1: plotBottom };
  });
  // the canvas repaints when a box moved, not for every new array of the same boxes
  const shadeKey = faultBoxes.map((b) => `${b.x0} ${b.x1}`).join() + ` ${plotBottom}`;
  const shades = useMemo(() => faultBoxes, [shadeKey]);
  const series = useMemo(
    () =>
      rows.map((row, k) => {
        const yScale = rowScale(row.domain, rowHeight);
        return { y: MARGIN.top + k * pitch, yScale, ticks: rowTicks(yScale, rowHeight).map((v) => ({ v, label: row.format(v) })), lines: row.lines, stacks: row.stacks };
      }),
    [rows, pitch, rowHeight],
  );
  const lastDecision = decisions.at(-1);
  const markers = useMemo(
    () => <DecisionMarkers decisions={decisions} x={x} bottom={plotBottom} highlight={highlight} handlers={handlers} />,
    [decisions.length, lastDecision, x, plotBottom, highlight], // the decisions: their count and the last one
  );
  const tableData = useRef(data);
  if (!playing) tableData.current = data;
  // When playback stops, nine panels' tables catch up at once: that catch-up is rendered as a
  // transition, its thousands of cells built in slices between frames rather than in one long
  // task. Otherwise (paused, scrubbed, streaming) the table follows the data at once.
  const deferred = useDeferredValue(tableData.current);
  const wasPlaying = useRef(playing);
  const catchingUp = useRef(false);
  if (wasPlaying.current && !playing) catchingUp.current = true;
  wasPlaying.current = playing;
  if (deferred === tableData.current) catchingUp.current = false;
  const tableShown = catchingUp.current ? deferred : tableData.current;
  const table = useMemo(() => <ChartsTable data={tableShown} versions={versions} />, [tableShown, versions]);
  const shown = versions.map((name, v) => ({ name, v })).filter(({ v }) => data.errorRate.some((l) => l.version === v));

  return (
    <figure className="viz-figure charts">
      <div className="chart-stack" style={{ width, height }}>
        <ChartSeriesCanvas rows={series} shades={shades} x={x} width={width} height={height} />
        <svg
          role="group"
          aria-label={`Charts up to ${formatClock(now)}: ${rows.map((r) => r.title).join(', ')}; ${faults.length} fault window(s), ${decisions.length} decision(s)`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
        >
          {faults.map((f, k) => {
            const { x0, x1, y0, y1 } = faultBoxes[k];
            return (
              <g key={k} className="chart-fault">
                <title>{`${f.label} (${f.kind}) ${formatClock(f.start)}–${f.end === null ? 'ongoing' : formatClock(f.end)}`}</title>
                {/* not painted (its shade and outline are on the canvas), yet the whole window shows its tooltip */}
                <rect x={x0} y={y0} width={x1 - x0} height={y1 - y0} fill="none" pointerEvents="visible" />
                <text x={Math.max(x0 + 2, firstTitleEnd)} y={MARGIN.top - 3} fill={FAULT_INK} className="chart-fault-label">
                  ⚡ {f.label}
                </text>
              </g>
            );
          })}
          {rows.map((row, k) => (
            <MemoRow key={row.title} title={row.title} x={x} y={MARGIN.top + k * pitch} height={rowHeight} />
          ))}
          <line className="chart-playhead" x1={x(now)} x2={x(now)} y1={MARGIN.top - 2} y2={plotBottom} visibility={now > 0 && now < durationSeconds ? undefined : 'hidden'} />
          <Axis scale={x} orient="bottom" y={plotBottom} values={ticks} format={formatClock} />
          {markers}
        </svg>
      </div>
      <figcaption className="viz-caption chart-legend">
        {shown.map(({ name, v }) => (
          <span key={v} className="fleet-key">
            <svg width={20} height={8} aria-hidden="true">
              <line x1={0} x2={20} y1={4} y2={4} stroke={versionStyle(v).colour} strokeWidth={2} strokeDasharray={versionStyle(v).dash || undefined} />
            </svg>
            {name}
            {/* its texture in the traffic share (ChartRow's TEXTURE): / hatched, \ hatched, dotted */}
            {v % 4 > 0 && <span aria-hidden="true">{['', ' ▨', ' ▧', ' ░'][v % 4]}</span>}
          </span>
        ))}
        {faults.length > 0 && <span className="fleet-key">⚡ shaded = fault</span>}
        {decisions.length > 0 && <span className="fleet-key">▼n = decision n</span>}
      </figcaption>
      {table}
    </figure>
  );
}

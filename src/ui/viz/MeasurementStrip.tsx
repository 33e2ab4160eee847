// Every analysis measurement on one strip, as Argo Rollouts lists an AnalysisRun's measurements:
// the checks that passed are shown as well as the one that failed, each with its sentence.
import { useMemo } from 'react';
import type { Measurement } from '../../runtime/stream';
import { countAtOrBefore } from '../../view/sortedSearch';
import { countVerdicts, MARK_SIZE, measurementMarks } from '../../view/measurementMarks';
import { formatClock } from '../../view/playback';
import { useWidth } from '../useWidth';
import './viz.css';

export interface MeasurementStripProps {
  measurements: Measurement[];
  now: number;
  durationSeconds: number;
  /** pixels; by default the width of the element it is placed in */
  width?: number;
}

const LEFT = 42;
const RIGHT = 8;
/** a mark's centre, by its lane */
const markY = (lane: number) => 2 + lane * (MARK_SIZE + 1) + MARK_SIZE / 2;

export function MeasurementStrip({ measurements, now, durationSeconds, width: fixed }: MeasurementStripProps) {
  const [box, measured] = useWidth<HTMLElement>(400);
  const width = fixed ?? measured;
  // Memoised on the measurements shown: the playhead moves every frame, measurements rarely.
  const shownCount = countAtOrBefore(measurements, now, (m) => m.t);
  const last = shownCount > 0 ? measurements[shownCount - 1] : undefined;
  const marks = useMemo(
    () => measurementMarks(measurements.slice(0, shownCount), Infinity, durationSeconds, LEFT, width - RIGHT),
    [shownCount, last, durationSeconds, width], // the shown measurements: their count and the last one
  );
  const lanes = Math.max(1, ...marks.map((m) => m.lane + 1));
  const height = lanes * (MARK_SIZE + 1) + 4;
  const summary = countVerdicts(marks);
  return (
    <figure className="viz-figure strip" ref={box}>
      <svg role="img" aria-label={`Analysis measurements: ${summary}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        <text className="strip-title" x={2} y={MARK_SIZE}>
          analysis
        </text>
        <line className="strip-axis" x1={LEFT} x2={width - RIGHT} y1={height / 2} y2={height / 2} />
        {marks.map((m) => (
          // placed by coordinates, not a transform (see Charts): a new mark adds no paint chunk
          <g key={m.index} className={`strip-mark strip-${m.verdict}`}>
            <title>{`${formatClock(m.t)} ${m.glyph} ${m.text}`}</title>
            <circle cx={m.x} cy={markY(m.lane)} r={MARK_SIZE / 2} fill={m.colour} />
            <text x={m.x} y={markY(m.lane) + 3.5} textAnchor="middle">
              {m.glyph}
            </text>
          </g>
        ))}
      </svg>
      <ol className="text-alternative">
        {marks.map((m) => (
          <li key={m.index}>{`${formatClock(m.t)}: ${m.verdict === 'pass' ? 'passed' : m.verdict === 'fail' ? 'failed' : 'inconclusive'}: ${m.text}`}</li>
        ))}
      </ol>
    </figure>
  );
}

// A numbered flag and a line per decision across the charts: a button that says the decision,
// linked to the decision log by `data-decision-index`, lit when the log (or a hover) points at it.
import type { RefObject } from 'react';
import type { ScaleLinear } from 'd3-scale';
import type { Decision } from '../../index';
import { decisionMarks } from '../../view/decisionMarks';
import { HIGHLIGHT } from '../../view/palette';
import { formatClock } from '../../view/playback';

/** decision flags stand in a band above the first chart's title */
export const FLAG_Y = 13;

export interface DecisionHandlers {
  onDecisionHover?: (index: number | undefined) => void;
  onDecisionClick?: (index: number) => void;
}

export function DecisionMarkers({ decisions, x, bottom, highlight, handlers }: { decisions: Decision[]; x: ScaleLinear<number, number>; bottom: number; highlight?: number; handlers: RefObject<DecisionHandlers> }) {
  const hover = (index: number | undefined) => handlers.current.onDecisionHover?.(index);
  const click = (index: number) => handlers.current.onDecisionClick?.(index);
  return (
    <>
      {decisionMarks(decisions).map((m) => {
        const lit = highlight === m.index;
        return (
          <g
            key={m.index}
            className={lit ? 'chart-decision chart-decision-lit' : 'chart-decision'}
            data-decision-index={m.index}
            role="button"
            tabIndex={0}
            aria-label={`decision ${m.index + 1} (${m.kind}) at ${formatClock(m.t)}: ${m.text}`}
            aria-pressed={lit}
            onClick={() => click(m.index)}
            onKeyDown={(e) => {
              if (e.key !== 'Enter' && e.key !== ' ') return;
              e.preventDefault();
              click(m.index);
            }}
            onMouseEnter={() => hover(m.index)}
            onMouseLeave={() => hover(undefined)}
            onFocus={() => hover(m.index)}
            onBlur={() => hover(undefined)}
            style={{ color: lit ? HIGHLIGHT : m.colour }}
          >
            <title>{`${formatClock(m.t)} · ${m.text}`}</title>
            {/* a wide invisible band along the line: the whole marker answers a pointer or a finger, not only its 1 px dashes */}
            <line x1={x(m.t)} x2={x(m.t)} y1={FLAG_Y} y2={bottom} className="chart-decision-hit" />
            <line x1={x(m.t)} x2={x(m.t)} y1={FLAG_Y} y2={bottom} className="chart-decision-line" />
            <path d={`M${x(m.t)},${FLAG_Y} l-6,-11 h12 z`} className="chart-decision-flag" />
            <text x={x(m.t)} y={FLAG_Y - 4} textAnchor="middle" className="chart-decision-number">
              {m.index + 1}
            </text>
          </g>
        );
      })}
    </>
  );
}

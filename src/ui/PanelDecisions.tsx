// A run's decisions so far, as the sentences a learner reads. Each sentence is linked both ways to
// its marker on the charts: hovering or clicking one highlights the other.
import { memo, useEffect, useRef } from 'react';
import type { Decision } from '../index';

interface Props {
  decisions: Decision[];
  highlight: number | undefined;
  onHover: (index: number | undefined) => void;
  onSelect: (index: number) => void;
  /** what to say before any decision */
  idle: string;
}

function PanelDecisionsView({ decisions, highlight, onHover, onSelect, idle }: Props) {
  const list = useRef<HTMLOListElement>(null);
  // a marker clicked on the chart brings its sentence into view
  useEffect(() => {
    if (highlight === undefined) return;
    list.current?.querySelector<HTMLElement>(`[data-decision-index="${highlight}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [highlight]);

  // focusable from a script (the L key), so a keyboard reader lands on the log even before a decision
  if (decisions.length === 0) return <p className="panel-log muted" tabIndex={-1}>{idle}</p>;
  return (
    <ol className="panel-log" ref={list} aria-label="decisions so far">
      {decisions.map((d, i) => (
        <li key={i} data-decision-index={i} className={i === highlight ? 'highlighted' : undefined}>
          <button type="button" onMouseEnter={() => onHover(i)} onMouseLeave={() => onHover(undefined)} onFocus={() => onHover(i)} onBlur={() => onHover(undefined)} onClick={() => onSelect(i)}>
            {d.text}
          </button>
        </li>
      ))}
    </ol>
  );
}

export const PanelDecisions = memo(PanelDecisionsView);

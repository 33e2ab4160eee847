// A marker per decision, for the charts and the timeline: where it sits, what kind of decision it
// was (a rollback, a promotion, a pause…) and the colour that kind is drawn in. The marker's number
// (index + 1) is the cue that does not rely on colour, and the log shows the same number.
import type { Decision } from '../runtime/types';
import { OKABE_ITO } from './palette';

export type DecisionKind = 'rollback' | 'promotion' | 'pause' | 'step';

export interface DecisionMark {
  index: number;
  t: number;
  kind: DecisionKind;
  colour: string;
  text: string;
}

const COLOUR: Record<DecisionKind, string> = {
  rollback: OKABE_ITO.vermillion,
  promotion: OKABE_ITO.bluishGreen,
  pause: OKABE_ITO.reddishPurple,
  step: 'var(--ink, #1b2733)',
};

export function decisionKind(d: Pick<Decision, 'to'>): DecisionKind {
  const to = d.to.toLowerCase();
  if (to.includes('abort') || to.includes('rolledback') || to.includes('halted')) return 'rollback';
  if (to.includes('succeeded') || to.includes('promot') || to.includes('releasing') || to.includes('concluded')) return 'promotion';
  if (to.includes('paused')) return 'pause';
  return 'step';
}

export function decisionMarks(decisions: Decision[]): DecisionMark[] {
  return decisions.map((d, index) => {
    const kind = decisionKind(d);
    return { index, t: d.t, kind, colour: COLOUR[kind], text: d.text };
  });
}

// Why a judge or a human moved the rollout, recorded with the evidence: the one implementation of
// the machines' `recordDecision` action.
import type { DecisionParams } from '../patterns/vocabulary';
import type { PatternEvent } from '../patterns/common';
import { analysisFailed, analysisInconclusive, planned } from '../patterns/decisions';
import type { Platform } from './platform';

const BY_HAND = {
  PROMOTE: 'promoted by hand',
  PAUSE: 'paused by hand',
  RESUME: 'resumed by hand',
  ABORT: 'aborted by hand → rolling back',
  FLAG_ON: 'flag turned on for everyone by hand',
  FLAG_OFF: 'flag turned off by hand (kill switch)',
} as const;

export function recordDecision(platform: Platform, label: string, event: PatternEvent, params: DecisionParams): void {
  const t = platform.now;
  switch (event.type) {
    case 'analysis.failed':
      platform.markDetected();
      platform.decide(analysisFailed(t, label, params.from, params.to, event.verdict, event.failedChecks, event.failureLimit, params.consequence ?? 'rolling back', event.errors, event.streak));
      return;
    case 'analysis.inconclusive':
      platform.decide(analysisInconclusive(t, label, params.from, params.to, event.verdict, event.minSamples, event.streak));
      return;
    case 'PROMOTE':
    case 'PAUSE':
    case 'RESUME':
    case 'ABORT':
    case 'FLAG_ON':
    case 'FLAG_OFF':
      if (event.type === 'ABORT' || event.type === 'FLAG_OFF') platform.markDetected();
      platform.decide(planned(t, label, params.from, params.to, `manual ${event.type.toLowerCase()}`, BY_HAND[event.type]));
      return;
    default:
      return;
  }
}

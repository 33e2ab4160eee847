// The learner's acts as sentences ("you: aborted canary at 12:30") and which decisions in a run's
// log they caused, so the log says whose decision each was.
import type { Act } from '../runtime/acts/act';
import { clock } from '../patterns/decisions';
import { ruleWords } from '../runtime/acts/flagRule';
import type { Decision } from '../runtime/types';

const GATE_WORDS = { PROMOTE: 'promoted', PAUSE: 'paused', RESUME: 'resumed', ABORT: 'aborted' } as const;

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** What the fault did, in a few words: "error-rate on v2, 20%, for 3:00". */
function faultWords(act: Extract<Act, { type: 'fault' }>): string {
  const p = act.params;
  const parts: string[] = [];
  if (typeof p.version === 'string') parts.push(p.version);
  if (typeof p.zone === 'string') parts.push(`zone ${p.zone}`);
  else if (typeof p.count === 'number') parts.push(`${p.count} instance${p.count === 1 ? '' : 's'}`);
  for (const key of ['rate', 'drop', 'errorRate']) if (typeof p[key] === 'number') parts.push(percent(p[key] as number));
  if (typeof p.factor === 'number') parts.push(`×${p.factor}`);
  if (typeof p.platform === 'string') parts.push(`for ${p.platform} users`);
  return `${act.kind}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

const lasting = (act: Extract<Act, { type: 'fault' }>) => (act.kind === 'instance-loss' ? '' : act.duration === null ? ' to the end' : ` for ${clock(act.duration)}`);

/** "you: aborted canary at 12:30"; `labels`: the runs' labels in compare order. */
export function describeAct(act: Act, labels: string[]): string {
  const run = (r: number | null) => (r === null ? 'every run' : (labels[r] ?? `run ${r}`));
  const at = clock(act.t);
  switch (act.type) {
    case 'fault':
      return `you: injected ${faultWords(act)} at ${at}${lasting(act)}`;
    case 'gate':
      return `you: ${GATE_WORDS[act.event]} ${run(act.run)} at ${at}`;
    case 'flag':
      return `you: set ${run(act.run)}'s flag to ${percent(act.rollout)} at ${at}`;
    case 'rule':
      return `you: ${act.change === 'add' ? 'added' : 'removed'} the rule "${ruleWords(act.rule)}" ${act.change === 'add' ? 'to' : 'from'} ${run(act.run)}'s flag at ${at}`;
    case 'kill-switch':
      return `you: flipped ${run(act.run)}'s kill switch at ${at}`;
    case 'kill':
      return `you: killed instance ${act.instance} of ${run(act.run)} at ${at}`;
  }
}

/** Did one of the learner's acts on run `run` make this decision? (a human decision at an act's time) */
export function isLearnerDecision(decision: Decision, acts: Act[], run: number): boolean {
  if (!decision.reason.startsWith('manual ')) return false;
  return acts.some((a) => a.type !== 'fault' && a.type !== 'kill' && (a.run === null || a.run === run) && Math.abs(a.t - decision.t) < 1e-9);
}

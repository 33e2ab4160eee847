// What a learner can ask "what if…" about, from the current moment: the usual operator decisions
// and the usual disasters, each one act added to the story in the fork only.
import type { Act } from '../../runtime/acts/act';

export interface ForkChoice {
  key: string;
  words: string;
  act: (t: number) => Act;
}

export const FORK_CHOICES: ForkChoice[] = [
  { key: 'abort', words: 'I had aborted every rollout here', act: (t) => ({ type: 'gate', t, event: 'ABORT', run: null }) },
  { key: 'pause', words: 'I had paused every rollout here', act: (t) => ({ type: 'gate', t, event: 'PAUSE', run: null }) },
  { key: 'promote', words: 'I had promoted every rollout here', act: (t) => ({ type: 'gate', t, event: 'PROMOTE', run: null }) },
  { key: 'outage', words: 'the outage came now (a dependency fails 50% for 3 min)', act: (t) => ({ type: 'fault', t, kind: 'dependency-outage', duration: 180, params: { rate: 0.5 } }) },
  { key: 'zone', words: 'zone a went down now', act: (t) => ({ type: 'fault', t, kind: 'instance-loss', duration: null, params: { count: null, zone: 'a', version: null } }) },
  { key: 'spike', words: 'traffic tripled now for 5 min', act: (t) => ({ type: 'fault', t, kind: 'traffic-spike', duration: 300, params: { factor: 3 } }) },
];

// The flag console's percentage, applied to a run: the flag's rollout share changes now, its rules
// stay, and instances pick the change up over the flag's propagation delay, as with any remote
// configuration. The plan is not told: its next step sets its own share again, as an automated
// rollout would overwrite a hand edit in a real flag service.
import { clock } from '../../patterns/decisions';
import type { Platform } from '../platform';

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

export function setFlagByHand(platform: Platform, rollout: number): void {
  const { flag, now, label } = platform;
  if (!flag) {
    platform.decide({ t: now, from: '', to: '', reason: 'manual flag', text: `${clock(now)} ${label}: flag set to ${percent(rollout)} by hand, but this run has no feature flag: nothing changed` });
    return;
  }
  const before = flag.config.rollout;
  platform.setFlag({ rollout, rules: flag.config.rules });
  platform.decide({
    t: now,
    from: '',
    to: '',
    reason: 'manual flag',
    text: `${clock(now)} ${label} flag set by hand from ${percent(before)} to ${percent(rollout)} of users; every instance has it by ${clock(flag.fullyPropagatedAt())}`,
    evidence: { before, rollout, propagationDelay: flag.propagationDelay },
  });
}

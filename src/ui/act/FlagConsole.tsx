// The flag console of each run with a feature flag: a new percentage or the kill switch, applied as
// remote configuration (no redeploy). The change travels: instances pick it up over the flag's
// propagation delay, and the console counts them ("config reaching instances: 3/10"). Targeting
// rules are added and taken off below each run's row (FlagRules).
import { useState } from 'react';
import type { Act } from '../../runtime/acts/act';
import { flagTravel } from '../../view/flagTravel';
import { FlagRules } from './FlagRules';
import { frameAt } from '../../view/timelineAt';
import type { Timeline } from '../../view/timeline';

interface Props {
  timeline: Timeline;
  t: number;
  acts: Act[];
  onAct: (...acts: Act[]) => void;
}

export function FlagConsole({ timeline, t, acts, onAct }: Props) {
  const flagged = timeline.start.runs.flatMap((run, r) => (run.flagDelay === undefined ? [] : [{ r, label: run.label, delay: run.flagDelay }]));
  if (flagged.length === 0) return null;
  return (
    <div className="act-box flags" role="group" aria-labelledby="flags-title">
      <h4 id="flags-title">Flag console</h4>
      {flagged.map(({ r, label, delay }) => (
        <FlagRow key={r} run={r} label={label} delay={delay} timeline={timeline} t={t} acts={acts} onAct={onAct} />
      ))}
    </div>
  );
}

function FlagRow({ run, label, delay, timeline, t, acts, onAct }: { run: number; label: string; delay: number } & Props) {
  const [percent, setPercent] = useState('50');
  const value = Number(percent);
  const valid = percent.trim() !== '' && Number.isFinite(value) && value >= 0 && value <= 100;
  // the latest change of this run's flag made by the learner, by the playhead
  const last = acts.filter((a) => (a.type === 'flag' || a.type === 'kill-switch' || a.type === 'rule') && a.run === run && a.t <= t).at(-1);
  const frame = frameAt(timeline, run, t);
  const travel = last && frame ? flagTravel(frame.id, last.t, delay, t) : null;
  // a rollback turns the flag off: the kill switch clears every rule, the learner's too
  const { machine } = timeline.start.runs[run];
  const offAt = timeline.runs[run].steps.find((s) => s.to.every((path) => machine.states.find((n) => n.path === path)?.type === 'final'))?.t ?? null;
  const id = `flag-${run}`;
  return (
    <>
      <div className="flag-row" data-run={label}>
        <label htmlFor={id} className="gate-run">
          {label}
        </label>
        <input id={id} size={4} value={percent} inputMode="decimal" onChange={(e) => setPercent(e.target.value)} aria-describedby={`${id}-note`} />
        <span aria-hidden="true">%</span>
        <button type="button" className="button small" disabled={!valid} onClick={() => onAct({ type: 'flag', t: Math.floor(t), run, rollout: value / 100 })}>
          Set share
        </button>
        <button type="button" className="button small danger" onClick={() => onAct({ type: 'kill-switch', t: Math.floor(t), run })}>
          Kill switch
        </button>
        <span id={`${id}-note`} className="flag-travel" data-testid={`flag-travel-${run}`}>
          {travel
            ? travel.reached < travel.of
              ? `config reaching instances: ${travel.reached}/${travel.of}`
              : `config on every instance (${travel.of}/${travel.of})`
            : `changes reach instances within ${delay} s`}
        </span>
      </div>
      <FlagRules run={run} label={label} t={t} duration={timeline.start.durationSeconds} acts={acts} users={timeline.start.users ?? { regions: [], platforms: [] }} offAt={offAt} onAct={onAct} />
    </>
  );
}

// A run's flag rules at the console: add a targeting rule (region, platform, internal, beta, account
// age; "until" makes it a calendar window: the rule comes off again at that time, as a scheduled
// change in a flag service would take it off), and take off the rules added so far.
import { useState } from 'react';
import type { Act } from '../../runtime/acts/act';
import { RULE_ATTRIBUTES, ruleOf, ruleWords, type RuleAttribute } from '../../runtime/acts/flagRule';
import { HandFlag } from '../../runtime/acts/handFlag';
import type { FlagRuleOptions } from '../../patterns/options';
import { formatClock } from '../../view/playback';
import { parseDuration } from './timeText';

interface Props {
  run: number;
  label: string;
  /** the playhead */
  t: number;
  duration: number;
  acts: Act[];
  users: { regions: string[]; platforms: string[] };
  /** when the plan's kill switch turned the flag off, if it did by now */
  offAt: number | null;
  onAct: (...acts: Act[]) => void;
}

const WHO: Record<RuleAttribute, string> = { region: 'region', platform: 'platform', internal: 'internal', beta: 'beta', 'age-min': 'account age ≥ days', 'age-max': 'account age ≤ days' };

/**
 * The rules the learner added to this run's flag and has not taken off by time t, in the order they
 * apply. `offAt`: when the plan's own kill switch turned the flag off (it clears every rule), if it did.
 */
export function addedRules(acts: Act[], run: number, t: number, offAt: number | null = null): FlagRuleOptions[] {
  const desk = new HandFlag(); // the runtime's own bookkeeping, without the plan's rules
  let off = offAt !== null && offAt <= t ? offAt : null;
  for (const a of acts) {
    if (a.type === 'fault' || a.run !== run || a.t > t) continue;
    if (off !== null && off <= a.t) (desk.clear(), (off = null));
    if (a.type === 'kill-switch') desk.clear();
    if (a.type === 'rule') desk.edit({ change: a.change, rule: a.rule });
  }
  if (off !== null) desk.clear();
  return desk.rules();
}

export function FlagRules({ run, label, t, duration, acts, users, offAt, onAct }: Props) {
  const [who, setWho] = useState<RuleAttribute>('region');
  const [value, setValue] = useState(users.regions[0] ?? '');
  const [serve, setServe] = useState<'on' | 'off'>('on');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<string | null>(null);
  const choices = who === 'region' ? users.regions : who === 'platform' ? users.platforms : who === 'internal' || who === 'beta' ? ['yes', 'no'] : null;
  const id = `rule-${run}`;
  const now = Math.floor(t);

  const pickWho = (next: RuleAttribute) => {
    setWho(next);
    setValue(next === 'region' ? (users.regions[0] ?? '') : next === 'platform' ? (users.platforms[0] ?? '') : next === 'internal' || next === 'beta' ? 'yes' : '1');
  };
  const add = () => {
    const days = Number(value);
    if (choices === null && !(value.trim() !== '' && days >= 0 && days <= 36_500)) return setError('account age: a number of days from 0 to 36500');
    const rule = ruleOf(who, choices === null ? String(Math.round(days * 86_400)) : value, serve);
    const end = until.trim() === '' ? null : parseDuration(until);
    if (end !== null && !(end > now && end < duration)) return setError(`until: m:ss after ${formatClock(now)} and before ${formatClock(duration)}, or empty`);
    setError(null);
    const added: Act = { type: 'rule', t: now, run, change: 'add', rule };
    onAct(...(end === null ? [added] : [added, { ...added, t: end, change: 'remove' as const }]));
  };

  const rules = addedRules(acts, run, t, offAt);
  return (
    <div className="flag-rules" data-testid={`flag-rules-${run}`}>
      <form className="flag-rule-form" aria-label={`add a rule to ${label}'s flag`} onSubmit={(e) => (e.preventDefault(), add())}>
        <label className="act-field">
          rule: users by
          <select id={id} value={who} onChange={(e) => pickWho(e.target.value as RuleAttribute)} data-testid={`rule-who-${run}`}>
            {RULE_ATTRIBUTES.map((a) => (
              <option key={a} value={a}>
                {WHO[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="act-field">
          <span className="visually-hidden">value</span>
          {choices ? (
            <select value={value} onChange={(e) => setValue(e.target.value)} data-testid={`rule-value-${run}`}>
              {choices.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          ) : (
            <input size={4} value={value} inputMode="decimal" onChange={(e) => setValue(e.target.value)} data-testid={`rule-value-${run}`} />
          )}
        </label>
        <label className="act-field">
          get it
          <select value={serve} onChange={(e) => setServe(e.target.value as 'on' | 'off')} data-testid={`rule-serve-${run}`}>
            <option value="on">on</option>
            <option value="off">off</option>
          </select>
        </label>
        <label className="act-field">
          until
          <input size={5} value={until} placeholder="m:ss" onChange={(e) => setUntil(e.target.value)} aria-describedby={`${id}-until`} data-testid={`rule-until-${run}`} />
        </label>
        <span id={`${id}-until`} className="visually-hidden">optional: the rule comes off at this simulated time</span>
        <button type="submit" className="button small" data-testid={`rule-add-${run}`}>
          Add rule
        </button>
        {error && (
          <p className="act-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {offAt !== null && offAt <= t && (
        <p className="muted flag-off-note" data-testid={`flag-off-${run}`}>
          The rollback turned the flag off at {formatClock(offAt)} (kill switch): every rule, yours too, was cleared. A rule added now applies on its own.
        </p>
      )}
      {rules.length > 0 && (
        <ul className="flag-rule-list" aria-label={`rules you added to ${label}'s flag, first match wins`}>
          {rules.map((rule, i) => (
            <li key={i}>
              {ruleWords(rule)}{' '}
              <button type="button" className="button small" aria-label={`Remove rule ${ruleWords(rule)} from ${label}`} onClick={() => onAct({ type: 'rule', t: now, run, change: 'remove', rule })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

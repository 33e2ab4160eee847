// A targeting rule as the flag console writes it: one attribute of the user (region, platform,
// internal, beta, account age) and whether matching users get the feature. Its short text form,
// `on:region=eu` or `off:age-min=86400` (accounts at least a day old), is what a shared link carries; its words, "region eu → on",
// are what the log and the console say. Reading the text is strict: anything else is a sentence.
import type { FlagRuleOptions } from '../../patterns/options';
import type { UserMatchSpec } from '../../world/userMatch';
import { didYouMean } from '../../scenario/didYouMean';
import { formatDuration } from '../../scenario/units';
import { clock } from '../../patterns/decisions';

export type RuleAttribute = 'region' | 'platform' | 'internal' | 'beta' | 'age-min' | 'age-max';
export const RULE_ATTRIBUTES: RuleAttribute[] = ['region', 'platform', 'internal', 'beta', 'age-min', 'age-max'];

const NAME = /^[A-Za-z0-9._-]{1,64}$/;
const MAX_AGE = 100 * 365 * 86_400;

/** The rule a console row builds: one attribute, one value (a name, yes/no, or seconds of account age). */
export function ruleOf(attribute: RuleAttribute, value: string, serve: 'on' | 'off'): FlagRuleOptions {
  return { when: whenOf(attribute, value), serve };
}

function whenOf(attribute: RuleAttribute, value: string): UserMatchSpec {
  switch (attribute) {
    case 'region':
    case 'platform':
      if (!NAME.test(value)) throw new Error(`${attribute} "${value.slice(0, 30)}" is not a name (letters, digits, ".", "_", "-")`);
      return { [attribute]: value };
    case 'internal':
    case 'beta':
      if (value !== 'yes' && value !== 'no') throw new Error(`${attribute} takes yes or no, not "${value.slice(0, 30)}"`);
      return { [attribute]: value === 'yes' };
    case 'age-min':
    case 'age-max': {
      const seconds = Number(value);
      if (!/^\d+$/.test(value) || seconds > MAX_AGE) throw new Error(`account age "${value.slice(0, 30)}" is not a whole number of seconds up to 100 years`);
      return { registeredFor: attribute === 'age-min' ? { atLeast: seconds } : { atMost: seconds } };
    }
  }
}

/** `on:region=eu`, `off:age-min=86400`. */
export function encodeRule(rule: FlagRuleOptions): string {
  const w = rule.when;
  const [attribute, value] =
    w.region !== undefined ? ['region', String(w.region)]
    : w.platform !== undefined ? ['platform', String(w.platform)]
    : w.internal !== undefined ? ['internal', w.internal ? 'yes' : 'no']
    : w.beta !== undefined ? ['beta', w.beta ? 'yes' : 'no']
    : w.registeredFor?.atLeast !== undefined ? ['age-min', String(w.registeredFor.atLeast)]
    : ['age-max', String(w.registeredFor?.atMost)];
  return `${rule.serve}:${attribute}=${value}`;
}

/** Reads `on:region=eu`; the serve and the condition arrive as two fields of an act. */
export function decodeRule(serve: string, condition: string): FlagRuleOptions {
  if (serve !== 'on' && serve !== 'off') throw new Error(`a rule serves "on" or "off", not "${serve.slice(0, 30)}"`);
  const [attribute, ...value] = condition.split('=');
  if (value.length !== 1 || !(RULE_ATTRIBUTES as string[]).includes(attribute)) {
    throw new Error(`"${condition.slice(0, 40)}" is not a rule condition${didYouMean(attribute, RULE_ATTRIBUTES)} (region=NAME, platform=NAME, internal=yes|no, beta=yes|no, age-min=SECONDS, age-max=SECONDS)`);
  }
  return ruleOf(attribute as RuleAttribute, value[0], serve);
}

/** "region eu → on", "accounts at least 1d old → off", "beta users (after 10:00) → on". */
export function ruleWords(rule: FlagRuleOptions): string {
  const w = rule.when;
  const parts: string[] = [];
  if (w.region !== undefined) parts.push(`region ${[w.region].flat().join(' or ')}`);
  if (w.platform !== undefined) parts.push(`platform ${[w.platform].flat().join(' or ')}`);
  if (w.internal !== undefined) parts.push(w.internal ? 'internal users' : 'external users');
  if (w.beta !== undefined) parts.push(w.beta ? 'beta users' : 'users outside the beta');
  const age = w.registeredFor;
  if (age?.atLeast !== undefined) parts.push(`accounts at least ${formatDuration(age.atLeast)} old`);
  if (age?.atMost !== undefined) parts.push(`accounts at most ${formatDuration(age.atMost)} old`);
  const window = [rule.after !== undefined ? `after ${clock(rule.after)}` : '', rule.before !== undefined ? `before ${clock(rule.before)}` : ''].filter(Boolean).join(' and ');
  return `${parts.length > 0 ? parts.join(', ') : 'every user'}${window ? ` (${window})` : ''} → ${rule.serve}`;
}

/** Two rules are the same when they read the same (the order of a list of names does not matter). */
export function sameRule(a: FlagRuleOptions, b: FlagRuleOptions): boolean {
  return canonical(a) === canonical(b);
}

function canonical(rule: FlagRuleOptions): string {
  const w = rule.when;
  const list = (x: string | string[] | undefined) => (x === undefined ? null : [x].flat().sort());
  return JSON.stringify([rule.serve, list(w.region), list(w.platform), w.internal ?? null, w.beta ?? null, w.registeredFor?.atLeast ?? null, w.registeredFor?.atMost ?? null, rule.after ?? null, rule.before ?? null]);
}

// Flagger's A/B `match` (Istio's HTTPMatchRequest: headers by exact, prefix, suffix or regex) → the
// simulated users it selects. A simulated request carries a few headers made from its user's
// attributes (HEADERS); a condition selects the users whose header it matches, as Envoy matches a
// header: the regex must match the whole value. The conditions of one entry must all hold; the
// entries are alternatives (Istio's semantics), so the result is a list of user matches, any of which
// sends a user to the canary.
import type { UserMatchSpec } from '../../world/userMatch';
import { didYouMean } from '../didYouMean';
import { DEFAULT_PLATFORMS, DEFAULT_REGIONS } from '../userDefaults';
import { type ManifestObject, type Path, isObject } from './document';

/** The scenario's region and platform names, which x-region, x-platform and user-agent carry. */
export interface UserNames {
  regions: string[];
  platforms: string[];
}
export const DEFAULT_USER_NAMES: UserNames = { regions: Object.keys(DEFAULT_REGIONS), platforms: Object.keys(DEFAULT_PLATFORMS) };
/** The names a scenario's users carry (its users section is filled with the defaults when parsed). */
export const userNamesOf = (s: { users: { regions: Record<string, unknown>; platforms: Record<string, unknown> } }): UserNames => ({
  regions: Object.keys(s.users.regions),
  platforms: Object.keys(s.users.platforms),
});

/** Employees' requests carry `x-canary: insider`; beta users' the cookie `canary=always` (Flagger's own examples). */
const INSIDER = 'insider';
const CANARY_COOKIE = 'canary=always';

/** The headers a simulated request carries, each with what it stands for. */
const HEADERS: Record<string, string> = {
  'x-region': 'the user’s region',
  'x-platform': 'the user’s platform',
  'user-agent': 'the user’s platform',
  'x-canary': `"${INSIDER}" on employees’ requests (users.internal)`,
  cookie: `"${CANARY_COOKIE}" on the requests of users who opted into beta (users.beta)`,
};
const KNOWN = Object.keys(HEADERS);
const OPERATORS = ['exact', 'prefix', 'suffix', 'regex'];
/** Istio HTTPMatchRequest fields other than headers: refused, a simulated request has none of them. */
const OTHER_FIELDS = ['uri', 'scheme', 'method', 'authority', 'port', 'queryParams', 'sourceLabels', 'sourceNamespace', 'gateways', 'withoutHeaders', 'ignoreUriCase', 'name', 'statPrefix'];

const headerList = `a simulated request carries ${KNOWN.map((h) => `${h} (${HEADERS[h]})`).join(', ')}`;

/** The string matcher at `path` as a test, or undefined (with an error) when it is not one. */
function stringMatch(o: ManifestObject, path: Path): ((value: string) => boolean) | undefined {
  const m = o.get(path);
  const given = isObject(m) ? OPERATORS.filter((k) => m[k] !== undefined) : [];
  if (!isObject(m) || given.length !== 1 || Object.keys(m).length !== 1) {
    const unknown = isObject(m) ? Object.keys(m).find((k) => !OPERATORS.includes(k)) : undefined;
    if (unknown !== undefined) o.error([...path, unknown], `unknown string match "${unknown}"${didYouMean(unknown, OPERATORS) || `; expected one of ${OPERATORS.join(', ')}`}`, true);
    else o.error(path, `expected one of ${OPERATORS.join(', ')} with a string, e.g. { exact: insider } or { regex: ".*insider.*" }`);
    return undefined;
  }
  const [op] = given;
  const text = o.get([...path, op]);
  if (typeof text !== 'string') {
    o.error([...path, op], `expected a string, got ${JSON.stringify(text)}`);
    return undefined;
  }
  if (op === 'exact') return (v) => v === text;
  if (op === 'prefix') return (v) => v.startsWith(text);
  if (op === 'suffix') return (v) => v.endsWith(text);
  try {
    const re = new RegExp(`^(?:${text})$`); // Envoy's safe_regex matches the whole header value
    return (v) => re.test(v);
  } catch (e) {
    o.error([...path, op], `not a regular expression this simulation can read: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

/** One header condition → the attribute it constrains, or undefined (with an error) when it selects nobody. */
function condition(o: ManifestObject, path: Path, header: string, names: UserNames): UserMatchSpec | undefined {
  const test = stringMatch(o, path);
  if (!test) return undefined;
  const within = (what: 'region' | 'platform', list: string[]): UserMatchSpec | undefined => {
    const hit = list.filter(test);
    if (hit.length === 0) o.error(path, `${header} matches none of the simulated ${what}s (${list.join(', ')}): ${header} carries ${HEADERS[header]}`);
    return hit.length === 0 ? undefined : { [what]: hit };
  };
  if (header === 'x-region') return within('region', names.regions);
  if (header === 'x-platform' || header === 'user-agent') return within('platform', names.platforms);
  const [value, spec]: [string, UserMatchSpec] = header === 'x-canary' ? [INSIDER, { internal: true }] : [CANARY_COOKIE, { beta: true }];
  if (test(value)) return spec;
  o.error(path, `${header} matches no simulated request: ${header} is ${HEADERS[header]}`);
  return undefined;
}

/** Both constraints at once: names in both lists; undefined when they exclude each other. */
function both(a: UserMatchSpec, b: UserMatchSpec): UserMatchSpec | undefined {
  const out: UserMatchSpec = { ...a, ...b };
  for (const key of ['region', 'platform'] as const) {
    if (a[key] !== undefined && b[key] !== undefined) {
      const other = [b[key]].flat();
      const common = [a[key]].flat().filter((n) => other.includes(n));
      if (common.length === 0) return undefined;
      out[key] = common;
    }
  }
  return out;
}

/** `analysis.match` → the users each entry selects; undefined after an error. */
export function flaggerMatch(o: ManifestObject, path: Path, names: UserNames = DEFAULT_USER_NAMES): UserMatchSpec[] | undefined {
  const list = o.get(path);
  if (!Array.isArray(list) || list.length === 0) {
    o.error(path, 'expected a list of match conditions, e.g. - headers: { x-canary: { exact: insider } }');
    return undefined;
  }
  const errors = o.errors.length;
  const specs = list.map((entry, i): UserMatchSpec | undefined => {
    const at = [...path, i];
    o.get(at); // read: no "ignored" note for it
    if (!isObject(entry)) return void o.error(at, 'expected a match condition with headers, e.g. headers: { x-canary: { exact: insider } }');
    const before = o.errors.length;
    for (const key of Object.keys(entry)) {
      if (key === 'headers') continue;
      if (OTHER_FIELDS.includes(key)) o.error([...at, key], `not modelled: a simulated request has no ${key}; match on headers: ${headerList}`, true);
      else o.error([...at, key], `unknown field "${key}"${didYouMean(key, ['headers', ...OTHER_FIELDS]) || '; a match condition has headers'}`, true);
    }
    const headers = o.get([...at, 'headers']);
    if (!isObject(headers) || Object.keys(headers).length === 0) {
      if (o.errors.length === before) o.error(at, `give headers to match; ${headerList}`, true);
      return undefined;
    }
    let spec: UserMatchSpec | undefined = {};
    for (const header of Object.keys(headers)) {
      const hp = [...at, 'headers', header];
      if (!(header in HEADERS)) {
        o.error(hp, `no simulated counterpart for header "${header}"${didYouMean(header.toLowerCase(), KNOWN)}; ${headerList}`, true);
        spec = undefined;
        continue;
      }
      const one = condition(o, hp, header, names);
      const joined: UserMatchSpec | undefined = spec && one ? both(spec, one) : undefined;
      if (spec && one && !joined) o.error(hp, `selects no user together with the other headers of this condition`);
      spec = joined;
    }
    return spec;
  });
  return o.errors.length > errors ? undefined : (specs as UserMatchSpec[]);
}

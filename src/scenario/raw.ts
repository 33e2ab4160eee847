// Reading the raw (YAML-decoded, not yet validated) scenario data in the cross-field checks: values
// of the wrong type are skipped, because the schema already reports them.

export type Data = Record<string, unknown>;

export function isMapping(x: unknown): x is Data {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The entries of a list, with anything that is not a mapping read as {}; [] for a non-list. */
export function entries(list: unknown): Data[] {
  return Array.isArray(list) ? list.map((e) => (isMapping(e) ? e : {})) : [];
}

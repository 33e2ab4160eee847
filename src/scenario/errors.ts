// The error shape reported for scenario files, and its one-line compiler-style rendering.

export interface ScenarioError {
  file: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
  /** field path such as "fleet.instances" or "versions[1].errorRate"; "" for the document itself */
  path: string;
  message: string;
}

/** "s.yaml:5:10: fleet.instnces: unknown key …" (the path part is left out when it is empty). */
export function formatScenarioError(e: ScenarioError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.path === '' ? '' : `${e.path}: `}${e.message}`;
}

/** ["versions", 1, "errorRate"] → "versions[1].errorRate"; odd keys are quoted: regions["north america"]. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(String(segment))) out += `${out === '' ? '' : '.'}${String(segment)}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

/** Sorted by position (then path, message) with exact duplicates dropped. */
export function sortErrors(errors: readonly ScenarioError[]): ScenarioError[] {
  const seen = new Set<string>();
  return [...errors]
    .sort((a, b) => a.line - b.line || a.column - b.column || a.path.localeCompare(b.path) || a.message.localeCompare(b.message))
    .filter((e) => {
      const key = formatScenarioError(e);
      return seen.has(key) ? false : (seen.add(key), true);
    });
}

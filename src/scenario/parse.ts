// Scenario file text → validated, normalised `Scenario`, or every error found, with positions.
import { LineCounter, parseDocument } from 'yaml';
import { crossFieldProblems } from './checks';
import { type ScenarioError, formatPath, sortErrors } from './errors';
import { expectationPositions } from './expect/positions';
import { type Problem, problemsFromIssues } from './issues';
import { describeValue, issueMessage } from './messages';
import { locate } from './positions';
import { scenarioSchema } from './schema';
import type { ParsedScenario } from './types';

export type { ScenarioError } from './errors';
export type ParseResult = { ok: true; scenario: ParsedScenario } | { ok: false; errors: ScenarioError[] };

/** yaml's wording, except where it names its own API. */
function yamlMessage(code: string, message: string): string {
  return code === 'MULTIPLE_DOCS' ? 'a scenario file holds a single YAML document; remove the extra "---"' : message;
}

function fail(errors: ScenarioError[]): ParseResult {
  return { ok: false, errors: sortErrors(errors) };
}

/** Parses and validates a scenario file. Never throws on bad input: problems come back as errors. */
export function parseScenario(text: string, file: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(line, 1), column: Math.max(col, 1) };
  };

  // Syntax first: a document yaml could not read is not worth validating.
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ ...at(e.pos[0]), path: '', message: yamlMessage(e.code, e.message) })));
  }
  if (doc.contents === null) {
    return fail([{ ...at(0), path: '', message: 'the file is empty; expected a mapping with at least schemaVersion, title, duration, traffic and versions' }]);
  }

  let data: unknown;
  try {
    data = doc.toJS();
  } catch (e) {
    // e.g. an alias to an undefined anchor, or alias expansion past yaml's safety limit
    return fail([{ ...at(doc.contents.range?.[0] ?? 0), path: '', message: e instanceof Error ? e.message : String(e) }]);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail([{ ...at(doc.contents.range?.[0] ?? 0), path: '', message: `expected a mapping of scenario fields at the top level (schemaVersion: 1, title: …), got ${describeValue(data)}` }]);
  }

  const result = scenarioSchema.safeParse(data, { error: issueMessage, reportInput: true });
  const problems: Problem[] = [...(result.success ? [] : problemsFromIssues(result.error.issues)), ...crossFieldProblems(data as Record<string, unknown>)];
  if (problems.length > 0) {
    return fail(problems.map((p) => ({ file, ...locate(doc, lineCounter, p.path, p.anchor), path: formatPath(p.path), message: p.message })));
  }
  if (!result.success) throw new Error('unreachable: schema failed without problems'); // narrows the type
  const scenario: ParsedScenario = result.data;
  if (scenario.expect !== undefined) scenario.expectPositions = expectationPositions(doc, lineCounter, scenario.expect);
  return { ok: true, scenario };
}

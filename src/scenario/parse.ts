// Scenario file text → validated, normalised `Scenario`, or every error found, with positions.
import { LineCounter, parseDocument } from 'yaml';
import { crossFieldProblems } from './checks';
import { type ScenarioError, formatPath, sortErrors } from './errors';
import { expectationPositions } from './expect/positions';
import { sizeProblems } from './inputLimits';
import { type Problem, problemsFromIssues } from './issues';
import { LIMITS, exceeds } from './limits';
import { describeValue, issueMessage } from './messages';
import { TOO_DEEP, bareTextProblem } from './nesting';
import { type ManifestReader, fillManifestEntries, holdManifestEntries } from './manifest/entries';
import type { ManifestNote } from './manifest/document';
import { userNamesOf } from './manifest/flaggerMatch';
import { locate } from './positions';
import { scenarioSchema } from './schema';
import type { ParsedScenario } from './types';

export type { ScenarioError } from './errors';
export type ParseResult = { ok: true; scenario: ParsedScenario; notes?: ManifestNote[] } | { ok: false; errors: ScenarioError[] };

/** `readManifest`: how to read a `compare: [{ manifest: FILE }]` entry; without it (the page) such entries are errors. */
interface ParseOptions {
  readManifest?: ManifestReader;
}

/** yaml's wording, except where it names its own API or reports its own recursion running out. */
function yamlMessage(code: string, message: string): string {
  if (code === 'MULTIPLE_DOCS') return 'a scenario file holds a single YAML document; remove the extra "---"';
  return /call stack/i.test(message) ? TOO_DEEP : message;
}

/** The errors in file order, at most LIMITS.errorsReported of them, then how many more there are. */
function fail(errors: ScenarioError[]): ParseResult {
  const sorted = sortErrors(errors);
  if (sorted.length <= LIMITS.errorsReported) return { ok: false, errors: sorted };
  const shown = sorted.slice(0, LIMITS.errorsReported);
  const last = shown[shown.length - 1];
  const more = `and ${(sorted.length - shown.length).toLocaleString('en-US')} more errors (at most ${LIMITS.errorsReported} are listed)`;
  return { ok: false, errors: [...shown, { ...last, path: '', message: more }] };
}

/** Parses and validates a scenario file. Never throws on bad input: problems come back as errors. */
export function parseScenario(source: string, file: string, options: ParseOptions = {}): ParseResult {
  // A lone carriage return ends a line in old Mac files; yaml would read the whole file as one line.
  const text = source.replace(/\r(?!\n)/g, '\n');
  // Limits that protect the parser itself come first, read off the bare text.
  if (text.length > LIMITS.fileChars) {
    return fail([{ file, line: 1, column: 1, path: '', message: exceeds(`the file's ${text.length.toLocaleString('en-US')} characters`, 'fileChars') }]);
  }
  const lineCounter = new LineCounter();
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line: Math.max(line, 1), column: Math.max(col, 1) };
  };
  const refused = bareTextProblem(text);
  if (refused !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < refused.offset; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return fail([{ ...at(refused.offset), path: '', message: refused.message }]);
  }
  // Duplicate keys are found by sizeProblems in linear time; yaml's own check is quadratic.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });

  // Syntax first: a document yaml could not read is not worth validating.
  if (doc.errors.length > 0) {
    return fail(doc.errors.map((e) => ({ ...at(e.pos[0]), path: '', message: yamlMessage(e.code, e.message) })));
  }
  if (doc.contents === null) {
    return fail([{ ...at(0), path: '', message: 'the file is empty; expected a mapping with at least schemaVersion, title, duration, traffic and versions' }]);
  }

  const tooBig = sizeProblems(doc);
  if (tooBig.length > 0) return fail(tooBig.map((p) => ({ ...at(p.offset), path: formatPath(p.path), message: p.message })));

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

  const held = holdManifestEntries(data as Record<string, unknown>);
  const result = scenarioSchema.safeParse(held.data, { error: issueMessage, reportInput: true });
  const problems: Problem[] = [...(result.success ? [] : problemsFromIssues(result.error.issues)), ...crossFieldProblems(held.data), ...held.problems];
  for (const ref of held.refs) {
    const at = ['compare', ref.index, 'manifest'];
    if (!options.readManifest) problems.push({ path: at, anchor: 'key', message: 'a manifest entry is read by the command line (sim run FILE); this page cannot open files beside the scenario, so write the run as a pattern entry here' });
    else if (held.data.rollout === undefined) problems.push({ path: at, anchor: 'key', message: 'a manifest rolls out a new version; add a rollout section (rollout: { from, to, at })' });
  }
  if (problems.length > 0) {
    return fail(problems.map((p) => ({ file, ...locate(doc, lineCounter, p.path, p.anchor), path: formatPath(p.path), message: p.message })));
  }
  if (!result.success) throw new Error('unreachable: schema failed without problems'); // narrows the type
  const scenario: ParsedScenario = result.data;
  if (scenario.expect !== undefined) scenario.expectPositions = expectationPositions(doc, lineCounter, scenario.expect);
  if (held.refs.length === 0 || !options.readManifest) return { ok: true, scenario };
  const filled = fillManifestEntries(scenario.compare, held.refs, options.readManifest, userNamesOf(scenario));
  if (filled.errors.length > 0) return fail(filled.errors);
  const seen = new Set<string>();
  for (const entry of filled.compare) {
    if (seen.has(entry.label)) return fail([{ file, ...locate(doc, lineCounter, ['compare'], 'key'), path: 'compare', message: `label ${JSON.stringify(entry.label)} is used twice once the manifests are read; give the manifest entry a label` }]);
    seen.add(entry.label);
  }
  return { ok: true, scenario: { ...scenario, compare: filled.compare }, notes: filled.notes };
}

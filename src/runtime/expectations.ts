// Checks a scenario's `expect:` block against its runs: every expectation must hold in every seed.
// A failure names the run, the field, what was expected, what was measured, the seed, and where in
// the file the expectation is written.
import type { ExpectBounds, RunMetric, Scenario, SourcePosition } from '../scenario/types';
import type { RunRecord, ScenarioResult } from './types';

interface ExpectationFailure {
  label: string;
  /** e.g. "usersAffected.max", "outcome", "fault.outage.failedRequests.min" */
  field: string;
  expected: string;
  measured: string;
  seed: number;
  position?: SourcePosition;
}

function metricOf(run: RunRecord, metric: RunMetric): number | null {
  switch (metric) {
    case 'latencyP99Ms':
      return run.latencyMs.p99;
    case 'latencyP95Ms':
      return run.latencyMs.p95;
    case 'latencyMeanMs':
      return run.latencyMs.mean;
    case 'abLift':
      return run.abTest?.lift ?? null;
    case 'abPValue':
      return run.abTest?.pValue ?? null;
    case 'abSamples':
      return run.abTest?.samples ?? null;
    default:
      return run[metric];
  }
}

function checkBounds(value: number | null, bounds: ExpectBounds, field: string, push: (field: string, expected: string, measured: string) => void): void {
  const shown = value === null ? 'none (it never happened)' : String(Math.round(value * 1000) / 1000);
  if (bounds.min !== undefined && (value === null || value < bounds.min)) push(`${field}.min`, `at least ${bounds.min}`, shown);
  if (bounds.max !== undefined && (value === null || value > bounds.max)) push(`${field}.max`, `at most ${bounds.max}`, shown);
}

export function checkExpectations(scenario: Scenario, results: ScenarioResult[]): ExpectationFailure[] {
  const failures: ExpectationFailure[] = [];
  const expectations = scenario.expect ?? {};
  for (const result of results) {
    for (const [label, expectation] of Object.entries(expectations)) {
      const run = result.runs.find((r) => r.label === label);
      const positions = scenario.expectPositions?.[label];
      const push = (field: string, expected: string, measured: string) =>
        failures.push({ label, field, expected, measured, seed: result.seed, position: positions?.fields[field] ?? positions?.at });
      if (!run) {
        push('', 'a run with this label', 'none');
        continue;
      }
      if (expectation.outcome && !expectation.outcome.includes(run.outcome as never)) push('outcome', expectation.outcome.join(' or '), run.outcome);
      for (const [metric, bounds] of Object.entries(expectation.bounds)) checkBounds(metricOf(run, metric as RunMetric), bounds!, metric, push);
      if (expectation.abWinner !== undefined) {
        const winner = run.abTest?.winner ?? null;
        const measured = winner === null ? 'none' : run.abTest?.winner === scenarioVariant(scenario, label, 0) ? 'A' : 'B';
        if (measured !== expectation.abWinner) push('abWinner', expectation.abWinner, measured);
      }
      for (const [faultLabel, metrics] of Object.entries(expectation.faults)) {
        const cost = run.faults.find((f) => f.label === faultLabel);
        for (const [metric, bounds] of Object.entries(metrics)) {
          checkBounds(cost ? cost[metric as keyof typeof cost] as number : null, bounds!, `fault.${faultLabel}.${metric}`, push);
        }
      }
    }
  }
  return failures;
}

/** The name of variant `index` of the A/B run `label` (the first variant is the control, "A"). */
function scenarioVariant(scenario: Scenario, label: string, index: number): string | undefined {
  const entry = scenario.compare.find((c) => c.label === label);
  const variants = entry?.options.variants as { name: string }[] | undefined;
  return variants?.[index]?.name;
}

export function formatExpectationFailure(file: string, f: ExpectationFailure): string {
  const where = f.position ? `${file}:${f.position.line}:${f.position.column}` : file;
  return `${where}: expect.${f.label}${f.field ? `.${f.field}` : ''}: expected ${f.expected}, measured ${f.measured} (seed ${f.seed})`;
}

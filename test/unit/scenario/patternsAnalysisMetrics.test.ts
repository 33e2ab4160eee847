// The analysis block's metric list, written as Argo's AnalysisTemplate writes its metrics: each metric
// with its success bound (max), its failure bound (failAbove: in between, Inconclusive, as Argo's
// analysis/evaluate.go has it), its own limits and count, counted on its own (analysis/analysis.go,
// assessMetricStatus); and the same band and limits run as a manifest's do.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src';
import { errorsOf, exampleWith, scenarioOf } from './helpers';
import { smallWorld } from './smallWorld';

const canary = (analysis: string) => exampleWith({ 13: `  - { pattern: canary, steps: [ { setWeight: 50 }, { pause: 10m } ], analysis: ${analysis} }` });
const analysisOf = (analysis: string) => scenarioOf(canary(analysis)).compare[0].options.analysis;

describe('the metric list', () => {
  it('reads each metric’s bounds, limits and count, defaults from the analysis', () => {
    const a = analysisOf(`{ interval: 30s, failureLimit: 1, metrics: [
      { name: errorRate, max: 1%, failAbove: 5%, failureLimit: 3, count: 4 },
      { name: latencyP99, max: 800ms, consecutiveSuccessLimit: 2 } ] }`);
    expect(a).toMatchObject({
      interval: 30,
      errorRate: { max: 0.01, failAbove: 0.05 },
      latencyP99: { max: 0.8 },
      metricLimits: {
        errorRate: { failureLimit: 3, inconclusiveLimit: 0, consecutiveErrorLimit: 4, count: 4 },
        latencyP99: { failureLimit: 1, inconclusiveLimit: 0, consecutiveErrorLimit: 4, consecutiveSuccessLimit: 2 },
      },
    });
    expect(a).not.toHaveProperty('metrics');
  });

  it('takes the band in the short form too', () => {
    expect(analysisOf('{ errorRate: { max: 1%, failAbove: 5% } }')).toMatchObject({ errorRate: { max: 0.01, failAbove: 0.05 } });
  });

  it('says what is wrong, at the field', () => {
    const line = (analysis: string) => errorsOf(canary(analysis));
    expect(line('{ metrics: [ { name: errorRat, max: 1% } ] }')[0]).toMatch(/analysis\.metrics\[0\]\.name: expected one of "errorRate", "latencyP99", got "errorRat"; did you mean "errorRate"\?/);
    expect(line('{ metrics: [ { name: errorRate, max: 1%, interval: 1m } ] }')[0]).toMatch(/metrics\[0\]\.interval: unknown key "interval"/);
    expect(line('{ metrics: [ { name: errorRate, max: 1% }, { name: errorRate, max: 2% } ] }')[0]).toMatch(/metrics\[1\]\.name: errorRate is listed twice/);
    expect(line('{ metrics: [ { name: errorRate, max: 5%, failAbove: 1% } ] }')[0]).toMatch(/metrics\[0\]\.failAbove: failAbove must be above max/);
    expect(line('{ metrics: [ { name: latencyP99, max: 1s, failureLimit: -1 } ] }')[0]).toMatch(/metrics\[0\]\.failureLimit: failureLimit -1 turns the failure limit off, so consecutiveSuccessLimit must be set/);
    expect(line('{ errorRate: { max: 1% }, metrics: [ { name: latencyP99, max: 1s } ] }')[0]).toMatch(/analysis\.errorRate: give the metrics either as a list \(metrics\) or as errorRate \/ latencyP99, not both/);
    expect(line('{ errorRate: { max: 1% }, failureLimit: -1 }')[0]).toMatch(/analysis\.failureLimit: failureLimit -1 turns the failure limit off/);
    expect(line('{ judge: baseline, metrics: [ { name: latencyP99, max: 1s } ] }')[0]).toMatch(/metrics is used by the threshold judge only/);
  });
});

describe('run from the scenario format', { timeout: 60_000 }, () => {
  const run = (analysis: string, v2ErrorRate: string) => {
    const s = scenarioOf(smallWorld(v2ErrorRate, `compare:\n  - { pattern: canary, steps: [ { setWeight: 50 }, { pause: 10m } ], analysis: ${analysis} }\n`));
    return runScenario(s).runs[0];
  };

  it('pauses in the band between max and failAbove, rolls back above it', () => {
    const band = '{ metrics: [ { name: errorRate, max: 5%, failAbove: 10% } ] }';
    expect(run(band, '7%').outcome).toBe('paused');
    expect(run(band, '20%').outcome).toBe('rolled-back');
  });

  it('counts each metric against its own failureLimit', () => {
    const abortAt = (analysis: string) => run(analysis, '10%').decisions.find((d) => d.reason === 'analysis failed')!.t;
    const own = abortAt('{ metrics: [ { name: errorRate, max: 1%, failureLimit: 3 }, { name: latencyP99, max: 10s } ] }');
    const strict = abortAt('{ metrics: [ { name: errorRate, max: 1% }, { name: latencyP99, max: 10s } ] }');
    expect(own - strict).toBe(3 * 60);
  });
});

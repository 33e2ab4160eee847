// One benchmark measurement in a fresh process (`node benchChild.cjs large`): fresh JIT state, and
// a peak resident set that belongs to this model alone. Prints one JSON line: a BenchSample.
import { parseScenario } from '../..';
import { runScenario } from '../..';
import { calibrationLoop, CALIBRATION_ITERATIONS } from './calibration';
import { BENCH_MODELS, type BenchJob, type BenchSample } from './models';

/** Wall and CPU seconds spent in fn, with its result. */
function timed<T>(fn: () => T): { value: T; wallSeconds: number; cpuSeconds: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = fn();
  const wallSeconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return { value, wallSeconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

function measure(job: BenchJob): Omit<BenchSample, 'maxRssKiB'> {
  if (job === 'calibration') {
    const { value: checksum, ...time } = timed(() => calibrationLoop());
    if (!Number.isFinite(checksum)) throw new Error('calibration checksum is not finite');
    return { job, requests: CALIBRATION_ITERATIONS, events: 0, ...time };
  }
  const parsed = parseScenario(BENCH_MODELS[job], `bench-${job}.yaml`);
  if (!parsed.ok) throw new Error(`bench model ${job} is invalid: ${parsed.errors.map((e) => e.message).join('; ')}`);
  const { value: result, ...time } = timed(() => runScenario(parsed.scenario));
  // Every compared run simulates its own requests: count them all.
  const requests = result.runs.reduce((n, r) => n + r.requests, 0);
  const events = result.runs.reduce((n, r) => n + r.events, 0);
  return { job, requests, events, ...time };
}

const job = process.argv[2] as BenchJob;
if (job !== 'calibration' && !(job in BENCH_MODELS)) {
  process.stderr.write(`bench child: unknown job "${job}"\n`);
  process.exitCode = 2;
} else {
  try {
    const sample: BenchSample = { ...measure(job), maxRssKiB: process.resourceUsage().maxRSS };
    process.stdout.write(`${JSON.stringify(sample)}\n`);
  } catch (error) {
    // one line for the parent to quote; the stack only helps whoever debugs the engine
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}

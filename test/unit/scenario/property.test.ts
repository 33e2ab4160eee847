// Property: any valid scenario, built as a JS object and written out by YAML.stringify, parses and
// keeps its numbers. Each generator yields [what to write, what the parser must produce].
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { parseScenario } from '../../../src';
import { formatScenarioError } from '../../../src/scenario/errors';
import { exampleWith } from './helpers';

type Written<T = number> = [unknown, T];

/** A duration of `seconds` written as a number, "Ns", "Nms", or in minutes when whole. */
const durationOf = (seconds: number): fc.Arbitrary<Written> =>
  fc.constantFrom<Written[]>(
    [seconds, seconds],
    [`${seconds}s`, seconds],
    [`${seconds * 1000}ms`, seconds],
    ...(seconds % 60 === 0 ? [[`${seconds / 60}m`, seconds] as Written] : []),
  );
const duration = (min: number, max: number) => fc.integer({ min, max }).chain(durationOf);
const millis = fc.integer({ min: 1, max: 60_000 }).map((ms): Written => [`${ms}ms`, ms / 1000]);

/** A share written as "k%", "k.5%" or a fraction. */
const percent: fc.Arbitrary<Written> = fc.integer({ min: 0, max: 99 }).chain((k) =>
  fc.constantFrom<Written[]>([`${k}%`, k / 100], [`${k}.5%`, (k + 0.5) / 100], [k / 100, k / 100]),
);

const serviceTime = fc.oneof(
  millis.map(([w, s]) => [{ distribution: 'exponential', mean: w }, { distribution: 'exponential', mean: s }] as Written<object>),
  millis.map(([w, s]) => [{ distribution: 'constant', value: w }, { distribution: 'constant', value: s }] as Written<object>),
  fc.tuple(millis, fc.integer({ min: 1, max: 1000 })).map(
    ([[w, s], extraMs]) => [{ distribution: 'lognormal', median: w, p99: `${s * 1000 + extraMs}ms` }, { distribution: 'lognormal', median: s, p99: (s * 1000 + extraMs) / 1000 }] as Written<object>,
  ),
);

const version = (name: string) =>
  fc.record({ serviceTime, errorRate: percent }).map(({ serviceTime: [sw, ss], errorRate: [ew, es] }) => [
    { name, serviceTime: sw, errorRate: ew },
    { name, serviceTime: ss, errorRate: es },
  ]);

const scenario = fc
  .record({
    seconds: fc.integer({ min: 60, max: 7 * 86400 }),
    instances: fc.integer({ min: 1, max: 10_000 }),
    queueLimit: fc.integer({ min: 0, max: 1_000_000 }),
    loadBalancer: fc.constantFrom('round-robin', 'random', 'least-connections'),
    rps: fc.double({ min: 0.01, max: 1_000_000, noNaN: true }),
    count: fc.integer({ min: 1, max: 10_000_000 }),
    usShare: fc.integer({ min: 0, max: 100 }),
    names: fc.uniqueArray(fc.stringMatching(/^[A-Za-z0-9._-]{1,12}$/), { minLength: 1, maxLength: 4 }),
    seed: fc.integer({ min: 0, max: 4_294_967_295 }),
  })
  .chain((base) =>
    fc.record({
      base: fc.constant(base),
      duration: durationOf(base.seconds),
      startupTime: duration(0, 600),
      versions: fc.tuple(...base.names.map(version)),
      rolloutAt: duration(0, base.seconds - 1),
      withRollout: fc.boolean(),
    }),
  );

describe('arbitrary input', () => {
  it('never throws, and every error has a position and a message without a stack trace', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue().map((v) => YAML.stringify(v)),
      // The contract example with one line swapped for generated text.
      fc.tuple(fc.integer({ min: 1, max: 13 }), fc.string({ maxLength: 40 })).map(([line, t]) => exampleWith({ [line]: t })),
    );
    fc.assert(
      fc.property(text, (t) => {
        const result = parseScenario(t, 'x.yaml');
        if (result.ok) return;
        expect(result.errors.length).toBeGreaterThan(0);
        for (const e of result.errors) {
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(e.message).not.toMatch(/^$|\n\s+at /);
        }
      }),
      { numRuns: 300 },
    );
  }, 30_000); // generous: the machine may be busy
});

describe('generated valid scenarios', () => {
  it('parse and keep their numbers', () => {
    fc.assert(
      fc.property(scenario, ({ base, duration: [dw, ds], startupTime: [sw, ss], versions, rolloutAt: [aw, as], withRollout }) => {
        const rollout = withRollout && base.names.length > 1;
        const file = {
          schemaVersion: 1,
          title: 'generated',
          seed: base.seed,
          duration: dw,
          fleet: { instances: base.instances, queueLimit: base.queueLimit, startupTime: sw, loadBalancer: base.loadBalancer },
          traffic: { rps: base.rps },
          users: { count: base.count, regions: { us: `${base.usShare}%`, eu: `${100 - base.usShare}%` } },
          versions: versions.map(([written]) => written),
          ...(rollout ? { rollout: { from: base.names[0], to: base.names[1], at: aw } } : {}),
        };
        const result = parseScenario(YAML.stringify(file), 'gen.yaml');
        if (!result.ok) throw new Error(result.errors.map(formatScenarioError).join('\n'));
        const s = result.scenario;
        expect(s.seed).toBe(base.seed);
        expect(s.duration).toBe(ds);
        expect(s.fleet).toEqual({ instances: base.instances, concurrency: 4, queueLimit: base.queueLimit, startupTime: ss, loadBalancer: base.loadBalancer });
        expect(s.traffic.rps).toBe(base.rps);
        expect(s.users.count).toBe(base.count);
        expect(s.users.regions).toEqual({ us: base.usShare / 100, eu: (100 - base.usShare) / 100 });
        expect(s.versions).toEqual(versions.map(([, parsed]) => ({ ...parsed, conversionRate: 0.03 })));
        expect(s.rollout).toEqual(rollout ? { from: base.names[0], to: base.names[1], at: as } : undefined);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

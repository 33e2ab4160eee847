// The scenario file schema (zod 4). Parsing it yields the normalised `Scenario`; its input side is
// also exported as JSON Schema for editors (`# yaml-language-server: $schema=…`).
import { z } from 'zod';
import { closed } from './closed';
import { didYouMean } from './didYouMean';
import { expectSchema } from './expect/schema';
import { faultsSchema, withFaultStarts } from './faults/schema';
import { duration, int, limitedInt, name, percent, shares } from './fields';
import { LIMITS, exceeds } from './limits';
import { describeValue, whenPresent } from './messages';
import { withDefaultVariants } from './knobs/abTest';
import { manualSchema } from './manual/schema';
import { compareEntry } from './patterns';
import { manifestEntrySchema } from './manifest/entries';
import type { ParsedScenario, TrafficShape } from './types';
import { formatDuration } from './units';
import { DEFAULT_PLATFORMS, DEFAULT_REGIONS } from './userDefaults';

const fleet = closed(
  {
    instances: limitedInt(1, 'instances', 'instances', 'Number of instances serving traffic. Default 10.').prefault(10),
    concurrency: int(1, 10_000, 'Requests one instance serves at the same time. Default 4.').prefault(4),
    queueLimit: limitedInt(0, 'queueLimit', 'queued requests', 'Requests an instance queues before rejecting more. Default 100.').prefault(100),
    startupTime: duration('How long a new instance takes before it serves traffic. Default 20s.').prefault('20s'),
    loadBalancer: z
      .enum(['round-robin', 'random', 'least-connections'])
      .describe('How requests are spread over instances. Default round-robin.')
      .prefault('round-robin'),
  },
  'The instances serving the application.',
);

const diurnal = closed(
  {
    kind: z.literal('diurnal').describe('Shape kind.'),
    amplitude: percent('Swing around the mean rate: rps × (1 ± amplitude).'),
    period: duration('Length of one cycle. Default 24h.', { above: 0 }).prefault('24h'),
    peakAt: duration('Time of the peak within the cycle. Default 14h.').prefault('14h'),
  },
  'A daily wave: rps × (1 + amplitude·cos(2π(t − peakAt)/period)).',
);

const spike = closed(
  {
    kind: z.literal('spike').describe('Shape kind.'),
    at: duration('When the spike starts.'),
    duration: duration('How long the spike lasts.', { above: 0 }),
    factor: z.number().gt(0).max(1000).describe('Multiplier applied to rps during the spike.'),
  },
  'A burst: rps × factor during [at, at + duration).',
);

// `shape: constant` is a bare string; the other shapes are mappings tagged by `kind`.
const shape = z
  .union([z.literal('constant'), z.discriminatedUnion('kind', [diurnal, spike])], {
    error: whenPresent((input) => {
      const hint = typeof input === 'string' ? didYouMean(input, ['constant']) : '';
      return `expected "constant" or a mapping with kind: diurnal or spike, got ${describeValue(input)}${hint}`;
    }),
  })
  .transform((s): TrafficShape => (s === 'constant' ? { kind: 'constant' } : s))
  .describe('How the request rate changes over time. Default constant.');

const traffic = closed(
  {
    rps: z.number().gt(0).max(1_000_000).describe('Mean requests per second.'),
    shape: shape.prefault('constant'),
  },
  'The incoming requests.',
);

export { DEFAULT_PLATFORMS, DEFAULT_REGIONS };

const users = closed(
  {
    count: limitedInt(1, 'users', 'users', 'Number of distinct users. Default 10000.').prefault(10_000),
    regions: shares('Region name → share of users. Default us 50%, eu 30%, apac 20%.').prefault(DEFAULT_REGIONS),
    platforms: shares('Platform name → share of users. Default web 60%, ios 25%, android 15%.').prefault(DEFAULT_PLATFORMS),
    internal: percent('Share of users who are employees. Default 1%.').prefault('1%'),
    beta: percent('Share of users who opted into beta. Default 5%.').prefault('5%'),
    newUsers: percent('Share of users who registered within the day before the run. Default 2%.').prefault('2%'),
    maxAccountAge: duration('Age of the oldest account; other registrations are spread uniformly. Default 730d.', { above: 0 }).prefault('730d'),
  },
  'The user population.',
);

const exponential = closed({ distribution: z.literal('exponential').describe('Distribution kind.'), mean: duration('Mean service time.', { above: 0 }) }, 'Exponentially distributed service time.');
const constant = closed({ distribution: z.literal('constant').describe('Distribution kind.'), value: duration('The service time.', { above: 0 }) }, 'Fixed service time.');
const lognormal = closed(
  {
    distribution: z.literal('lognormal').describe('Distribution kind.'),
    median: duration('Median service time.', { above: 0 }),
    p99: duration('99th-percentile service time; greater than the median.', { above: 0 }),
  },
  'Log-normally distributed service time, given by its median and 99th percentile.',
).superRefine((s, ctx) => {
  if (s.p99 <= s.median) {
    ctx.addIssue({ code: 'custom', path: ['p99'], input: s.p99, message: `must be greater than median (${formatDuration(s.median)}), got ${formatDuration(s.p99)}` });
  }
});

const version = closed(
  {
    name: name('Version name, e.g. v2 or 1.4.0 (letters, digits, ".", "_", "-").'),
    serviceTime: z.discriminatedUnion('distribution', [exponential, lognormal, constant]).describe('Time one request takes on an idle instance.'),
    errorRate: percent('Share of requests that fail. Default 0.').prefault(0),
    conversionRate: percent('Share of sessions that convert. Default 3%.').prefault('3%'),
  },
  'A version of the application.',
);

const rollout = closed(
  {
    from: name('The version running at the start (one of `versions`).'),
    to: name('The version being deployed (one of `versions`).'),
    at: duration('When the deployment starts; before the end of the run.'),
  },
  'The deployment the compared patterns perform.',
);

export const scenarioSchema = closed(
  {
    schemaVersion: z.literal(1, { error: whenPresent((input) => `expected 1 (the only schema version so far), got ${describeValue(input)}`) }).describe('Version of this file format; must be 1.'),
    title: z.string().min(1).describe('Short name of the scenario.'),
    summary: z.string().optional().describe('A paragraph explaining the scenario.'),
    objectives: z.array(z.string().min(1)).describe('What the learner should take away, one sentence each. Default: none.').prefault([]),
    narrative: z.string().min(1).optional().describe('A short story that sets the scene; may contain markdown.'),
    seed: int(0, 4_294_967_295, 'Random seed; the same seed gives the same run. Default 1.').prefault(1),
    duration: duration('Simulated time span, at most 7d.', { above: 0, max: 7 * 86400 }),
    fleet: fleet.prefault({}),
    traffic,
    users: users.prefault({}),
    versions: z
      .array(version)
      .min(1)
      .max(LIMITS.versions, { error: (iss) => exceeds(`${(iss.input as unknown[]).length} versions`, 'versions') })
      .describe('The versions of the application; names must be unique.'),
    rollout: rollout.optional(),
    compare: z.array(compareEntry).min(1).describe('The runs to compare side by side: patterns, or real manifests as { manifest: FILE, label? } (command line only). Default [{ pattern: none }].').prefault([{ pattern: 'none' }]),
    faults: faultsSchema.prefault([]),
    manual: manualSchema.prefault([]),
    expect: expectSchema.optional(),
  },
  'A Rollout Lab scenario: a fleet, its traffic and users, the versions, the deployment patterns to compare, the faults they face and what they should show.',
)
  // defaults that depend on another section
  .transform(withDefaultVariants)
  .transform(withFaultStarts);

// Compile-time check that parsing yields exactly the engine's contract.
const _output: (o: z.output<typeof scenarioSchema>) => ParsedScenario = (o) => o;
void _output;

/** JSON Schema (draft-07) of the file form, for editors and `public/scenario.schema.json`. */
export function scenarioJsonSchema(): object {
  const { $schema, ...rest } = z.toJSONSchema(scenarioSchema, { target: 'draft-07', io: 'input' });
  return withManifestEntries({ $schema, title: 'Rollout Lab scenario', ...rest });
}

/** A compare entry is a pattern or `{ manifest, label? }`: the second form is read before the schema applies. */
function withManifestEntries(schema: Record<string, unknown>): object {
  const properties = schema.properties as Record<string, { items: object }>;
  const { $schema: _, ...manifest } = z.toJSONSchema(manifestEntrySchema, { target: 'draft-07', io: 'input' });
  const compare = properties.compare;
  return { ...schema, properties: { ...properties, compare: { ...compare, items: { anyOf: [compare.items, manifest] } } } };
}

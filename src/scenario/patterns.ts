// The deployment patterns a scenario can compare, as a registry: adding a pattern means adding
// (or filling in) one entry here. Its knobs end up in `CompareEntry.options`.
import { z } from 'zod';
import type { AbVariant, PatternOptions } from '../patterns/options';
import { closed } from './closed';
import { abTestKnobs } from './knobs/abTest';
import { bigBangKnobs } from './knobs/bigBang';
import { blueGreenKnobs } from './knobs/blueGreen';
import { canaryKnobs } from './knobs/canary';
import { darkLaunchKnobs } from './knobs/darkLaunch';
import { featureToggleKnobs } from './knobs/featureToggle';
import { type Knobs, knobs, rule } from './knobs/rules';
import { rollingKnobs } from './knobs/rolling';
import { trafficSplitKnobs } from './knobs/trafficSplit';
import { describeValue, oneOfMessage } from './messages';
import type { CompareEntry, PatternName } from './types';

interface PatternSpec {
  description: string;
  /** Whether the pattern moves traffic from `rollout.from` to `rollout.to` (so needs `rollout`). */
  needsRollout: boolean;
  /** The pattern's own knobs (see knobs/), or null while the engine cannot run it yet. */
  knobs: Knobs | null;
}

export const PATTERNS = {
  none: { description: 'Baseline: no deployment, every request is served by the current version.', needsRollout: false, knobs: knobs({}) },
  'big-bang': { description: 'Replace every instance at once.', needsRollout: true, knobs: bigBangKnobs },
  rolling: { description: 'Replace instances in batches.', needsRollout: true, knobs: rollingKnobs },
  'blue-green': { description: 'Start a second fleet, then switch all traffic.', needsRollout: true, knobs: blueGreenKnobs },
  canary: { description: 'Send a growing share of traffic to the new version.', needsRollout: true, knobs: canaryKnobs },
  'feature-toggle': { description: 'Ship dark, then enable per user segment.', needsRollout: true, knobs: featureToggleKnobs },
  'ab-test': { description: 'Split users between versions and compare conversion.', needsRollout: true, knobs: abTestKnobs },
  'dark-launch': { description: 'Mirror traffic to the new version, discard its responses.', needsRollout: true, knobs: darkLaunchKnobs },
  'traffic-split': { description: 'Send chosen users, or a share of requests, to the new version in stages.', needsRollout: true, knobs: trafficSplitKnobs },
} satisfies Record<PatternName, PatternSpec>;

// Compile-time check that each pattern's parsed knobs are what its statechart consumes
// (`PatternOptions`). The ab-test variants default to the rollout's versions, so they are filled in
// once the whole file is parsed (withDefaultVariants).
type Parsed<P extends PatternName> = z.output<z.ZodObject<(typeof PATTERNS)[P]['knobs']['shape']>>;
type Filled<P extends PatternName> = Parsed<P> & (P extends 'ab-test' ? { variants: AbVariant[] } : unknown);
const _options: { [P in PatternName]: (o: Filled<P>) => PatternOptions[P] } = {
  none: (o) => o,
  'big-bang': (o) => o,
  rolling: (o) => o,
  'blue-green': (o) => o,
  canary: (o) => o,
  'feature-toggle': (o) => o,
  'ab-test': (o) => o,
  'dark-launch': (o) => o,
  'traffic-split': (o) => o,
};
void _options;

const REGISTRY: Record<PatternName, PatternSpec> = PATTERNS;
export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];
export const IMPLEMENTED_PATTERNS = PATTERN_NAMES.filter((p) => REGISTRY[p].knobs !== null);

function entrySchema(pattern: PatternName, { shape, rule: check }: Knobs) {
  const entry = closed(
    {
      pattern: z.literal(pattern).describe('The deployment pattern to run.'),
      label: z.string().min(1).describe('Name of this run in charts and reports; unique in the scenario. Default: the pattern name.').optional(),
      ...shape,
    },
    PATTERNS[pattern].description,
  );
  return check ? entry.check(rule(check)) : entry;
}

/** Wording when no implemented pattern matches: known-but-planned patterns say so. */
function unmatchedPattern(iss: z.core.$ZodRawIssue): string | undefined {
  if (iss.code === 'invalid_type' && typeof iss.input === 'string') return `expected a mapping like { pattern: ${iss.input} }, got ${describeValue(iss.input)}`;
  if (iss.code !== 'invalid_union' || typeof iss.input !== 'object' || iss.input === null) return undefined;
  const pattern = (iss.input as Record<string, unknown>).pattern;
  if (pattern === undefined) return undefined; // "required field is missing", from the shared map
  if (PATTERN_NAMES.includes(pattern as PatternName)) return `pattern ${JSON.stringify(pattern)} is not implemented yet`;
  return oneOfMessage(IMPLEMENTED_PATTERNS, pattern);
}

const implemented = IMPLEMENTED_PATTERNS.map((p) => entrySchema(p, REGISTRY[p].knobs ?? knobs({})));

/** One `compare` entry; only implemented patterns appear (so editors only offer those). */
export const compareEntry = z
  .discriminatedUnion('pattern', implemented as [(typeof implemented)[number], ...(typeof implemented)[number][]], { error: unmatchedPattern })
  .transform(({ pattern, label, ...options }): CompareEntry => ({ pattern, label: label ?? pattern, options }));

// The deployment patterns a scenario can compare, as a registry: adding a pattern means adding
// (or filling in) one entry here. Its knobs end up in `CompareEntry.options`.
import { z } from 'zod';
import { closed } from './closed';
import { describeValue, oneOfMessage } from './messages';
import type { CompareEntry, PatternName } from './types';

interface PatternSpec {
  description: string;
  /** Whether the pattern moves traffic from `rollout.from` to `rollout.to` (so needs `rollout`). */
  needsRollout: boolean;
  /** The pattern's own knobs, or null while the engine cannot run it yet. */
  knobs: z.core.$ZodLooseShape | null;
}

export const PATTERNS: Record<PatternName, PatternSpec> = {
  none: { description: 'Baseline: no deployment, every request is served by the current version.', needsRollout: false, knobs: {} },
  'big-bang': { description: 'Replace every instance at once.', needsRollout: true, knobs: null },
  rolling: { description: 'Replace instances in batches.', needsRollout: true, knobs: null },
  'blue-green': { description: 'Start a second fleet, then switch all traffic.', needsRollout: true, knobs: null },
  canary: { description: 'Send a growing share of traffic to the new version.', needsRollout: true, knobs: null },
  'feature-toggle': { description: 'Ship dark, then enable per user segment.', needsRollout: true, knobs: null },
  'ab-test': { description: 'Split users between versions and compare conversion.', needsRollout: true, knobs: null },
  'dark-launch': { description: 'Mirror traffic to the new version, discard its responses.', needsRollout: true, knobs: null },
  'traffic-split': { description: 'Send a fixed share of requests to the new version.', needsRollout: true, knobs: null },
};

export const PATTERN_NAMES = Object.keys(PATTERNS) as PatternName[];
export const IMPLEMENTED_PATTERNS = PATTERN_NAMES.filter((p) => PATTERNS[p].knobs !== null);

function entrySchema(pattern: PatternName, knobs: z.core.$ZodLooseShape) {
  return closed(
    {
      pattern: z.literal(pattern).describe('The deployment pattern to run.'),
      label: z.string().min(1).describe('Name of this run in charts and reports; unique in the scenario. Default: the pattern name.').optional(),
      ...knobs,
    },
    PATTERNS[pattern].description,
  );
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

const implemented = IMPLEMENTED_PATTERNS.map((p) => entrySchema(p, PATTERNS[p].knobs ?? {}));

/** One `compare` entry; only implemented patterns appear (so editors only offer those). */
export const compareEntry = z
  .discriminatedUnion('pattern', implemented as [(typeof implemented)[number], ...(typeof implemented)[number][]], { error: unmatchedPattern })
  .transform(({ pattern, label, ...options }): CompareEntry => ({ pattern, label: label ?? pattern, options }));

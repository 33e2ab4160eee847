// Step lists (Argo Rollouts' canary steps, a flag's rollout plan): each step either sets a share of
// traffic or users, or pauses for a duration or until promoted by hand.
import { z } from 'zod';
import { closed } from '../closed';
import { exactlyOne } from './rules';
import { untilPromoted, weight } from './fields';

type Step<K extends string> = { [P in K]: number } | { pause: number | null };

/** Step kinds beside the share and the pause (a canary's setCanaryScale): name → schema and how to write it. */
type ExtraKinds = Record<string, { schema: z.ZodType; form: string }>;

/**
 * A non-empty list of steps, each `{ <key>: percentage }` or `{ pause: duration | {} }` (or one of
 * `extra`'s kinds). `share` says what the key sets ("Share of traffic sent to the new version.").
 */
export function steps<const K extends string>(key: K, share: string, description: string, extra: ExtraKinds = {}) {
  const extraKeys = Object.keys(extra);
  const extraForms = extraKeys.map((k) => `, or ${k} (${extra[k].form})`).join('');
  const step = closed(
    {
      [key]: weight(share).optional(),
      pause: untilPromoted('Wait this long before the next step.', { min: 0 }, { argo: true }).optional(),
      ...Object.fromEntries(extraKeys.map((k) => [k, extra[k].schema.optional()])),
    } as { [P in K]: z.ZodOptional<ReturnType<typeof weight>> } & { pause: z.ZodOptional<ReturnType<typeof untilPromoted>> },
    `One step: ${key} (a percentage) or pause (a duration, { duration: 2m } as Argo writes it, or {} to wait for a manual promotion)${extraForms}.`,
  ).meta({ minProperties: 1, maxProperties: 1 }); // exactly one key, for editors too
  return z
    .array(
      step
        .check(exactlyOne<Record<string, unknown>>([key, 'pause', ...extraKeys], 'a step', extraKeys.length > 0 ? 'write them as separate steps' : 'write them as two steps'))
        .transform((s): Step<K> => {
          const parsed = s as { [k: string]: unknown };
          for (const k of [key, ...extraKeys]) if (parsed[k] !== undefined) return { [k]: parsed[k] } as Step<K>;
          return { pause: (parsed.pause as number | null | undefined) ?? null };
        }),
    )
    .min(1)
    .describe(description);
}

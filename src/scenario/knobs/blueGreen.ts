// Blue-green (Argo Rollouts' blueGreen strategy): a full preview stack, a switch, and the old stack
// kept for scaleDownDelay so that switching back is instant.
import { z } from 'zod';
import { duration } from '../fields';
import { analysis } from './analysis';
import { untilPromoted } from './fields';
import { knobs } from './rules';

export const blueGreenKnobs = knobs({
  autoPromotionSeconds: untilPromoted('How long to wait, once the preview stack is ready, before switching all traffic to it. Default 0.').prefault(0),
  previewTraffic: z.number().min(0).max(1_000_000).describe('Synthetic requests per second sent to the preview stack (smoke traffic). Default 0.').prefault(0),
  prePromotionAnalysis: analysis('Analysis of the preview stack before the switch; a failure keeps traffic on the old stack. Default: none.').optional(),
  postPromotionAnalysis: analysis('Analysis after the switch; a failure switches back while the old stack is up. Default: none.').optional(),
  scaleDownDelay: duration(
    'How long the old stack stays up after the switch, so that switching back is instant. Left out (as in Argo), it stays until the post-promotion analysis has passed, and at least 30s.',
  )
    .optional()
    .transform((s) => s ?? null),
  previewReplicaCount: z
    .number()
    .int()
    .min(0)
    .max(10_000)
    .describe("Instances of the preview stack until promotion (Argo's previewReplicaCount); at promotion it is scaled to full size and the switch waits until all are ready. Default: full size.")
    .optional(),
  abortScaleDownDelay: duration(
    "How long the preview stack stays up after an abort, traffic already back on the old stack (Argo's abortScaleDownDelaySeconds); 0 keeps it up for good. Left out, it goes at once (a Rollout manifest gets Argo's 30s).",
  )
    .optional()
    .transform((s) => (s === 0 ? null : s)),
});

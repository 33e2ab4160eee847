// How big each side of an Argo canary is at a step, and how long the old side stays after the end.
// Argo (utils/replicaset/canary.go): the canary gets ceil(replicas × weight) pods; with a traffic
// router the stable stays at full size (dynamicStableScale: ceil(replicas × (1 − weight)) once the
// weight has moved); without one (the basic canary) the stable is ceil(replicas × (1 − weight)) and
// the traffic follows the pods. Shares are handed to the platform, which rounds up as Argo does.
import type { CanaryOptions, CanaryScale, CanaryStep } from './options';
import type { ScaleParams } from './vocabulary';

/** Argo's default scaleDownDelaySeconds and abortScaleDownDelaySeconds. */
export const ARGO_DEFAULT_SCALE_DOWN_DELAY = 30;

export interface SizingContext {
  options: CanaryOptions;
  step: number;
  /** the canary's instances set apart from its weight (setCanaryScale); null: they follow the weight */
  scale: CanaryScale | null;
}

export const isBasicCanary = (o: CanaryOptions) => o.trafficRouting === false;
export const isDynamicStableScale = (o: CanaryOptions) => !isBasicCanary(o) && o.dynamicStableScale === true;

/** The weight the canary has: the last setWeight up to the current step. */
export function weightOf(c: SizingContext): number {
  const steps: CanaryStep[] = c.options.steps;
  for (let i = Math.min(c.step, steps.length - 1); i >= 0; i--) {
    const s = steps[i];
    if ('setWeight' in s) return s.setWeight;
  }
  return 0;
}

/**
 * The floor of a side that runs any pod: minPodsPerReplicaSet with a traffic router, else 1 (Argo's
 * CheckMinPodsPerReplicaSet in utils/replicaset/canary.go; a side with no pod stays at none).
 */
const floorOf = (o: CanaryOptions) => (isBasicCanary(o) ? 1 : Math.max(1, o.minPodsPerReplicaSet ?? 1));

/** The canary's pods: its weight's share (at least the floor, none at weight 0), or what setCanaryScale set. */
export function canaryFleet({ context }: { context: SizingContext }): ScaleParams {
  const scale = context.scale;
  const floor = floorOf(context.options);
  if (scale && 'replicas' in scale) return { version: 'candidate', share: 0, min: scale.replicas > 0 ? Math.max(scale.replicas, floor) : 0 };
  const share = scale && 'weight' in scale ? scale.weight : weightOf(context);
  return { version: 'candidate', share, min: share > 0 ? floor : 0 };
}

/** The stable's pods once the weight has moved: ceil(replicas × (1 − weight)), computed as Argo's Go code does. */
export function stableFleet({ context }: { context: SizingContext }): ScaleParams {
  const share = 1 - weightOf(context);
  return share > 0 && !isBasicCanary(context.options) ? { version: 'stable', share, min: floorOf(context.options) } : { version: 'stable', share };
}

/**
 * Seconds the old stable stays after full promotion: only a traffic-routed canary keeps it (Argo
 * refuses scaleDownDelaySeconds without trafficRouting); with dynamicStableScale it goes at once.
 */
export function scaleDownDelayOf(o: CanaryOptions): number {
  if (isBasicCanary(o) || isDynamicStableScale(o)) return 0;
  return o.scaleDownDelay ?? ARGO_DEFAULT_SCALE_DOWN_DELAY;
}

/**
 * Seconds the canary stays after an abort, or null: never (abortScaleDownDelaySeconds: 0). A basic
 * canary rolls back by scaling (not applicable there); with dynamicStableScale and no explicit delay
 * the canary goes as the stable comes back (rollout/replicaset.go, shouldDelayScaleDownOnAbort).
 */
export function abortScaleDownDelayOf(o: CanaryOptions): number | null {
  if (isBasicCanary(o)) return 0;
  if (o.abortScaleDownDelay === undefined) return isDynamicStableScale(o) ? 0 : ARGO_DEFAULT_SCALE_DOWN_DELAY;
  return o.abortScaleDownDelay;
}

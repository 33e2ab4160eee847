// Flagger's blue/green (`analysis.iterations`, no `match`) → the blue-green pattern. The scheduler
// (pkg/controller/scheduler.go, runBlueGreen) keeps all users on the primary while the canary is
// checked once per interval for `iterations` intervals, with only the load tester's traffic; then it
// routes all traffic to the canary, checks once more with live traffic, and only then copies the
// canary's spec to the primary. A failed check before that routes the users back to the primary,
// which still runs the old version.
import type { AnalysisOptions } from '../../patterns/options';
import type { CompareEntry } from '../types';
import { type ManifestObject, isObject } from './document';

/** The load tester's rate from `hey -q QPS -c WORKERS` (hey's flags: rate per worker × workers); 0 without one. */
export function loadTestRps(o: ManifestObject): number {
  const hooks = o.get(['spec', 'analysis', 'webhooks']);
  if (!Array.isArray(hooks)) return 0;
  let rps = 0;
  hooks.forEach((h, i) => {
    if (!isObject(h) || (h.type !== undefined && h.type !== 'rollout')) return;
    const cmd = isObject(h.metadata) && typeof h.metadata.cmd === 'string' ? h.metadata.cmd : '';
    const q = /(?:^|\s)-q\s+(\d+(?:\.\d+)?)/.exec(cmd);
    if (!/\bhey\b/.test(cmd) || !q) return;
    const c = /(?:^|\s)-c\s+(\d+)/.exec(cmd);
    const rate = Number(q[1]) * (c ? Number(c[1]) : 50); // hey's default is 50 workers
    o.get(['spec', 'analysis', 'webhooks', i]);
    o.note(['spec', 'analysis', 'webhooks', i], `load test ${String(h.name ?? '')}: ${rate} requests per second to the canary while it is checked (hey -q × -c)`);
    rps += rate;
  });
  return rps;
}

interface Plan {
  interval: number;
  iterations: number;
  /** the checks before the switch, and the one check after it */
  analysis: AnalysisOptions | undefined;
  after: AnalysisOptions | undefined;
  confirm: boolean;
  /** share of the users' requests mirrored to the canary during the checks (Flagger's mirror, mirrorWeight) */
  mirror: number;
  /** seconds green's pods may take to be ready (progressDeadlineSeconds) */
  progressDeadline: number;
}

export function flaggerBlueGreen(o: ManifestObject, label: string, plan: Plan): CompareEntry {
  const previewTraffic = loadTestRps(o);
  // With the kubernetes provider (no mesh) users stay on the primary until it is updated: no check
  // with live traffic on the canary (runBlueGreen routes all traffic to the canary only for a mesh).
  const mesh = o.get(['spec', 'provider']) !== 'kubernetes';
  if (!mesh) o.note(['spec', 'provider'], 'kubernetes: after the checks Flagger updates the primary by a rolling update; the simulation switches the users at once');
  if (plan.mirror > 0) o.note(['spec', 'analysis', 'mirror'], `mirror: ${plan.mirror * 100}% of the users' requests are copied to the canary during its checks; their answers are discarded, the checks judge them`);
  if (previewTraffic === 0 && plan.mirror === 0 && plan.analysis) {
    o.note(['spec', 'analysis'], 'no load test (a webhook running hey -q … -c …): the canary gets no traffic before the switch, so every check finds no data and fails, as in Flagger');
  }
  return {
    pattern: 'blue-green',
    label,
    options: {
      // Without checks Flagger still waits its iterations, one per interval.
      autoPromotionSeconds: plan.confirm ? null : plan.analysis ? 0 : plan.iterations * plan.interval,
      previewTraffic,
      ...(plan.mirror > 0 ? { previewMirror: plan.mirror } : {}),
      progressDeadline: plan.progressDeadline,
      ...(plan.analysis ? { prePromotionAnalysis: plan.analysis } : {}),
      ...(plan.after && mesh ? { postPromotionAnalysis: plan.after } : {}),
      // The primary keeps the old version until the check after the switch passes and the spec is
      // copied: the way back is a switch for those two intervals.
      scaleDownDelay: 2 * plan.interval,
    },
  };
}

// Rolling update (Kubernetes' RollingUpdate strategy): instances replaced in batches bounded by
// maxSurge and maxUnavailable, each new one counted once it has been ready for minReadySeconds.
import { duration } from '../fields';
import { formatDuration } from '../units';
import { analysis } from './analysis';
import { countOrPercent } from './fields';
import { knobs } from './rules';

export const rollingKnobs = knobs(
  {
    maxSurge: countOrPercent('How many instances may exist above the desired count during the update. Default 25%.').prefault('25%'),
    maxUnavailable: countOrPercent('How many instances may be unavailable during the update. Default 25%.').prefault('25%'),
    minReadySeconds: duration('How long a new instance must be ready before it counts as available. Default 0.').prefault(0),
    progressDeadline: duration('The update stalls (ProgressDeadlineExceeded) when no instance became available for this long. Default 10m.', { above: 0 }).prefault('10m'),
    analysis: analysis('Background analysis during the update; a failure rolls back to the old version instance by instance. Default: none (like Kubernetes, the update never rolls back on its own).').optional(),
  },
  (o, report) => {
    // Kubernetes rejects a Deployment where both are zero: no instance could ever be replaced.
    if (o.maxSurge.value === 0 && o.maxUnavailable.value === 0) report('must not be 0 when maxSurge is 0: the update could never replace an instance', ['maxUnavailable']);
    if (o.progressDeadline <= o.minReadySeconds) {
      report(`must be greater than minReadySeconds (${formatDuration(o.minReadySeconds)}), got ${formatDuration(o.progressDeadline)}`, ['progressDeadline']);
    }
  },
);

// Sampled requests on the wire: one typed array per field instead of one object per request, so a
// slice's sample is a few flat buffers that the worker hands over (transfers) instead of copying.
// A whole run's sample at 5 per second is about 24 bytes a request this way.
import type { SampledRequest } from '../world/sampler';

/** Columns of equal length, in the order the requests finished. */
export interface RequestColumns {
  t: Float64Array;
  end: Float64Array;
  version: Uint8Array;
  /** −1 when rejected before reaching an instance */
  instance: Int32Array;
  /** index into OUTCOMES */
  outcome: Uint8Array;
  /** 1 for a mirrored (shadow) copy */
  shadow: Uint8Array;
}

export const OUTCOMES: ReadonlyArray<SampledRequest['outcome']> = ['ok', 'error', 'rejected'];
const OUTCOME_CODE: Record<SampledRequest['outcome'], number> = { ok: 0, error: 1, rejected: 2 };

export function encodeRequests(requests: readonly SampledRequest[]): RequestColumns {
  const n = requests.length;
  const columns: RequestColumns = {
    t: new Float64Array(n),
    end: new Float64Array(n),
    version: new Uint8Array(n),
    instance: new Int32Array(n),
    outcome: new Uint8Array(n),
    shadow: new Uint8Array(n),
  };
  requests.forEach((q, k) => {
    columns.t[k] = q.t;
    columns.end[k] = q.end;
    columns.version[k] = q.version;
    columns.instance[k] = q.instance;
    columns.outcome[k] = OUTCOME_CODE[q.outcome];
    columns.shadow[k] = q.shadow ? 1 : 0;
  });
  return columns;
}

export function decodeRequests(columns: RequestColumns): SampledRequest[] {
  const out: SampledRequest[] = new Array(columns.t.length);
  for (let k = 0; k < out.length; k++) {
    out[k] = {
      t: columns.t[k],
      end: columns.end[k],
      version: columns.version[k],
      instance: columns.instance[k],
      outcome: OUTCOMES[columns.outcome[k]],
      shadow: columns.shadow[k] === 1,
    };
  }
  return out;
}

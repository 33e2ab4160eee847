// error-rate: a bad release; the version fails a share of its requests.
import { type Effect, type FaultTarget, failure } from '../effect';

export interface ErrorRateFault {
  kind: 'error-rate';
  version: string;
  rate: number;
}

export const errorRateEffects = (f: ErrorRateFault, at: FaultTarget): Effect[] => [failure(at.version(f.version), f.rate)];

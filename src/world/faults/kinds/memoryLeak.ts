// memory-leak: the longer an instance of the version has been up, the more its requests fail
// (errorRate per `per` seconds of uptime) and the slower they are (factor per `per` seconds).
import { type Effect, type FaultTarget, failure, service } from '../effect';

export interface MemoryLeakFault {
  kind: 'memory-leak';
  version: string;
  per: number;
  errorRate: number;
  factor: number;
}

export function memoryLeakEffects(f: MemoryLeakFault, at: FaultTarget): Effect[] {
  const version = at.version(f.version);
  return [failure(version, f.errorRate, { per: f.per }), service(version, { factor: f.factor, per: f.per })];
}

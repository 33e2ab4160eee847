// The small world the manifest and analysis tests run in: ten instances that start
// in 20 s, 100 requests per second, v1 → v2 at 1:00, v2 failing a given share of its requests.
import { runScenario } from '../../../src';
import type { RunRecord } from '../../../src/runtime/types';
import type { CompareEntry } from '../../../src/scenario/types';
import { scenarioOf } from './helpers';

/** The world as scenario text, with `rest` (a compare list, faults) after it. */
export const smallWorld = (v2ErrorRate: string, rest = '', duration = '12m') => `schemaVersion: 1
title: a small world
duration: ${duration}
fleet: { instances: 10, startupTime: 20s }
traffic: { rps: 100 }
versions:
  - { name: v1, serviceTime: { distribution: exponential, mean: 50ms } }
  - { name: v2, serviceTime: { distribution: exponential, mean: 50ms }, errorRate: ${v2ErrorRate} }
rollout: { from: v1, to: v2, at: 1m }
${rest}`;

/** One compare entry (a manifest's, say) run in the small world. */
export const runInSmallWorld = (entry: CompareEntry, v2ErrorRate = '0%'): RunRecord => runScenario({ ...scenarioOf(smallWorld(v2ErrorRate)), compare: [entry] }).runs[0];

// "Payments only one day after registration": flag rules that read the simulated clock.
import { describe, expect, it } from 'vitest';
import { measuredWorld, type MeasuredWorld } from '../../src/metrics/measuredWorld';
import { Platform } from '../../src/runtime/platform';
import { scenario, version } from '../support/scenarios';
import { routedBehaviour } from '../../src/world/router';

const DAY = 86400;

function flaggedWorld() {
  const s = scenario({
    traffic: { rps: 1, shape: { kind: 'constant' } },
    versions: [version('v1'), version('v2')],
    rollout: { from: 'v1', to: 'v2', at: 0 },
    duration: 3 * DAY,
  });
  const world = measuredWorld(s, { seed: 4, bucketSeconds: 60, eventBudget: 1e9 });
  const platform = new Platform(world, s, 'feature-toggle');
  world.provision(platform.candidate, 2);
  platform.useFlag(platform.candidate, 0);
  platform.setFlag({ rollout: 0, rules: [{ match: platform.compileMatch({ registeredFor: { atLeast: DAY } }), serve: true, after: -Infinity, before: Infinity }] });
  return { world, platform };
}

/** The behaviour user u gets when routed at time t (the instance draw is irrelevant to the flag here). */
function behaviourAt(world: MeasuredWorld, u: number, t: number): string {
  world.runUntil(t);
  return world.versions.names[routedBehaviour(world.router.route(u, 0.5, 0.5, t))];
}

describe('a time rule on the simulated clock', () => {
  it('gives the feature to a user only once a day has passed since registration', () => {
    const { world } = flaggedWorld();
    // A user who registered 2 hours before the run starts.
    const u = world.users.registeredAt.findIndex((r) => r > -3 * 3600 && r < -1 * 3600);
    expect(u).toBeGreaterThanOrEqual(0);
    const registered = world.users.registeredAt[u];
    expect(behaviourAt(world, u, 0)).toBe('v1');
    expect(behaviourAt(world, u, registered + DAY - 60)).toBe('v1');
    expect(behaviourAt(world, u, registered + DAY + 60)).toBe('v2');
  });

  it('gives it at once to users registered long ago', () => {
    const { world } = flaggedWorld();
    const old = world.users.registeredAt.findIndex((r) => r < -30 * DAY);
    expect(behaviourAt(world, old, 0)).toBe('v2');
  });

  it('never gives it to a user younger than a day, whatever their sticky share', () => {
    const { world } = flaggedWorld();
    const young: number[] = [];
    world.users.registeredAt.forEach((r, u) => r > -DAY / 2 && young.push(u));
    expect(young.length).toBeGreaterThan(50);
    for (const u of young) expect(behaviourAt(world, u, 0)).toBe('v1');
  });
});

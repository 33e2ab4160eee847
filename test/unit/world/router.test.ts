// The router on its own: which version's behaviour a request gets and which instance serves it,
// in each of its three modes and with each load balancer.
import { describe, expect, it } from 'vitest';
import type { LoadBalancer } from '../../../src/scenario/types';
import { EventQueue } from '../../../src/sim/eventQueue';
import { Flag } from '../../../src/world/flag';
import { Fleet } from '../../../src/world/fleet';
import { Router, routedBehaviour, routedInstance } from '../../../src/world/router';
import { compileMatch } from '../../../src/world/userMatch';
import { Users } from '../../../src/world/users';
import { scenario } from '../../support/scenarios';

const users = new Users({ ...scenario().users, count: 2000 }, 1);

/** Two versions with `ready` warm instances each: v0 gets 0…n−1, v1 gets n…2n−1. */
function routerOver(ready: [number, number], balancer: LoadBalancer = 'round-robin') {
  const fleet = new Fleet(new EventQueue(), 2, 4, 100, 20);
  for (let v = 0; v < 2; v++) for (let k = 0; k < ready[v]; k++) fleet.launch(v, 0, true);
  return { fleet, router: new Router(fleet, users, 2, balancer) };
}

/** Routes one request and reads back (instance, behaviour). */
function route(router: Router, user = 0, routeDraw = 0.5, instanceDraw = 0.5, now = 0) {
  const r = router.route(user, routeDraw, instanceDraw, now);
  return { instance: routedInstance(r), version: routedBehaviour(r) };
}

describe('weights mode', () => {
  it('sends everything to version 0 at first', () => {
    const { router } = routerOver([2, 2]);
    expect(route(router, 0, 0.99).version).toBe(0);
  });

  it('chooses the version by the route draw against cumulative weights', () => {
    const { router } = routerOver([2, 2]);
    router.setWeights([0.9, 0.1]);
    expect(route(router, 0, 0.89).version).toBe(0);
    expect(route(router, 0, 0.91).version).toBe(1);
  });

  it('normalises weights and refuses all zero', () => {
    const { router } = routerOver([1, 1]);
    router.setWeights([3, 1]);
    expect([...router.weights]).toEqual([0.75, 0.25]);
    expect(() => router.setWeights([0, 0])).toThrow(/must not all be zero/);
  });

  it('when sticky, chooses by the user\'s own draw: the same user keeps their version whatever the request draw', () => {
    const { router } = routerOver([1, 1]);
    router.useWeights([0.5, 0.5], { sticky: true });
    const u = users.stickyDraw.findIndex((d) => d > 0.5);
    expect([0.01, 0.5, 0.99].map((draw) => route(router, u, draw).version)).toEqual([1, 1, 1]);
  });

  it('applies rules on user attributes before the weights', () => {
    const { router } = routerOver([1, 1]);
    router.setRules([{ match: compileMatch({ platform: 'ios' }, users), version: 1 }]);
    const ios = users.platformNames.indexOf('ios');
    const iosUser = users.platform.findIndex((p) => p === ios);
    const webUser = users.platform.findIndex((p) => p !== ios);
    expect(route(router, iosUser, 0.01).version).toBe(1);
    expect(route(router, webUser, 0.99).version).toBe(0);
  });

  it('returns −1 when the chosen version has no ready instance, still naming its behaviour', () => {
    const { router } = routerOver([2, 0]);
    router.routeAllTo(1);
    expect(route(router)).toEqual({ instance: -1, version: 1 });
  });
});

describe('load balancers', () => {
  it('round-robin cycles through a version\'s ready instances', () => {
    const { router } = routerOver([3, 0]);
    expect([1, 2, 3, 4].map(() => route(router).instance)).toEqual([0, 1, 2, 0]);
  });

  it('random picks the instance by the instance draw', () => {
    const { router } = routerOver([4, 0], 'random');
    expect([0, 0.3, 0.6, 0.99].map((d) => route(router, 0, 0.5, d).instance)).toEqual([0, 1, 2, 3]);
  });

  it('least-connections picks the instance with the fewest requests in service and queued', () => {
    const { fleet, router } = routerOver([3, 0], 'least-connections');
    fleet.busy[0] = 2;
    fleet.busy[1] = 1;
    fleet.busy[2] = 1;
    fleet.enqueue(2, 0);
    expect(route(router).instance).toBe(1);
  });
});

describe('pool mode (one service over every ready instance)', () => {
  it('spreads requests over both versions\' instances, the behaviour following the instance', () => {
    const { router } = routerOver([2, 2]);
    router.usePool(0);
    const seen = [1, 2, 3, 4].map(() => route(router));
    expect(seen.map((r) => r.instance).sort()).toEqual([0, 1, 2, 3]);
    for (const r of seen) expect(r.version).toBe(r.instance < 2 ? 0 : 1);
  });

  it('charges a request that finds no instance to the stable version', () => {
    const { router } = routerOver([0, 0]);
    router.usePool(1);
    expect(route(router)).toEqual({ instance: -1, version: 1 });
  });
});

describe('flag mode (one build everywhere, a flag per user)', () => {
  it('serves the build\'s instances and the behaviour the flag gives the user', () => {
    const { router } = routerOver([0, 3]);
    const flag = new Flag(users, 0);
    flag.set({ rollout: 0.5, rules: [] }, 0);
    router.useFlag(flag, 1, 1, 0);
    const on = users.stickyDraw.findIndex((d) => d < 0.5);
    const off = users.stickyDraw.findIndex((d) => d >= 0.5);
    const a = route(router, on);
    const b = route(router, off);
    expect([a.version, b.version]).toEqual([1, 0]);
    expect([a.instance, b.instance].every((i) => i >= 0 && i < 3)).toBe(true);
  });
});

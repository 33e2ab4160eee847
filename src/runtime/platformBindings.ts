// The one implementation of every action, guard and delay a pattern's statechart names
// (patterns/vocabulary.ts), over the platform of one run: `bindPlatform(platform)` is what the
// runtime passes to `machine.provide(...)`.
import { assign, type AnyActorRef } from 'xstate';
import type { DecisionParams, FleetShare, PlannedDecision, RollingParams, ScaleParams, VersionRef } from '../patterns/vocabulary';
import type { PatternEvent } from '../patterns/common';
import type { FlagRuleOptions } from '../patterns/options';
import type { AbTestRecord, Measurement } from '../patterns/report';
import type { UserMatchSpec } from '../world/userMatch';
import type { FlagRule } from '../world/flag';
import { planned } from '../patterns/decisions';
import { recordDecision } from './decisionRecords';
import { analysisRun } from './analysisRun';
import { reconcile } from './rollingController';
import { compiled, planSetsFlag } from './acts/flagByHand';
import type { Platform } from './platform';

type Args = { context: { label: string; progress?: number; deadline?: number; scheduledAt?: number }; event: PatternEvent; self: AnyActorRef };

export function bindPlatform(p: Platform) {
  const version = (v: VersionRef) => (v === 'stable' ? p.stable : v === 'candidate' ? p.candidate : p.world.versions.indexOf(v.name));
  /** instances for a share of the fleet, rounded up as Argo sizes a canary */
  const count = (share: FleetShare, min = 0) => Math.max(min, Math.ceil(p.instances * (typeof share === 'number' ? share : p.shareMatching([share.matching]))));
  const compiledRules = new WeakMap<FlagRuleOptions[], FlagRule[]>();
  const rules = (options: FlagRuleOptions[]) => {
    if (!compiledRules.has(options)) compiledRules.set(options, compiled(p, options));
    return compiledRules.get(options)!;
  };
  /** the user counts per variant an experiment is read on */
  const arm = (v: number) => ({ users: p.world.recorder.usersExposed[v], converters: p.world.recorder.usersConverted[v] });

  const actions = {
    scaleTo: (_: Args, s: ScaleParams) => p.scaleTo(version(s.version), count(s.share, s.min)),
    reconcile: ({ self }: Args, r: RollingParams) =>
      reconcile(p, version(r.target), version(r.source), r, () => self.getSnapshot().status === 'active' && self.send({ type: 'fleet.changed' })),
    usePool: () => p.usePool(),
    routeAllTo: (_: Args, { version: v }: { version: VersionRef }) => p.routeAllTo(version(v)),
    setWeight: (_: Args, { share }: { share: number }) => p.setCandidateWeight(share),
    routeMatching: (_: Args, { matches }: { matches: UserMatchSpec[] }) => p.routeMatchingToCandidate(matches),
    routeStage: (_: Args, { matching, share }: { matching?: UserMatchSpec; share: number }) => {
      if (matching) {
        p.setCandidateWeight(0);
        p.routeMatchingToCandidate([matching]);
      } else {
        p.routeMatchingToCandidate([]);
        p.setCandidateWeight(share);
      }
    },
    splitUsers: (_: Args, { split }: { split: { version: VersionRef; weight: number }[] }) => p.setStickyWeights(split.map((s) => ({ version: version(s.version), weight: s.weight }))),
    /** a share of the users' requests, plus synthetic ones (rps, drawn as a share of the traffic); neither: all */
    mirror: (_: Args, m: { version: VersionRef; share?: number; rps?: number }) =>
      p.mirror(version(m.version), Math.min(1, (m.share ?? (m.rps === undefined ? 1 : 0)) + (m.rps ?? 0) / p.scenario.traffic.rps)),
    stopMirror: () => p.stopMirror(),
    cutOver: (_: Args, { to, from }: { to: VersionRef; from: VersionRef }) => p.cutOver(version(to), version(from)),
    routeBack: (_: Args, { to, from }: { to: VersionRef; from: VersionRef }) => p.routeBack(version(to), version(from)),
    setFlag: (_: Args, f: { rollout: number; rules: FlagRuleOptions[] }) => planSetsFlag(p, f.rollout, f.rules, rules(f.rules)),
    killSwitch: () => {
      p.setFlag({ rollout: 0, rules: [] });
      p.handFlag.clear();
      p.markRecovered(p.flag!.fullyPropagatedAt());
    },
    recordDecision: ({ context, event }: Args, params: DecisionParams) => recordDecision(p, context.label, event, params),
    decide: ({ context }: Args, d: PlannedDecision) => {
      if (d.detected) p.markDetected();
      p.decide(planned(p.now, context.label, d.from, d.to, d.reason, d.what, d.evidence));
    },
    measure: (_: Args, { measurement }: { measurement: Measurement }) => p.measure(measurement),
    reportAbTest: (_: Args, { record }: { record: AbTestRecord }) => (p.abTest = record),
    markRolledOut: () => p.markFullyRolledOut(),
    markRecovered: () => p.markRecovered(),
    setDeadline: assign((_: Args, { seconds }: { seconds: number }) => ({ deadline: p.now + seconds })),
    trackProgress: assign(({ context }: Args, t: { version: VersionRef; minReadySeconds: number; deadlineSeconds: number; restart: boolean }) => {
      const available = p.available(version(t.version), t.minReadySeconds);
      return t.restart || available > (context.progress ?? 0) ? { progress: available, deadline: p.now + t.deadlineSeconds } : {};
    }),
    enrolUsers: () => p.world.recorder.enrol(),
    readExperiment: ({ self }: Args, { a, b, ended }: { a: VersionRef; b: VersionRef; ended?: boolean }) => {
      const [va, vb] = [version(a), version(b)];
      self.send({ type: ended ? 'experiment.ended' : 'experiment.read', t: p.now, a: arm(va), b: arm(vb), baselineRate: p.world.versions.conversionRate[va] });
    },
  };

  const guards = {
    fleetReady: (_: Args, s: ScaleParams) => p.ready(version(s.version)) >= count(s.share, s.min),
    fleetGone: (_: Args, { version: v }: { version: VersionRef }) => p.running(version(v)) === 0,
    fleetReplaced: (_: Args, r: { target: VersionRef; source: VersionRef; minReadySeconds: number }) =>
      p.available(version(r.target), r.minReadySeconds) >= p.instances && p.live(version(r.source)) === 0,
    deadlinePassed: ({ context }: Args) => p.now >= context.deadline!,
  };

  const delays = {
    untilRollout: () => Math.max(0, p.rolloutAt - p.now) * 1000,
    untilDeadline: ({ context }: Args) => Math.max(0, context.deadline! - p.now) * 1000,
    untilScheduled: ({ context }: Args) => Math.max(0, context.scheduledAt! - p.now) * 1000,
  };

  return { actions, guards, delays, actors: { analysis: analysisRun(p) } };
}

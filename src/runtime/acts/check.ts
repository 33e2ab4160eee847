// What an act may name is only known with the scenario: its runs, versions and user platforms. A
// link that names something the scenario lacks loses that act (with a sentence saying why), never
// the whole story.
import type { Scenario } from '../../scenario/types';
import { clock } from '../../patterns/decisions';
import type { Act } from './act';
import type { UserMatchSpec } from '../../world/userMatch';
import { didYouMeanName } from '../../scenario/didYouMean';

export interface CheckedActs {
  acts: Act[];
  /** one sentence per act left out */
  problems: string[];
}

export function checkActs(acts: Act[], scenario: Scenario): CheckedActs {
  const versions = scenario.versions.map((v) => v.name);
  const platforms = Object.keys(scenario.users.platforms);
  const runs = scenario.compare.length;
  const kept: Act[] = [];
  const problems: string[] = [];
  acts.forEach((act, i) => {
    const problem = problemOf(act);
    if (problem === null) kept.push(act);
    else problems.push(`Act ${i + 1} (${describe(act)}) was left out: ${problem}.`);
  });
  return { acts: kept, problems };

  function problemOf(act: Act): string | null {
    if (act.t >= scenario.duration) return `it comes at ${clock(act.t)}, after the run ends at ${clock(scenario.duration)}`;
    if ('run' in act && act.run !== null && act.run >= runs) return `it names run ${act.run}, but this scenario has runs 0 to ${runs - 1}`;
    if (act.type === 'rule') return ruleProblem(act.rule.when);
    if (act.type !== 'fault') return null;
    const version = act.params.version;
    if (typeof version === 'string' && !versions.includes(version)) return `there is no version "${version}"; the versions are ${versions.join(', ')}`;
    const platform = act.params.platform;
    if (typeof platform === 'string' && !platforms.includes(platform)) return `there is no platform "${platform}"; the platforms are ${platforms.join(', ')}`;
    return null;
  }

  function ruleProblem(when: UserMatchSpec): string | null {
    const regions = Object.keys(scenario.users.regions);
    for (const r of [when.region ?? []].flat()) if (!regions.includes(r)) return `there is no region "${r}"${didYouMeanName(r, regions)} (the regions are ${regions.join(', ')})`;
    for (const p of [when.platform ?? []].flat()) if (!platforms.includes(p)) return `there is no platform "${p}"${didYouMeanName(p, platforms)} (the platforms are ${platforms.join(', ')})`;
    return null;
  }
}

function describe(act: Act): string {
  return `${act.type === 'fault' ? act.kind : act.type === 'gate' ? act.event.toLowerCase() : act.type === 'rule' ? `rule-${act.change}` : act.type} at ${clock(act.t)}`;
}

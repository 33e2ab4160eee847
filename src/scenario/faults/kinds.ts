// The fault catalogue as a registry: each kind's own fields (normalised names as in
// src/world/faults/types.ts), its description, and a rule across its fields where it needs one.
import { z } from 'zod';
import type { FaultKind } from '../../world/faults/types';
import { closed } from '../closed';
import { duration, int, name, percent } from '../fields';
import { type Knobs, type Report, knobs } from '../knobs/rules';
import { userMatch } from '../knobs/userMatch';

interface FaultSpec<S extends z.core.$ZodLooseShape = z.core.$ZodLooseShape> extends Knobs<S> {
  description: string;
}

function kind<const S extends z.core.$ZodLooseShape>(description: string, shape: S, check?: (fault: z.output<z.ZodObject<S>>, report: Report) => void): FaultSpec<S> {
  return { ...knobs(shape, check), description };
}

/** An optional field whose absence means null; `absent` says what that means ("Default: every version."). */
function orNull<T extends z.ZodType>(schema: T, absent: string) {
  return schema
    .optional()
    .transform((v) => v ?? null)
    .describe(`${schema.description ?? ''} ${absent}`.trim());
}

const version = () => name('The version it hits (one of `versions`).');

export const FAULTS = {
  'error-rate': kind('A version fails a share of its requests: the basic bad release.', {
    version: version(),
    rate: percent("Share of the version's requests that fail."),
  }),
  latency: kind(
    "A version's service time grows (× factor, + add), optionally only above a utilisation: latency regressions under load.",
    {
      version: version(),
      factor: z.number().gt(0).describe('Multiplier of the service time. Default 1.').prefault(1),
      add: duration('Time added to every request. Default 0.').prefault(0),
      above: orNull(
        closed({ utilisation: percent("Share of the instance's concurrency in use above which the fault applies.") }, 'Only while an instance is busier than this, e.g. { utilisation: 70% }.'),
        'Default: always.',
      ),
    },
    (f, report) => {
      if (f.factor === 1 && f.add === 0) report('a latency fault must change something: give factor (other than 1) and/or add (more than 0s)');
    },
  ),
  'crash-loop': kind('New instances of a version fail readiness, or crash after a while: rolling stalls, blue-green never switches.', {
    version: version(),
    after: orNull(duration('How long a new instance runs before it crashes.'), 'Default: it fails readiness at once.'),
  }),
  'memory-leak': kind(
    'Errors and latency grow with instance uptime: short bake times miss slow failures.',
    {
      version: version(),
      per: duration('The uptime over which errorRate and factor grow by one step, e.g. 10m.', { above: 0 }),
      errorRate: percent('Share of requests that fail, added per `per` of uptime. Default 0.').prefault(0),
      factor: z.number().min(1).describe('Service-time multiplier, compounded per `per` of uptime. Default 1.').prefault(1),
    },
    (f, report) => {
      if (f.errorRate === 0 && f.factor === 1) report('a memory leak must do harm: give errorRate (more than 0%) and/or factor (more than 1)');
    },
  ),
  segment: kind('Errors only for the users a match selects (platform, region, new accounts…): aggregate metrics dilute segment bugs.', {
    version: version(),
    match: userMatch('The users who hit the bug.'),
    rate: percent('Share of those users’ requests that fail.'),
  }),
  'conversion-drop': kind('A version converts less, without any error: only experiments catch business regressions.', {
    version: version(),
    drop: percent("Relative drop of the version's conversion rate, e.g. 30%."),
  }),
  'dependency-outage': kind('A shared dependency fails: every version fails a share of its requests for a window.', {
    rate: percent('Share of requests that fail, on every version.'),
  }),
  'instance-loss': kind(
    'Instances die, a number of them or a whole zone: capacity during rollouts.',
    {
      count: orNull(int(1, 10_000, 'How many instances die.'), 'Give count or zone.'),
      zone: orNull(z.enum(['a', 'b', 'c']).describe('The zone whose instances all die: a, b or c.'), 'Give count or zone.'),
      version: orNull(name('Only instances of this version (one of `versions`).'), 'Default: any version.'),
      duration: duration(
        'The window after the loss during which failed requests (503s) are charged to this fault. Default 2m.',
        { above: 0 },
      ).prefault('2m'),
    },
    (f, report) => {
      const given = (['count', 'zone'] as const).filter((k) => f[k] !== null);
      if (given.length === 0) report('an instance-loss fault needs "count" or "zone"');
      if (given.length > 1) report('an instance-loss fault has either "count" or "zone", not both; it removes a number of instances or a whole zone', ['zone']);
    },
  ),
  'traffic-spike': kind('Requests per second multiplied for a window: headroom, blue-green’s double capacity.', {
    factor: z.number().gt(1).max(100).describe('Multiplier of the request rate, above 1 and at most 100.'),
  }),
  'mixed-version': kind('Requests fail when a user alternates between versions: why stickiness and atomic switches matter.', {
    rate: percent('Share of version-switching requests that fail. Default 100%.').prefault('100%'),
  }),
  'cold-start': kind('New instances are slow while they warm up: the blue-green switch spike.', {
    version: orNull(name('Only new instances of this version (one of `versions`).'), 'Default: every version.'),
    warmup: duration('How long a new instance stays slow.', { above: 0 }),
    factor: z.number().min(1).describe('Service-time multiplier while warming up. Default 3.').prefault(3),
  }),
  'bad-writes': kind('A version corrupts a share of its writes: counted, not visible as errors; rollback does not undo data.', {
    version: version(),
    rate: percent('Share of the version’s writes that are corrupted.'),
    writes: percent('Share of requests that write. Default 20%.').prefault('20%'),
  }),
} satisfies Record<FaultKind, FaultSpec>;

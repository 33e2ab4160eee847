// Counters per version, for the whole run and for the current time bucket. Latencies stream into
// histograms, so memory does not grow with the number of requests. Requests are charged to the
// version whose behaviour they got; mirrored (shadow) copies are kept apart: they load a version and
// feed its analysis, but no user sees their answers.
import { LogHistogram } from './histogram';

const ANY = 0x8000;
const FINE_BITS = 7;
/** versions a run can tell apart in its per-user counts (one bit each, plus ANY) */
export const MAX_VERSIONS = 15;

export class Recorder {
  readonly requests: Float64Array;
  /** when each version got its first real request (−1: never): users meet a release from then on */
  readonly firstArrivalAt: Float64Array;
  /** when each version got its first mirrored copy (−1: never) */
  readonly firstShadowAt: Float64Array;
  readonly ok: Float64Array;
  readonly errors: Float64Array;
  readonly rejected: Float64Array;
  readonly conversions: Float64Array;
  readonly waitSum: Float64Array;
  /** served requests that had to queue before service */
  readonly waited: Float64Array;
  readonly latency: LogHistogram[];
  /** users who saw at least one error or rejection, per version (bit v) and on any (ANY) */
  private readonly userHarm: Uint16Array;
  readonly usersAffected: Float64Array;
  usersAffectedAll = 0;
  /**
   * A/B attribution. From enrolment on, each request is tagged with the arm (version) it was routed
   * to on arrival. A user counts as exposed to an arm once one of their tagged requests has its
   * answer (served, failed or rejected), and as converted on it when a tagged request converts.
   * Requests that arrived before enrolment count for no arm, and a user still waiting for a first
   * answer counts in neither the users nor the converters: both sides of the rate are read at answers.
   */
  enrolled = false;
  private readonly userExposed: Uint16Array;
  private readonly userConverted: Uint16Array;
  readonly usersExposed: Float64Array;
  readonly usersConverted: Float64Array;

  // Mirrored copies.
  readonly shadowRequests: Float64Array;
  readonly shadowFailures: Float64Array;
  /** mirrored copies whose outcome is known: served, failed or rejected */
  readonly shadowOutcomes: Float64Array;
  readonly shadowLatency: LogHistogram[];

  // The bucket in progress.
  readonly bucketRequests: Float64Array;
  readonly bucketErrors: Float64Array;
  readonly bucketRejected: Float64Array;
  readonly bucketShadow: Float64Array;
  readonly bucketLatency: LogHistogram[];

  constructor(readonly versions: number, users: number) {
    if (versions > MAX_VERSIONS) throw new Error(`at most ${MAX_VERSIONS} versions are supported`);
    const per = () => new Float64Array(versions);
    const hist = (bits: number) => Array.from({ length: versions }, () => new LogHistogram(bits));
    this.requests = per();
    this.firstArrivalAt = per().fill(-1);
    this.firstShadowAt = per().fill(-1);
    this.ok = per();
    this.errors = per();
    this.rejected = per();
    this.conversions = per();
    this.waitSum = per();
    this.waited = per();
    this.usersAffected = per();
    this.usersExposed = per();
    this.usersConverted = per();
    this.shadowRequests = per();
    this.shadowFailures = per();
    this.shadowOutcomes = per();
    this.bucketRequests = per();
    this.bucketErrors = per();
    this.bucketRejected = per();
    this.bucketShadow = per();
    this.latency = hist(FINE_BITS);
    this.shadowLatency = hist(FINE_BITS);
    this.bucketLatency = hist(FINE_BITS - 2);
    this.userHarm = new Uint16Array(users);
    this.userExposed = new Uint16Array(users);
    this.userConverted = new Uint16Array(users);
  }

  arrival(v: number, now: number): void {
    if (this.requests[v] === 0) this.firstArrivalAt[v] = now;
    this.requests[v]++;
    this.bucketRequests[v]++;
  }

  /** A request turned away on arrival (503): an answer, so an enrolled user is exposed. */
  rejection(v: number, user: number, enrolled = this.enrolled): void {
    this.rejected[v]++;
    this.bucketRejected[v]++;
    this.harm(v, user);
    if (enrolled) this.expose(v, user);
  }

  /** A request served by version v: waited `wait` s in the queue, `latency` s in all; `enrolled` if it arrived in the experiment. */
  completion(v: number, user: number, latency: number, wait: number, failed: boolean, converted: boolean, enrolled = false): void {
    if (enrolled) this.expose(v, user);
    this.waitSum[v] += wait;
    if (wait > 0) this.waited[v]++;
    // The bucket histograms have 2 fewer sub-bucket bits, so their index is the fine index >> 2.
    const index = this.latency[v].indexOf(latency);
    this.latency[v].addAt(index, latency);
    this.bucketLatency[v].addAt(index >> 2, latency);
    if (failed) {
      this.errors[v]++;
      this.bucketErrors[v]++;
      this.harm(v, user);
    } else if (converted) {
      this.conversions[v]++;
      this.ok[v]++;
      const bit = 1 << v;
      if (enrolled && !(this.userConverted[user] & bit)) {
        this.userConverted[user] |= bit;
        this.usersConverted[v]++;
      }
    } else {
      this.ok[v]++;
    }
  }

  /** Starts an experiment: exposures and conversions are counted afresh, for requests arriving from now on. */
  enrol(): void {
    this.enrolled = true;
    this.userExposed.fill(0);
    this.userConverted.fill(0);
    this.usersExposed.fill(0);
    this.usersConverted.fill(0);
  }

  shadowArrival(v: number, now: number): void {
    if (this.shadowRequests[v] === 0) this.firstShadowAt[v] = now;
    this.shadowRequests[v]++;
    this.bucketShadow[v]++;
  }

  shadowCompletion(v: number, latency: number, failed: boolean): void {
    this.shadowOutcomes[v]++;
    this.shadowLatency[v].add(latency);
    if (failed) this.shadowFailures[v]++;
  }

  shadowRejection(v: number): void {
    this.shadowOutcomes[v]++;
    this.shadowFailures[v]++;
  }

  /** Users who saw at least one failure and for whom `include(user)` holds. */
  countAffected(include: (user: number) => boolean): number {
    let n = 0;
    for (let u = 0; u < this.userHarm.length; u++) if (this.userHarm[u] & ANY && include(u)) n++;
    return n;
  }

  /** Latencies of every version together. */
  latencyAll(): LogHistogram {
    const all = new LogHistogram(FINE_BITS);
    for (const h of this.latency) all.merge(h);
    return all;
  }

  /** Starts a new bucket. */
  resetBucket(): void {
    this.bucketRequests.fill(0);
    this.bucketErrors.fill(0);
    this.bucketRejected.fill(0);
    this.bucketShadow.fill(0);
    for (const h of this.bucketLatency) h.clear();
  }

  private expose(v: number, user: number): void {
    const bit = 1 << v;
    if (this.userExposed[user] & bit) return;
    this.userExposed[user] |= bit;
    this.usersExposed[v]++;
  }

  private harm(v: number, user: number): void {
    const bits = this.userHarm[user];
    const bit = 1 << v;
    if (bits & bit) return;
    this.usersAffected[v]++;
    if (!(bits & ANY)) this.usersAffectedAll++;
    this.userHarm[user] = bits | bit | ANY;
  }
}

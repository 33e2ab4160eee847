// How much simulated time the next slice should cover so that computing it takes about a target
// time. The cost per simulated second varies by scenario (one run or eleven, 10 or 2,000 requests
// a second) and along a run (a traffic spike), so it is measured, not guessed: the last slice's cost
// predicts the next one's, and the span moves by at most a factor of 2 per slice, so one odd slice
// cannot swing it. Spans are whole simulated seconds, at least one.

export class SlicePacer {
  constructor(
    /** the computing time a slice aims at, in ms */
    private readonly targetMs: number,
    /** the next slice's span in simulated seconds */
    public span: number,
    /** the longest span, so a cheap stretch cannot make one slice swallow the run */
    private readonly maxSpan: number,
  ) {}

  /** Notes that the last slice took `ms` to compute; returns the next slice's span. */
  took(ms: number): number {
    const factor = Math.min(2, Math.max(0.5, this.targetMs / Math.max(1, ms)));
    this.span = Math.min(this.maxSpan, Math.max(1, Math.round(this.span * factor)));
    return this.span;
  }
}

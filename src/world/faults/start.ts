// When a fault starts, apart from what it does (a fault kind may start only in some of these ways).

/** When a fault starts: at a simulated time, or when the rollout reaches a phase. */
export type FaultStart =
  | { at: number }
  /** once the new version gets at least this share of traffic */
  | { weightAtLeast: number }
  /** once the pattern's statechart enters a state of this name (e.g. "promoting") */
  | { state: string };

// Bits of a request's outcome flags (Requests.failed): decided at admission, read at departure.
export const FAILED = 1;
export const CONVERTED = 2;
/** a mirrored copy: it loads the version and feeds its analysis, but nobody sees its answer */
export const SHADOW = 4;
/** chosen for the traffic animation: its arrival and outcome are reported to the sampler */
export const SAMPLED = 8;
/** arrived while an experiment was enrolling: its answer counts for the arm it was routed to */
export const ENROLLED = 16;

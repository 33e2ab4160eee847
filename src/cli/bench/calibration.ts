// A fixed CPU workload measured next to the models, so figures taken on a noisy or different
// machine can be compared as ratios: a typed-array loop with a xorshift generator, shaped like
// the engine's hot path (integer mixing, random reads and writes into a Float64Array).

export const CALIBRATION_ITERATIONS = 200_000_000;

/** Runs the loop; returns a checksum so the work cannot be optimised away. */
export function calibrationLoop(iterations: number = CALIBRATION_ITERATIONS): number {
  const cells = new Float64Array(1 << 16);
  let state = 0x9e3779b9;
  let sum = 0;
  for (let k = 0; k < iterations; k++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const i = state & 0xffff;
    cells[i] += k;
    sum += cells[(i * 31) & 0xffff];
  }
  return sum;
}

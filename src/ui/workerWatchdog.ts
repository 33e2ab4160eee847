// The worker is the sandbox: whatever a scenario does inside it, the page stays. A run that stops
// answering (one slice of simulated time that never ends) is terminated after a silence, and the
// page says so, rather than showing "Simulating…" forever. Memory is guarded before the run starts
// (the run-size estimate refuses a run that would allocate too much).

/** Slices arrive every few tens of milliseconds; this much silence means the run is stuck. */
export const WORKER_SILENCE_MS = 20_000;

export const SILENCE_REASON = `the simulation stopped answering for ${WORKER_SILENCE_MS / 1000} s, so it was ended to keep the page responsive; a scenario with less traffic or a shorter duration will run`;

/** Calls onSilence when `heard` has not been called for WORKER_SILENCE_MS; returns heard and stop. */
export function watchWorker(onSilence: () => void): { heard: () => void; stop: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const heard = () => {
    clearTimeout(timer);
    timer = setTimeout(onSilence, WORKER_SILENCE_MS);
  };
  heard();
  return { heard, stop: () => clearTimeout(timer) };
}

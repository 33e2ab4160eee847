// The stream's progress in words. The live region stays on the page for the whole session, so
// screen readers hear each change; the spinner is decoration and stands still for readers who
// prefer reduced motion (styles.css).
import { formatDuration } from './duration';
import type { StreamState } from './useStream';

function describe(state: StreamState): { text: string; busy: boolean } {
  switch (state.status) {
    case 'reading':
      return { text: 'Reading the scenario…', busy: true };
    case 'streaming':
      return { text: `Simulating ${formatDuration(state.timeline.start.durationSeconds)} of traffic…`, busy: false };
    case 'done':
      return { text: 'Simulation finished.', busy: false };
    case 'invalid':
      return { text: 'The scenario has errors; nothing was simulated.', busy: false };
    case 'failed':
      return { text: 'The simulation stopped.', busy: false };
  }
}

export function RunStatus({ state }: { state: StreamState }) {
  const { text, busy } = describe(state);
  return (
    <p className={busy ? 'run-status' : 'visually-hidden'} role="status" data-testid="run-status" data-status={state.status} aria-busy={busy}>
      {busy && <span className="spinner" aria-hidden="true" />}
      {text}
    </p>
  );
}

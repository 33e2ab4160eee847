// The learner's story as the sandbox holds it: the acts, the what-if beside them, and how to change
// either. One object, handed from the workbench (which owns the address) down to the console.
import type { Act } from '../../runtime/acts/act';
import type { SimulationRequest } from '../../runtime/worker';

export interface Story {
  acts: Act[];
  /** re-simulates the same run with this list */
  onActs: (acts: Act[]) => void;
  /** acts from the address that the scenario could not take */
  problems: string[];
  /** the what-if's extra act (null: no fork) */
  fork: Act | null;
  onFork: (act: Act | null) => void;
  /** the story's request, which a fork extends */
  request: SimulationRequest;
}

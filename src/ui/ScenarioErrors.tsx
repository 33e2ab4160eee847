// A scenario's errors as the compiler-style lines the command line prints (file:line:col: path:
// message). Each line is a button that puts the cursor on that spot in the editor.
import { formatScenarioError, type ScenarioError } from '../scenario/errors';

interface Props {
  errors: ScenarioError[];
  onJump: (line: number, column: number) => void;
}

export function ScenarioErrors({ errors, onJump }: Props) {
  const count = errors.length === 1 ? 'an error' : `${errors.length} errors`;
  return (
    <section className="problems" role="alert" aria-labelledby="problems-title">
      <h2 id="problems-title">The scenario has {count}</h2>
      <p>Nothing was simulated. Fix the scenario file below and run it again; your text is kept.</p>
      <ol className="error-list" data-testid="scenario-errors">
        {errors.map((e) => {
          const text = formatScenarioError(e);
          return (
            <li key={text}>
              <button
                type="button"
                className="error-line"
                onClick={() => onJump(e.line, e.column)}
                title={`Go to line ${e.line}, column ${e.column}`}
              >
                {text}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

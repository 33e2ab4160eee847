// Why each run did what it did: every decision a judge or a human took, as the sentence with the
// run's real numbers. Runs without a decision say so, which is a lesson too (rolling without analysis).
import type { ScenarioResult } from '../index';

export function DecisionLog({ result }: { result: ScenarioResult }) {
  return (
    <section className="decisions" aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decisions</h2>
      <dl>
        {result.runs.map((run) => (
          <div key={run.label} className="decision-run">
            <dt>{run.label}</dt>
            {run.decisions.length === 0 ? (
              <dd className="muted">{run.pattern === 'none' ? 'the control run: nothing to decide' : 'no decision: nothing stopped or promoted it by judgement'}</dd>
            ) : (
              run.decisions.map((d, k) => <dd key={k}>{d.text}</dd>)
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}

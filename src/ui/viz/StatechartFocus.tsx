// The statechart seen from where the run is, for a panel too small to draw the whole machine
// readably: the active state lit inside the compound states it sits in, the last transition with
// the state it left and its cause, then each way out of the active state with its events, as many
// as the room holds. In the page's type, so it is read at any panel size.
import type { ReactNode } from 'react';
import type { FocusState, StatechartFocus as Focus } from '../../view/statechartFocus';
import { formatClock } from '../../view/playback';

interface Props {
  focus: Focus;
  /** how many lines the ways out may take */
  rows: number;
  /** the button that opens the whole chart, at the end of the first line */
  open: ReactNode;
}

function StateName({ state, role, lit = false }: { state: FocusState; role: 'active' | 'neighbour'; lit?: boolean }) {
  const cls = ['sc-focus-state', lit ? 'sc-focus-lit' : '', state.final ? 'sc-focus-final' : ''].join(' ');
  return (
    <span className={cls} data-sc-label={role} title={state.final ? `${state.path} (final state)` : state.path}>
      {state.key}
    </span>
  );
}

export function StatechartFocus({ focus, rows, open }: Props) {
  const { regions, sharedContainers, exits, last } = focus;
  // when they do not all fit, the last line names the rest (or, with room for one line, all of them)
  const shown = exits.length > rows ? exits.slice(0, Math.max(0, rows - 1)) : exits;
  const hidden = exits.length - shown.length;
  return (
    <div className="sc-focus">
      <p className="sc-focus-now">
        {/* as the whole drawing's caption: what the run is in, for every reader */}
        <span className="sc-caption-lit">
          {'● '}
          {sharedContainers.map((key) => (
            <span key={key} className="sc-focus-path" data-sc-label="path">
              {key} ›{' '}
            </span>
          ))}
          {regions.map((r, k) => (
            <span key={r.leaf.path}>
              {k > 0 && <span className="sc-focus-sep"> ‖ </span>}
              {r.containers.slice(sharedContainers.length).map((key) => `${key} › `)}
              <StateName state={r.leaf} role="active" lit />
            </span>
          ))}
        </span>
        {open}
      </p>
      <p className="sc-focus-last">
        {last ? (
          <>
            <span className="sc-focus-tag">last</span> {formatClock(last.t)} from{' '}
            {last.from.map((s, k) => (
              <span key={s.path}>
                {k > 0 && ', '}
                <StateName state={s} role="neighbour" />
              </span>
            ))}{' '}
            on <b>{last.cause}</b>
          </>
        ) : (
          <>
            <span className="sc-focus-tag">start</span> the machine starts here
          </>
        )}
      </p>
      {exits.length === 0 ? (
        <p className="sc-focus-end">a final state: nothing comes next</p>
      ) : (
        <ul className="sc-focus-next" aria-label="what can come next">
          {shown.map((e) => (
            <li key={e.target.path} title={`${e.sources.join(', ')} → ${e.target.path}: ${e.labels.join('; ')}`}>
              <span aria-hidden="true">→ </span>
              <StateName state={e.target} role="neighbour" /> <span className="sc-focus-event">on {e.labels.join(' · ')}</span>
            </li>
          ))}
          {hidden > 0 && (
            <li className="sc-focus-more" title={exits.slice(shown.length).map((e) => `→ ${e.target.key} on ${e.labels.join(' · ')}`).join('\n')}>
              {shown.length > 0 ? `+ ${hidden} more: ` : '→ '}
              {exits.slice(shown.length).map((e) => e.target.key).join(', ')}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

// What the scenario is for: its objectives before and during the run ("what to look for"), its
// narrative once the playback reaches the end. Narratives use **bold** for the figures to notice and `code` for names.
import { memo, type ReactNode } from 'react';

/** **bold** and `code`, the only markup narratives use; everything else stays text. */
function withMarkup(text: string): ReactNode[] {
  return text.split(/(\*\*.+?\*\*|`[^`]+`)/g).map((part, i) => {
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) return <strong key={i}>{part.slice(2, -2)}</strong>;
    if (part.startsWith('`') && part.endsWith('`') && part.length > 2) return <code key={i}>{part.slice(1, -1)}</code>;
    return part;
  });
}

interface Props {
  objectives: string[];
  narrative?: string;
  ended: boolean;
}

function ScenarioBriefView({ objectives, narrative, ended }: Props) {
  if (ended && narrative) {
    return (
      <section className="brief narrative" aria-labelledby="brief-title" data-testid="narrative">
        <h3 id="brief-title">What happened</h3>
        {narrative.split(/\n\s*\n/).map((paragraph, i) => (
          <p key={i}>{withMarkup(paragraph.replace(/\s*\n\s*/g, ' '))}</p>
        ))}
      </section>
    );
  }
  if (objectives.length === 0) return null;
  return (
    <section className="brief" aria-labelledby="brief-title" data-testid="objectives">
      <h3 id="brief-title">What to look for</h3>
      <ul>
        {objectives.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    </section>
  );
}

/** Memoised: the playhead moving does not redraw it. */
export const ScenarioBrief = memo(ScenarioBriefView);

// The fault × pattern matrix as a Markdown table, for the docs page and the terminal.
import type { Matrix, MatrixCell } from '../runtime/matrix';
import { MATRIX_PATTERNS } from '../runtime/matrix';

const VERDICTS: Record<string, string> = {
  steady: '· control',
  promoted: '✘ promoted',
  'rolled-back': '✔ rolled back',
  paused: '■ paused',
  incomplete: '■ never finished',
};

function cell(c: MatrixCell): string {
  const verdict = c.falseAlarm ? '✗ false alarm, rolled back' : (VERDICTS[c.outcome] ?? c.outcome);
  const detection = c.detectionSeconds === null ? '' : ` in ${Math.round(c.detectionSeconds)} s`;
  const cost = `${c.usersAffected.toLocaleString('en-US')} users`;
  const writes = c.corruptedWrites > 0 ? `, ${c.corruptedWrites.toLocaleString('en-US')} bad writes` : '';
  const extra = c.extraInstanceHours > 0 ? `, +${c.extraInstanceHours} inst-h` : '';
  return `${verdict}${detection}<br>${cost}${writes}${extra}`;
}

/** A legend for the table's symbols. */
export const MATRIX_LEGEND =
  '✔ rolled back: the pattern stopped the release and routed everyone back. ✗ false alarm: it rolled back a ' +
  'release that had no defect of its own (the fault hit every version alike, or every new instance): protecting ' +
  'nobody, it threw away a good release. ■ paused / never finished: ' +
  'the release stalled before reaching everyone (a progress deadline, an inconclusive analysis, an experiment ' +
  'that kept A). ✘ promoted: the release reached everyone, fault and all. "in N s": from the moment users were ' +
  'first exposed to the defect (for a false alarm, to the fault that set it off) to the decision. Users: users who saw at least one failed ' +
  'request. inst-h: instance-hours beyond the control run.';

export function matrixMarkdown(matrix: Matrix): string {
  const labels = MATRIX_PATTERNS.map((p) => p.label);
  const lines = [`| fault | ${labels.join(' | ')} |`, `|---|${labels.map(() => '---').join('|')}|`];
  for (const [kind, row] of Object.entries(matrix)) lines.push(`| \`${kind}\` | ${labels.map((l) => cell(row[l])).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

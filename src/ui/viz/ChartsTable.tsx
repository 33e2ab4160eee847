// The charts as a table, for screen readers: one row per shown bucket, the same numbers as drawn.
import type { ChartData } from '../../view/chartSeries';
import { formatCount, formatMs, formatRate } from '../../view/chartFormat';
import { formatClock } from '../../view/playback';

export function ChartsTable({ data, versions }: { data: ChartData; versions: string[] }) {
  const lines = data.errorRate.map((l, k) => ({ name: versions[l.version], errors: l.points, p99: data.p99Ms[k].points }));
  return (
    <table className="visually-hidden">
      <caption>Series per bucket (time is the bucket's middle)</caption>
      <thead>
        <tr>
          <th>time</th>
          {lines.map((l) => [<th key={`e${l.name}`}>{`${l.name} error rate`}</th>, <th key={`p${l.name}`}>{`${l.name} p99`}</th>])}
          <th>users affected</th>
          {data.lostConversions && <th>conversions lost vs the control</th>}
          {data.badWrites && <th>bad writes</th>}
        </tr>
      </thead>
      <tbody>
        {data.usersAffected.map((u, i) => (
          <tr key={u.t}>
            <td>{formatClock(lines[0]?.errors[i]?.t ?? u.t)}</td>
            {lines.map((l) => [
              <td key={`e${l.name}`}>{l.errors[i]?.value == null ? '–' : formatRate(l.errors[i].value!)}</td>,
              <td key={`p${l.name}`}>{l.p99[i]?.value == null ? '–' : formatMs(l.p99[i].value!)}</td>,
            ])}
            <td>{formatCount(u.value ?? 0)}</td>
            {data.lostConversions && <td>{formatCount(data.lostConversions[i]?.value ?? 0)}</td>}
            {data.badWrites && <td>{formatCount(data.badWrites[i]?.value ?? 0)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

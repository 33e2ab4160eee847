// The charts as a table, for screen readers: one row per shown bucket, the same numbers as drawn,
// a column for every chart (traffic share per version, and conversions, conversions lost against
// the control run and bad writes when the scenario has them).
import type { ChartData } from '../../view/chartSeries';
import { formatCount, formatMs, formatRate } from '../../view/chartFormat';
import { formatClock } from '../../view/playback';

export function ChartsTable({ data, versions }: { data: ChartData; versions: string[] }) {
  const lines = data.errorRate.map((l, k) => ({ name: versions[l.version], errors: l.points, p99: data.p99Ms[k].points }));
  // shares by bucket time: buckets without traffic have none
  const shares = data.share.map((s) => ({ name: versions[s.version], at: new Map(s.points.map((p) => [p.t, p.y1 - p.y0])) }));
  const cumulative = [
    ...(data.conversions ? [{ name: 'conversions', points: data.conversions }] : []),
    ...(data.lostConversions ? [{ name: 'conversions lost vs the control', points: data.lostConversions }] : []),
    ...(data.badWrites ? [{ name: 'bad writes', points: data.badWrites }] : []),
  ];
  return (
    <div className="text-alternative">
      <table>
        <caption>Series per bucket (time is the bucket's middle)</caption>
        <thead>
          <tr>
            <th>time</th>
            {lines.map((l) => [<th key={`e${l.name}`}>{`${l.name} error rate`}</th>, <th key={`p${l.name}`}>{`${l.name} p99`}</th>])}
            {shares.map((s) => (
              <th key={`s${s.name}`}>{`${s.name} traffic share`}</th>
            ))}
            <th>users affected</th>
            {cumulative.map((c) => (
              <th key={c.name}>{c.name}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.usersAffected.map((u, i) => {
            const t = lines[0]?.errors[i]?.t ?? u.t;
            return (
              <tr key={u.t}>
                <td>{formatClock(t)}</td>
                {lines.map((l) => [
                  <td key={`e${l.name}`}>{l.errors[i]?.value == null ? '–' : formatRate(l.errors[i].value!)}</td>,
                  <td key={`p${l.name}`}>{l.p99[i]?.value == null ? '–' : formatMs(l.p99[i].value!)}</td>,
                ])}
                {shares.map((s) => (
                  <td key={`s${s.name}`}>{s.at.has(t) ? formatRate(s.at.get(t)!) : '–'}</td>
                ))}
                <td>{formatCount(u.value ?? 0)}</td>
                {cumulative.map((c) => (
                  <td key={c.name}>{formatCount(c.points[i]?.value ?? 0)}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// Simulated durations in the words a reader expects: "30 min", "1 h 30 min", "45 s".

const UNITS: [seconds: number, name: string][] = [
  [3600, 'h'],
  [60, 'min'],
  [1, 's'],
];

export function formatDuration(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  const parts: string[] = [];
  let rest = Math.round(seconds);
  for (const [size, name] of UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${name}`);
    rest -= count * size;
  }
  return parts.join(' ');
}

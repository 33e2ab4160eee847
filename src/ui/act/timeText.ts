// Simulated times as a learner types them: "12:30" (m:ss), "1:02:03", or plain seconds.

/** "12:30" → 750, "90" → 90, "1:00:00" → 3600; NaN for anything else. */
export function parseDuration(text: string): number {
  const parts = text.trim().split(':');
  if (parts.length > 3 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) return NaN;
  return parts.reduce((total, p) => total * 60 + Number(p), 0);
}

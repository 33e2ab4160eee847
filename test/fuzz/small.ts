// Small versions of the shipped scenarios: the same file with a fiftieth of the traffic and at most
// 2,000 users. Their mutants that stay valid run to the end within the fuzz's event budget, so the
// fuzz reaches every pattern, judge and fault of the engine, not only the parser.
import { parseDocument } from 'yaml';

const TRAFFIC_DIVISOR = 50;
const MAX_USERS = 2_000;

export function smallVersion(text: string): string {
  const doc = parseDocument(text);
  const rps = doc.getIn(['traffic', 'rps']);
  if (typeof rps === 'number') doc.setIn(['traffic', 'rps'], Math.max(1, Math.round(rps / TRAFFIC_DIVISOR)));
  const users = doc.getIn(['users', 'count']);
  if (typeof users === 'number') doc.setIn(['users', 'count'], Math.min(users, MAX_USERS));
  return doc.toString();
}

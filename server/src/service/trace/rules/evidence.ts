// What the classic-failure rules (trace-formats.md §11) look for in a connection: its events, the
// codes the parsers recognised in them (codes/recognise.ts ids), words of the Java and tool texts
// that carry no code, and which product the trace comes from (who to tell to change what).
import type { TraceModel } from '../findings';
import type { BuiltConnection } from '../handshake';
import type { TraceEvent, TraceFormat } from '../types';
import type { Setting } from './settings';

/** The model the trace/* rules read: the trace, and optionally the workspace's configuration. */
export type TraceRuleModel = TraceModel;

/**
 * A connection's events, gathered once per connection and event list: every rule asks for them, and
 * a big trace has thousands of connections (callers must not change the array).
 */
const gathered = new WeakMap<BuiltConnection, { from: readonly TraceEvent[]; events: TraceEvent[] }>();

export function eventsOf(model: TraceModel, conn: BuiltConnection): TraceEvent[] {
  const hit = gathered.get(conn);
  if (hit && hit.from === model.events) {
    return hit.events;
  }
  const out: TraceEvent[] = [];
  for (const i of conn.events) {
    const e = model.events[i];
    if (e) {
      out.push(e);
    }
  }
  gathered.set(conn, { from: model.events, events: out });
  return out;
}

/** True when the event carries one of the code ids (exact, or a prefix ending in '-'). */
export function hasCode(e: TraceEvent, ids: readonly string[]): boolean {
  // Loops, not closures: the rules ask this of every event of every connection.
  const codes = e.codes;
  if (codes === undefined) {
    return false;
  }
  for (const c of codes) {
    for (const id of ids) {
      if (id.endsWith('-') ? c.id.startsWith(id) : c.id === id) {
        return true;
      }
    }
  }
  return false;
}

/** The first event with one of the codes, or whose text matches. */
export function firstWith(
  events: readonly TraceEvent[],
  ids: readonly string[],
  text?: RegExp,
): TraceEvent | undefined {
  return events.find((e) => hasCode(e, ids) || (text !== undefined && text.test(e.text)));
}

/** The first alert (alert record, or an error naming one) with one of these AlertDescription numbers. */
export function alertEvent(events: readonly TraceEvent[], codes: readonly number[]): TraceEvent | undefined {
  return events.find((e) => e.alert?.code !== undefined && codes.includes(e.alert.code));
}

/** Who the trace is from: z/OS System SSL / AT-TLS, a Java (Liberty) runtime, or a client tool. */
export type Product = 'zos' | 'java' | 'tool';

export function productOf(format: TraceFormat | undefined): Product {
  switch (format) {
    case 'gsk-ctrace':
    case 'systcpip-ctrace':
    case 'attls-syslog':
      return 'zos';
    case 'jsse-debug':
    case 'liberty-trace':
      return 'java';
    default:
      return 'tool';
  }
}

/** The handshake messages before a line, ignoring alerts. */
export function handshakeBefore(conn: BuiltConnection, line: number): BuiltConnection['messages'] {
  return conn.messages.filter((m) => m.line <= line && m.type !== 'Alert');
}

/** The offer of the connection's ClientHello, when the trace shows it. */
export function clientOffer(events: readonly TraceEvent[]): TraceEvent['offer'] {
  return events.find((e) => e.hsType === 'ClientHello' && e.offer)?.offer;
}

/** "a, b, c and 4 more" — offered lists can be long. */
export function listed(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** Setting labels for a message: "AT-TLS TTLSGroupAction FIPS140 or AT-TLS ...". */
export function labels(settings: readonly Setting[]): string {
  return settings.map((s) => s.label).join(', ');
}

export const where = (e: TraceEvent): string => `line ${e.line + 1}`;

// trace/handshake-failed — a connection's handshake ends in an alert, a reset or an error record
// (docs/rules.md): says who sent what, after which message, and where it stopped. The cause and the
// setting to change come from the alert's or code's reference entry (codes.json through
// knowledge/codes.ts); the specific trace/* rules name the classic failures more precisely.
import { primarySource } from '../../codes/explain';
import { alertByName, alertByValue, codeById } from '../../knowledge/codes';
import type { CodeEntry } from '../../knowledge/codes';
import type { RuleModule } from '../../rules';
import { rangeOf } from '../../types';
import type { TraceModel } from '../findings';
import type { BuiltConnection } from '../handshake';
import type { TraceEvent } from '../types';

const RFC8446_ALERTS = 'https://www.rfc-editor.org/rfc/rfc8446#section-6';

/** The last handshake message before `line`, as "after ServerHello from the server". */
export function afterWhat(conn: BuiltConnection, line: number): string {
  const before = conn.messages.filter((m) => m.line < line && m.type !== 'Alert');
  const last = before[before.length - 1];
  if (!last) {
    return 'before any handshake message';
  }
  return `after ${last.type}${last.from === 'unknown' ? '' : ` from the ${last.from}`} (line ${last.line + 1})`;
}

/** The event on the connection's stop line. */
export function stopEvent(model: TraceModel, conn: BuiltConnection): TraceEvent | undefined {
  for (const i of conn.events) {
    const e = model.events[i];
    if (e && e.line === conn.stopLine) {
      return e;
    }
  }
  return undefined;
}

function alertEntry(e: TraceEvent): CodeEntry | undefined {
  const a = e.alert;
  if (!a) {
    return undefined;
  }
  return (
    (a.code !== undefined ? alertByValue(a.code) : undefined) ??
    (a.description ? alertByName(a.description) : undefined)
  );
}

function short(text: string): string {
  const t = text.trim();
  return t.length > 160 ? `${t.slice(0, 157)}...` : t;
}

export const handshakeFailed: RuleModule<TraceModel> = {
  id: 'trace/handshake-failed',
  href: RFC8446_ALERTS,
  check(model, report) {
    for (const conn of model.connections) {
      if (conn.outcome !== 'failed' || conn.stopLine === undefined) {
        continue;
      }
      const e = stopEvent(model, conn);
      if (!e) {
        continue;
      }
      const where = afterWhat(conn, e.line);
      let what: string;
      let entry: CodeEntry | undefined;
      if (e.kind === 'alert') {
        entry = alertEntry(e);
        const msg = conn.messages.find((m) => m.line === e.line && m.type === 'Alert');
        const who = msg && msg.from !== 'unknown' ? `the ${msg.from} sent` : 'an alert was sent:';
        const name = e.alert?.description ?? entry?.title ?? 'an alert';
        const code = e.alert?.code !== undefined ? ` (${e.alert.code})` : '';
        what = `${who} ${e.alert?.level ?? ''} alert ${name}${code}`.replace(/\s+/g, ' ');
      } else {
        const first = e.codes?.map((c) => codeById(c.id)).find((x): x is CodeEntry => x !== undefined);
        entry = first;
        what = e.text.trim() ? `error: ${short(e.text)}` : 'an error record';
      }
      const cause = entry ? ` ${entry.title}: ${entry.meaning}` : '';
      const fix = entry?.fix
        ? ` ${entry.fix}`
        : ' Look at the alert or error of the side that gave up and at the other findings of this connection.';
      report({
        message: `Handshake of connection ${conn.id} failed at line ${e.line + 1}, ${where}: ${what}.${cause}${fix}`,
        range: rangeOf(e.line, 0, 0),
        ...(entry && primarySource(entry) ? { href: primarySource(entry) } : {}),
      });
    }
  },
};

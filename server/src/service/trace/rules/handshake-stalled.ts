// trace/handshake-stalled — a handshake that stops with no alert (docs/rules.md): ClientHello,
// ServerHello, ChangeCipherSpec, then nothing, or a timeout. The silent stop right after the
// ServerHello is the documented symptom of TLS 1.3 with FIPS140 on z/OS 3.1 and earlier
// (attls-reference [S33], trace-formats.md §11.2); other stops name the message the side that went
// quiet owed.
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { RuleModule } from '../../rules';
import { rangeOf } from '../../types';
import type { TraceModel } from '../findings';
import { afterWhat } from './handshake-failed';

export const handshakeStalled: RuleModule<TraceModel> = {
  id: 'trace/handshake-stalled',
  href: 'https://www.rfc-editor.org/rfc/rfc8446#section-2',
  check(model, report) {
    for (const conn of model.connections) {
      if (conn.outcome !== 'stalled') {
        continue;
      }
      const line = conn.stopLine ?? conn.lastLine;
      const hs = conn.messages.filter((m) => m.type !== 'Alert');
      const last = hs[hs.length - 1];
      const flow = hs.map((m) => m.type).join(', ') || 'no handshake message';
      const afterServerHello =
        last !== undefined &&
        (last.type === 'ServerHello' ||
          (last.type === 'ChangeCipherSpec' && hs[hs.length - 2]?.type === 'ServerHello'));
      const fips = afterServerHello && conn.protocol === 'TLSv1.3';
      const advice = fips
        ? ' A TLS 1.3 handshake that dies silently after ServerHello is what AT-TLS does with FIPS140 on z/OS 3.1 and earlier: turn TLSv1.3 off in that policy (or FIPS140 Off), or move to z/OS 3.2.'
        : last?.from === 'client'
          ? ' The server never answered: check that the server side (its AT-TLS rule, key ring and trace) saw this connection.'
          : ' The other side never answered: capture its trace (GSK CTRACE or AT-TLS syslog on z/OS) to see why it stopped.';
      report({
        message: `Handshake of connection ${conn.id} stalled at line ${line + 1} ${afterWhat(conn, line + 1)} with no alert (${flow}, then nothing).${advice}`,
        range: rangeOf(line, 0, 0),
        ...(fips ? { href: sourceUrl('S33') } : {}),
      });
    }
  },
};

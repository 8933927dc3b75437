// trace/fips-tls13 — TLS 1.3 negotiated while FIPS 140-2 mode is on, z/OS 3.1 and earlier (docs/
// rules.md; trace-formats.md §11.2; attls-reference [S33]: AT-TLS does not support FIPS with TLS
// 1.3 before 3.2, and the handshake "just dies" after the ServerHello, with no alert).
// Evidence: a System SSL record naming FIPS in a connection that is TLS 1.3 (or whose version the
// trace does not show), or a TLS 1.3 handshake gone silent after ServerHello/ChangeCipherSpec when
// the workspace's AT-TLS policy sets FIPS140 to something other than Off.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { eventsOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const FIPS = /\bFIPS\b/i;

const FIX =
  'Fix: on z/OS 3.1 and earlier turn TLS 1.3 off for FIPS connections (TLSv1.3 Off in the ' +
  "group's or environment's TTLSEnvironmentAdvancedParms, keeping TLSv1.2 On), or set FIPS140 Off " +
  'where FIPS is not required; z/OS 3.2 adds FIPS 140-3 support.';

export const fipsTls13: RuleModule<TraceRuleModel> = {
  id: 'trace/fips-tls13',
  href: hrefOf(SETTINGS.tlsv13)!,
  check(model, report) {
    for (const conn of model.connections) {
      if (conn.protocol !== null && conn.protocol !== 'TLSv1.3') {
        continue;
      }
      const events = eventsOf(model, conn);
      const record = events.find((e) => (e.kind === 'error' || e.kind === 'info') && FIPS.test(e.text));
      let cause: string;
      let line: number;
      if (record) {
        line = record.line;
        cause = `System SSL reports a FIPS restriction at ${where(record)} ("${record.text.trim().slice(0, 80)}")${conn.protocol ? ' in a TLS 1.3 handshake' : ''}`;
      } else {
        const hs = conn.messages.filter((m) => m.type !== 'Alert');
        const last = hs[hs.length - 1];
        const silentAfterHello =
          conn.protocol === 'TLSv1.3' &&
          conn.outcome === 'stalled' &&
          last !== undefined &&
          (last.type === 'ServerHello' ||
            (last.type === 'ChangeCipherSpec' && hs[hs.length - 2]?.type === 'ServerHello'));
        const fipsOn = (model.findSetting?.('attls-parameter', 'FIPS140') ?? []).filter(
          (s) => s.value !== undefined && !/^off$/i.test(s.value),
        );
        if (!silentAfterHello || fipsOn.length === 0) {
          continue;
        }
        line = last.line;
        cause = `the TLS 1.3 handshake went silent after the server's ${last.type} (line ${line + 1}), no alert, and the workspace's AT-TLS policy has FIPS140 ${fipsOn[0].value}`;
      }
      report({
        message:
          `Connection ${conn.id}: TLS 1.3 with FIPS 140 mode — ${cause}. Likely cause: AT-TLS/System SSL ` +
          'on z/OS 3.1 and earlier does not support TLS 1.3 in FIPS mode; the server stops after its ServerHello ' +
          `without an alert and the peer times out. ${FIX}`,
        range: rangeOf(line, 0, 0),
        href: hrefOf(SETTINGS.tlsv13),
        related: relatedSettings(model.findSetting, [SETTINGS.fips140, SETTINGS.tlsv13]),
      });
    }
  },
};

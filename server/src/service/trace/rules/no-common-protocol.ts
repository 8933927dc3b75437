// trace/no-common-protocol — protocol_version (70), "No appropriate protocol", System SSL rc 412
// (docs/rules.md; trace-formats.md §11.8; codes.md javaErrors).
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { alertEvent, clientOffer, eventsOf, firstWith, listed, productOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const CODES = [
  'java-no-appropriate-protocol',
  'java-server-selected-version-not-accepted',
  'java-client-versions-not-accepted',
  'java-client-requested-protocol-not-enabled',
  'gsk-412',
];
const TEXT =
  /\bunsupported protocol\b|\bwrong version number\b|\bprotocol version\b.*alert|alert protocol version/i;

export const noCommonProtocol: RuleModule<TraceRuleModel> = {
  id: 'trace/no-common-protocol',
  href: hrefOf(SETTINGS.tlsv12)!,
  check(model, report) {
    const java = productOf(model.format) === 'java';
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const e = alertEvent(events, [70]) ?? firstWith(events, CODES, TEXT);
      if (!e) {
        continue;
      }
      const versions = clientOffer(events)?.versions;
      const offered = versions?.length ? ` The client offered ${listed(versions)}.` : '';
      const wrongVersion = /wrong version number/i.test(e.text)
        ? ' ("wrong version number" can also mean the port does not speak TLS at all.)'
        : '';
      report({
        message:
          `Connection ${conn.id}: no protocol version in common at ${where(e)}.${offered}${wrongVersion} Likely cause: ` +
          'the versions one side enables and the other offers do not meet (TLS 1.2 off on one side, TLS 1.0/1.1 disabled ' +
          'while the peer only has them, or a TLS 1.3-only client against a TLS 1.2 server). Fix: ' +
          (java
            ? 'set server.xml <ssl sslProtocol> to versions both sides support (e.g. TLSv1.2,TLSv1.3), or enable a current version on the peer.'
            : 'turn TLSv1.2 (and, where supported, TLSv1.3) On in the AT-TLS TTLSEnvironmentAdvancedParms/TTLSConnectionAdvancedParms, or enable a current version on the peer.'),
        range: rangeOf(e.line, 0, 0),
        href: java ? hrefOf(SETTINGS.sslProtocol) : hrefOf(SETTINGS.tlsv12),
        related: relatedSettings(
          model.findSetting,
          java ? [SETTINGS.sslProtocol] : [SETTINGS.tlsv12, SETTINGS.tlsv13],
        ),
      });
    }
  },
};

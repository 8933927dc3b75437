// trace/client-cert-missing — the server required a client certificate and got none (docs/rules.md;
// trace-formats.md §11.4): JSSE "null cert chain" / "Empty client certificate chain", System SSL rc
// 403, AT-TLS RC 5001, alert certificate_required (116).
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { alertEvent, eventsOf, firstWith, productOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

export const CLIENT_CERT_MISSING_CODES = [
  'java-null-cert-chain',
  'java-empty-client-cert-chain',
  'gsk-403',
  'attls-rc-5001',
];

export const clientCertMissing: RuleModule<TraceRuleModel> = {
  id: 'trace/client-cert-missing',
  href: hrefOf(SETTINGS.clientAuthType)!,
  check(model, report) {
    const java = productOf(model.format) === 'java';
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const e = firstWith(events, CLIENT_CERT_MISSING_CODES) ?? alertEvent(events, [116]);
      if (!e) {
        continue;
      }
      report({
        message:
          `Connection ${conn.id}: the server requires a client certificate and the client sent none (${where(e)}). ` +
          'Likely cause: the client has no certificate configured, or none issued by a CA the server asked for ' +
          '(its CertificateRequest list), so it sent an empty chain. Fix: give the client a certificate signed by a CA the ' +
          'server trusts (Liberty clientKeyAlias/keyStoreRef, AT-TLS client Keyring and CertificateLabel); or, if client ' +
          (java
            ? 'authentication is not meant to be required, set server.xml <ssl clientAuthentication="false"> (clientAuthenticationSupported="true" to ask without requiring).'
            : 'authentication is not meant to be required, use HandshakeRole Server, or a ClientAuthType other than Required (Full still validates a certificate when one is sent).'),
        range: rangeOf(e.line, 0, 0),
        href: java ? hrefOf(SETTINGS.clientAuthentication) : hrefOf(SETTINGS.clientAuthType),
        related: relatedSettings(
          model.findSetting,
          java ? [SETTINGS.clientAuthentication] : [SETTINGS.clientAuthType],
        ),
      });
    }
  },
};

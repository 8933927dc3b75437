// trace/no-common-cipher — "no cipher suites in common" / handshake_failure (40) after the ClientHello
// (docs/rules.md; trace-formats.md §11.3): System SSL rc 402, the JSSE/Liberty text, or alert 40
// before any ServerHello (unless the ClientHello offered TLS 1.3: trace/no-tls13-certificate). Lists
// what the client offered when the trace shows it. A Java server whose key store holds no usable
// private key says the same words (§11.3, §11.6): the finding names that cause too.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import {
  alertEvent,
  clientOffer,
  eventsOf,
  firstWith,
  handshakeBefore,
  listed,
  productOf,
  where,
} from './evidence';
import type { TraceRuleModel } from './evidence';
import { offersTls13 } from './no-tls13-certificate';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const TEXT = /no cipher suites in common/i;

export const noCommonCipher: RuleModule<TraceRuleModel> = {
  id: 'trace/no-common-cipher',
  href: hrefOf(SETTINGS.v3CipherSuites)!,
  check(model, report) {
    const product = productOf(model.format);
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const offer = clientOffer(events);
      let e = firstWith(events, ['java-no-cipher-suites-in-common', 'gsk-402'], TEXT);
      if (!e) {
        const alert = alertEvent(events, [40]);
        const helloAnswered = alert
          ? handshakeBefore(conn, alert.line).some(
              (m) => m.type === 'ServerHello' || m.type === 'HelloRetryRequest',
            )
          : true;
        if (!alert || helloAnswered || offersTls13(offer)) {
          continue;
        }
        e = alert;
      }
      const offered = offer?.ciphers?.length ? ` The client offered ${listed(offer.ciphers)}.` : '';
      const java = product === 'java';
      const cause = java
        ? "Likely causes: the server's enabled cipher suites (server.xml <ssl enabledCiphers>, securityLevel) and the " +
          "client's share none; or the server's key store holds no usable private key — a SAF key ring the server ID " +
          'cannot read (IRR.DIGTCERT.LISTRING, RDATALIB), a wrong keyring label or password — for JSSE then has no suite it can serve.'
        : "Likely cause: the suites the client offered and the server's list (AT-TLS V3CipherSuites / V3CipherSuites4Char " +
          "for the negotiated protocol) do not intersect, or the server certificate's key fits none of them (RSA key with " +
          'only ECDHE_ECDSA suites, or the reverse).';
      const fix = java
        ? "Fix: check the key store first (CWPKI messages at start-up; the ring's READ access for the server ID), then add a suite " +
          'both sides support to enabledCiphers or remove the restriction.'
        : "Fix: add to V3CipherSuites (or V3CipherSuites4Char) a suite the client offers and the certificate's key supports, " +
          "or configure the client to offer one of the policy's suites.";
      report({
        message: `Connection ${conn.id}: no cipher suite in common at ${where(e)}.${offered} ${cause} ${fix}`,
        range: rangeOf(e.line, 0, 0),
        href: java ? hrefOf(SETTINGS.enabledCiphers) : hrefOf(SETTINGS.v3CipherSuites),
        related: relatedSettings(
          model.findSetting,
          java
            ? [SETTINGS.enabledCiphers, SETTINGS.keyStoreLocation, SETTINGS.listring]
            : [SETTINGS.v3CipherSuites, SETTINGS.v3CipherSuites4Char],
        ),
      });
    }
  },
};

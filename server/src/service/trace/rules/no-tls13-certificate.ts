// trace/no-tls13-certificate — no certificate usable for TLS 1.3 (docs/rules.md): a ClientHello
// offering TLS 1.3 (supported_versions and a 13xx suite) answered by handshake_failure (40) before
// any ServerHello. codes.md (alert 40): TLS 1.3 on with no usable signature algorithm, or a server
// key that fits none of the offered suites (System SSL rc 434); attls-reference row 34: an RSA server
// certificate needs an RSASSA-PSS pair in SignaturePairs under TLS 1.3, an EC one an ECDSA pair of
// its curve.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { alertEvent, clientOffer, eventsOf, handshakeBefore, productOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

/** True when the ClientHello offered TLS 1.3: the version list and a TLS 1.3 suite. */
export function offersTls13(offer: ReturnType<typeof clientOffer>): boolean {
  return (
    offer?.versions?.includes('TLSv1.3') === true &&
    (offer.ciphers === undefined ||
      offer.ciphers.some((c) => /^TLS_(?:AES|CHACHA20|AES_128_CCM)\w*_SHA\d+$/.test(c) || /^0x13/.test(c)))
  );
}

export const noTls13Certificate: RuleModule<TraceRuleModel> = {
  id: 'trace/no-tls13-certificate',
  href: hrefOf(SETTINGS.signaturePairs)!,
  check(model, report) {
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const alert = alertEvent(events, [40]);
      if (!alert || !offersTls13(clientOffer(events))) {
        continue;
      }
      if (
        handshakeBefore(conn, alert.line).some(
          (m) => m.type === 'ServerHello' || m.type === 'HelloRetryRequest',
        )
      ) {
        continue;
      }
      const java = productOf(model.format) === 'java';
      report({
        message:
          `Connection ${conn.id}: the ClientHello offered TLS 1.3 and the server answered handshake_failure (40) at ` +
          `${where(alert)}, before any ServerHello. Likely cause: the server has no certificate it can use for TLS 1.3 — ` +
          'its key type, curve or the signature algorithms allowed do not fit what TLS 1.3 needs (an RSA certificate ' +
          'needs an RSASSA-PSS signature pair; an EC certificate an ECDSA pair for its own curve), or TLS 1.3 is on without ' +
          'a TLS 1.3 suite. Fix: ' +
          (java
            ? 'give the key store a certificate whose key and signature algorithm TLS 1.3 accepts, or restrict sslProtocol to TLSv1.2 until it has one.'
            : 'check TTLSSignatureParms SignaturePairs against the certificate (TLS 1.3 signs with RSASSA-PSS, 0804-0806, for ' +
              "an RSA key — whether System SSL accepts 08xx codes there is not confirmed — or with the ECDSA pair of an EC key's curve), " +
              'make sure V3CipherSuites holds a TLS 1.3 suite (1301/1302), or connect a certificate with a suitable key to the ring ' +
              '(RACDCERT GENCERT, CONNECT); otherwise set TLSv1.3 Off.'),
        range: rangeOf(alert.line, 0, 0),
        href: hrefOf(java ? SETTINGS.sslProtocol : SETTINGS.signaturePairs),
        related: relatedSettings(model.findSetting, [
          SETTINGS.signaturePairs,
          SETTINGS.tlsv13,
          SETTINGS.v3CipherSuites,
        ]),
      });
    }
  },
};

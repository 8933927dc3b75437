// trace/untrusted-certificate — bad_certificate (42), unknown_ca (48), certificate_unknown (46),
// PKIX path building failed, System SSL rc 8/414/417/435, openssl/curl verify errors 18-21: the CA is
// missing from the trust ring/store (docs/rules.md; trace-formats.md §11.5). A bad_certificate that
// answers an empty client chain is trace/client-cert-missing, not this.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { alertEvent, eventsOf, firstWith, productOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { CLIENT_CERT_MISSING_CODES } from './client-cert-missing';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const CODES = ['java-pkix-path-building', 'gsk-8', 'gsk-414', 'gsk-417', 'gsk-435'];
const VERIFY =
  /verify error:num=(?:18|19|20|21)\b|unable to get local issuer certificate|self[- ]signed certificate|PKIX path building failed/i;

export const untrustedCertificate: RuleModule<TraceRuleModel> = {
  id: 'trace/untrusted-certificate',
  href: hrefOf(SETTINGS.connect)!,
  check(model, report) {
    const java = productOf(model.format) === 'java';
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      if (firstWith(events, CLIENT_CERT_MISSING_CODES)) {
        continue;
      }
      const e = firstWith(events, CODES, VERIFY) ?? alertEvent(events, [42, 46, 48]);
      if (!e) {
        continue;
      }
      // The alert came in: the peer rejected the certificate this side sent.
      const received = e.alert !== undefined && e.dir === 'received';
      const who = received
        ? 'the peer rejected the certificate this side sent'
        : 'this side could not validate the certificate the peer sent';
      const store = received
        ? "the peer's trust store or key ring"
        : java
          ? "this server's trust store"
          : "this side's key ring";
      report({
        message:
          `Connection ${conn.id}: certificate not trusted at ${where(e)} — ${who}. Likely cause: the CA that signed that ` +
          `certificate (or an intermediate) is missing from ${store}, or the chain sent is incomplete. Fix: ` +
          (java && !received
            ? 'import the issuing CA into the trust store named by server.xml <ssl trustStoreRef> (for a SAF ring: connect it as CERTAUTH).'
            : "connect the issuing CA certificate to the validating side's ring with RACDCERT CONNECT(CERTAUTH LABEL(...) RING(...) USAGE(CERTAUTH)) " +
              '(or import it into its Java trust store), and have the sender send its intermediates.'),
        range: rangeOf(e.line, 0, 0),
        href: java && !received ? hrefOf(SETTINGS.trustStoreRef) : hrefOf(SETTINGS.connect),
        related: relatedSettings(model.findSetting, [
          SETTINGS.connect,
          SETTINGS.trustStoreRef,
          SETTINGS.keyring,
        ]),
      });
    }
  },
};

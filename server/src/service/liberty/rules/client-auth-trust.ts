// liberty/client-auth-trust — evidence: liberty-reference §13 LIB-TLS-006 and §9 (S-META: the
// effective trust store defaults to ${keyStoreRef}; S-XSD/S-DOC-NET: clientAuthentication requires
// a client certificate, clientAuthenticationSupported requests one and validates it; both true:
// required wins). A client certificate is validated against the effective trust store. With no
// trustStoreRef that is the key store itself: a file key store holds the server's own key (the
// default one Liberty generates holds only its self-signed certificate), so the clients' CA is
// evidently not there unless someone imported it — a warning that says where it must go;
// trustDefaultCerts adds only the JVM's public CAs. A SAF key ring doubling as trust store is IBM's
// z/OS pattern (the CA is connected to the ring in RACF, which this file cannot show), so it is not
// reported. When the key store's kind is unknown (a variable) nothing is said. Both flags true is
// information: the "supported" flag is redundant.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, isTrue, keyStoreKind, referenced } from './helpers';

export const clientAuthTrust: RuleModule<LibertyModel> = {
  id: 'liberty/client-auth-trust',
  href: libertyRuleHref('LIB-TLS-006'),
  check(model, report) {
    for (const ssl of model.elements('ssl')) {
      const required = ssl.attr('clientAuthentication');
      const supported = ssl.attr('clientAuthenticationSupported');
      const flag = isTrue(required) ? required! : isTrue(supported) ? supported! : undefined;
      if (!flag) {
        continue;
      }
      if (isTrue(required) && isTrue(supported) && model.reportable(supported)) {
        report({
          message: `${describe(ssl)} sets both clientAuthentication="true" and clientAuthenticationSupported="true": a required client certificate wins, so the "supported" flag changes nothing. Remove clientAuthenticationSupported, or set clientAuthentication="false" if a client without a certificate should still connect.`,
          range: supported.valueRange,
          severity: 'information' as Severity,
          tags: ['unnecessary'],
        });
      }
      if (!model.reportable(flag)) {
        continue;
      }
      const ks = referenced(model, ssl, 'keyStoreRef', 'keyStore');
      const trustRef = ssl.attr('trustStoreRef');
      // A trust store of its own (or one a variable names) may hold the CA; naming the key store
      // again is the same as leaving trustStoreRef out.
      const ownTrust = trustRef !== undefined && referenced(model, ssl, 'trustStoreRef', 'keyStore') !== ks;
      if (!ks || ownTrust || keyStoreKind(ks) !== 'file') {
        continue;
      }
      const defaults = isTrue(ssl.attr('trustDefaultCerts'))
        ? ' trustDefaultCerts="true" adds only the JVM\'s public CAs (cacerts), not a private CA that issues client certificates.'
        : '';
      report({
        message:
          `${describe(ssl)} ${flag.name === 'clientAuthentication' ? 'requires' : 'requests'} client certificates (${flag.name}="true") but ${trustRef ? 'its trustStoreRef names its key store' : 'has no trustStoreRef'}, so they are checked against the key store ${describe(ks)}, which holds the server's own key` +
          `${ks.builtIn && !ks.attr('location') ? ' (Liberty generates it with only a self-signed certificate)' : ''}.${defaults} ` +
          `Unless the clients' CA certificate was imported there, every client certificate is rejected (CWPKI0022E). Set trustStoreRef to a key store that holds the clients' CA.`,
        range: flag.valueRange,
      });
    }
  },
};

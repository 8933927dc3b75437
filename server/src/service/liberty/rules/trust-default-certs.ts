// liberty/trust-default-certs — evidence: liberty-reference §13 LIB-TLS-016, §2 and §9 (S-XSD:
// trustDefaultCerts="true" also trusts the JVM's default trust store, cacerts; a repertoire that
// asks for client certificates validates them against its trust store). On a repertoire that
// requires or requests client certificates, every public CA in cacerts can then issue a
// certificate that passes client authentication. Judged on the merged ssl: the flags may be set
// in different files; reported where trustDefaultCerts is written.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { describe, isTrue } from './helpers';
import { libertyRuleHref } from './href';

export const trustDefaultCerts: RuleModule<LibertyModel> = {
  id: 'liberty/trust-default-certs',
  href: libertyRuleHref('LIB-TLS-016'),
  check(model, report) {
    for (const el of model.elements('ssl')) {
      const trust = el.attr('trustDefaultCerts');
      if (!model.reportable(trust) || !isTrue(trust)) {
        continue;
      }
      const flag = ['clientAuthentication', 'clientAuthenticationSupported'].find((n) => isTrue(el.attr(n)));
      if (!flag) {
        continue;
      }
      report({
        message:
          `trustDefaultCerts="true" on ${describe(el)}, which ${flag === 'clientAuthentication' ? 'requires' : 'requests'} client ` +
          `certificates (${flag}="true"): a client certificate from any public CA in the JVM's cacerts is then trusted. ` +
          "Trust only the CAs that issue your clients' certificates: remove trustDefaultCerts here, or give outbound use a separate ssl.",
        range: trust.valueRange,
      });
    }
  },
};

// liberty/ldap-without-ssl — evidence: liberty-reference §13 LIB-TLS-022, §4 (S-STIG V-250337
// requires LDAPS; S-DOC-NET): without sslEnabled="true" Liberty talks to the directory in clear,
// bind password and user passwords included. Judged on the merged ldapRegistry; reported on
// sslEnabled when this file writes it false, else on the element when this file declares it.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { describe, isTrue, localDeclaration } from './helpers';
import { libertyRuleHref } from './href';

export const ldapWithoutSsl: RuleModule<LibertyModel> = {
  id: 'liberty/ldap-without-ssl',
  href: libertyRuleHref('LIB-TLS-022'),
  check(model, report) {
    for (const el of model.elements('ldapRegistry')) {
      const ssl = el.attr('sslEnabled');
      if (ssl?.unresolved || isTrue(ssl)) {
        continue;
      }
      const port = el.attr('port');
      const where = port && !port.unresolved ? ` (port ${port.resolved.trim()})` : '';
      const message =
        `${describe(el)} connects to the LDAP server${where} without TLS: bind and user passwords cross the network in clear. ` +
        'Set sslEnabled="true" with the directory\'s LDAPS port, and an sslRef whose trust store holds the directory\'s CA.';
      // No quick fix: sslEnabled alone, without the LDAPS port and a trust store, breaks the bind.
      if (ssl && model.reportable(ssl)) {
        report({ message, range: ssl.valueRange });
        continue;
      }
      const decl = ssl ? undefined : localDeclaration(model, el);
      if (decl) {
        report({ message, range: decl.nameRange });
      }
    }
  },
};

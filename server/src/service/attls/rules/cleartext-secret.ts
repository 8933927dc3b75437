// attls/cleartext-secret — evidence: attls-reference §4.9 (KeyringPw: key database password in clear
// text; KeyringStashFile names a stash file instead) [S9], §4.15 (GSK_LDAP_USER_PW) [S12]; §7 rule 26.
// The message never contains the value, only its length.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { href, isPlaceholderToken, forEachNode } from './structuralHelpers';

export const cleartextSecret: RuleModule<AttlsModel> = {
  id: 'attls/cleartext-secret',
  href: href('S9', 'S9'),
  check(model, report) {
    forEachNode(model.doc.nodes, (p) => {
      if (p.kind !== 'param' || !p.parent?.statement) {
        return;
      }
      const kw = p.key;
      if (kw !== 'keyringpw' && kw !== 'gsk_ldap_user_pw') {
        return;
      }
      const v = p.values[0];
      if (!v || isPlaceholderToken(v.text)) {
        return;
      }
      const len = p.values.map((t) => t.text).join(' ').length;
      report({
        message:
          kw === 'keyringpw'
            ? `KeyringPw holds the key database password in clear text (${len} characters): anyone who can read this policy can read it. Use KeyringStashFile with a stash file instead, and restrict who can read the policy.`
            : `GSK_LDAP_USER_PW holds the LDAP password in clear text (${len} characters): anyone who can read this policy can read it. Restrict read access to the policy file to Policy Agent and its administrators.`,
        range: { start: v.range.start, end: p.values[p.values.length - 1].range.end },
        href: kw === 'keyringpw' ? href('S9', 'S9') : href('S12', 'S12'),
      });
    });
  },
};

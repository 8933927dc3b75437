// liberty/keyring-filebased — evidence: liberty-reference §13 LIB-TLS-003, §3 and §6 (S-WSKS: the
// runtime compares the RACF and PKCS11 types with a case-sensitive equals() and forces fileBased to
// false for them in current releases; S-XSD: fileBased must be false for key rings and hardware
// stores, and updateTrigger="polled" does not apply to non-file stores such as SAF key rings;
// S-IBM-ZSSL: IBM's z/OS example writes fileBased="false" readOnly="true"). Current runtimes
// correct fileBased themselves, hence a warning. A lower-case `jks` on a file store is legal (JCA
// type lookup ignores case; reference false-error guard), so only the RACF and PKCS11 spellings
// are held to exact case. readOnly is the reference's recommendation, not a rules.md finding.
import type { RuleModule } from '../../rules';
import { PKCS11_TYPE, isRacfKeystoreType } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, isTrue, keyStoreKind, replaceValue, shown } from './helpers';

export const keyringFilebased: RuleModule<LibertyModel> = {
  id: 'liberty/keyring-filebased',
  href: libertyRuleHref('LIB-TLS-003'),
  check(model, report) {
    for (const ks of model.elements('keyStore')) {
      const kind = keyStoreKind(ks);
      if (kind !== 'keyring' && kind !== 'pkcs11') {
        continue;
      }
      const what = kind === 'keyring' ? 'a SAF key ring' : 'a hardware (PKCS11) key store';

      const fileBased = ks.attr('fileBased');
      if (model.reportable(fileBased) && isTrue(fileBased)) {
        const edit = replaceValue(fileBased, 'false');
        report({
          message: `${describe(ks)} is ${what}, not a file, but fileBased=${shown(fileBased)}. Current Liberty releases force it to false for this type; older ones treat the store as a file and fail to load it. Set fileBased="false" (and readOnly="true" for a key ring).`,
          range: fileBased.valueRange,
          ...(edit ? { fixes: [{ title: 'Set fileBased="false"', edits: [edit], isPreferred: true }] } : {}),
        });
      }

      const type = ks.attr('type');
      if (model.reportable(type)) {
        const written = type.resolved.trim();
        const exact = written.toUpperCase();
        if (written !== exact && (isRacfKeystoreType(exact) || exact === PKCS11_TYPE)) {
          const edit = replaceValue(type, exact);
          report({
            message: `${describe(ks)}: type ${shown(type)} is not written in upper case. Liberty compares the ${exact} type with a case-sensitive equals(), so '${written}' does not get the ${kind === 'keyring' ? 'key ring' : 'hardware key store'} handling and may fail to load. Write type="${exact}".`,
            range: type.valueRange,
            ...(edit ? { fixes: [{ title: `Set type="${exact}"`, edits: [edit], isPreferred: true }] } : {}),
          });
        }
      }

      const trigger = ks.attr('updateTrigger');
      if (
        kind === 'keyring' &&
        model.reportable(trigger) &&
        trigger.resolved.trim().toLowerCase() === 'polled'
      ) {
        report({
          message: `${describe(ks)} is a SAF key ring, but updateTrigger=${shown(trigger)}: polling watches a file for changes and does not apply to a key ring. Remove updateTrigger (the default, mbean, reloads on request) or set it to "disabled".`,
          range: trigger.valueRange,
        });
      }
    }
  },
};

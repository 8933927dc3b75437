// liberty/keyring-type-mismatch — evidence: liberty-reference §13 LIB-TLS-002 and §6 (S-SAFKEY,
// S-WSKS, S-ZOWE-APIML, S-SEMERU-ZSEC/HYBRID; a mismatch is inferred to fail with CWPKI0033E). Each
// key ring scheme has one handler and so one key store type, in both its Java 8 and Java 11+
// spellings (safkeyring/safkeyringjce ⇔ JCERACFKS, safkeyringhw/safkeyringjcecca ⇔ JCECCARACFKS,
// safkeyringhybrid/safkeyringjcehybrid ⇔ JCEHYBRIDRACFKS): the table is KEYRING_SCHEMES, not
// re-derived here. An unwritten type is the schema default PKCS12, a file type, so a key ring URL
// without a type is a mismatch too. The other direction: a RACF type whose location is a file path
// (or unset, so the default key.p12). A type that differs only by case is liberty/keyring-filebased's
// finding, and a scheme not spelled exactly is liberty/keyring-url's: one finding per mistake.
import type { RuleModule } from '../../rules';
import type { Fix } from '../../types';
import { isKeyringUrl, parseKeyringUrl, schemesForType } from '../../knowledge/libertyKeywords';
import type { ConfigElement, LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import {
  describe,
  insertAttribute,
  keyStoreType,
  localDeclaration,
  racfTypeIgnoringCase,
  replaceValue,
  shown,
} from './helpers';

export const keyringTypeMismatch: RuleModule<LibertyModel> = {
  id: 'liberty/keyring-type-mismatch',
  href: libertyRuleHref('LIB-TLS-002'),
  check(model, report) {
    for (const ks of model.elements('keyStore')) {
      const location = ks.attr('location');
      const { value: type, attr: typeAttr } = keyStoreType(ks);
      if (type === undefined || location?.unresolved) {
        continue; // a variable decides: never judged
      }
      if (location && isKeyringUrl(location.resolved)) {
        const url = parseKeyringUrl(location.resolved);
        const needed = url?.schemeDef?.type;
        if (!url || !needed || url.variable || type.toUpperCase() === needed) {
          continue;
        }
        // Report on the type when this file wrote it, else on the location when it did.
        const at = model.reportable(typeAttr) ? typeAttr : model.reportable(location) ? location : undefined;
        if (!at) {
          continue;
        }
        const fix = typeFix(model, ks, needed);
        const s = url.schemeDef!;
        report({
          message:
            `${describe(ks)}: location ${shown(location)} uses the ${s.scheme}: scheme (the Java ${s.java} spelling; ${s.counterpart}: is the Java ${s.java === '8' ? '11+' : '8'} one), ` +
            `which needs type="${needed}", but the type is ${typeAttr ? `'${type}'` : `not set, so the default '${type}' applies`}. ` +
            `Liberty cannot load the ring with the wrong type (CWPKI0033E). Set type="${needed}" — or change the scheme to the one for the type you meant${schemeHint(type)}.`,
          range: at.valueRange,
          ...(fix ? { fixes: [fix] } : {}),
        });
        continue;
      }
      if (!racfTypeIgnoringCase(type) || !model.reportable(typeAttr)) {
        continue;
      }
      if (!location && (model.isFragment || !model.complete)) {
        continue; // the location may be written in a file we cannot see
      }
      const schemes = schemesForType(type.toUpperCase())!;
      report({
        message:
          `${describe(ks)}: type ${shown(typeAttr)} is a RACF key ring type, but the location is ${location ? `a file path (${shown(location)})` : 'not set, so Liberty looks for the default key.p12 file'}. ` +
          `A ${type.toUpperCase()} key store is a SAF key ring: write location="${schemes.java8}:///RING" (the server identity's ring; ${schemes.java11}: on Java 11+ works too) or "${schemes.java8}://OWNER/RING", ` +
          `or use a file type (PKCS12, JKS) for a file.`,
        range: typeAttr.valueRange,
      });
    }
  },
};

/** The edit setting the type: on the written type, or a new attribute on this file's declaration. */
function typeFix(model: LibertyModel, ks: ConfigElement, needed: string): Fix | undefined {
  const typeAttr = ks.attr('type');
  let edit;
  if (typeAttr) {
    edit = model.reportable(typeAttr) ? replaceValue(typeAttr, needed) : undefined;
  } else {
    const decl = localDeclaration(model, ks);
    edit = decl ? insertAttribute(decl, 'type', needed) : undefined;
  }
  return edit ? { title: `Set type="${needed}"`, edits: [edit], isPreferred: true } : undefined;
}

/** For a RACF type written with the wrong scheme: the schemes that type takes. */
function schemeHint(type: string): string {
  const s = schemesForType(type.toUpperCase());
  return s ? ` (${type.toUpperCase()} takes ${s.java8}: or ${s.java11}:)` : '';
}

// liberty/ssl-without-keystore — evidence: liberty-reference §13 LIB-TLS-020, §1 and §2 (S-META: the
// metatype marks ssl keyStoreRef required; S-DEFINST: only the built-in defaultSSLConfig has a
// default, keyStoreRef="defaultKeyStore", which is why <ssl id="defaultSSLConfig" trustDefaultCerts=
// "true"/> alone is valid — corpus full-server and jwt frontend). The merged element is judged, so a
// keyStoreRef written in an include or configDropins file, or a nested <keyStore>, satisfies it.
// When files may be missing (a fragment, an include that could not be read) another declaration of
// the same id may supply it: information then, as liberty/unresolved-ref does.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import { isBuiltInId } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, quotedIds } from './helpers';

export const sslWithoutKeystore: RuleModule<LibertyModel> = {
  id: 'liberty/ssl-without-keystore',
  href: libertyRuleHref('LIB-TLS-020'),
  check(model, report) {
    // Once, not per ssl: thousands of ssl elements without a key store made it quadratic.
    let known: string[] | undefined;
    for (const ssl of model.local('ssl')) {
      if (ssl.attr('keyStoreRef') || (ssl.id !== undefined && isBuiltInId('ssl', ssl.id))) {
        continue;
      }
      const decl = ssl.declarations.find((d) => model.isLocal(d.uri))!;
      const unsure = model.isFragment || !model.complete;
      known ??= model.ids('keyStore').filter((id) => !isBuiltInId('keyStore', id));
      report({
        message:
          `${describe(ssl)} has no keyStoreRef and no nested <keyStore>: Liberty requires a key store for every SSL configuration other than defaultSSLConfig and cannot create this one` +
          `${unsure ? ' (unless a file not read here gives it a keyStoreRef)' : ''}. ` +
          `Add keyStoreRef="${known.length === 1 ? known[0] : 'defaultKeyStore'}"${known.length > 1 ? ` (or another of ${quotedIds(known)})` : ''} or nest a <keyStore> in it.`,
        range: decl.nameRange,
        ...(unsure ? { severity: 'information' as Severity } : {}),
      });
    }
  },
};

// liberty/keystore-without-id — evidence: liberty-reference §13 LIB-TLS-017 and §3 (S-DOC-TRB: the
// troubleshooting guide reports an FFDC, IllegalArgumentException "missing id field", for a key
// store element without id; the schema's default id makes it look optional, hence a warning). A
// keyStore or trustStore nested in <ssl> needs no id — Liberty links it to its parent — so only
// top-level keyStore elements are held to it.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';

export const keystoreWithoutId: RuleModule<LibertyModel> = {
  id: 'liberty/keystore-without-id',
  href: libertyRuleHref('LIB-TLS-017'),
  check(model, report) {
    for (const ks of model.local('keyStore')) {
      if (!ks.idGenerated || ks.parent) {
        continue;
      }
      for (const decl of ks.declarations.filter((d) => model.isLocal(d.uri))) {
        report({
          message:
            'This keyStore has no id: Liberty records a "missing id field" failure (FFDC) for it, and no ssl keyStoreRef or trustStoreRef can name it. ' +
            'Give it an id (id="defaultKeyStore" to configure the default key store) and name that id in the ssl element that uses it.',
          range: decl.nameRange,
        });
      }
    }
  },
};

// liberty/encryption-key-in-config — evidence: liberty-reference §13 LIB-TLS-023, §10
// (S-DOC-PWENC: the {aes} key comes from the variable wlp.password.encryption.key; keep it in a
// separate include outside the configuration directory). Written in server.xml itself, the key
// travels with the file every {aes} password in it is encrypted with, which makes the encryption
// moot for anyone who can read the file. Fires on a <variable> of that name in a document named
// server.xml; an include (the recommended place) is quiet. The key is never echoed.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { basename, uriToPath } from '../variables';
import { attrOf } from '../xml';

const KEY_VARIABLE = 'wlp.password.encryption.key';

export const encryptionKeyInConfig: RuleModule<LibertyModel> = {
  id: 'liberty/encryption-key-in-config',
  href: libertyRuleHref('LIB-TLS-023'),
  check(model, report) {
    const path = uriToPath(model.documentUri);
    if (path === undefined || basename(path).toLowerCase() !== 'server.xml') {
      return;
    }
    for (const el of model.document.root?.children ?? []) {
      const name = el.name === 'variable' && el.complete ? attrOf(el, 'name') : undefined;
      if (name?.value.trim() !== KEY_VARIABLE) {
        continue;
      }
      const value = attrOf(el, 'value') ?? attrOf(el, 'defaultValue');
      if (value && value.value.includes('${')) {
        continue; // the key itself comes from elsewhere (an environment variable): nothing stored here
      }
      report({
        message:
          `The AES key for {aes} passwords (${KEY_VARIABLE}) is defined in server.xml, next to the passwords it protects: ` +
          'anyone who can read this file can decrypt them. Move the <variable> into a separate include file outside the ' +
          'configuration directory, readable only by the server, and <include> it.',
        range: name.valueRange,
      });
    }
  },
};

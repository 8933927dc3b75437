// liberty/password — evidence: liberty-reference §13 LIB-TLS-005 and §10 (S-DOC-ENC, S-DOC-PWENC,
// S-DOC-HARD, STIG V-250336, S-WSKS). The password-typed attributes are the reference's
// (passwordAttributes: keyStore@password, keyEntry@keyPassword) and the encodings its table
// (passwordEncodingOf): plain text is a warning, {xor} is only obfuscation (information: the STIG
// counts it), {hash} cannot be decrypted so a key store cannot open with it (error); {aes},
// {custom…} and ${…} are what the guidance asks for. Guards (reference, SOURCES.md): a SAF key
// ring's password is not a secret (Liberty ignores it; `password="password"` is conventional), an
// empty value stores nothing, `{{ }}` templates are unresolved values the model never lets us judge,
// and a substitution token a build script replaces (`REPLACE` in OpenLiberty ci.docker's key store
// snippet) is a placeholder, not the password. The value is never echoed: passwordMask shows kind
// and length only.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import { passwordEncodingOf } from '../../knowledge/libertyKeywords';
import { passwordAttributes, passwordMask } from '../../knowledge/libertyInfo';
import type { ConfigElement, LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, keyStoreKind } from './helpers';

const ATTRIBUTES = passwordAttributes();

/**
 * A token a build or install script substitutes: `REPLACE`/`CHANGEME`-style words, an UPPER_SNAKE
 * name (`PWD_TRUST`), or a value wrapped in <…>, @…@ or %…% as templating tools write them.
 */
const PLACEHOLDER =
  /^(?:REPLACE(?:_?ME)?|CHANGE_?ME|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|<[^<>]+>|@[\w.-]+@|%[\w.-]+%)$/;

const ADVICE =
  'Store it AES-encoded (securityUtility encode --encoding=aes) or move it out of the file into a variable (password="${env.KEYSTORE_PASSWORD}" with the value in server.env, or a variable from bootstrap.properties).';

export const password: RuleModule<LibertyModel> = {
  id: 'liberty/password',
  href: libertyRuleHref('LIB-TLS-005'),
  check(model, report) {
    for (const { element, attribute } of ATTRIBUTES) {
      for (const el of model.elements(element)) {
        const a = el.attr(attribute);
        if (!model.reportable(a) || onKeyring(el)) {
          continue;
        }
        const value = a.resolved.trim();
        if (value === '' || PLACEHOLDER.test(value)) {
          continue;
        }
        // A ${variable} is the recommended indirection: only a {hash} it stands for is still wrong.
        const indirect = passwordEncodingOf(a.value).encoding === '${...}';
        const { encoding, def } = passwordEncodingOf(value);
        const what = `${describe(el)} ${attribute} (${passwordMask(a.resolved)}${a.value !== a.resolved ? `, ${viaVariable(a.value)}` : ''})`;
        if (encoding === 'plain' && !indirect) {
          report({
            message: `${what} is stored in plain text: anyone who can read the configuration can read it (STIG V-250336). ${ADVICE}`,
            range: a.valueRange,
          });
        } else if (encoding === '{xor}' && !indirect) {
          report({
            message: `${what} is only {xor}-encoded: that is obfuscation anyone can reverse, which STIG V-250336 still counts as a clear-text password. Prefer {aes} (securityUtility encode --encoding=aes) or a \${variable} defined outside server.xml.`,
            range: a.valueRange,
            severity: 'information' as Severity,
          });
        } else if (def && !def.keyStoreOk) {
          report({
            message: `${what} is ${encoding}-encoded: a one-way hash (${def.notes ?? def.strength}) cannot be turned back into the password Liberty needs to open the key store, so it will not load. Encode it with securityUtility encode --encoding=aes (or xor) instead, or use a \${variable}.`,
            range: a.valueRange,
            severity: 'error' as Severity,
          });
        }
      }
    }
  },
};

/** The key store this password opens is a SAF key ring (for keyEntry: its enclosing key store). */
function onKeyring(el: ConfigElement): boolean {
  for (let e: ConfigElement | undefined = el; e; e = e.parent) {
    if (e.name === 'keyStore') {
      return keyStoreKind(e) === 'keyring';
    }
  }
  return false;
}

/** Where a substituted value came from, naming the variable only (a literal part could be secret). */
function viaVariable(written: string): string {
  return /^\$\{[^}]*\}$/.test(written.trim()) ? `from ${written.trim()}` : 'after variable substitution';
}

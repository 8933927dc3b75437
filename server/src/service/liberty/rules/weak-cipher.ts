// liberty/weak-cipher — evidence: liberty-reference §13 LIB-TLS-009 (S-STIG V-250347: no EXPORT
// suite; S-CONST: the substrings Liberty's own securityLevel filter excludes), §8. The weak name
// parts come from the reference's cipher table through classifyCipher (the hover uses the same
// table): EXPORT, NULL and anon suites give no real encryption or no authentication (error);
// RC4, DES, 3DES, MD5 and KRB5 suites are broken or retired (warning). The reference's "info"
// entries (CBC with SHA-1, static RSA, ChaCha20 under FIPS) are not in the rules.md row and are
// left to the hover. One finding per weak suite, on its name, so each can be removed on its own.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import { classifyCipher, splitCipherList } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { describe, valueSubRange } from './helpers';
import { libertyRuleHref } from './href';

export const weakCipher: RuleModule<LibertyModel> = {
  id: 'liberty/weak-cipher',
  href: libertyRuleHref('LIB-TLS-009'),
  check(model, report) {
    for (const el of model.elements('ssl')) {
      const a = el.attr('enabledCiphers');
      if (!model.reportable(a)) {
        continue;
      }
      for (const { name, offset } of splitCipherList(a.resolved).names) {
        const weak = classifyCipher(name).filter((w) => w.severity !== 'info');
        if (weak.length === 0) {
          continue;
        }
        const error = weak.some((w) => w.severity === 'error');
        const parts = weak.map((w) => w.pattern.replace(/^_+|_+$/g, '')).join(', ');
        report({
          message:
            `Cipher suite ${name} in enabledCiphers of ${describe(el)} is weak (${parts}): ` +
            (error
              ? 'it gives no real encryption or no authentication of the peer (STIG V-250347 forbids EXPORT suites). '
              : 'its cipher or hash is broken or retired. ') +
            'Remove it from the list; keep ECDHE suites with AES-GCM (TLS_ECDHE_…_WITH_AES_256_GCM_SHA384) and the TLS 1.3 suites.',
          range: valueSubRange(model, a, offset, name.length),
          ...(error ? { severity: 'error' as Severity } : {}),
        });
      }
    }
  },
};

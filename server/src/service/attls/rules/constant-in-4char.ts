// attls/constant-in-4char — evidence: attls-reference §4.10, §7 rule 15 [S29]: IBM support says a
// cipher constant on V3CipherSuites4Char is invalid and led to unexpected cipher selection; real
// case: Colin Paice's PAGENTTN (`V3CipherSuites4Char TLS_CHACHA20_POLY1305_SHA256`).
import type { RuleModule } from '../../rules';
import type { Fix } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { cipherParmsBlocks, entryRange } from './cipherLists';
import { expandCiphers } from '../model';

export const constantIn4char: RuleModule<AttlsModel> = {
  id: 'attls/constant-in-4char',
  href: sourceUrl('S29')!,
  check(model, report) {
    for (const block of cipherParmsBlocks(model)) {
      for (const e of expandCiphers([block])) {
        if (e.problem !== 'constant-in-4char') {
          continue;
        }
        const fixes: Fix[] = [];
        if (e.suite) {
          const code = e.suite.hex4.toUpperCase();
          fixes.push({
            title: `Replace ${e.suite.name} by its 4-character code ${code}`,
            edits: [{ range: entryRange(e), newText: code }],
            isPreferred: true,
          });
          if (e.param.values.length === 1) {
            fixes.push({
              title: 'Write the constant on V3CipherSuites instead',
              edits: [{ range: e.param.keyword.range, newText: 'V3CipherSuites' }],
            });
          }
        }
        report({
          message: e.suite
            ? `V3CipherSuites4Char takes 4-character hex codes, not cipher constants (IBM: a constant here is invalid ` +
              `and led to unexpected cipher selection). Write ${e.suite.name} as ${e.suite.hex4.toUpperCase()}, ` +
              'or put the constant on a V3CipherSuites line.'
            : `'${e.token.text}' is not a 4-character hex code, and V3CipherSuites4Char takes only those; it is not a ` +
              "cipher constant zos-tls knows either. Replace it by the suite's 4-character code.",
          range: entryRange(e),
          ...(fixes.length ? { fixes } : {}),
        });
      }
    }
  },
};

// attls/weak-cipher — evidence: attls-reference §4.10, §5.6, §7 rule 14 [S30][S36]: NULL, EXPORT,
// anon, RC4, RC2, DES, 3DES and MD5 suites (the 'insecure' and 'weak' classes of the suite table);
// RC2, RC4, DES and MD5 are not even available in FIPS mode. Any V2CipherSuites line offers SSLv2
// suites, and SSLv2 itself is obsolete.
import type { RuleModule } from '../../rules';
import type { CipherSuiteDef } from '../../knowledge/attlsKeywords';
import { V2_CIPHER_SUITES, sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import {
  blockEntries,
  cipherParmsBlocks,
  deleteEntry,
  describeSuite,
  entryRange,
  insideFourChar,
  isKeyword,
} from './cipherLists';
import { deleteParam } from './protocolScope';

const WEAK_PARTS: readonly [RegExp, string][] = [
  [/_NULL_|WITH_NULL/, 'no encryption (NULL)'],
  [/EXPORT/, 'export-grade (40-bit) keys'],
  [/_anon_/i, 'no server authentication (anonymous key exchange)'],
  [/RC4/, 'the broken RC4 stream cipher'],
  [/RC2/, 'the obsolete RC2 cipher'],
  [/3DES|DES_192_EDE3/, '3DES, a 64-bit block cipher (Sweet32)'],
  [/_DES_/, 'single DES (56-bit keys)'],
  [/MD5/, 'MD5'],
];

// 90 suites, but a large policy names them hundreds of thousands of times: judge each suite once.
const judged = new Map<CipherSuiteDef, string | undefined>();

function weakness(suite: CipherSuiteDef): string | undefined {
  if (!judged.has(suite)) {
    judged.set(suite, judge(suite));
  }
  return judged.get(suite);
}

function judge(suite: CipherSuiteDef): string | undefined {
  const name = suite.name.toUpperCase();
  const parts = WEAK_PARTS.filter(([re]) => re.test(name)).map(([, why]) => why);
  if (parts.length) {
    return parts.join(', ');
  }
  return suite.class === 'insecure' || suite.class === 'weak' ? `a suite rated ${suite.class}` : undefined;
}

export const weakCipher: RuleModule<AttlsModel> = {
  id: 'attls/weak-cipher',
  href: sourceUrl('S36')!,
  check(model, report) {
    for (const block of cipherParmsBlocks(model)) {
      const { entries, hits } = blockEntries(block);
      for (const e of entries) {
        // A 4-character code misread as two 2-character codes is attls/ecc-suite-2char's finding;
        // its fix removes the misread suites too.
        if (!e.suite || insideFourChar(e, hits)) {
          continue;
        }
        const why = weakness(e.suite);
        if (!why) {
          continue;
        }
        report({
          message:
            `${describeSuite(e.suite)} uses ${why}, which does not adequately protect a connection that ` +
            'negotiates it. Remove it from the cipher list.',
          range: entryRange(e),
          fixes: [
            {
              title: `Remove ${e.suite.name} from the list`,
              edits: [deleteEntry(model, e)],
              isPreferred: true,
            },
          ],
        });
      }
      for (const c of block.children) {
        if (c.kind !== 'param' || !isKeyword(c, 'V2CipherSuites')) {
          continue;
        }
        const names = c.values
          .map((v) => V2_CIPHER_SUITES.find((s) => s.name.toUpperCase() === v.text.toUpperCase())?.name)
          .filter((n): n is string => !!n);
        report({
          message:
            `V2CipherSuites lists SSL V2 cipher specs${names.length ? ` (${names.join(', ')})` : ''}: SSLv2 is obsolete ` +
            'and its suites use RC4, RC2, DES or MD5. Delete the line (and keep SSLv2 Off).',
          range: c.range,
          fixes: [
            { title: 'Delete the V2CipherSuites line', edits: [deleteParam(model, c)], isPreferred: true },
          ],
        });
      }
    }
  },
};

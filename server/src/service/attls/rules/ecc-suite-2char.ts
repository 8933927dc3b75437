// attls/ecc-suite-2char — evidence: attls-reference §4.10, §7 rule 17 [S7]: C0xx, CCxx and 13xx
// suites have no 2-character code; V3CipherSuites reads its hex string two characters at a time
// (the low byte of a 00xx suite), so a 4-character code there becomes two other suites.
import type { RuleModule } from '../../rules';
import type { Fix } from '../../types';
import { cipherByCode, sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { cipherParmsBlocks, entryRange, fourCharOn2Char } from './cipherLists';

function readAs(code: string): string {
  const halves = [code.slice(0, 2), code.slice(2, 4)];
  const known = halves
    .map((h) => ({ h, suite: cipherByCode('00' + h) }))
    .filter((x) => x.suite)
    .map((x) => `'${x.h}' as ${x.suite!.name}`);
  return (
    `System SSL reads it as the 2-character codes '${halves[0]}' and '${halves[1]}'` +
    (known.length ? ` (${known.join(', ')})` : '')
  );
}

export const eccSuite2char: RuleModule<AttlsModel> = {
  id: 'attls/ecc-suite-2char',
  href: sourceUrl('S7')!,
  check(model, report) {
    for (const block of cipherParmsBlocks(model)) {
      for (const c of block.children) {
        if (c.kind !== 'param') {
          continue;
        }
        for (const hit of fourCharOn2Char(c)) {
          const t = hit.token.text;
          const code = t.slice(hit.start, hit.end).toUpperCase();
          const all4 =
            t.length % 4 === 0 &&
            Array.from({ length: t.length / 4 }, (_, i) => t.slice(4 * i, 4 * i + 4)).every(
              (piece) => !!cipherByCode(piece),
            );
          const fixes: Fix[] = [];
          if (all4 && c.values.length === 1) {
            fixes.push({
              title: 'Write the line as V3CipherSuites4Char (4-character codes)',
              edits: [{ range: c.keyword.range, newText: 'V3CipherSuites4Char' }],
              isPreferred: true,
            });
          }
          if (t.length === 4 && c.values.length === 1) {
            fixes.push({
              title: `Replace ${code} by the constant ${hit.suite.name}`,
              edits: [{ range: hit.token.range, newText: hit.suite.name }],
            });
          }
          report({
            message:
              `'${code}' is the 4-character code of ${hit.suite.name}, but V3CipherSuites takes 2-character codes: ` +
              `${readAs(code)}. Write it on V3CipherSuites4Char, or as the constant ${hit.suite.name} on V3CipherSuites.`,
            range: entryRange(hit),
            ...(fixes.length ? { fixes } : {}),
          });
        }
      }
    }
  },
};

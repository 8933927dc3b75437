// attls/malformed-cipher-string — evidence: attls-reference §2 (one value per parameter line),
// §4.10, §7 rule 16 [S7]: V3CipherSuites takes one constant or a string of 2-hex-character codes,
// V3CipherSuites4Char a string of 4-hex-character codes. Real case: Colin Paice's PAGENTTN
// `V3CipherSuites4Char TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 C02`.
import type { RuleModule } from '../../rules';
import type { Fix, TextEdit } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel, CipherEntry } from '../model';
import { expandCipherParam } from '../model';
import type { ParamNode, Token } from '../parser';
import {
  cipherParmsBlocks,
  deleteToken,
  entryRange,
  fourCharOn2Char,
  insideFourChar,
  isKeyword,
} from './cipherLists';
import { childIndent } from './protocolScope';

function problemText(e: CipherEntry, four: boolean): string | undefined {
  const unit = four ? '4' : '2';
  switch (e.problem) {
    case 'odd-length':
      return `'${e.token.text}' has ${e.token.text.length} characters, not a multiple of ${unit}: ${e.param.keyword.text} reads ${unit}-character codes`;
    case 'non-hex':
      return `'${e.token.text}' is neither a cipher constant nor a hex string`;
    case 'unknown-constant':
      return `'${e.token.text}' is not a cipher constant zos-tls knows, nor a hex string`;
    case 'unknown-code':
      return (
        `'${e.token.text.slice(e.start, e.end)}' (${e.code}) is not among the System SSL cipher suites in zos-tls's ` +
        'reference table (if your System SSL level documents it, switch this check off for the line)'
      );
    default:
      return undefined;
  }
}

/** Moves an extra value to a line of its own (the same parameter may repeat; values concatenate). */
function moveToOwnLine(model: AttlsModel, p: ParamNode, token: Token): TextEdit {
  const i = p.values.indexOf(token);
  const prev = p.values[i - 1].range.end;
  const parent = p.parent;
  const indent = parent ? childIndent(model, parent) : '';
  return {
    range: { start: prev, end: token.range.end },
    newText: `\n${indent}${p.keyword.text} ${token.text}`,
  };
}

export const malformedCipherString: RuleModule<AttlsModel> = {
  id: 'attls/malformed-cipher-string',
  href: sourceUrl('S7')!,
  check(model, report) {
    for (const block of cipherParmsBlocks(model)) {
      for (const p of block.children) {
        if (p.kind !== 'param' || !(isKeyword(p, 'V3CipherSuites') || isKeyword(p, 'V3CipherSuites4Char'))) {
          continue;
        }
        const four = isKeyword(p, 'V3CipherSuites4Char');
        const hits = fourCharOn2Char(p);
        const entries = expandCipherParam(p);
        p.values.forEach((token, index) => {
          const mine = entries.filter((e) => e.token === token && !insideFourChar(e, hits));
          const problems = mine.map((e) => ({ e, text: problemText(e, four) })).filter((x) => x.text);
          if (index === 0) {
            for (const { e, text } of problems) {
              report({
                message: `${text}. Fix the code or remove it from the list.`,
                range: entryRange(e),
                ...(e.start === 0 && e.end === token.text.length
                  ? { fixes: [{ title: `Remove '${token.text}'`, edits: [deleteToken(model, p, token)] }] }
                  : {}),
              });
            }
            return;
          }
          // A second value on the line. A constant among them is also attls/constant-in-4char's finding.
          const valid = !problems.length && !mine.some((e) => e.problem);
          const fixes: Fix[] = valid
            ? [
                {
                  title: `Move '${token.text}' to its own ${p.keyword.text} line`,
                  edits: [moveToOwnLine(model, p, token)],
                  isPreferred: true,
                },
              ]
            : [{ title: `Remove '${token.text}'`, edits: [deleteToken(model, p, token)], isPreferred: true }];
          report({
            message:
              `'${token.text}' is an extra value: a ${p.keyword.text} line takes one value` +
              (four
                ? ' (one string of 4-character codes, no blanks)'
                : ' (one constant, or one string of 2-character codes, no blanks)') +
              `, and how Policy Agent treats the rest of the line is not documented` +
              (problems.length ? `; besides, ${problems.map((x) => x.text).join('; ')}` : '') +
              `. ${valid ? `Put it on its own ${p.keyword.text} line` : 'Remove it or correct it'}.`,
            range: token.range,
            fixes,
          });
        });
      }
    }
  },
};

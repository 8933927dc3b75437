// Helpers shared by the cipher rules: where an entry of a cipher string sits, how to remove it,
// and which 4-character codes were written on V3CipherSuites (attls-reference §4.10).
import type { Range, TextEdit } from '../../types';
import type { CipherSuiteDef } from '../../knowledge/attlsKeywords';
import { cipherByCode } from '../../knowledge/attlsKeywords';
import type { AttlsModel, CipherEntry } from '../model';
import { expandCiphers } from '../model';
import type { BlockNode, ParamNode, Token } from '../parser';
import { blocksOf, deleteParam } from './protocolScope';

/** The exact characters of one entry (a whole constant, or one code inside a hex string). */
export function entryRange(e: { token: Token; start: number; end: number }): Range {
  const s = e.token.range.start;
  return {
    start: { line: s.line, character: s.character + e.start },
    end: { line: s.line, character: s.character + e.end },
  };
}

/** Removes one value token from a parameter line, with the blank before it. */
export function deleteToken(model: AttlsModel, p: ParamNode, token: Token): TextEdit {
  if (p.values.length === 1) {
    return deleteParam(model, p);
  }
  const i = p.values.indexOf(token);
  const prev = i > 0 ? p.values[i - 1].range.end : p.keyword.range.end;
  return { range: { start: prev, end: token.range.end }, newText: '' };
}

/** Removes one entry: the line when it is the whole value, else its characters in the hex string. */
export function deleteEntry(model: AttlsModel, e: CipherEntry): TextEdit {
  if (e.start === 0 && e.end === e.token.text.length) {
    return deleteToken(model, e.param, e.token);
  }
  return { range: entryRange(e), newText: '' };
}

/** Every TTLSCipherParms block of the file, global or inline, in file order. */
export function cipherParmsBlocks(model: AttlsModel): readonly BlockNode[] {
  return blocksOf(model, 'TTLSCipherParms');
}

export function isKeyword(p: ParamNode, keyword: string): boolean {
  return p.key === keyword.toLowerCase();
}

export interface FourCharOn2Char {
  param: ParamNode;
  token: Token;
  start: number;
  end: number;
  suite: CipherSuiteDef;
}

const HEX = /^[0-9A-Fa-f]+$/;

/**
 * 4-character codes written in a V3CipherSuites hex string, which System SSL reads as 2-character
 * codes (the low byte of a 00xx suite). C0xx and CCxx are certain: 'C0' and 'CC' are no 2-character
 * code at all. 13xx is taken only where the string splits evenly into 4-character codes, because
 * '13' alone is a real 2-character code (0013).
 */
export function fourCharOn2Char(p: ParamNode): FourCharOn2Char[] {
  const out: FourCharOn2Char[] = [];
  if (!isKeyword(p, 'V3CipherSuites')) {
    return out;
  }
  for (const token of p.values) {
    const t = token.text;
    if (!HEX.test(t) || t.length < 4 || t.length % 2 !== 0) {
      continue;
    }
    let i = 0;
    while (i + 4 <= t.length) {
      const piece = t.slice(i, i + 4).toUpperCase();
      const suite = cipherByCode(piece);
      const certain = /^(C0|CC)/.test(piece);
      const aligned = piece.startsWith('13') && i % 4 === 0 && t.length % 4 === 0;
      if (suite && (certain || aligned)) {
        out.push({ param: p, token, start: i, end: i + 4, suite });
        i += 4;
      } else {
        i += 2;
      }
    }
  }
  return out;
}

/** True when a 2-character entry lies inside a 4-character code found by fourCharOn2Char. */
export function insideFourChar(e: CipherEntry, hits: readonly FourCharOn2Char[]): boolean {
  return e.form === 'hex2' && hits.some((h) => h.token === e.token && e.start >= h.start && e.end <= h.end);
}

/** Entries of one block together with the 4-character-on-2-character hits of its lines. */
export function blockEntries(block: BlockNode): { entries: CipherEntry[]; hits: FourCharOn2Char[] } {
  const hits: FourCharOn2Char[] = [];
  for (const c of block.children) {
    if (c.kind === 'param') {
      hits.push(...fourCharOn2Char(c));
    }
  }
  return { entries: expandCiphers([block]), hits };
}

export function isChaCha20(suite: CipherSuiteDef | undefined): boolean {
  return !!suite && /CHACHA20/i.test(suite.name);
}

export function isTls13Suite(e: CipherEntry): boolean {
  return !!e.suite && !e.problem && e.suite.protocols.includes('TLSv1.3');
}

export function describeSuite(suite: CipherSuiteDef): string {
  return `${suite.name} (${suite.hex4.toUpperCase()})`;
}

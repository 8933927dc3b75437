// "What is at this position" for completion and navigation. Completion works on the raw line
// tokens (the user is typing, so the tree may not yet hold what is on the line), navigation on
// the parsed nodes, whose token ranges are exact.
import type { Position, Range } from '../types';
import type { AttlsModel, RefResolution } from './model';
import type { AttlsNode, BlockNode, ParamNode, Token } from './parser';
import { tokenizeLine, walk } from './parser';

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Inclusive at both ends: a cursor just after the last character is still "on" the token. */
export function tokenContains(t: Token, pos: Position): boolean {
  return comparePos(t.range.start, pos) <= 0 && comparePos(pos, t.range.end) <= 0;
}

/**
 * The innermost block whose braces enclose `pos` (strictly after its `{`, at or before its `}`).
 * A block left open by the parser ends where the parser ended it (range.end).
 */
export function enclosingBlock(nodes: readonly AttlsNode[], pos: Position): BlockNode | undefined {
  for (const n of nodes) {
    if (n.kind !== 'block') {
      continue;
    }
    if (comparePos(n.open.range.end, pos) > 0) {
      continue;
    }
    const end = n.close ? n.close.range.start : n.range.end;
    if (comparePos(pos, end) > 0) {
      continue;
    }
    return enclosingBlock(n.children, pos) ?? n;
  }
  return undefined;
}

export interface LineContext {
  /** True when the cursor stands inside a `#` comment. */
  inComment: boolean;
  /** Tokens of the statement line before the cursor word (after the last brace before it). */
  before: Token[];
  /** The word under the cursor, if any (never a brace). */
  word: Token | undefined;
  /** What a completion replaces: the word under the cursor, or an empty range at the cursor. */
  replace: Range;
  /** The text of the word from its start up to the cursor. */
  typed: string;
}

export function lineContext(lineText: string, pos: Position): LineContext {
  const { tokens, comment } = tokenizeLine(lineText, pos.line);
  const ch = Math.max(0, Math.min(pos.character, lineText.length));
  const cursor = { line: pos.line, character: ch };
  const inComment = comment !== undefined && ch > comment.range.start.character;
  const word = tokens.find((t) => t.text !== '{' && t.text !== '}' && tokenContains(t, cursor));
  let before: Token[] = [];
  for (const t of tokens) {
    if (t === word || t.range.end.character > ch) {
      break;
    }
    if (t.text === '{' || t.text === '}') {
      // Only the tokens after the last brace belong to the statement the cursor is in.
      before = [];
    } else {
      before.push(t);
    }
  }
  return {
    inComment,
    before,
    word,
    replace: word ? word.range : { start: cursor, end: cursor },
    typed: word ? word.text.slice(0, ch - word.range.start.character) : '',
  };
}

/** A name that navigation understands: a statement's own name or the value of a Ref parameter. */
export type NameTarget =
  | { kind: 'declaration'; block: BlockNode; token: Token; type: string; name: string; global: boolean }
  | { kind: 'ref'; param: ParamNode; token: Token; resolution: RefResolution; type: string; name: string };

export function nameAt(model: AttlsModel, pos: Position): NameTarget | undefined {
  for (const n of walk(model.doc.nodes)) {
    if (n.range.start.line > pos.line) {
      // Nodes come in file order: nothing further down can hold the position.
      break;
    }
    if (n.kind === 'block') {
      if (n.name && n.statement && tokenContains(n.name, pos)) {
        return {
          kind: 'declaration',
          block: n,
          token: n.name,
          type: n.statement,
          name: n.name.text,
          global: n.parent === undefined,
        };
      }
    } else {
      const v = n.values[0];
      const resolution = v ? model.refs.get(n) : undefined;
      if (v && resolution && tokenContains(v, pos)) {
        return { kind: 'ref', param: n, token: v, resolution, type: resolution.targetType, name: v.text };
      }
    }
  }
  return undefined;
}

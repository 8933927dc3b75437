// "What is at this position" for the RACF editor features. Every carrier reduces to command
// streams and every node of the TSO tree keeps an exact document range, so hover, completion and
// navigation read the parsed tree; only completion also needs to know where the user is about to
// type (a blank line of a stream, the inside of a subfield still open) and uses the stream segments.
import type { Position, Range } from '../types';
import type { Operand, QuotedValue, TsoCommand, TsoComment, Value, Word, WordValue } from './ast';
import type { NameRef, RacfModel, RacfOwner } from './model';
import { sameOwner } from './model';
import type { CommandStream, Segment } from './source';
import { matchKeyword, parseRdatalibProfile } from '../knowledge/racfKeywords';
import { parseCommands } from './tso';
import type { RacdcertCall } from './rules/commandHelpers';
import { nested, ownerOf, racdcertCall, singleValue, top, valueText } from './rules/commandHelpers';
import { ownerKey } from './rules/crossHelpers';

export function comparePos(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Inclusive at both ends: a cursor just after the last character is still "on" the token. */
export function within(r: Range, pos: Position): boolean {
  return comparePos(r.start, pos) <= 0 && comparePos(pos, r.end) <= 0;
}

/** The command whose text (name to last token) holds `pos`. */
export function commandAt(model: RacfModel, pos: Position): TsoCommand | undefined {
  for (const c of model.commands) {
    if (pos.line < c.range.start.line || pos.line > c.range.end.line) {
      continue;
    }
    if (within(c.range, pos)) {
      return c;
    }
  }
  return undefined;
}

export interface SegmentHit {
  stream: CommandStream;
  index: number;
  segment: Segment;
}

/** The stream segment (the part of a line that carries command text) holding `pos`. */
export function segmentAt(model: RacfModel, pos: Position): SegmentHit | undefined {
  for (const stream of model.streams) {
    if (pos.line < stream.range.start.line || pos.line > stream.range.end.line) {
      continue;
    }
    const index = stream.segments.findIndex(
      (s) => s.line === pos.line && s.start <= pos.character && pos.character <= s.end,
    );
    if (index >= 0) {
      return { stream, index, segment: stream.segments[index] };
    }
  }
  return undefined;
}

/** The command a segment belongs to (its first line or a continuation of it). */
export function commandOfSegment(model: RacfModel, hit: SegmentHit): TsoCommand | undefined {
  return model.commands.find((c) => c.stream === hit.stream && c.segments.includes(hit.index));
}

export function inComment(comments: readonly TsoComment[], pos: Position): boolean {
  // A comment's own characters, not the position just before its `/*`.
  return comments.some((c) => comparePos(c.range.start, pos) < 0 && comparePos(pos, c.range.end) <= 0);
}

/** The operands of a subfield, including those recovered from after an early `)`. */
export function operandsIn(op: Operand): Operand[] {
  return op.values.filter((v): v is Operand => v.kind === 'operand');
}

/** The canonical keyword a written one stands for (abbreviations resolved), or undefined. */
export function canonicalKeyword(
  context: string,
  written: string,
  path: readonly string[],
): string | undefined {
  const m = matchKeyword(context, written, path);
  return m.kind === 'exact' || m.kind === 'abbreviation' ? m.def.name : undefined;
}

/**
 * Canonical names of the enclosing operands, the way keywordDef expects `within`: the function
 * operand by its function name (CONNECT(...) holds CONNECT's nested keywords), the others by the
 * keyword they abbreviate.
 */
export function pathNames(
  call: RacdcertCall | undefined,
  context: string,
  path: readonly Operand[],
): string[] {
  const names: string[] = [];
  for (const op of path) {
    const name =
      call && op === call.fnOperand ? call.fn.name : canonicalKeyword(context, op.keyword.upper, names);
    names.push(name ?? op.keyword.upper);
  }
  return names;
}

// ---------------------------------------------------------------------------------------------
// Hover and navigation: the node at a position

export type NodeHit =
  /** The keyword of an operand (top level or nested); `path` holds the enclosing operands. */
  | { kind: 'keyword'; op: Operand; path: Operand[] }
  /** A plain or quoted value inside a subfield; `path` ends with the operand that holds it. */
  | { kind: 'value'; value: WordValue | QuotedValue; path: Operand[] }
  /** A top-level quoted operand (PERMIT 'IRR.DIGTCERT.LIST'). */
  | { kind: 'quoted-operand'; op: Operand; value: QuotedValue; path: Operand[] };

/** The innermost node of a command at `pos`. Recovered operands are visited where the parser put them. */
export function nodeAt(cmd: TsoCommand, pos: Position): NodeHit | undefined {
  // One path stack, copied only for the hit: a command with thousands of operands would otherwise
  // allocate a path per operand on every hover.
  const path: Operand[] = [];
  const visit = (ops: readonly Value[]): NodeHit | undefined => {
    for (const v of ops) {
      if (v.kind !== 'operand') {
        if (within(v.range, pos)) {
          return { kind: 'value', value: v, path: [...path] };
        }
        continue;
      }
      if (v.quoted && within(v.quoted.range, pos)) {
        return { kind: 'quoted-operand', op: v, value: v.quoted, path: [...path] };
      }
      if (!v.quoted && v.keyword.text && within(v.keyword.range, pos)) {
        return { kind: 'keyword', op: v, path: [...path] };
      }
      if (v.values.length) {
        path.push(v);
        const inner = visit(v.values);
        path.pop();
        if (inner) {
          return inner;
        }
      }
    }
    return undefined;
  };
  return visit(cmd.operands);
}

// ---------------------------------------------------------------------------------------------
// Completion: where the user is typing

export type TypingContext =
  | { kind: 'none' }
  /** Where a command name goes: a blank stream line, or the command name being typed. */
  | { kind: 'command-name'; replace: Range; typed: string }
  | {
      kind: 'operand';
      command: TsoCommand;
      /** Subfields whose parentheses enclose the cursor, outermost first; empty at the top level. */
      path: Operand[];
      /** The keyword, word or quoted value under the cursor. */
      word?:
        | { kind: 'keyword'; op: Operand }
        | { kind: 'word'; value: WordValue }
        | { kind: 'quoted'; value: QuotedValue };
      replace: Range;
      typed: string;
    };

/** Subfields enclosing `pos`: after the `(`, at or before the `)`; an unclosed one runs to the command's end. */
function enclosingPath(cmd: TsoCommand, pos: Position): Operand[] {
  let best: Operand[] = [];
  // One path stack, copied only for a candidate (see nodeAt).
  const path: Operand[] = [];
  const visit = (ops: readonly Value[]): void => {
    for (const v of ops) {
      if (v.kind !== 'operand') {
        continue;
      }
      path.push(v);
      if (v.open && comparePos(v.open.end, pos) <= 0 && (!v.close || comparePos(pos, v.close.start) <= 0)) {
        // The innermost candidate is the one opened last.
        const last = best[best.length - 1];
        if (!last?.open || comparePos(last.open.end, v.open.end) < 0) {
          best = [...path];
        }
      }
      if (v.values.length) {
        visit(v.values);
      }
      path.pop();
    }
  };
  visit(cmd.operands);
  return best;
}

function wordUnder(
  values: readonly Value[],
  pos: Position,
): Extract<TypingContext, { kind: 'operand' }>['word'] {
  for (const v of values) {
    if (v.kind === 'word' && within(v.range, pos)) {
      return { kind: 'word', value: v };
    }
    if (v.kind === 'quoted' && comparePos(v.range.start, pos) < 0 && within(v.range, pos)) {
      return { kind: 'quoted', value: v };
    }
    if (v.kind === 'operand') {
      if (v.quoted && comparePos(v.quoted.range.start, pos) < 0 && within(v.quoted.range, pos)) {
        return { kind: 'quoted', value: v.quoted };
      }
      if (!v.quoted && v.keyword.text && within(v.keyword.range, pos)) {
        return { kind: 'keyword', op: v };
      }
    }
  }
  return undefined;
}

const empty = (pos: Position): Range => ({ start: pos, end: pos });

function typedPart(r: Range, text: string, pos: Position): string {
  return r.start.line === pos.line ? text.slice(0, Math.max(0, pos.character - r.start.character)) : '';
}

/** REXX: the cursor just after the opening quote of a new host command (`"RAC|`). */
const REXX_NEW_COMMAND = /^\s*(?:address\s+tso\s+)?["']([A-Za-z]*)$/i;

export function typingContext(model: RacfModel, pos: Position): TypingContext {
  const hit = segmentAt(model, pos);
  if (!hit) {
    if (model.language === 'rexx') {
      const before = model.source.lineText(pos.line).slice(0, pos.character);
      const m = REXX_NEW_COMMAND.exec(before);
      if (m) {
        const start = { line: pos.line, character: pos.character - m[1].length };
        return { kind: 'command-name', replace: { start, end: pos }, typed: m[1] };
      }
    }
    return { kind: 'none' };
  }
  const cmd = commandOfSegment(model, hit);
  const textBefore = hit.segment.text.slice(0, pos.character - hit.segment.start);
  if (!cmd) {
    // A blank stream line (or blanks before the cursor): a new command starts here. Text that is
    // not a command (a comment line) offers nothing.
    return textBefore.trim() === ''
      ? { kind: 'command-name', replace: empty(pos), typed: '' }
      : { kind: 'none' };
  }
  if (inComment(cmd.comments, pos)) {
    return { kind: 'none' };
  }
  const name: Word = cmd.name;
  if (comparePos(pos, name.range.end) <= 0) {
    if (comparePos(pos, name.range.start) < 0) {
      return { kind: 'none' };
    }
    return { kind: 'command-name', replace: name.range, typed: typedPart(name.range, name.text, pos) };
  }
  const path = enclosingPath(cmd, pos);
  const container = path[path.length - 1];
  const word = wordUnder(container ? container.values : cmd.operands, pos);
  let replace = empty(pos);
  let typed = '';
  if (word?.kind === 'keyword') {
    replace = word.op.keyword.range;
    typed = typedPart(replace, word.op.keyword.text, pos);
  } else if (word?.kind === 'word') {
    replace = word.value.range;
    typed = typedPart(replace, word.value.text, pos);
  } else if (word?.kind === 'quoted') {
    replace = word.value.range;
    typed = typedPart(replace, word.value.raw, pos);
  }
  return { kind: 'operand', command: cmd, path, word, replace, typed };
}

// ---------------------------------------------------------------------------------------------
// Comments anywhere in the document (IRRD message ids written in them)

// True when `pos` is inside a comment of the carrier: a JCL comment statement, a TSO or a REXX
// comment (slash-asterisk to asterisk-slash).
export function isCommentAt(model: RacfModel, pos: Position): boolean {
  const line = model.source.lineText(pos.line);
  if (model.language === 'jcl' && line.startsWith('//*')) {
    return true;
  }
  if (model.language === 'rexx') {
    return rexxCommentAt(model, pos);
  }
  // TSO comments: the parser knows them exactly (quotes, continuation); only the streams on this
  // line are parsed again, and only when the cursor is on a message id.
  for (const s of model.streams) {
    if (pos.line < s.range.start.line || pos.line > s.range.end.line) {
      continue;
    }
    if (!s.segments.some((g) => g.line === pos.line)) {
      continue;
    }
    if (inComment(parseCommands(s).comments, pos)) {
      return true;
    }
  }
  return false;
}

/** REXX comments nest and span lines; strings end at the end of their line. */
function rexxCommentAt(model: RacfModel, pos: Position): boolean {
  let depth = 0;
  for (let l = 0; l <= pos.line; l++) {
    const t = model.source.lineText(l);
    let quote: string | undefined;
    for (let i = 0; i < t.length; i++) {
      if (l === pos.line && i >= pos.character) {
        return depth > 0;
      }
      if (depth > 0) {
        if (t.startsWith('*/', i)) {
          depth--;
          i++;
        } else if (t.startsWith('/*', i)) {
          depth++;
          i++;
        }
      } else if (quote) {
        if (t[i] === quote) {
          quote = undefined;
        }
      } else if (t[i] === '"' || t[i] === "'") {
        quote = t[i];
      } else if (t.startsWith('/*', i)) {
        depth = 1;
        i++;
      }
    }
  }
  return depth > 0;
}

// ---------------------------------------------------------------------------------------------
// Labels and ring names: every place the document creates or uses one

export type NameKind = 'label' | 'ring';

export interface NameOccurrence {
  kind: NameKind;
  /** Whose certificate or ring the name means. */
  owner: RacfOwner;
  ref: NameRef;
  /** WITHLABEL, ALTER NEWLABEL, ADDRING: where the name comes into being. */
  declaration: boolean;
  command: TsoCommand;
  /** Position of the command among the RACF commands (document order). */
  index: number;
  /** How the command names it, for hovers ("CONNECT", "SIGNWITH", "RDATALIB profile"). */
  role: string;
}

/** RACDCERT functions whose LABEL(...) names a certificate (the *MAP functions label mappings). */
const CERT_LABEL_FUNCTIONS = new Set([
  'EXPORT',
  'LIST',
  'LISTCHAIN',
  'GENREQ',
  'ALTER',
  'ROLLOVER',
  'BIND',
  'DELETE',
  'REKEY',
]);

function ref(v: WordValue | QuotedValue): NameRef {
  return { text: valueText(v), symbolic: v.symbolic, range: v.range };
}

// Definition, references and name hovers ask for the occurrences on every request: they are
// collected once per model, with the lines they sit on and the names they share, so a request on
// a large job is a lookup instead of a walk over every command.
interface NameIndex {
  all: readonly NameOccurrence[];
  /** Occurrences by each line their range touches, in `all` order. */
  byLine: Map<number, NameOccurrence[]>;
  /** Non-symbolic occurrences by nameKey, in `all` order. */
  byName: Map<string, NameOccurrence[]>;
}

const NAME_INDEX = new WeakMap<RacfModel, NameIndex>();

/** Equal for the occurrences sameName calls the same (owners keyed as sameOwner compares them). */
function nameKey(o: NameOccurrence): string {
  return `${o.kind}\0${ownerKey(o.owner)}\0${o.ref.text}`;
}

function nameIndex(model: RacfModel): NameIndex {
  let index = NAME_INDEX.get(model);
  if (index) {
    return index;
  }
  const all = collectNameOccurrences(model);
  const byLine = new Map<number, NameOccurrence[]>();
  const byName = new Map<string, NameOccurrence[]>();
  const push = <K>(map: Map<K, NameOccurrence[]>, key: K, o: NameOccurrence): void => {
    const list = map.get(key);
    if (list) {
      list.push(o);
    } else {
      map.set(key, [o]);
    }
  };
  for (const o of all) {
    for (let l = o.ref.range.start.line; l <= o.ref.range.end.line; l++) {
      push(byLine, l, o);
    }
    if (!o.ref.symbolic) {
      push(byName, nameKey(o), o);
    }
  }
  index = { all, byLine, byName };
  NAME_INDEX.set(model, index);
  return index;
}

/** Every label and ring name of the document, in the order the model records them (read-only). */
export function nameOccurrences(model: RacfModel): readonly NameOccurrence[] {
  return nameIndex(model).all;
}

/** The occurrences `sameName` pairs with `o` (none for a symbolic name), in nameOccurrences order. */
export function sameNamed(model: RacfModel, o: NameOccurrence): readonly NameOccurrence[] {
  return o.ref.symbolic ? [] : (nameIndex(model).byName.get(nameKey(o)) ?? []);
}

function collectNameOccurrences(model: RacfModel): NameOccurrence[] {
  const out: NameOccurrence[] = [];
  const seen = new Set<string>();
  const add = (
    o: Omit<NameOccurrence, 'index' | 'command'> & { command: TsoCommand; index: number },
  ): void => {
    const key = `${o.kind}:${o.ref.range.start.line}:${o.ref.range.start.character}`;
    // LISTRING(*) names every ring of the owner, not a ring called '*'.
    if (!seen.has(key) && !(o.kind === 'ring' && o.ref.text === '*')) {
      seen.add(key);
      out.push(o);
    }
  };
  for (const e of model.effects) {
    const base = { command: e.command, index: e.index };
    switch (e.kind) {
      case 'certificate':
        if (e.label) {
          add({
            ...base,
            kind: 'label',
            owner: e.owner,
            ref: e.label,
            declaration: true,
            role: `${e.function} WITHLABEL`,
          });
        }
        if (e.signWith?.label) {
          add({
            ...base,
            kind: 'label',
            owner: e.signWith.owner,
            ref: e.signWith.label,
            declaration: false,
            role: 'SIGNWITH',
          });
        }
        if (e.from) {
          add({ ...base, kind: 'label', owner: e.owner, ref: e.from, declaration: false, role: 'REKEY' });
        }
        break;
      case 'relabel':
        if (e.from) {
          add({ ...base, kind: 'label', owner: e.owner, ref: e.from, declaration: false, role: 'ALTER' });
        }
        add({
          ...base,
          kind: 'label',
          owner: e.owner,
          ref: e.label,
          declaration: true,
          role: 'ALTER NEWLABEL',
        });
        break;
      case 'ring':
        if (e.name) {
          add({ ...base, kind: 'ring', owner: e.owner, ref: e.name, declaration: true, role: 'ADDRING' });
        }
        break;
      case 'connect':
      case 'remove': {
        const role = e.kind.toUpperCase();
        if (e.label && e.certOwner) {
          add({ ...base, kind: 'label', owner: e.certOwner, ref: e.label, declaration: false, role });
        }
        if (e.ring) {
          add({ ...base, kind: 'ring', owner: e.ringOwner, ref: e.ring, declaration: false, role });
        }
        break;
      }
      case 'delring':
      case 'listring':
        if (e.ring) {
          add({
            ...base,
            kind: 'ring',
            owner: e.ringOwner,
            ref: e.ring,
            declaration: false,
            role: e.kind.toUpperCase(),
          });
        }
        break;
      case 'delete':
        if (e.label) {
          add({ ...base, kind: 'label', owner: e.owner, ref: e.label, declaration: false, role: 'DELETE' });
        }
        break;
      case 'permit':
      case 'rdefine':
      case 'ralter':
      case 'rlist':
      case 'rdelete': {
        const ring = e.class === 'RDATALIB' && e.profile ? rdatalibRing(model, e.profile) : undefined;
        if (ring) {
          add({
            ...base,
            kind: 'ring',
            owner: ring.owner,
            ref: ring.ref,
            declaration: false,
            role: 'RDATALIB profile',
          });
        }
        break;
      }
      default:
        break;
    }
  }
  // Labels the model does not record as effects (EXPORT, LIST, GENREQ, ROLLOVER, …).
  model.racf.forEach((command, index) => {
    const call = racdcertCall(command);
    if (!call || !CERT_LABEL_FUNCTIONS.has(call.fn.name) || !call.fnOperand) {
      return;
    }
    const owner: RacfOwner = ownerOf(call);
    const label = nested(call.fn.name, call.fnOperand, [call.fn.name], 'LABEL');
    const v = label ? singleValue(label) : undefined;
    if (v) {
      add({ command, index, kind: 'label', owner, ref: ref(v), declaration: false, role: call.fn.name });
    }
    if (call.fn.name === 'ROLLOVER') {
      const nl = top(call, 'NEWLABEL');
      const nv = nl ? singleValue(nl) : undefined;
      if (nv) {
        add({
          command,
          index,
          kind: 'label',
          owner,
          ref: ref(nv),
          declaration: false,
          role: 'ROLLOVER NEWLABEL',
        });
      }
    }
  });
  return out;
}

/** The ring part of an RDATALIB `owner.ring.LST` profile, with its own range when written on one line. */
function rdatalibRing(model: RacfModel, profile: NameRef): { owner: RacfOwner; ref: NameRef } | undefined {
  const p = parseRdatalibProfile(profile.text);
  if (p.kind !== 'ring' || profile.symbolic || profile.range.start.line !== profile.range.end.line) {
    return undefined;
  }
  const written = model.source.getText(profile.range);
  const at = written.indexOf(`${p.owner}.${p.ring}.`);
  if (at < 0) {
    return undefined;
  }
  const start = profile.range.start.character + at + p.owner.length + 1;
  const line = profile.range.start.line;
  return {
    // RDATALIB matches the owner as written: a lower-case owner names no user (rdatalibMarkdown).
    owner: { kind: 'ID', id: p.owner, symbolic: false },
    ref: {
      text: p.ring,
      symbolic: false,
      range: { start: { line, character: start }, end: { line, character: start + p.ring.length } },
    },
  };
}

/** The label or ring name at `pos`. */
export function nameAt(model: RacfModel, pos: Position): NameOccurrence | undefined {
  return nameIndex(model)
    .byLine.get(pos.line)
    ?.find((o) => within(o.ref.range, pos));
}

/** Occurrences naming the same thing: same kind, same owner, the exact text (names are case-sensitive). */
export function sameName(a: NameOccurrence, b: NameOccurrence): boolean {
  return (
    a.kind === b.kind &&
    !a.ref.symbolic &&
    !b.ref.symbolic &&
    a.ref.text === b.ref.text &&
    sameOwner(a.owner, b.owner)
  );
}

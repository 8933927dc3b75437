// Shared by the per-command RACF rules: finding the RACDCERT function, owners, key type, sizes and
// dates in a parsed command, and the small text helpers (placeholders, suggestions, fixes) every
// rule needs. Keywords are resolved by TSO's unique-prefix rule, so a rule written for SIZE also
// reads `SI(2048)`; the abbreviation itself is racf/unknown-keyword's business.
import type { Fix, Range } from '../../types';
import type { Operand, QuotedValue, TsoCommand, Value, WordValue } from '../ast';
import type { KeyType, RacdcertFunctionDef } from '../../knowledge/racfKeywords';
import {
  RACDCERT_FUNCTIONS,
  keyTypeOf,
  matchKeyword,
  racdcertFunction,
  sourceUrl,
} from '../../knowledge/racfKeywords';
import { nearest } from '../../text/suggest';

export { nearest };

/** IBM's RACDCERT command page: the fallback link for RACF command findings. */
export const RACDCERT_URL =
  'https://www.ibm.com/docs/en/zos/3.1.0?topic=commands-racdcert-manage-racf-digital-certificates';

export function href(ids: string | undefined): string {
  return sourceUrl(ids) ?? sourceUrl('R2') ?? RACDCERT_URL;
}

/**
 * A keyword or value whose final text is unknown: JCL symbols (`&SYM.`), template placeholders
 * (`${…}`, `{zowe.…}`, `<data set name>`). The parser marks values; keywords carry no flag, so the
 * same test is applied to their text.
 */
export function isPlaceholderText(text: string): boolean {
  return text.includes('&') || text.includes('{') || text.includes('}') || /<[^<>]*>/.test(text);
}

export function isSymbolicValue(v: Value): boolean {
  return v.kind === 'operand' ? isPlaceholderText(v.keyword.text) : v.symbolic;
}

/** The nested operands of a subfield (keywords written inside its parentheses). */
export function operandsOf(op: Operand): Operand[] {
  return op.values.filter((v): v is Operand => v.kind === 'operand');
}

/** The plain value of a one-value subfield (SIZE(2048), DATE(2030-01-01), LABEL('x')). */
export function singleValue(op: Operand): WordValue | QuotedValue | undefined {
  const vals = op.values.filter((v): v is WordValue | QuotedValue => v.kind !== 'operand');
  return vals.length === 1 && op.values.length === 1 ? vals[0] : undefined;
}

export function valueText(v: WordValue | QuotedValue): string {
  return v.kind === 'word' ? v.text : v.value;
}

// ---------------------------------------------------------------------------------------------
// The RACDCERT function

export interface RacdcertCall {
  cmd: TsoCommand;
  fn: RacdcertFunctionDef;
  /** The operand naming the function; undefined when none is written (LIST is the default). */
  fnOperand?: Operand;
  /**
   * Top-level operands other than the function keyword, each with its canonical keyword, plus the
   * top-level keywords found inside a subfield that was never closed (`lifted`).
   */
  operands: { op: Operand; name?: string; lifted: boolean }[];
}

const FUNCTION_NAMES = [...RACDCERT_FUNCTIONS.keys()];

/**
 * The function a RACDCERT command performs: the operand that names a function exactly, else the one
 * that is a unique prefix of a function name (and of no keyword). Undefined when the command has
 * a placeholder where the function may be, so nothing is judged.
 */
export function racdcertCall(cmd: TsoCommand): RacdcertCall | undefined {
  if (cmd.canonicalName !== 'RACDCERT') {
    return undefined;
  }
  // Every rule asks for the same command's call: resolve its keywords once (a command with
  // thousands of operands would otherwise be resolved again by each rule).
  const cached = CALLS.get(cmd);
  if (cached && cached.operandCount === cmd.operands.length) {
    return cached.call;
  }
  const call = resolveCall(cmd);
  CALLS.set(cmd, { operandCount: cmd.operands.length, call });
  return call;
}

const CALLS = new WeakMap<TsoCommand, { operandCount: number; call: RacdcertCall | undefined }>();

function resolveCall(cmd: TsoCommand): RacdcertCall | undefined {
  const ops = [...cmd.operands, ...lifted(cmd.operands)];
  let fnOp = ops.find((o) => !o.quoted && racdcertFunction(o.keyword.upper) !== undefined);
  if (!fnOp) {
    fnOp = ops.find((o) => {
      if (o.quoted || !o.keyword.upper) {
        return false;
      }
      const fns = FUNCTION_NAMES.filter((f) => f.startsWith(o.keyword.upper));
      return fns.length === 1 && matchKeyword('LIST', o.keyword.upper).kind === 'unknown';
    });
  }
  if (!fnOp && ops.some((o) => isPlaceholderText(o.keyword.text))) {
    return undefined;
  }
  const fn = fnOp
    ? (racdcertFunction(fnOp.keyword.upper) ??
      racdcertFunction(FUNCTION_NAMES.find((f) => f.startsWith(fnOp!.keyword.upper))!)!)
    : racdcertFunction('LIST')!;
  const topLevel = new Set(cmd.operands);
  const names = new Map<string, string | undefined>();
  const nameOf = (upper: string): string | undefined => {
    if (!names.has(upper)) {
      const m = matchKeyword(fn.name, upper);
      names.set(upper, m.kind === 'exact' || m.kind === 'abbreviation' ? m.def.name : undefined);
    }
    return names.get(upper);
  };
  const operands = ops
    .filter((o) => o !== fnOp && (topLevel.has(o) || fn.keywords.has(o.keyword.upper)))
    .map((op) => {
      const name = op.quoted ? undefined : nameOf(op.keyword.upper);
      return { op, name, lifted: !topLevel.has(op) };
    });
  return { cmd, fn, fnOperand: fnOp, operands };
}

/** Keywords that are valid inside subfields too (owners, LABEL): never lifted out of one. */
const NESTABLE = new Set(['ID', 'SITE', 'CERTAUTH', 'LABEL']);
const TOP_KEYWORDS = new Set([...RACDCERT_FUNCTIONS.values()].flatMap((f) => [f.name, ...f.keywords.keys()]));

/**
 * Operands swallowed by a subfield that was never closed (`notafter(date(x)` followed by more, or
 * the cheat sheet's `SUBJECTDSN(` with no `)`): a keyword there that only exists at the top level
 * of RACDCERT was meant outside. racf/syntax reports the parenthesis; lifting them lets the other
 * rules still judge what the author wrote (the cheat sheet's NOTAFTER in the past).
 */
function lifted(operands: readonly Operand[]): Operand[] {
  const out: Operand[] = [];
  // Depth first, in writing order, without recursion: unclosed subfields can nest thousands deep.
  const stack: { values: readonly Value[]; next: number }[] = [];
  for (const op of operands) {
    if (!op.open || op.close) {
      continue;
    }
    stack.push({ values: op.values, next: 0 });
    while (stack.length) {
      const frame = stack[stack.length - 1];
      if (frame.next >= frame.values.length) {
        stack.pop();
        continue;
      }
      const v = frame.values[frame.next++];
      if (v.kind !== 'operand' || v.quoted) {
        continue;
      }
      if (TOP_KEYWORDS.has(v.keyword.upper) && !NESTABLE.has(v.keyword.upper)) {
        out.push(v);
      } else if (v.open && !v.close) {
        stack.push({ values: v.values, next: 0 });
      }
    }
  }
  return out;
}

/** A top-level operand by canonical keyword (abbreviations resolved). */
export function top(call: RacdcertCall, name: string): Operand | undefined {
  return call.operands.find((o) => o.name === name)?.op;
}

/** A nested operand by canonical keyword, resolved against the keywords valid inside `within`. */
export function nested(
  fn: string,
  parent: Operand,
  within: readonly string[],
  name: string,
): Operand | undefined {
  return operandsOf(parent).find((o) => {
    const m = matchKeyword(fn, o.keyword.upper, within);
    return (m.kind === 'exact' || m.kind === 'abbreviation') && m.def.name === name;
  });
}

/** Words written inside a subfield (flags such as CERTAUTH, DEFAULT, KEYUSAGE values). */
export function wordsOf(op: Operand): WordValue[] {
  return op.values.filter((v): v is WordValue => v.kind === 'word');
}

export type Owner =
  { kind: 'ID'; id: string; symbolic: boolean } | { kind: 'SITE' } | { kind: 'CERTAUTH' } | { kind: 'self' };

/** The owner a command's top-level ID(...)/SITE/CERTAUTH names (the issuer when none). */
export function ownerOf(call: RacdcertCall): Owner {
  for (const { op, name } of call.operands) {
    if (name === 'SITE' || name === 'CERTAUTH') {
      return { kind: name };
    }
    if (name === 'ID') {
      const v = singleValue(op);
      return v ? { kind: 'ID', id: valueText(v).toUpperCase(), symbolic: v.symbolic } : { kind: 'self' };
    }
  }
  return { kind: 'self' };
}

export function sameOwner(a: Owner, b: Owner): boolean {
  if (a.kind !== b.kind) {
    return false;
  }
  return a.kind !== 'ID' || (b.kind === 'ID' && a.id === b.id);
}

export function ownerText(o: Owner): string {
  return o.kind === 'ID' ? `ID(${o.id})` : o.kind === 'self' ? 'the issuing user' : o.kind;
}

// ---------------------------------------------------------------------------------------------
// Keys

export interface KeyChoice {
  type: KeyType;
  /** The key-type operand; undefined when none is written (an RSA key in the RACF database). */
  op?: Operand;
  /** The keyword as the reference names it (RSA, PCICC, ICSF, DSA, NISTECC, BPECC). */
  keyword: string;
  /** The private key is stored in the ICSF PKDS (RSA(PKDS), PCICC, ICSF, *ECC(PKDS)). */
  pkds: boolean;
}

const KEY_KEYWORDS = ['RSA', 'PCICC', 'ICSF', 'DSA', 'NISTECC', 'BPECC'];

/** The key a GENCERT/REKEY generates; undefined for FROMICSF or a request data set (no key made). */
export function keyChoice(call: RacdcertCall): KeyChoice | undefined {
  if (top(call, 'FROMICSF')) {
    return undefined;
  }
  const found = call.operands.find((o) => o.name !== undefined && KEY_KEYWORDS.includes(o.name));
  if (!found) {
    return { type: 'RSA', keyword: 'RSA', pkds: false };
  }
  const keyword = found.name!;
  const type = keyTypeOf(keyword)!;
  const pkds =
    keyword === 'PCICC' ||
    keyword === 'ICSF' ||
    (found.op.open !== undefined &&
      (operandsOf(found.op).some((o) => o.keyword.upper === 'PKDS') ||
        wordsOf(found.op).some((w) => w.upper === 'PKDS')));
  return { type, op: found.op, keyword, pkds };
}

export interface SizeValue {
  op: Operand;
  value?: WordValue;
  /** The decimal size; undefined when the value is missing, symbolic or not a number. */
  bits?: number;
}

export function sizeOf(call: RacdcertCall): SizeValue | undefined {
  const op = top(call, 'SIZE');
  if (!op) {
    return undefined;
  }
  const v = singleValue(op);
  const value = v?.kind === 'word' ? v : undefined;
  const bits = value && !value.symbolic && /^\d{1,6}$/.test(value.text) ? Number(value.text) : undefined;
  return { op, value, bits };
}

/** Functions that generate a key pair from these keywords. */
export function generatesKey(call: RacdcertCall): boolean {
  return call.fn.name === 'GENCERT' || call.fn.name === 'REKEY';
}

// ---------------------------------------------------------------------------------------------
// Dates

export interface DateValue {
  value: WordValue | QuotedValue;
  year: number;
  month: number;
  day: number;
  /** Written ccyy/mm/dd (IBM samples do; acceptance by RACF is unverified). */
  slash: boolean;
  /** The date exists in the calendar. */
  real: boolean;
}

/** Reads ccyy-mm-dd or ccyy/mm/dd; undefined for anything else (bad-value reports it). */
export function parseDate(value: WordValue | QuotedValue): DateValue | undefined {
  const m = /^(\d{4})([-/])(\d{2})\2(\d{2})$/.exec(valueText(value));
  if (!m) {
    return undefined;
  }
  const year = Number(m[1]);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const real = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  return { value, year, month, day, slash: m[2] === '/', real };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Seconds of a time of day written hh:mm:ss, or undefined. */
export function parseTime(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) {
    return undefined;
  }
  const [h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return h < 24 && mi < 60 && s < 60 ? h * 3600 + mi * 60 + s : undefined;
}

export interface Validity {
  /** NOTBEFORE / NOTAFTER subfield. */
  op: Operand;
  dateOp?: Operand;
  date?: DateValue;
  timeOp?: Operand;
  /** Seconds into the day, when a valid TIME is written. */
  time?: number;
  /** DATE or TIME holds a placeholder. */
  symbolic: boolean;
}

export function validityOf(call: RacdcertCall, which: 'NOTBEFORE' | 'NOTAFTER'): Validity | undefined {
  const op = top(call, which);
  if (!op) {
    return undefined;
  }
  const fn = call.fn.name;
  const dateOp = nested(fn, op, [which], 'DATE');
  const timeOp = nested(fn, op, [which], 'TIME');
  const dv = dateOp ? singleValue(dateOp) : undefined;
  const tv = timeOp ? singleValue(timeOp) : undefined;
  const symbolic = (dv?.symbolic ?? false) || (tv?.symbolic ?? false);
  const time = tv && !tv.symbolic ? parseTime(valueText(tv)) : undefined;
  return { op, dateOp, date: dv && !dv.symbolic ? parseDate(dv) : undefined, timeOp, time, symbolic };
}

/** Day number (days since 1970-01-01) of a calendar date, for comparisons. */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86400000);
}

/** Today's local calendar date as a day number: RACF validity dates are local dates. */
export function todayNumber(today: Date): number {
  return dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
}

export function formatDate(year: number, month: number, day: number, sep: string): string {
  const p = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${p(year, 4)}${sep}${p(month, 2)}${sep}${p(day, 2)}`;
}

// ---------------------------------------------------------------------------------------------
// Fixes and messages

export function replaceFix(range: Range, newText: string, title: string, preferred = false): Fix {
  return { title, edits: [{ range, newText }], ...(preferred ? { isPreferred: true } : {}) };
}

/** Removes an operand and the blank before it. */
export function removeOperandFix(cmd: TsoCommand, op: Operand, title: string): Fix {
  const line = op.range.start.line;
  const before = cmd.operands
    .concat()
    .reverse()
    .find((o) => o.range.end.line === line && o.range.end.character <= op.range.start.character);
  const start =
    before ??
    (cmd.name.range.end.line === line && cmd.name.range.end.character <= op.range.start.character
      ? { range: cmd.name.range }
      : undefined);
  const range: Range = start ? { start: start.range.end, end: op.range.end } : op.range;
  return { title, edits: [{ range, newText: '' }] };
}

export function list(names: readonly string[], last = 'or'): string {
  return names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${last} ${names[names.length - 1]}`;
}

/** Every RACDCERT command of the model with its function. */
export function racdcertCalls(commands: readonly TsoCommand[]): RacdcertCall[] {
  const out: RacdcertCall[] = [];
  for (const c of commands) {
    const call = racdcertCall(c);
    if (call) {
      out.push(call);
    }
  }
  return out;
}

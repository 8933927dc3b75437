// Completion for RACF commands in JCL SYSTSIN streams, REXX literals and command files. Commands,
// RACDCERT functions, keywords (for the function at the cursor, nested ones inside SIGNWITH(…),
// CONNECT(…), NOTAFTER(…) …), enumerated values and key sizes come from the reference tables;
// labels and ring names come from the document, for the owner the command means, because RACF
// finds them by owner and exact text.
import type { CompletionEntry, Position } from '../features';
import type { Range } from '../types';
import type { Operand, TsoCommand } from './ast';
import type { RacfAnalysis } from './analyze';
import type { TypingContext } from './cursor';
import type { RacfModel, RacfOwner } from './model';
import { sameOwner } from './model';
import type { KeyType, RacdcertFunctionDef, RacfKeywordDef } from '../knowledge/racfKeywords';
import {
  FACILITY_GENERIC,
  FACILITY_RESOURCES,
  KEY_SIZES,
  RACDCERT_FUNCTIONS,
  RACF_COMMANDS,
  keywordDef,
  racfCommand,
} from '../knowledge/racfKeywords';
import type { RacdcertCall } from './rules/commandHelpers';
import {
  keyChoice,
  nested,
  ownerOf,
  racdcertCall,
  singleValue,
  valueText,
  wordsOf,
} from './rules/commandHelpers';
import { canonicalKeyword, comparePos, pathNames, typingContext } from './cursor';

type OperandContext = Extract<TypingContext, { kind: 'operand' }>;

export function racfComplete(a: RacfAnalysis, pos: Position): CompletionEntry[] {
  const model = a.model;
  if (pos.line < 0 || pos.line >= model.source.lineCount) {
    return [];
  }
  const cursor = {
    line: pos.line,
    character: Math.max(0, Math.min(pos.character, model.source.lineText(pos.line).length)),
  };
  const ctx = typingContext(model, cursor);
  switch (ctx.kind) {
    case 'none':
      return [];
    case 'command-name':
      return commandEntries(ctx.replace);
    case 'operand':
      if (ctx.command.canonicalName === 'RACDCERT') {
        return racdcertEntries(model, ctx, cursor);
      }
      return ctx.command.canonicalName ? companionEntries(model, ctx, cursor) : [];
  }
}

// ---------------------------------------------------------------------------------------------
// Entries

const uncertainMark = (u: boolean | undefined): string => (u ? ' (uncertain)' : '');

/** What to insert for a keyword: its parentheses (and apostrophes) when it takes a value. */
function keywordInsert(name: string, valueType: string): { insertText: string; snippet?: boolean } {
  switch (valueType) {
    case 'flag':
    case 'flag-or-subfield':
      return { insertText: name };
    case 'quoted-string':
    case 'quoted-string-list':
      return { insertText: `${name}('$1')`, snippet: true };
    default:
      return { insertText: `${name}($1)`, snippet: true };
  }
}

function keywordEntry(def: RacfKeywordDef, range: Range, rank: number): CompletionEntry {
  const detail = [def.valueType, def.since ? `since ${def.since}` : undefined].filter(Boolean).join(' · ');
  return {
    label: def.name,
    kind: 'property',
    detail: detail + uncertainMark(def.uncertain),
    documentation: def.notes,
    ...keywordInsert(def.name, def.valueType),
    range,
    sortText: `${rank}${def.name}`,
  };
}

function functionInsert(fn: RacdcertFunctionDef): { insertText: string; snippet?: boolean } {
  const op = fn.operand;
  if (!op || !op.required) {
    return { insertText: fn.name };
  }
  return op.valueType === 'dataset-name'
    ? { insertText: `${fn.name}('$1')`, snippet: true }
    : { insertText: `${fn.name}($1)`, snippet: true };
}

function functionEntry(fn: RacdcertFunctionDef, range: Range, prefix: string, rank: number): CompletionEntry {
  const ins = functionInsert(fn);
  return {
    label: `${prefix}${fn.name}`,
    kind: 'keyword',
    detail: `${fn.summary}${fn.since ? ` · since ${fn.since}` : ''}${uncertainMark(fn.uncertain)}`,
    documentation: fn.form,
    insertText: `${prefix}${ins.insertText}`,
    ...(ins.snippet ? { snippet: true } : {}),
    range,
    sortText: `${rank}${fn.name}`,
  };
}

function commandEntries(range: Range): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  for (const c of RACF_COMMANDS.values()) {
    out.push({
      label: c.name,
      kind: 'keyword',
      detail: `${c.summary}${uncertainMark(c.uncertain)}`,
      documentation: c.abbreviations.length ? `Also written ${c.abbreviations.join(', ')}.` : undefined,
      insertText: c.name,
      range,
      sortText: `0${c.name === 'RACDCERT' ? '0' : '1'}${c.name}`,
    });
  }
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    out.push(functionEntry(fn, range, 'RACDCERT ', 1));
  }
  return out;
}

function valueEntries(values: readonly string[], range: Range, def?: RacfKeywordDef): CompletionEntry[] {
  return values.map((v, i) => ({
    label: v,
    kind: 'value' as const,
    detail: def?.default !== undefined && def.default.toUpperCase() === v ? 'default' : undefined,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** A label as RACF wants it: in apostrophes, an apostrophe inside doubled. */
const quoted = (label: string): string => `'${label.replace(/'/g, "''")}'`;

// ---------------------------------------------------------------------------------------------
// RACDCERT

function racdcertEntries(model: RacfModel, ctx: OperandContext, pos: Position): CompletionEntry[] {
  const call = racdcertCall(ctx.command);
  const context = call?.fn.name ?? 'RACDCERT';
  const typingOp = ctx.word?.kind === 'keyword' ? ctx.word.op : undefined;
  if (ctx.path.length === 0) {
    if (ctx.word?.kind === 'quoted') {
      return [];
    }
    const fnWritten = call?.fnOperand !== undefined && call.fnOperand !== typingOp;
    if (!call || !fnWritten) {
      // No function yet: the functions, and the owner keywords that may stand before one.
      const owners = ['ID', 'SITE', 'CERTAUTH'].flatMap((k) => {
        const def = RACF_COMMANDS.get('RACDCERT')!.keywords.get(k);
        const written = ctx.command.operands.some((o) => o !== typingOp && o.keyword.upper === k);
        return def && !written ? [keywordEntry(def, ctx.replace, 1)] : [];
      });
      return [
        ...[...RACDCERT_FUNCTIONS.values()].map((fn) => functionEntry(fn, ctx.replace, '', 0)),
        ...owners,
      ];
    }
    return topKeywordEntries(call, typingOp, ctx.replace);
  }
  const names = pathNames(call, context, ctx.path);
  const holder = names[names.length - 1];
  const holderOp = ctx.path[ctx.path.length - 1];
  const replace = quotedReplace(ctx, pos);
  if (call && holder === 'LABEL' && ctx.path.length >= 2) {
    const owner = labelOwner(call, ctx.path[ctx.path.length - 2], names[names.length - 2]);
    return owner ? labelEntries(model, owner, replace) : [];
  }
  if (ctx.word?.kind === 'quoted') {
    return [];
  }
  if (call && isRingSlot(call, holderOp, holder)) {
    const entries = ringEntries(model, ownerOf(call), ctx.replace);
    return call.fn.name === 'LISTRING' && holderOp === call.fnOperand
      ? [
          ...entries,
          { label: '*', kind: 'value', detail: 'every ring of the owner', range: ctx.replace, sortText: '~' },
        ]
      : entries;
  }
  if (call && holder === 'SIZE' && names.length === 1) {
    const key = keyChoice(call);
    return key ? sizeEntries(key.type, key.keyword, ctx.replace) : [];
  }
  const def =
    call && holderOp === call.fnOperand ? call.fn.operand : keywordDef(context, holder, names.slice(0, -1));
  if (!def) {
    return [];
  }
  return nestedEntries(context, def, holderOp, names, ctx);
}

/** Top-level keywords of the function not yet written, minus those a written one excludes. */
function topKeywordEntries(
  call: RacdcertCall,
  typingOp: Operand | undefined,
  range: Range,
): CompletionEntry[] {
  const written = new Set(call.operands.filter((o) => o.op !== typingOp && o.name).map((o) => o.name!));
  const excluded = new Set<string>();
  for (const group of call.fn.conflicts) {
    if (group.some((k) => written.has(k))) {
      group.forEach((k) => excluded.add(k));
    }
  }
  const out: CompletionEntry[] = [];
  for (const def of call.fn.keywords.values()) {
    if (!written.has(def.name) && !excluded.has(def.name)) {
      out.push(keywordEntry(def, range, def.required ? 0 : 1));
    }
  }
  return out;
}

/** Nested keywords of a subfield, or the values its keyword allows. */
function nestedEntries(
  context: string,
  def: RacfKeywordDef,
  holderOp: Operand,
  names: readonly string[],
  ctx: OperandContext,
): CompletionEntry[] {
  const typingOp = ctx.word?.kind === 'keyword' ? ctx.word.op : undefined;
  const typingWord = ctx.word?.kind === 'word' ? ctx.word.value : undefined;
  if (def.subkeywords.size) {
    const written = new Set<string>();
    for (const v of holderOp.values) {
      if (v === typingOp || v === typingWord) {
        continue;
      }
      const w = v.kind === 'operand' ? v.keyword.upper : v.kind === 'word' ? v.upper : undefined;
      const name = w ? canonicalKeyword(context, w, names) : undefined;
      if (name) {
        written.add(name);
      }
    }
    const excluded = new Set<string>();
    for (const group of def.conflicts ?? []) {
      if (group.some((k) => written.has(k))) {
        group.forEach((k) => excluded.add(k));
      }
    }
    const out: CompletionEntry[] = [];
    for (const sub of def.subkeywords.values()) {
      // A list keyword (OU) may be written more than once.
      const repeatable = sub.valueType.endsWith('-list');
      if ((!written.has(sub.name) || repeatable) && !excluded.has(sub.name)) {
        out.push(keywordEntry(sub, ctx.replace, sub.required ? 0 : 1));
      }
    }
    return out;
  }
  if (def.values?.length) {
    const list = def.valueType.endsWith('-list');
    const written = new Set(
      holderOp.values.flatMap((v) => (v.kind === 'word' && v !== typingWord ? [v.upper] : [])),
    );
    return valueEntries(
      def.values.filter((v) => !list || !written.has(v)),
      ctx.replace,
      def,
    );
  }
  return [];
}

/** Inside an unclosed quote, replace only what was typed: the rest of the line is not the label. */
function quotedReplace(ctx: OperandContext, pos: Position): Range {
  if (ctx.word?.kind === 'quoted' && !ctx.word.value.closed) {
    return { start: ctx.word.value.range.start, end: pos };
  }
  return ctx.replace;
}

/** Whose certificate a LABEL(...) inside `parent` names; undefined where LABEL names no certificate. */
function labelOwner(call: RacdcertCall, parent: Operand, parentName: string): RacfOwner | undefined {
  if (parentName === 'SIGNWITH') {
    const words = wordsOf(parent).map((w) => w.upper);
    return words.includes('CERTAUTH')
      ? { kind: 'CERTAUTH' }
      : words.includes('SITE')
        ? { kind: 'SITE' }
        : { kind: 'self' };
  }
  if (parent !== call.fnOperand || /MAP$/.test(call.fn.name)) {
    // The *MAP functions label certificate name filters, not certificates.
    return undefined;
  }
  if (call.fn.name === 'CONNECT' || call.fn.name === 'REMOVE' || call.fn.name === 'BIND') {
    const words = wordsOf(parent).map((w) => w.upper);
    if (words.includes('CERTAUTH') || words.includes('SITE')) {
      return { kind: words.includes('CERTAUTH') ? 'CERTAUTH' : 'SITE' };
    }
    const id = nested(call.fn.name, parent, [call.fn.name], 'ID');
    const v = id ? singleValue(id) : undefined;
    if (v) {
      return { kind: 'ID', id: valueText(v).toUpperCase(), symbolic: v.symbolic };
    }
  }
  return ownerOf(call);
}

function isRingSlot(call: RacdcertCall, holderOp: Operand, holder: string): boolean {
  if (holderOp === call.fnOperand) {
    return call.fn.name === 'DELRING' || call.fn.name === 'LISTRING';
  }
  return holder === 'RING' && (call.fn.name === 'CONNECT' || call.fn.name === 'REMOVE');
}

function labelEntries(model: RacfModel, owner: RacfOwner, range: Range): CompletionEntry[] {
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const e of model.effects) {
    if ((e.kind !== 'certificate' && e.kind !== 'relabel') || !e.label || e.label.symbolic) {
      continue;
    }
    if (!sameOwner(e.owner, owner) || seen.has(e.label.text)) {
      continue;
    }
    seen.add(e.label.text);
    const what = e.kind === 'certificate' ? `RACDCERT ${e.function}` : 'RACDCERT ALTER NEWLABEL';
    out.push({
      label: quoted(e.label.text),
      kind: 'reference',
      detail: `${what} · line ${e.command.range.start.line + 1}`,
      // Labels are case-sensitive: inserted exactly as created.
      insertText: quoted(e.label.text),
      range,
      sortText: String(out.length).padStart(4, '0'),
    });
  }
  return out;
}

function ringEntries(model: RacfModel, owner: RacfOwner, range: Range): CompletionEntry[] {
  const seen = new Set<string>();
  const out: CompletionEntry[] = [];
  for (const r of model.rings) {
    if (!r.name || r.name.symbolic || !sameOwner(r.owner, owner) || seen.has(r.name.text)) {
      continue;
    }
    seen.add(r.name.text);
    out.push({
      label: r.name.text,
      kind: 'reference',
      detail: `RACDCERT ADDRING · line ${r.command.range.start.line + 1}`,
      insertText: r.name.text,
      range,
      sortText: String(out.length).padStart(4, '0'),
    });
  }
  return out;
}

/** The sizes of the key type the command generates (reference keySizes). */
function sizeEntries(type: KeyType, keyword: string, range: Range): CompletionEntry[] {
  const entry = (size: number, detail: string, i: number): CompletionEntry => ({
    label: String(size),
    kind: 'value',
    detail,
    range,
    sortText: String(i).padStart(3, '0'),
  });
  switch (type) {
    case 'NISTECC':
    case 'BPECC': {
      const t = KEY_SIZES[type];
      return t.valid.map((v, i) =>
        entry(
          v,
          `${keyword} · ${t.curves[String(v)]}${t.weak?.includes(v) ? ' · weak' : ''}${v === t.default ? ` · default${uncertainMark(t.defaultUncertain)}` : ''}`,
          i,
        ),
      );
    }
    case 'RSA': {
      // The reference gives a range, not a list: the recommended minimum and the sizes up to the
      // software maximum in 1024-bit steps.
      const r = KEY_SIZES.RSA;
      const out: CompletionEntry[] = [];
      for (let s = r.recommendedMin, i = 0; s <= r.software.max; s += 1024, i++) {
        out.push(
          entry(
            s,
            `${keyword} · ${r.software.min}–${r.software.max} bits${uncertainMark(r.software.uncertain)}${s === r.default.value ? ` · default since ${r.default.since}` : ''}`,
            i,
          ),
        );
      }
      return out;
    }
    case 'DSA': {
      const d = KEY_SIZES.DSA;
      const out: CompletionEntry[] = [];
      for (let s = d.fips.min, i = 0; s <= d.fips.max; s += 1024, i++) {
        out.push(
          entry(
            s,
            `DSA · ${d.min}–${d.max} bits${s === d.default ? ' · default' : ''}${uncertainMark(d.uncertain)}`,
            i,
          ),
        );
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// SETROPTS, PERMIT, RDEFINE, RALTER, RLIST

const CLASSES = ['FACILITY', 'RDATALIB'];

function companionEntries(model: RacfModel, ctx: OperandContext, pos: Position): CompletionEntry[] {
  const cmd = ctx.command;
  const name = cmd.canonicalName!;
  const def = racfCommand(name);
  const typingOp = ctx.word?.kind === 'keyword' ? ctx.word.op : undefined;
  if (ctx.path.length === 0) {
    if (ctx.word?.kind === 'quoted') {
      return [];
    }
    const slot = positionalSlot(cmd, typingOp, pos);
    if (name === 'PERMIT' && slot === 0) {
      return profileEntries(model, undefined, ctx.replace);
    }
    if (name !== 'PERMIT' && name !== 'SETROPTS' && slot <= 1) {
      return slot === 0
        ? valueEntries(CLASSES, ctx.replace)
        : profileEntries(model, cmd.operands[0]?.keyword.upper, ctx.replace);
    }
    const written = new Set(
      cmd.operands.flatMap((o) => {
        const k = o !== typingOp && !o.quoted ? canonicalKeyword(name, o.keyword.upper, []) : undefined;
        return k ? [k] : [];
      }),
    );
    return [...(def?.keywords.values() ?? [])]
      .filter((k) => !written.has(k.name))
      .map((k) => keywordEntry(k, ctx.replace, 1));
  }
  if (ctx.word?.kind === 'quoted') {
    return [];
  }
  const names = pathNames(undefined, name, ctx.path);
  const kw = keywordDef(name, names[names.length - 1], names.slice(0, -1));
  if (!kw) {
    return [];
  }
  if (!kw.values?.length && kw.valueType === 'class-list') {
    // CLASSACT(...) and GENERIC(...) take the same classes RACLIST(...) lists.
    const raclist = keywordDef('SETROPTS', 'RACLIST');
    return valueEntries(raclist?.values ?? [], ctx.replace);
  }
  return nestedEntries(name, kw, ctx.path[ctx.path.length - 1], names, ctx);
}

/** How many top-level operands stand before the cursor (PERMIT's profile is slot 0). */
function positionalSlot(cmd: TsoCommand, typingOp: Operand | undefined, pos: Position): number {
  return cmd.operands.filter((o) => o !== typingOp && comparePos(o.range.end, pos) < 0).length;
}

/** FACILITY resources and the RDATALIB profiles of the rings this document adds. */
function profileEntries(model: RacfModel, cls: string | undefined, range: Range): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  if (cls === undefined || cls === 'FACILITY') {
    for (const r of FACILITY_RESOURCES.values()) {
      out.push({
        label: r.name,
        kind: 'value',
        detail: `FACILITY · RACDCERT ${r.function ?? '?'}${r.seenInIbmText ? '' : ' (name by pattern, uncertain)'}`,
        range,
        sortText: `1${r.name}`,
      });
    }
    out.push({
      label: FACILITY_GENERIC,
      kind: 'value',
      detail: 'FACILITY · generic',
      range,
      sortText: `2${FACILITY_GENERIC}`,
    });
  }
  if (cls === undefined || cls === 'RDATALIB') {
    const seen = new Set<string>();
    for (const r of model.rings) {
      // RDATALIB profiles name the owner in upper case; the issuer of a job is unknown here.
      if (!r.name || r.name.symbolic || r.owner.kind !== 'ID' || r.owner.symbolic) {
        continue;
      }
      for (const suffix of ['LST', 'UPD']) {
        const p = `${r.owner.id}.${r.name.text}.${suffix}`;
        if (!seen.has(p)) {
          seen.add(p);
          out.push({
            label: p,
            kind: 'reference',
            detail: `RDATALIB · ${suffix === 'LST' ? 'read' : 'update'} ring ${r.name.text} (line ${r.command.range.start.line + 1})`,
            range,
            sortText: `0${p}`,
          });
        }
      }
    }
  }
  return out;
}

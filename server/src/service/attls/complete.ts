// Completion for Policy Agent files. Everything offered comes from the reference
// (knowledge/attls-reference.json): statements, the parameters a statement takes, enumerated values,
// cipher suites, named groups and signature pairs. Nothing is offered that the reference lacks.
import type { CompletionEntry, Position } from '../features';
import type { Range } from '../types';
import type { AttlsParamDef, AttlsStatementDef } from '../knowledge/attlsKeywords';
import reference from '../knowledge/attls-reference.json';
import {
  CIPHER_SUITES,
  NAMED_GROUPS,
  SIGNATURE_PAIRS,
  STATEMENTS,
  V2_CIPHER_SUITES,
  isListParam,
  paramDef,
  statementDef,
} from '../knowledge/attlsKeywords';
import type { AttlsAnalysis } from './analyze';
import type { BlockNode } from './parser';
import { enclosingBlock, lineContext } from './cursor';

const ACTIONS = new Set(['TTLSGroupAction', 'TTLSEnvironmentAction', 'TTLSConnectionAction']);

/** Order in which top-level statements are listed: rules, then actions, then parms, then objects. */
function statementRank(name: string): number {
  if (name === 'TTLSRule') {
    return 0;
  }
  if (ACTIONS.has(name)) {
    return 1;
  }
  return name.endsWith('Parms') ? 2 : 3;
}

function uniqueStatements(): AttlsStatementDef[] {
  // Synonyms map to the same definition object; list each statement once, under its own name.
  return [...new Set(STATEMENTS.values())];
}

function uncertainMark(uncertain: boolean | undefined): string {
  return uncertain ? ' (uncertain)' : '';
}

/** `since` texts carry their evidence in parentheses; the detail line keeps the release only. */
function shortSince(since: string): string {
  return since.split(/[(;]/)[0].trim();
}

function statementSnippet(def: AttlsStatementDef, named: boolean): string {
  return named ? `${def.name} \${1:name}\n{\n\t$0\n}` : `${def.name}\n{\n\t$0\n}`;
}

function blockStatementEntry(
  def: AttlsStatementDef,
  named: boolean,
  range: Range,
  rank: number,
): CompletionEntry {
  return {
    label: def.name,
    kind: 'keyword',
    detail: `${named ? 'statement' : 'inline statement'}${uncertainMark(def.uncertain)}`,
    documentation: def.notes,
    insertText: statementSnippet(def, named),
    snippet: true,
    range,
    sortText: `${rank}${def.name}`,
  };
}

function topLevelEntries(a: AttlsAnalysis, range: Range): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  // A policy file holds only block statements; main/image files (and a file not yet begun) can
  // also hold the one-line statements TcpImage, TTLSConfig, ...
  const withLines = a.model.fileKind !== 'policy';
  for (const def of uniqueStatements()) {
    if (def.lineStatement) {
      if (withLines) {
        out.push({
          label: def.name,
          kind: 'keyword',
          detail: `${def.form ?? 'main/image file statement'}${uncertainMark(def.uncertain)}`,
          documentation: def.notes,
          insertText: def.name,
          range,
          sortText: `4${def.name}`,
        });
      }
      continue;
    }
    out.push(blockStatementEntry(def, true, range, statementRank(def.name)));
  }
  return out;
}

function paramDetail(p: AttlsParamDef): string {
  const parts: string[] = [p.type === 'ref' && p.refTo ? `ref to ${p.refTo}` : p.type];
  if (p.default !== undefined) {
    parts.push(`default ${p.default}`);
  }
  if (p.since) {
    parts.push(`since ${shortSince(p.since)}`);
  }
  return parts.join(' · ') + uncertainMark(p.uncertain);
}

function paramDocumentation(p: AttlsParamDef): string | undefined {
  const parts: string[] = [];
  if (p.notes) {
    parts.push(p.notes);
  }
  if (Array.isArray(p.values)) {
    parts.push(`Values: ${p.values.join(', ')}`);
  } else if (typeof p.values === 'string') {
    parts.push(`Values: ${p.values}`);
  }
  if (p.refTo && p.type === 'ref') {
    parts.push(`Names a ${p.refTo} statement.`);
  }
  if (p.since) {
    parts.push(`Since: ${p.since}`);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

function blockEntries(block: BlockNode, currentLine: number, range: Range): CompletionEntry[] {
  const def = block.statement ? statementDef(block.statement) : undefined;
  if (!def) {
    return [];
  }
  // Parameters already coded on other lines are not offered again, except list parameters whose
  // repeats are concatenated (attls-reference §2 "Repetition").
  const coded = new Set<string>();
  for (const c of block.children) {
    if (c.keyword.range.start.line !== currentLine) {
      coded.add((c.kind === 'block' && c.statement ? c.statement : c.keyword.text).toLowerCase());
    }
  }
  // A sub-statement is coded inline or by Ref, not both (attls/inline-and-ref): once one form is
  // there, the other is not offered.
  const blocked = (p: AttlsParamDef): boolean => {
    if (p.type === 'inline-statement') {
      return coded.has(p.name.toLowerCase()) || coded.has(p.name.toLowerCase() + 'ref');
    }
    if (p.type === 'ref' && p.name.toLowerCase().endsWith('ref')) {
      const inline = p.name.slice(0, -3).toLowerCase();
      if (coded.has(inline) && def.params.get(inline)?.type === 'inline-statement') {
        return true;
      }
    }
    return coded.has(p.name.toLowerCase()) && !isListParam(p);
  };
  const out: CompletionEntry[] = [];
  for (const p of def.params.values()) {
    if (p.type === 'inline-statement') {
      const sub = statementDef(p.refTo ?? p.name);
      if (sub && !blocked(p)) {
        out.push({
          ...blockStatementEntry(sub, false, range, 1),
          detail: `inline statement${uncertainMark(p.uncertain ?? sub.uncertain)}`,
        });
      }
      continue;
    }
    if (blocked(p)) {
      continue;
    }
    out.push({
      label: p.name,
      kind: 'property',
      detail: paramDetail(p),
      documentation: paramDocumentation(p),
      insertText: p.name,
      range,
      sortText: `0${p.name}`,
    });
  }
  return out;
}

const HEX = /^[0-9A-Fa-f]*$/;

/**
 * Codes that are written back to back in one token (`1301C02F`, `060305030403`): a completion
 * replaces only the unfinished 4-character piece before the cursor, not the whole string.
 */
function chunkRange(range: Range, typed: string, pos: Position): Range {
  if (!HEX.test(typed) || typed.length < 4) {
    return range;
  }
  const start = range.start.character + typed.length - (typed.length % 4);
  return { start: { line: pos.line, character: start }, end: { line: pos.line, character: pos.character } };
}

const GROUP_PARAMS = new Set([
  'clientecurves',
  'clientkeysharegroups',
  'serverkexecurves',
  'serverkeysharegroups',
]);
const PAIR_PARAMS = new Set(['signaturepairs', 'signaturepairscert']);

const CLASS_RANK: Record<string, number> = {
  recommended: 0,
  'recommended-nonFIPS': 1,
  acceptable: 2,
  legacy: 3,
  'unknown-support': 4,
  weak: 5,
  insecure: 6,
};

function groupEntries(range: Range): CompletionEntry[] {
  return NAMED_GROUPS.map((g, i): CompletionEntry => ({
    label: g.code,
    kind: 'constant',
    // The codes are IANA NamedGroup numbers written in decimal (attls-reference §4.11): 0023 is
    // decimal 23 (0x0017), not 0x0023. Saying so stops users from typing the hex value.
    detail: `${g.name} — IANA group ${g.iana_decimal} (${g.iana_hex}) written in decimal${uncertainMark(g.uncertain)}`,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}

function pairEntries(range: Range): CompletionEntry[] {
  return SIGNATURE_PAIRS.map((s, i): CompletionEntry => ({
    label: s.code,
    kind: 'constant',
    detail: `${s.name}${uncertainMark(s.uncertain)}`,
    documentation: s.notes,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}

function cipherEntries(four: boolean, range: Range): CompletionEntry[] {
  return CIPHER_SUITES.map((c): CompletionEntry => {
    const rank = CLASS_RANK[c.class] ?? 9;
    const facts = `${c.protocols.join(' ')} · ${c.class}${uncertainMark(c.uncertain)}`;
    return four
      ? {
          label: c.hex4.toUpperCase(),
          kind: 'constant',
          detail: `${c.name} · ${facts}`,
          documentation: c.notes,
          range,
          sortText: `${rank}${c.hex4}`,
        }
      : {
          label: c.name,
          kind: 'constant',
          detail: `${c.hex4.toUpperCase()} · ${facts}`,
          documentation: c.notes,
          range,
          sortText: `${rank}${c.name}`,
        };
  });
}

function refEntries(a: AttlsAnalysis, target: string, range: Range): CompletionEntry[] {
  const names = a.model.globals.get(target);
  return [...(names?.keys() ?? [])].map((name): CompletionEntry => ({
    label: name,
    kind: 'reference',
    detail: target,
    // Names are case-sensitive (attls-reference §2): insert exactly as declared.
    insertText: name,
    range,
  }));
}

function enumEntries(values: readonly string[], range: Range, p?: AttlsParamDef): CompletionEntry[] {
  return values.map((v, i): CompletionEntry => ({
    label: v,
    kind: 'value',
    detail:
      p && p.default !== undefined && String(p.default).toLowerCase() === v.toLowerCase()
        ? 'default'
        : undefined,
    range,
    sortText: String(i).padStart(3, '0'),
  }));
}

function valueEntries(
  a: AttlsAnalysis,
  p: AttlsParamDef,
  index: number,
  range: Range,
  typed: string,
  pos: Position,
): CompletionEntry[] {
  const name = p.name.toLowerCase();
  if (index > 0 && !isListParam(p)) {
    // A parameter takes one value (attls-reference §2 "Values").
    return [];
  }
  if (p.type === 'ref' && p.refTo) {
    return refEntries(a, p.refTo, range);
  }
  if (name === 'v3ciphersuites4char') {
    return cipherEntries(true, chunkRange(range, typed, pos));
  }
  if (name === 'v3ciphersuites') {
    return cipherEntries(false, range);
  }
  if (name === 'v2ciphersuites') {
    return V2_CIPHER_SUITES.map((c): CompletionEntry => ({
      label: c.name,
      kind: 'constant',
      detail: `code ${c.code1}${uncertainMark(c.uncertain)}`,
      documentation: c.notes,
      range,
    }));
  }
  if (GROUP_PARAMS.has(name)) {
    const literal = Array.isArray(p.values) ? p.values.filter((v) => v === 'Any') : [];
    return [...enumEntries(literal, range), ...groupEntries(chunkRange(range, typed, pos))];
  }
  if (PAIR_PARAMS.has(name) || p.type === 'sigpair') {
    return pairEntries(chunkRange(range, typed, pos));
  }
  if (p.type === 'enum' && Array.isArray(p.values)) {
    return enumEntries(p.values, range, p);
  }
  if (p.type === 'address' && Array.isArray(p.values)) {
    // The other listed forms (ipaddress, ipaddress/prefixLength) are placeholders, not literals.
    return enumEntries(
      p.values.filter((v) => v === 'All'),
      range,
      p,
    );
  }
  if (p.type === 'integer-bitmask' && p.values && typeof p.values === 'object' && !Array.isArray(p.values)) {
    return Object.entries(p.values).map(([bit, meaning], i): CompletionEntry => ({
      label: bit,
      kind: 'value',
      detail: meaning,
      range,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  return [];
}

interface RawLineParam {
  type?: string;
  values?: unknown;
}

/** FLUSH/NOFLUSH, PURGE/NOPURGE of TcpImage and TTLSConfig (attls-reference §3). */
function lineStatementValues(def: AttlsStatementDef): string[] {
  const raw = (reference.statements as Record<string, { parameters?: Record<string, RawLineParam> }>)[
    def.name
  ];
  const out: string[] = [];
  for (const p of Object.values(raw?.parameters ?? {})) {
    if (p.type === 'keyword' && Array.isArray(p.values)) {
      out.push(...p.values.filter((v): v is string => typeof v === 'string'));
    }
  }
  return out;
}

export function attlsComplete(a: AttlsAnalysis, pos: Position): CompletionEntry[] {
  const source = a.model.doc.source;
  if (pos.line < 0 || pos.line >= source.lineCount) {
    return [];
  }
  const ctx = lineContext(source.lineText(pos.line), pos);
  if (ctx.inComment) {
    return [];
  }
  const cursor = {
    line: pos.line,
    character: Math.max(0, Math.min(pos.character, source.lineText(pos.line).length)),
  };
  const block = enclosingBlock(a.model.doc.nodes, cursor);
  if (ctx.before.length === 0) {
    return block ? blockEntries(block, pos.line, ctx.replace) : topLevelEntries(a, ctx.replace);
  }
  const keyword = ctx.before[0].text;
  const index = ctx.before.length - 1;
  if (!block) {
    const def = statementDef(keyword);
    return def?.lineStatement ? enumEntries(lineStatementValues(def), ctx.replace) : [];
  }
  const p = block.statement ? paramDef(block.statement, keyword) : undefined;
  return p ? valueEntries(a, p, index, ctx.replace, ctx.typed, cursor) : [];
}

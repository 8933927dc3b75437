// Shared pieces of the structural attls/* rules: keyword suggestions, template placeholders, the
// Policy Agent main/image statements of other disciplines, and small text-edit helpers.
import type { Fix, Position, Range } from '../../types';
import type { AttlsModel } from '../model';
import type { AttlsNode, BlockNode, ParamNode, Token } from '../parser';
import { STATEMENTS, sourceUrl } from '../../knowledge/attlsKeywords';

/** IBM "General syntax rules for Policy Agent" (names ≤ 32, range delimiters, numeric maximum). */
export const GENERAL_SYNTAX_URL =
  'https://www.ibm.com/docs/en/zos/3.1.0?topic=files-general-syntax-rules-policy-agent';

/** Largest decimal value Policy Agent accepts unless a parameter says otherwise (general syntax rules). */
export const MAX_NUMERIC = 4294967295;

/** Statement and policy names: 1–32 characters (attls-reference §2; general syntax rules). */
export const MAX_NAME = 32;

export interface PagentStatement {
  name: string;
  /** 'line': `Name value…` on one line; 'block': `Name [name] { … }`. */
  form: 'line' | 'block';
  /** The IBM page that shows the statement in a Policy Agent main or image file. */
  source: string;
}

const IPSEC_FILES =
  'https://www.ibm.com/docs/ja/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/ipsecurity_cfg_local_both_files.htm';
const REMOTE_FILES =
  'https://www.ibm.com/docs/SSLTBW_2.1.0/com.ibm.zos.v2r1.halz002/ipsecurity_cfg_remote_both_files.htm';
const ROUTING_CFG =
  'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/rtg_pbr_cfg_policy.htm';
const QOS_CFG =
  'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/qos_cfg_based_on_pa_role.htm';
const IMPORT_CFG =
  'https://www.ibm.com/support/knowledgecenter/SSLTBW_2.2.0/com.ibm.zos.v2r2.halz002/pbn_cfg_import_services.htm';
const PA_STEPS = 'https://www.ibm.com/docs/en/zos/latest?topic=networking-steps-configuring-policy-agent';

/**
 * Policy Agent main/image configuration statements of other disciplines, each confirmed on the IBM
 * page named. Only these are accepted at the top level of a main/image file besides the AT-TLS ones
 * in the reference (TcpImage, PEPInstance, TTLSConfig, CommonTTLSConfig, LogLevel, Codepage,
 * PolicyServer, DynamicConfigPolicyLoad). Their parameters are not checked: we do not know them.
 * IDSConfig and the IDS/QoS policy statements were not confirmed and are deliberately absent.
 */
export const PAGENT_OTHER_STATEMENTS: readonly PagentStatement[] = [
  { name: 'CommonIpSecConfig', form: 'line', source: IPSEC_FILES },
  { name: 'IpSecConfig', form: 'line', source: IPSEC_FILES },
  { name: 'QOSConfig', form: 'line', source: QOS_CFG },
  { name: 'RoutingConfig', form: 'line', source: ROUTING_CFG },
  { name: 'CommonRoutingConfig', form: 'line', source: ROUTING_CFG },
  { name: 'ServerConnection', form: 'block', source: REMOTE_FILES },
  { name: 'ServicesConnection', form: 'block', source: IMPORT_CFG },
  { name: 'ClientConnection', form: 'block', source: IMPORT_CFG },
  { name: 'ReadFromDirectory', form: 'block', source: PA_STEPS },
];

const pagentOther = new Map(PAGENT_OTHER_STATEMENTS.map((s) => [s.name.toLowerCase(), s]));

export function pagentOtherStatement(keyword: string): PagentStatement | undefined {
  return pagentOther.get(keyword.toLowerCase());
}

/** True for the main/image statements (AT-TLS line statements from the reference, or the table above). */
export function isPagentStatement(keyword: string): boolean {
  const def = STATEMENTS.get(keyword.toLowerCase());
  return (def?.lineStatement ?? false) || pagentOther.has(keyword.toLowerCase());
}

/** A Policy Agent main or image configuration file rather than an AT-TLS policy file. */
export function isPagentConfigFile(model: AttlsModel): boolean {
  if (model.fileKind === 'main') {
    return true;
  }
  return model.doc.nodes.some((n) => isPagentStatement(n.keyword.text));
}

// ---------------------------------------------------------------------------------------------
// Suggestions

// Suggestions are shared by every language's unknown-keyword rule.
export { editDistance, nearest, suggestionBudget } from '../../text/suggest';
import { editDistance, nearest } from '../../text/suggest';

/**
 * Near names among many (the names of one statement type in a large policy). Below a few hundred
 * names a full scan is cheap; above that, only one-edit neighbours are found, through an index of
 * every name with one character deleted, so that a 100,000-line policy stays linear.
 */
export class NameIndex {
  private readonly byLower = new Map<string, string[]>();
  private readonly deletions = new Map<string, Set<string>>();
  private readonly names: string[];

  constructor(names: Iterable<string>) {
    this.names = [...names];
    for (const n of this.names) {
      const l = n.toLowerCase();
      this.byLower.set(l, [...(this.byLower.get(l) ?? []), n]);
    }
    if (this.names.length > NameIndex.SCAN_LIMIT) {
      for (const n of this.names) {
        for (const d of NameIndex.deletes(n.toLowerCase())) {
          let set = this.deletions.get(d);
          if (!set) {
            this.deletions.set(d, (set = new Set()));
          }
          set.add(n);
        }
      }
    }
  }

  static readonly SCAN_LIMIT = 300;

  private static deletes(l: string): string[] {
    const out = [l];
    for (let i = 0; i < l.length; i++) {
      out.push(l.slice(0, i) + l.slice(i + 1));
    }
    return out;
  }

  get size(): number {
    return this.names.length;
  }

  /** Names equal to `word` but for case. */
  caseOnly(word: string): string[] {
    return (this.byLower.get(word.toLowerCase()) ?? []).filter((n) => n !== word);
  }

  nearest(word: string): string[] {
    if (this.names.length <= NameIndex.SCAN_LIMIT) {
      return nearest(word, this.names);
    }
    const found = new Set<string>();
    for (const d of NameIndex.deletes(word.toLowerCase())) {
      for (const n of this.deletions.get(d) ?? []) {
        if (n !== word && editDistance(word, n, 1) <= 1) {
          found.add(n);
        }
      }
    }
    return [...found];
  }
}

/** Replace-the-token fixes for suggestions; preferred only when there is one clear candidate. */
export function replaceFixes(token: Token, suggestions: string[], what: string): Fix[] {
  return suggestions.slice(0, 3).map((s) => ({
    title: `Change ${what} to '${s}'`,
    edits: [{ range: token.range, newText: s }],
    ...(suggestions.length === 1 ? { isPreferred: true } : {}),
  }));
}

// ---------------------------------------------------------------------------------------------
// Template placeholders

/** `[zss_port]` (Zowe docs), `?keyringName?` (IBM MFA sample). */
const BRACKET = /^\[[^\]\s]+\]$/;
const QUESTION = /^\?[^?\s]+\?$/;

export function isPlaceholderToken(text: string): boolean {
  const c = text.charCodeAt(0);
  // Cheap first-character test: this runs on every value of large policies.
  return (c === 91 /* [ */ && BRACKET.test(text)) || (c === 63 /* ? */ && QUESTION.test(text));
}

/**
 * `${…}` and `{zowe.…}` split into several tokens (the tokenizer treats braces as block braces), so
 * they are found on the line text, before its comment. Cached per document: several rules ask.
 */
const TEMPLATE = /\$\{[^}\n\r]*\}|\{zowe\.[^}\n\r]*\}/g;
const NO_SPANS: ReadonlyArray<[number, number]> = [];
const templateCache = new WeakMap<object, Map<number, Array<[number, number]>>>();

/** One regex pass over the whole text, once per document: most lines hold no template at all. */
function templatesOf(model: AttlsModel): Map<number, Array<[number, number]>> {
  let perDoc = templateCache.get(model.doc);
  if (perDoc) {
    return perDoc;
  }
  perDoc = new Map();
  const src = model.doc.source;
  for (const m of src.text.matchAll(TEMPLATE)) {
    const pos = src.positionAt(m.index ?? 0);
    const hash = commentStart(src.lineText(pos.line));
    if (hash >= 0 && hash <= pos.character) {
      continue;
    }
    const list = perDoc.get(pos.line) ?? [];
    list.push([pos.character, pos.character + m[0].length]);
    perDoc.set(pos.line, list);
  }
  templateCache.set(model.doc, perDoc);
  return perDoc;
}

export function templateSpans(model: AttlsModel, line: number): ReadonlyArray<[number, number]> {
  return templatesOf(model).get(line) ?? NO_SPANS;
}

/** Every line that holds a template expression, in no particular order. */
export function templateLines(model: AttlsModel): number[] {
  return [...templatesOf(model).keys()];
}

/** Where a `#` starts a comment: at the start of a token, as the parser reads it. */
function commentStart(text: string): number {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '#' && (i === 0 || /[\s{}]/.test(text[i - 1]))) {
      return i;
    }
  }
  return -1;
}

export function inTemplate(model: AttlsModel, pos: Position): boolean {
  return templateSpans(model, pos.line).some(([s, e]) => pos.character >= s && pos.character < e);
}

/** A parameter line that holds a `${…}` or `{zowe.…}` template (its tokens are not its real value). */
export function lineHasTemplate(model: AttlsModel, line: number): boolean {
  return templateSpans(model, line).length > 0;
}

/** A block that is really `Keyword {zowe.x}` or `Keyword ${x}` on one line, split by the tokenizer. */
export function isTemplateBlock(model: AttlsModel, b: BlockNode): boolean {
  return b.keyword.text !== '{' && inTemplate(model, b.open.range.start);
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** The whole line of a node, with its line break, for "remove this line" fixes. */
export function wholeLine(model: AttlsModel, line: number): Range {
  const src = model.doc.source;
  return line + 1 < src.lineCount
    ? { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }
    : { start: { line, character: 0 }, end: src.lineEnd(line) };
}

/** True when a parameter is alone on its line (only blanks and a comment besides it). */
export function aloneOnLine(model: AttlsModel, p: ParamNode): boolean {
  if (p.range.start.line !== p.range.end.line) {
    return false;
  }
  const text = model.doc.source.lineText(p.range.start.line);
  const before = text.slice(0, p.range.start.character).trim();
  const after = text.slice(p.range.end.character).trim();
  return before === '' && (after === '' || after.startsWith('#'));
}

/** An edit appending text as new lines at the end of the file. */
export function appendAtEnd(model: AttlsModel, lines: string): { range: Range; newText: string } {
  const src = model.doc.source;
  const last = src.lineCount - 1;
  const end = src.lineEnd(last);
  const lastEmpty = src.lineText(last).trim() === '';
  const prefix = lastEmpty ? (last > 0 && src.lineText(last - 1).trim() !== '' ? '\n' : '') : '\n\n';
  return { range: { start: end, end }, newText: prefix + lines + '\n' };
}

/** Depth-first visit of every node (plain recursion: generators are slow on 100,000-line files). */
export function forEachNode(nodes: readonly AttlsNode[], fn: (n: AttlsNode) => void): void {
  for (const n of nodes) {
    fn(n);
    if (n.kind === 'block' && n.children.length) {
      forEachNode(n.children, fn);
    }
  }
}

export function blockLabel(b: BlockNode): string {
  return `${b.statement ?? b.keyword.text}${b.name ? ` ${b.name.text}` : ''}`;
}

export function headerRange(b: BlockNode): Range {
  return { start: b.keyword.range.start, end: (b.name ?? b.keyword).range.end };
}

export function lineNo(r: Range | Token | AttlsNode): number {
  const range = 'range' in r ? r.range : r;
  return range.start.line + 1;
}

export function href(ids: string | undefined, fallback: string): string {
  return sourceUrl(ids) ?? sourceUrl(fallback) ?? GENERAL_SYNTAX_URL;
}

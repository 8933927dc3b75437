// "What is at this position" in a Liberty configuration file, for hover, completion and navigation.
// Hover and navigation read the parsed tree (its ranges are exact); completion also reads the raw
// text before the cursor, because while typing (`keyStoreRef="` with no closing quote yet) the
// tree does not hold the attribute being written.
import type { Position, Range } from '../types';
import { containsPosition } from '../types';
import type { SourceText } from '../text/sourceText';
import type { LibertyReferenceDef } from '../knowledge/libertyKeywords';
import {
  analyseSslProtocol,
  childElement,
  referenceTarget,
  splitCipherList,
} from '../knowledge/libertyKeywords';
import type { LibertyModel, XmlAttribute, XmlComment, XmlDocument, XmlElement } from './model';
import { dirname, uriToPath } from './variables';

/** One entry of a list-valued attribute (sslProtocol: comma list; enabledCiphers: blank list). */
export interface ListEntry {
  /** As written, blanks included (sslProtocol does not trim). */
  text: string;
  range: Range;
  index: number;
  /** The value holds more than one entry. */
  inList: boolean;
}

export type LibertyHit =
  | { kind: 'element'; element: XmlElement; range: Range }
  | { kind: 'attribute'; element: XmlElement; attribute: XmlAttribute; range: Range }
  | { kind: 'value'; element: XmlElement; attribute: XmlAttribute; range: Range; entry?: ListEntry }
  | { kind: 'comment'; comment: XmlComment; range: Range }
  | { kind: 'text'; element: XmlElement; text: string; range: Range };

/** The innermost element whose range holds `pos` (iterative: deep nesting must not overflow). */
export function elementAt(doc: XmlDocument, pos: Position): XmlElement | undefined {
  let el = doc.root && containsPosition(doc.root.range, pos) ? doc.root : undefined;
  while (el) {
    const inner: XmlElement | undefined = itemAt(el.children, pos);
    if (!inner) {
      return el;
    }
    el = inner;
  }
  return undefined;
}

/**
 * The item whose range holds `pos`, in a list in document order without overlaps (an element's
 * children, a document's comments): a binary search keeps a hover cheap under a huge <server>.
 */
function itemAt<T extends { range: Range }>(items: readonly T[], pos: Position): T | undefined {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = items[mid].range;
    if (before(pos, r.start)) {
      hi = mid - 1;
    } else if (before(r.end, pos)) {
      lo = mid + 1;
    } else {
      return items[mid];
    }
  }
  return undefined;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * The configuration type of an XML element: a nested `<trustStore>` in `<ssl>` is a keyStore, a
 * nested `<sslOptions>` in `<httpEndpoint>` an sslOptions; anything else is its own name.
 */
export function elementType(el: XmlElement): string {
  return (el.parent ? childElement(el.parent.name, el.name)?.name : undefined) ?? el.name;
}

/** What a reference attribute on this XML element points to (by its own name, then its type). */
export function refOf(el: XmlElement, attribute: string): LibertyReferenceDef | undefined {
  return referenceTarget(el.name, attribute) ?? referenceTarget(elementType(el), attribute);
}

/** The entries of a list-valued attribute, with their ranges in the document. */
export function listEntries(source: SourceText, a: XmlAttribute): ListEntry[] {
  // Offsets are into the decoded value: only usable when no entity changed its length.
  const start = source.offsetAt(a.valueRange.start);
  if (source.text.slice(start, source.offsetAt(a.valueRange.end)) !== a.value) {
    return [];
  }
  const at = (offset: number, text: string, index: number, inList: boolean): ListEntry => ({
    text,
    index,
    inList,
    range: { start: source.positionAt(start + offset), end: source.positionAt(start + offset + text.length) },
  });
  if (a.name === 'sslProtocol') {
    const entries = analyseSslProtocol(a.value).entries;
    return entries.map((e, i) => at(e.offset, e.text, i, entries.length > 1));
  }
  if (a.name === 'enabledCiphers') {
    const { names } = splitCipherList(a.value);
    return names.map((n, i) => at(n.offset, n.name, i, names.length > 1));
  }
  return [];
}

export function hitAt(model: LibertyModel, pos: Position): LibertyHit | undefined {
  const doc = model.document;
  const comment = itemAt(doc.comments, pos);
  if (comment) {
    return { kind: 'comment', comment, range: comment.range };
  }
  const el = elementAt(doc, pos);
  if (!el) {
    return undefined;
  }
  if (containsPosition(el.nameRange, pos)) {
    return { kind: 'element', element: el, range: el.nameRange };
  }
  for (const a of el.attributes) {
    if (containsPosition(a.nameRange, pos)) {
      return { kind: 'attribute', element: el, attribute: a, range: a.nameRange };
    }
    if (containsPosition(a.valueRange, pos)) {
      const entry = listEntries(doc.source, a).find((e) => containsPosition(e.range, pos));
      return { kind: 'value', element: el, attribute: a, range: entry?.range ?? a.valueRange, entry };
    }
  }
  const text = textRange(doc.source, el);
  if (text && containsPosition(text, pos)) {
    return { kind: 'text', element: el, text: el.text.trim(), range: text };
  }
  return undefined;
}

/**
 * Where the trimmed character data of an element with no child elements stands (`<feature>` …
 * `</feature>`), or undefined when it has children or no text.
 */
function textRange(source: SourceText, el: XmlElement): Range | undefined {
  if (el.children.length > 0 || el.text.trim() === '') {
    return undefined;
  }
  const from = source.offsetAt(el.range.start);
  const to = source.offsetAt(el.range.end);
  const raw = source.text.slice(from, to);
  const open = raw.indexOf('>');
  const close = raw.lastIndexOf('</');
  if (open < 0 || close <= open) {
    return undefined;
  }
  const inner = raw.slice(open + 1, close);
  const lead = inner.length - inner.trimStart().length;
  const body = inner.trim();
  const s = from + open + 1 + lead;
  return { start: source.positionAt(s), end: source.positionAt(s + body.length) };
}

/** `uri` as a reader of `fromUri` would name it: a path relative to fromUri's directory. */
export function relativeName(fromUri: string, uri: string): string {
  const from = uriToPath(fromUri);
  const to = uriToPath(uri);
  if (from === undefined || to === undefined) {
    return uri;
  }
  const a = dirname(from).split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) {
    i++;
  }
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

// ---------------------------------------------------------------------------------------------
// Completion context, from the text before the cursor

export type TypingContext =
  | { kind: 'element-name'; typed: string; replace: Range; parent: XmlElement | undefined }
  | { kind: 'attribute-name'; element: string; typed: string; replace: Range; present: string[] }
  | {
      kind: 'attribute-value';
      element: string;
      attribute: string;
      /** The value written so far (up to the cursor) and its start in the document. */
      typed: string;
      valueStart: Position;
      /** The whole value when its closing quote is on the same line, else up to the cursor. */
      replace: Range;
      /** Other attributes written in the same start tag (name → value). */
      others: Map<string, string>;
    };

/** Characters looked back for the `<` of the tag being typed; tags are never this long. */
const TAG_WINDOW = 4000;
const NAME = /^[\w:.-]*/;
const ATTR = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function typingContext(model: LibertyModel, pos: Position): TypingContext | undefined {
  const source = model.document.source;
  const offset = source.offsetAt(pos);
  const lo = Math.max(0, offset - TAG_WINDOW);
  const window = source.text.slice(lo, offset);
  if (window.lastIndexOf('<!--') > window.lastIndexOf('-->')) {
    return undefined; // inside a comment, finished or not
  }
  const lt = window.lastIndexOf('<');
  if (lt < 0 || window.indexOf('>', lt) >= 0) {
    return undefined;
  }
  const tag = window.slice(lt + 1);
  if (tag.startsWith('!') || tag.startsWith('?') || tag.startsWith('/')) {
    return undefined;
  }
  const name = NAME.exec(tag)![0];
  const nameStart = lo + lt + 1;
  if (name.length === tag.length) {
    const el = elementAt(model.document, pos);
    // The element being typed may already be in the tree: its parent is the one that counts.
    const parent = el && source.offsetAt(el.range.start) === nameStart - 1 ? el.parent : el;
    return {
      kind: 'element-name',
      typed: name,
      replace: { start: source.positionAt(nameStart), end: wordEnd(source, offset, pos) },
      parent,
    };
  }
  const others = new Map<string, string>();
  let rest = tag.slice(name.length);
  let consumed = 0;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(rest); m; m = ATTR.exec(rest)) {
    others.set(m[1], m[3] ?? m[4] ?? '');
    consumed = m.index + m[0].length;
  }
  rest = rest.slice(consumed);
  const open = /([\w:.-]+)\s*=\s*(["'])([^"']*)$/.exec(rest);
  if (open) {
    const typed = open[3];
    const valueStart = source.positionAt(offset - typed.length);
    const line = source.lineText(pos.line);
    const close = line.indexOf(open[2], pos.character);
    const end = close >= 0 ? { line: pos.line, character: close } : pos;
    return {
      kind: 'attribute-value',
      element: name,
      attribute: open[1],
      typed,
      valueStart,
      replace: { start: valueStart, end },
      others,
    };
  }
  const word = /(^|\s)([\w:.-]*)$/.exec(rest);
  if (!word) {
    return undefined;
  }
  return {
    kind: 'attribute-name',
    element: name,
    typed: word[2],
    replace: { start: source.positionAt(offset - word[2].length), end: wordEnd(source, offset, pos) },
    present: [...others.keys()],
  };
}

function wordEnd(source: SourceText, offset: number, pos: Position): Position {
  const tail = NAME.exec(source.text.slice(offset, offset + 200))![0];
  return { line: pos.line, character: pos.character + tail.length };
}

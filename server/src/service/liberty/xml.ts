// Liberty configuration XML read into our own small typed tree. The maintained, error-tolerant
// @xml-tools parser does the XML (issue 4: no hand-written XML parser); this file keeps only what
// the checks need — names, attributes with the exact ranges of names and values, comments — and
// turns offsets into LSP positions through SourceText, so CR-only and CRLF files get the same
// positions as LF ones (corpus: zcee-wildfire-db2TLS.xml is CR-only).
import { parse } from '@xml-tools/parser';
import type { DocumentCstNode } from '@xml-tools/parser';
import { buildAst } from '@xml-tools/ast';
import type { XMLAttribute, XMLElement } from '@xml-tools/ast';
import type { Range } from '../types';
import { SourceText } from '../text/sourceText';

export interface XmlAttribute {
  name: string;
  /** The value without its quotes, entities decoded (`&amp;` → `&`). */
  value: string;
  nameRange: Range;
  /** Inside the quotes. */
  valueRange: Range;
  /** From the first character of the name to the closing quote. */
  range: Range;
  element: XmlElement;
}

export interface XmlElement {
  /** As written, with a namespace prefix if any (`cicsts:link`). */
  name: string;
  nameRange: Range;
  /** From `<` to the end of the closing tag (or of what was typed so far). */
  range: Range;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent: XmlElement | undefined;
  uri: string;
  /** Character data directly inside the element, entities decoded (`<feature>ssl-1.0</feature>`). */
  text: string;
  /**
   * The start tag is finished (`>` or `/>` typed). Elements still being typed are kept in the tree
   * (hover and completion want them) but take no part in the merged configuration.
   */
  complete: boolean;
}

export interface XmlComment {
  /** Between `<!--` and `-->`. */
  text: string;
  range: Range;
}

export interface XmlProblem {
  message: string;
  range: Range;
}

export interface XmlDocument {
  uri: string;
  source: SourceText;
  /** The document element (`<server>` for Liberty), undefined for an empty or hopeless text. */
  root: XmlElement | undefined;
  comments: XmlComment[];
  /** Lexer and parser errors. Schema and well-formedness are Red Hat XML's job; we only keep them. */
  problems: XmlProblem[];
}

/** The attribute of that name on the element (first one when written twice). */
export function attrOf(el: XmlElement, name: string): XmlAttribute | undefined {
  return el.attributes.find((a) => a.name === name);
}

/** Every element of the tree in document order (iterative: deep nesting must not blow the stack). */
export function* walk(root: XmlElement | undefined): Generator<XmlElement> {
  if (!root) {
    return;
  }
  const stack: XmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    yield el;
    for (let i = el.children.length - 1; i >= 0; i--) {
      stack.push(el.children[i]);
    }
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five predefined entities and character references; anything else stays as written. */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) {
    return raw;
  }
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

export function parseXml(text: string | SourceText, uri: string): XmlDocument {
  const source = typeof text === 'string' ? new SourceText(text) : text;
  let parsed: ReturnType<typeof parse>;
  let ast: ReturnType<typeof buildAst>;
  try {
    parsed = parse(source.text);
    ast = buildAst(parsed.cst as DocumentCstNode, parsed.tokenVector);
  } catch (e) {
    // The parser recurses once per nesting level: a machine-made document nested tens of thousands
    // deep exhausts the stack. No Liberty configuration is like that; give up on this text only.
    if (e instanceof RangeError) {
      const end = source.positionAt(source.text.length);
      return {
        uri,
        source,
        root: undefined,
        comments: [],
        problems: [{ message: 'The document is nested too deeply to be read.', range: { start: end, end } }],
      };
    }
    throw e;
  }
  const { tokenVector, lexErrors, parseErrors } = parsed;
  // Offsets from the parser are inclusive end offsets; ours are exclusive.
  const range = (start: number, endInclusive: number): Range => ({
    start: source.positionAt(start),
    end: source.positionAt(Math.max(start, endInclusive + 1)),
  });
  const problems: XmlProblem[] = [
    ...lexErrors.map((e) => ({ message: e.message, range: range(e.offset, e.offset + e.length - 1) })),
    ...parseErrors.map((e) => {
      const at = Number.isFinite(e.token.startOffset) ? e.token.startOffset : source.text.length;
      const end = Number.isFinite(e.token.endOffset ?? NaN) ? (e.token.endOffset as number) : at - 1;
      return { message: e.message, range: range(at, end) };
    }),
  ];
  const comments: XmlComment[] = tokenVector
    .filter((t) => t.tokenType.name === 'Comment')
    .map((t) => ({
      text: t.image.replace(/^<!--/, '').replace(/-->$/, ''),
      range: range(t.startOffset, t.endOffset ?? t.startOffset + t.image.length - 1),
    }));

  const convertAttribute = (a: XMLAttribute, element: XmlElement): XmlAttribute | undefined => {
    const key = a.syntax.key;
    const val = a.syntax.value;
    if (a.key === null || a.value === null || !key || !val) {
      return undefined; // `pass` or `pass=` while typing: no value to judge yet
    }
    return {
      name: a.key,
      value: decodeEntities(a.value),
      nameRange: range(key.startOffset, key.endOffset),
      valueRange: range(val.startOffset + 1, val.endOffset - 1),
      range: range(key.startOffset, val.endOffset),
      element,
    };
  };
  // Iterative conversion: a pathological document nested thousands deep must not overflow.
  const convert = (top: XMLElement): XmlElement | undefined => {
    let result: XmlElement | undefined;
    const stack: { node: XMLElement; parent: XmlElement | undefined }[] = [{ node: top, parent: undefined }];
    while (stack.length > 0) {
      const { node, parent } = stack.pop()!;
      const open = node.syntax.openName;
      if (node.name === null || !open) {
        continue;
      }
      const el: XmlElement = {
        name: open.image,
        nameRange: range(open.startOffset, open.endOffset),
        range: range(node.position.startOffset, node.position.endOffset),
        attributes: [],
        children: [],
        parent,
        uri,
        text: decodeEntities(node.textContents.map((t) => t.text ?? '').join('')),
        complete: node.syntax.isSelfClosing !== undefined,
      };
      for (const a of node.attributes) {
        const converted = convertAttribute(a, el);
        if (converted) {
          el.attributes.push(converted);
        }
      }
      if (parent) {
        parent.children.push(el);
      } else {
        result = el;
      }
      for (let i = node.subElements.length - 1; i >= 0; i--) {
        stack.push({ node: node.subElements[i], parent: el });
      }
    }
    return result;
  };
  const root = ast.rootElement ? convert(ast.rootElement) : undefined;
  return { uri, source, root, comments, problems };
}

// Liberty configuration XML read into our own small typed tree. htmlparser2's tokenizer (maintained,
// error-tolerant, and it reports the offset of every name, value and comment) reads the XML — issue
// 4: no hand-written XML parser; @xml-tools did this first but took ~2.5 s per MB, htmlparser2 ~0.1.
// This file keeps only what the checks need — names, attributes with the exact ranges of names and
// values, comments, character data — builds the tree with an explicit stack (no recursion: deep
// nesting cannot overflow), and turns offsets into LSP positions through SourceText, so CR-only and
// CRLF files get the same positions as LF ones (corpus: zcee-wildfire-db2TLS.xml is CR-only).
import { QuoteType, Tokenizer } from 'htmlparser2';
import type { TokenizerCallbacks } from 'htmlparser2';
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
  const t = source.text;
  const range = (start: number, end: number): Range => ({
    start: source.positionAt(start),
    end: source.positionAt(Math.max(start, end)),
  });
  const comments: XmlComment[] = [];
  const problems: XmlProblem[] = [];
  let root: XmlElement | undefined;
  /** Open elements, innermost last; the tree is built here, without recursion. */
  const open: { el: XmlElement; start: number; texts: string[] }[] = [];
  /** The element whose start tag is being read, and where its `<` is. */
  let pending: { el: XmlElement; start: number } | undefined;
  let attrName: { start: number; end: number } | undefined;
  let attrValue: { start: number; end: number } | undefined;

  const finishStartTag = (selfClosing: boolean, endIndex: number): void => {
    if (!pending) {
      return;
    }
    const { el, start } = pending;
    pending = undefined;
    el.complete = true;
    if (selfClosing) {
      el.range = range(start, endIndex + 1);
      return;
    }
    open.push({ el, start, texts: [] });
  };
  /** A start tag left unfinished (`<ssl id="a" <keyStore`): kept as typed, childless, not complete. */
  const abandonStartTag = (end: number): void => {
    if (pending) {
      pending.el.range = range(pending.start, end);
      pending = undefined;
    }
  };
  const close = (entry: { el: XmlElement; start: number; texts: string[] }, end: number): void => {
    entry.el.range = range(entry.start, end);
    entry.el.text = decodeEntities(entry.texts.join(''));
  };

  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      abandonStartTag(start - 1);
      const parent = open.length > 0 ? open[open.length - 1].el : undefined;
      const el: XmlElement = {
        name: t.slice(start, end),
        nameRange: range(start, end),
        range: range(start - 1, end),
        attributes: [],
        children: [],
        parent,
        uri,
        text: '',
        complete: false,
      };
      if (parent) {
        parent.children.push(el);
      } else if (!root) {
        root = el;
      } else {
        problems.push({
          message: `A second top-level element <${el.name}> is ignored.`,
          range: el.nameRange,
        });
      }
      pending = { el, start: start - 1 };
    },
    onattribname(start, end) {
      attrName = { start, end };
      attrValue = undefined;
    },
    onattribdata(start, end) {
      attrValue = attrValue ? { start: attrValue.start, end } : { start, end };
    },
    onattribend(quote, endIndex) {
      const name = attrName;
      attrName = undefined;
      // `pass` or `pass=` while typing has no value to judge yet.
      if (!pending || !name || quote === QuoteType.NoValue) {
        return;
      }
      const quoted = quote !== QuoteType.Unquoted;
      const valueEnd = quoted ? endIndex - 1 : endIndex;
      const value = attrValue ?? { start: valueEnd, end: valueEnd };
      pending.el.attributes.push({
        name: t.slice(name.start, name.end),
        value: decodeEntities(t.slice(value.start, value.end)),
        nameRange: range(name.start, name.end),
        valueRange: range(value.start, value.end),
        range: range(name.start, endIndex),
        element: pending.el,
      });
    },
    onopentagend(endIndex) {
      finishStartTag(false, endIndex);
    },
    onselfclosingtag(endIndex) {
      finishStartTag(true, endIndex);
    },
    onclosetag(start, end) {
      abandonStartTag(start - 2);
      const name = t.slice(start, end);
      const gt = t.indexOf('>', end);
      const tagEnd = gt < 0 ? t.length : gt + 1;
      let at = open.length - 1;
      while (at >= 0 && open[at].el.name !== name) {
        at--;
      }
      if (at < 0) {
        problems.push({ message: `</${name}> closes no open element.`, range: range(start, end) });
        return;
      }
      while (open.length - 1 > at) {
        const unclosed = open.pop()!;
        problems.push({ message: `<${unclosed.el.name}> is not closed.`, range: unclosed.el.nameRange });
        close(unclosed, start - 2);
      }
      close(open.pop()!, tagEnd);
    },
    ontext(start, end) {
      if (open.length > 0) {
        open[open.length - 1].texts.push(t.slice(start, end));
      }
    },
    oncdata(start, end, offset) {
      if (open.length > 0) {
        // CDATA is literal: escape `&` so the entity decoding of the text leaves it as written.
        open[open.length - 1].texts.push(t.slice(start, end - offset).replace(/&/g, '&amp;'));
      }
    },
    oncomment(start, end, offset) {
      // `start` is just after `<!--`; `end - offset` is where `-->` begins (offset 0: never closed).
      const closed = offset > 0;
      comments.push({
        text: t.slice(start, closed ? end - offset : end),
        range: range(start - 4, closed ? end + 1 : end),
      });
      if (!closed) {
        problems.push({ message: 'The comment is not closed with -->.', range: range(start - 4, start) });
      }
    },
    ondeclaration() {},
    onprocessinginstruction() {},
    onattribentity() {},
    ontextentity() {},
    onend() {},
  };
  // decodeEntities off: values come as one slice each, decoded here with XML's own entities only.
  const tokenizer = new Tokenizer({ xmlMode: true, decodeEntities: false }, callbacks);
  tokenizer.write(t);
  tokenizer.end();
  abandonStartTag(t.length);
  while (open.length > 0) {
    const unclosed = open.pop()!;
    problems.push({ message: `<${unclosed.el.name}> is not closed.`, range: unclosed.el.nameRange });
    close(unclosed, t.length);
  }
  return { uri, source, root, comments, problems };
}

// Suppression comments in Liberty XML (issue 4). XML has no comment inside a tag, so a directive
// for an attribute of a start tag written over several lines can only stand before the tag: a
// `zos-tls-disable-next-line` (or `-line`) that covers the line a start tag begins on covers every
// line of that start tag, and the "disable this rule for this line" action writes its comment there.
import type { Suppressions } from '../suppress';
import { disableNextLineDirective } from '../suppress';
import type { XmlDocument, XmlElement } from './xml';
import { walk } from './xml';

/**
 * The line of the `>` (or `/>`) that ends the element's start tag. After its last attribute only
 * blanks and `>` may follow, so the first `>` from there is the end; an unfinished tag ends with
 * what was typed.
 */
export function startTagEndLine(doc: XmlDocument, el: XmlElement): number {
  const last =
    el.attributes.length > 0 ? el.attributes[el.attributes.length - 1].range.end : el.nameRange.end;
  if (!el.complete) {
    return last.line;
  }
  const from = doc.source.offsetAt(last);
  const gt = doc.source.text.indexOf('>', from);
  return gt < 0 ? last.line : doc.source.positionAt(gt).line;
}

/** The directives on a start tag's first line apply to all of its lines. */
export function coverStartTags(sup: Suppressions, doc: XmlDocument): Suppressions {
  if (sup.lines.size === 0) {
    return sup;
  }
  const lines = new Map(sup.lines);
  for (const el of walk(doc.root)) {
    const first = el.range.start.line;
    const rules = sup.lines.get(first);
    if (rules === undefined) {
      continue;
    }
    const end = startTagEndLine(doc, el);
    for (let line = first + 1; line <= end; line++) {
      const there = lines.get(line);
      lines.set(line, rules === 'all' || there === 'all' ? 'all' : new Set([...(there ?? []), ...rules]));
    }
  }
  return { lines, file: sup.file };
}

/**
 * The element whose start tag began on an earlier line and runs on to `line`, if any: descends
 * only into the elements that hold the line, so a large document costs its depth, not its size.
 */
function startTagAround(doc: XmlDocument, line: number): XmlElement | undefined {
  let el = doc.root;
  while (el) {
    if (el.range.start.line < line && line <= startTagEndLine(doc, el)) {
      return el;
    }
    el = el.children.find((c) => c.range.start.line <= line && line <= c.range.end.line);
  }
  return undefined;
}

/**
 * `<!-- zos-tls-disable-next-line RULE -->` on its own line, indented like the line it stands
 * before: the finding's line, or the first line of the start tag the finding sits in. None before
 * the XML declaration, which must open the file.
 */
export function libertyDisableComment(
  doc: XmlDocument,
  rule: string,
  line: number,
): { line: number; text: string } | undefined {
  const at = startTagAround(doc, line)?.range.start.line ?? line;
  const text = doc.source.lineText(at);
  if (at === 0 && /^\uFEFF?\s*<\?xml/.test(text)) {
    return undefined;
  }
  const indent = /^[ \t]*/.exec(text)?.[0] ?? '';
  const eol = /\r\n|\r|\n/.exec(doc.source.text)?.[0] ?? '\n';
  return { line: at, text: `${indent}<!-- ${disableNextLineDirective(rule)} -->${eol}` };
}

// The one hover for a code written in free text: comments of the AT-TLS, RACF and Liberty
// documents, and whole plain-text and log documents. Every caller goes through codeHoverAt, so a
// code reads the same wherever the user meets it.
import type { HoverResult } from '../features';
import { rangeOf } from '../types';
import { codeMarkdown } from './explain';
import { codeAt } from './recognise';

export interface CodeHoverOptions {
  /** The line's number in its document, for the hover's range (0 when not given). */
  line?: number;
  /**
   * Only the columns [from, to) of the line are read: a comment's own text. A code that only a
   * character outside them completes (`RC=8` in a statement, `RSN=3070` in its comment) is not one.
   */
  from?: number;
  to?: number;
}

/** The code under `character` on one line of text, explained; undefined when there is none. */
export function codeHoverAt(
  lineText: string,
  character: number,
  options: CodeHoverOptions = {},
): HoverResult | undefined {
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(lineText.length, options.to ?? lineText.length);
  if (character < from || character > to || from >= to) {
    return undefined;
  }
  // Blanks keep the columns: offsets into `visible` are columns of the line. A whole line (a log
  // line of megabytes) is not copied.
  const visible =
    from === 0 && to === lineText.length ? lineText : ' '.repeat(from) + lineText.slice(from, to);
  const m = codeAt(visible, character);
  if (!m) {
    return undefined;
  }
  return { contents: codeMarkdown(m.entry, m), range: rangeOf(options.line ?? 0, m.start, m.end) };
}

/**
 * The text of line `line` of `text`, with LSP's line ends (CR LF, LF, lone CR); '' past the end.
 * Plain-text documents have no line index: a log of megabytes is searched with indexOf (native,
 * fast), and the next CR and the next LF are each looked for again only once passed.
 */
export function lineOfText(text: string, line: number): string {
  if (line < 0) {
    return '';
  }
  let start = 0;
  let cr = text.indexOf('\r');
  let lf = text.indexOf('\n');
  for (let l = 0; ; l++) {
    if (cr !== -1 && cr < start) {
      cr = text.indexOf('\r', start);
    }
    if (lf !== -1 && lf < start) {
      lf = text.indexOf('\n', start);
    }
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (l === line) {
      return text.slice(start, end === -1 ? text.length : end);
    }
    if (end === -1) {
      return '';
    }
    start = end + (end === cr && lf === cr + 1 ? 2 : 1);
  }
}

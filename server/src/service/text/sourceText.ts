import type { Position, Range } from '../types';

/** A document's text with a line index; positions are 0-based lines and UTF-16 code units, as in LSP. */
export class SourceText {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.lineStarts.push(i + 1);
      } else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          i++;
        }
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Line text without its line terminator. */
  lineText(line: number): string {
    const start = this.lineStarts[line];
    if (start === undefined) {
      return '';
    }
    let end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) {
      end--;
    }
    return this.text.slice(start, end);
  }

  /** LSP: a line past the end means the last line, a character past the line end means its end. */
  clamp(pos: Position): Position {
    const line = Math.min(Math.max(pos.line, 0), this.lineStarts.length - 1);
    return { line, character: Math.min(Math.max(pos.character, 0), this.lineText(line).length) };
  }

  offsetAt(pos: Position): number {
    const start = this.lineStarts[Math.min(Math.max(pos.line, 0), this.lineStarts.length - 1)];
    return Math.min(start + Math.max(pos.character, 0), this.text.length);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return { line: lo, character: offset - this.lineStarts[lo] };
  }

  getText(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Position just after the last character of the line (before its terminator). */
  lineEnd(line: number): Position {
    return { line, character: this.lineText(line).length };
  }
}

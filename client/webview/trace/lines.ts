// The raw lines of the trace, virtualised: only the rows in view are in the DOM, and their text is
// asked for by page (the extension forwards to zosTls/trace/page). A trace of millions of lines
// is taller than a browser lets an element be, so past MAX_SCROLL_PX the scroll position maps to a
// line proportionally instead of one pixel row per line (hexeditor does the same with its own bar).
import type { TracePageLine } from '../../../server/src/protocol/trace';
import { el, markdownToText } from './dom';

export const ROW_PX = 20;
export const PAGE_LINES = 200;
const MAX_SCROLL_PX = 4_000_000;
const MAX_PAGES_KEPT = 60;

export interface LinesViewOptions {
  lineCount: number;
  requestPage(fromLine: number, count: number): void;
  reveal(line: number): void;
}

export class LinesView {
  readonly element: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly body: HTMLElement;
  private readonly pages = new Map<number, TracePageLine[]>();
  private readonly pending = new Set<number>();
  private marks = new Map<number, string>();
  private selected = -1;
  private readonly scaled: boolean;

  constructor(private readonly options: LinesViewOptions) {
    const lineCount = options.lineCount;
    this.scaled = lineCount * ROW_PX > MAX_SCROLL_PX;
    this.spacer = el('div', { class: 'lines-spacer' });
    this.spacer.style.height = `${Math.min(lineCount * ROW_PX, MAX_SCROLL_PX)}px`;
    this.body = el('div', { class: 'lines-body', role: 'rowgroup' });
    this.element = el(
      'div',
      {
        class: 'lines',
        role: 'grid',
        tabindex: 0,
        'aria-label': `Trace lines (${lineCount})`,
        'aria-rowcount': lineCount,
        'aria-colcount': 2,
      },
      this.spacer,
      this.body,
    );
    this.element.addEventListener('scroll', () => this.render());
    this.element.addEventListener('keydown', (e) => this.onKey(e));
    new ResizeObserver(() => this.render()).observe(this.element);
  }

  /** Line of the top row in view. */
  firstVisible(): number {
    const n = this.options.lineCount;
    const top = this.element.scrollTop;
    if (!this.scaled) {
      return Math.min(Math.max(0, n - 1), Math.floor(top / ROW_PX));
    }
    const range = this.scaledRange();
    return Math.round((Math.min(top, range) / range) * this.lastTop());
  }

  /**
   * Scroll pixels the scaled mapping spreads the lines over: the spacer's, not scrollHeight (the
   * rows, drawn at the scroll position, would stretch it and keep the last lines out of reach).
   */
  private scaledRange(): number {
    return Math.max(1, MAX_SCROLL_PX - this.element.clientHeight);
  }

  /** The top line when the last line sits at the bottom, fully shown. */
  private lastTop(): number {
    return Math.max(0, this.options.lineCount - Math.floor(this.element.clientHeight / ROW_PX));
  }

  private visibleRows(): number {
    return Math.max(1, Math.ceil(this.element.clientHeight / ROW_PX));
  }

  /** Scrolls so that `line` is in view (a third from the top) and selects it. */
  showLine(line: number, select = true): void {
    const n = this.options.lineCount;
    const target = Math.max(0, Math.min(n - 1, line));
    if (select) {
      this.selected = target;
    }
    const top = Math.min(this.lastTop(), Math.max(0, target - Math.floor(this.visibleRows() / 3)));
    if (this.scaled) {
      this.element.scrollTop = (top / Math.max(1, this.lastTop())) * this.scaledRange();
    } else {
      this.element.scrollTop = top * ROW_PX;
    }
    this.render();
  }

  /** Lines to mark (the stop point, the lines with findings): line → class. */
  setMarks(marks: Map<number, string>): void {
    this.marks = marks;
    this.render();
  }

  receive(fromLine: number, lines: TracePageLine[]): void {
    const page = Math.floor(fromLine / PAGE_LINES);
    this.pending.delete(page);
    this.pages.set(page, lines);
    while (this.pages.size > MAX_PAGES_KEPT) {
      const oldest = this.pages.keys().next().value as number;
      this.pages.delete(oldest);
    }
    this.render();
  }

  private lineText(line: number): TracePageLine | undefined {
    const page = this.pages.get(Math.floor(line / PAGE_LINES));
    return page?.find((l) => l.line === line);
  }

  render(): void {
    const n = this.options.lineCount;
    if (n === 0) {
      this.body.replaceChildren(el('div', { class: 'muted' }, 'The trace has no lines.'));
      return;
    }
    const first = this.firstVisible();
    const last = Math.min(n, first + this.visibleRows() + 1);
    const offset = this.scaled ? this.element.scrollTop : first * ROW_PX;
    this.body.style.top = `${offset}px`;
    const want = new Set<number>();
    for (let p = Math.floor(first / PAGE_LINES); p <= Math.floor((last - 1) / PAGE_LINES); p++) {
      want.add(p);
    }
    for (const p of want) {
      if (!this.pages.has(p) && !this.pending.has(p)) {
        this.pending.add(p);
        this.options.requestPage(p * PAGE_LINES, PAGE_LINES);
      }
    }
    const rows: HTMLElement[] = [];
    for (let line = first; line < last; line++) {
      rows.push(this.row(line));
    }
    this.body.replaceChildren(...rows);
  }

  private row(line: number): HTMLElement {
    const data = this.lineText(line);
    const mark = this.marks.get(line);
    const cls = ['row', mark, line === this.selected ? 'selected' : undefined].filter(Boolean).join(' ');
    const text = el('div', { class: 'text', role: 'gridcell' });
    if (!data) {
      text.classList.add('loading');
      text.textContent = '…';
    } else {
      let at = 0;
      for (const c of data.codes) {
        if (c.start < at) {
          continue;
        }
        text.append(data.text.slice(at, c.start));
        text.appendChild(
          el(
            'span',
            { class: 'code', title: markdownToText(c.markdown), 'data-code': c.title },
            data.text.slice(c.start, c.end),
          ),
        );
        at = c.end;
      }
      text.append(data.text.slice(at));
      if (data.cut) {
        text.appendChild(el('span', { class: 'muted' }, ' … (line cut)'));
      }
    }
    const row = el(
      'div',
      {
        class: cls,
        role: 'row',
        'aria-rowindex': line + 1,
        'aria-selected': line === this.selected ? 'true' : 'false',
        'data-line': line,
      },
      el('div', { class: 'num', role: 'rowheader' }, String(line + 1)),
      text,
    );
    row.addEventListener('click', () => {
      this.selected = line;
      this.render();
      this.options.reveal(line);
    });
    return row;
  }

  private onKey(e: KeyboardEvent): void {
    const n = this.options.lineCount;
    const cur = this.selected < 0 ? this.firstVisible() : this.selected;
    const moves: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: this.visibleRows(),
      PageUp: -this.visibleRows(),
      Home: -n,
      End: n,
    };
    if (e.key in moves) {
      e.preventDefault();
      const next = Math.max(0, Math.min(n - 1, cur + moves[e.key]));
      const first = this.firstVisible();
      this.selected = next;
      if (next < first || next >= first + this.visibleRows() - 1) {
        this.showLine(next);
      } else {
        this.render();
      }
    } else if (e.key === 'Enter' && this.selected >= 0) {
      e.preventDefault();
      this.options.reveal(this.selected);
    }
  }
}

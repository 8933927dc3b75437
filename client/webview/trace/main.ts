// The trace viewer's page (issue 6): summary bar, connection list with filters, the selected
// connection's sequence diagram and findings, and the raw lines. It renders what the extension
// sends (the server's TraceSummary and pages of lines) and knows nothing of trace formats.
// All trace text goes in through textContent/attributes (dom.ts); the page's CSP forbids the rest.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type {
  ConnectionOutcome,
  TraceConnectionInfo,
  TraceFindingInfo,
  TraceSummary,
  TraceWebviewEvent,
  TraceWebviewRequest,
} from '../../../server/src/protocol/trace';
import { clear, el, icon } from './dom';
import { sequenceDiagram } from './diagram';
import { LinesView } from './lines';

interface VsCodeApi {
  postMessage(message: TraceWebviewRequest): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives the panel being hidden or reloaded (getState/setState). */
interface ViewState {
  uri?: string;
  selected?: string;
  text: string;
  outcome: string;
  job: string;
  thread: string;
  topLine: number;
}

const OUTCOME_ICON: Record<ConnectionOutcome, string> = {
  ok: 'pass',
  failed: 'error',
  stalled: 'watch',
  unknown: 'question',
};
const SEVERITY_ICON: Record<TraceFindingInfo['severity'], string> = {
  error: 'error',
  warning: 'warning',
  information: 'info',
  hint: 'lightbulb',
};

/** Connections listed at most (the filters reach the rest). */
const LIST_MAX = 1_000;

const vscode = acquireVsCodeApi();
let state: ViewState = vscode.getState() ?? { text: '', outcome: '', job: '', thread: '', topLine: 0 };
let summary: TraceSummary | undefined;
let lines: LinesView | undefined;
let visible: TraceConnectionInfo[] = [];
let active = -1;
let nextPageId = 1;
const pageFrom = new Map<number, number>();

const app = document.getElementById('app') as HTMLElement;

function save(): void {
  if (lines) {
    state.topLine = lines.firstVisible();
  }
  vscode.setState(state);
}

function post(m: TraceWebviewRequest): void {
  vscode.postMessage(m);
}

window.addEventListener('message', (e: MessageEvent<TraceWebviewEvent>) => {
  const m = e.data;
  if (!m || typeof m !== 'object') {
    return;
  }
  if (m.type === 'summary') {
    show(m.name, m.summary);
  } else if (m.type === 'page') {
    const from = pageFrom.get(m.id) ?? m.fromLine;
    pageFrom.delete(m.id);
    lines?.receive(from, m.lines);
  } else if (m.type === 'error') {
    app.prepend(el('div', { class: 'banner error', role: 'alert' }, icon('error'), ' ', m.message));
  }
});

function show(name: string, s: TraceSummary): void {
  if (state.uri !== s.uri) {
    state = { uri: s.uri, text: '', outcome: '', job: '', thread: '', topLine: 0 };
  }
  summary = s;
  clear(app);
  app.appendChild(summaryBar(name, s));
  const list = el('ul', {
    id: 'connections',
    class: 'connections',
    role: 'listbox',
    tabindex: 0,
    'aria-label': 'Connections',
  });
  const listPane = el('aside', { class: 'list-pane' }, filters(s, list), list);
  const detail = el('section', { id: 'detail', class: 'detail', 'aria-label': 'Selected connection' });
  lines = new LinesView({
    lineCount: s.lineCount,
    requestPage: (fromLine, count) => {
      const id = nextPageId++;
      pageFrom.set(id, fromLine);
      post({ type: 'page', id, fromLine, count });
    },
    reveal: (line) => {
      post({ type: 'reveal', line });
      save();
    },
  });
  lines.element.id = 'lines';
  lines.element.addEventListener('scroll', () => save());
  app.append(
    el('div', { class: 'main' }, listPane, detail),
    el('div', { class: 'lines-pane' }, lines.element),
  );
  list.addEventListener('keydown', (e) => onListKey(e, list));
  list.addEventListener('focus', () => {
    if (active < 0 && visible.length > 0) {
      setActive(
        list,
        Math.max(
          0,
          visible.findIndex((c) => c.id === state.selected),
        ),
      );
    }
  });
  if (state.selected === undefined) {
    state.selected = (s.connections.find((c) => c.outcome === 'failed') ?? s.connections[0])?.id;
  }
  renderList(list);
  renderDetail();
  lines.showLine(state.topLine, false);
  save();
}

function summaryBar(name: string, s: TraceSummary): HTMLElement {
  const count = (o: ConnectionOutcome): number => s.connections.filter((c) => c.outcome === o).length;
  const stat = (label: string, n: number, cls = ''): HTMLElement =>
    el('span', { class: `stat ${cls}` }, label, ' ', el('vscode-badge', { variant: 'counter' }, String(n)));
  const format = s.format ?? 'unknown format';
  const bar = el(
    'header',
    { id: 'summary', class: 'summary', role: 'status' },
    icon('pulse'),
    el('strong', { class: 'name' }, name),
    el('span', { class: 'format' }, `${format} · ${s.encoding} · ${s.lineCount} lines`),
    stat('Connections', s.connections.length),
    stat('Failed', count('failed'), count('failed') ? 'failed' : ''),
    stat('Stalled', count('stalled'), count('stalled') ? 'stalled' : ''),
  );
  const notes: string[] = [];
  if (s.mixed) {
    notes.push(
      `The format is not clear (${s.mixed.map((m) => `${m.format} ${m.score}`).join(', ')}); read as ${format}.`,
    );
  }
  if (s.format && !s.parsed) {
    notes.push(`${s.format} was recognised, but this build has no reader for it.`);
  }
  if (!s.format) {
    notes.push('No known trace format was recognised; the lines are shown as they are.');
  }
  if (s.truncated) {
    notes.push(s.truncated);
  }
  for (const n of notes) {
    bar.appendChild(el('span', { class: 'note' }, icon('warning'), ' ', n));
  }
  return bar;
}

function select(
  options: { value: string; label: string }[],
  id: string,
  label: string,
  value: string,
): HTMLElement {
  const sel = el('vscode-single-select', { id, 'aria-label': label, class: 'filter' });
  for (const o of options) {
    sel.appendChild(el('vscode-option', { value: o.value, selected: o.value === value }, o.label));
  }
  return sel;
}

function filters(s: TraceSummary, list: HTMLElement): HTMLElement {
  const text = el('vscode-textfield', {
    id: 'filter-text',
    placeholder: 'Filter connections',
    'aria-label': 'Filter connections by text',
    value: state.text,
  });
  text.appendChild(
    el('span', { slot: 'content-before', class: 'codicon codicon-filter', 'aria-hidden': 'true' }),
  );
  const outcomes = ['ok', 'failed', 'stalled', 'unknown'];
  const outcome = select(
    [{ value: '', label: 'All outcomes' }, ...outcomes.map((o) => ({ value: o, label: o }))],
    'filter-outcome',
    'Filter by outcome',
    state.outcome,
  );
  const distinct = (k: 'job' | 'thread'): string[] =>
    [...new Set(s.connections.map((c) => c[k]).filter((v): v is string => !!v))].sort();
  const box = el('div', { class: 'filters' }, text, outcome);
  const refresh = (): void => {
    renderList(list);
    save();
  };
  for (const k of ['job', 'thread'] as const) {
    const values = distinct(k);
    if (values.length > 1) {
      const sel = select(
        [{ value: '', label: `All ${k}s` }, ...values.map((v) => ({ value: v, label: v }))],
        `filter-${k}`,
        `Filter by ${k}`,
        state[k],
      );
      sel.addEventListener('change', () => {
        state[k] = (sel as unknown as { value: string }).value;
        refresh();
      });
      box.appendChild(sel);
    }
  }
  text.addEventListener('input', () => {
    state.text = (text as unknown as { value: string }).value;
    refresh();
  });
  outcome.addEventListener('change', () => {
    state.outcome = (outcome as unknown as { value: string }).value;
    refresh();
  });
  return box;
}

function matches(c: TraceConnectionInfo): boolean {
  if (state.outcome && c.outcome !== state.outcome) {
    return false;
  }
  if (state.job && c.job !== state.job) {
    return false;
  }
  if (state.thread && c.thread !== state.thread) {
    return false;
  }
  const q = state.text.trim().toLowerCase();
  if (!q) {
    return true;
  }
  const hay = [
    c.id,
    c.peer,
    c.job,
    c.thread,
    c.protocol,
    c.cipher,
    c.outcome,
    ...c.messages.map((m) => m.type),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  return hay.includes(q);
}

function renderList(list: HTMLElement): void {
  if (!summary) {
    return;
  }
  const all = summary.connections.filter(matches);
  // Thousands of connections (a day of a busy server) would be tens of thousands of nodes: the
  // list shows the first LIST_MAX matches and says how to see the others.
  visible = all.slice(0, LIST_MAX);
  active = -1;
  list.removeAttribute('aria-activedescendant');
  const items = visible.map((c, i) => {
    const neg = [c.protocol, c.cipher].filter(Boolean).join(' ') || 'nothing negotiated';
    const where = [
      c.job && `job ${c.job}`,
      c.thread && `thread ${c.thread}`,
      `lines ${c.firstLine + 1}–${c.lastLine + 1}`,
    ]
      .filter(Boolean)
      .join(' · ');
    const li = el(
      'li',
      {
        id: `conn-${i}`,
        role: 'option',
        class: `conn ${c.outcome}`,
        'aria-selected': c.id === state.selected ? 'true' : 'false',
        'data-id': c.id,
      },
      el(
        'div',
        { class: 'conn-head' },
        icon(OUTCOME_ICON[c.outcome]),
        el('span', { class: 'conn-id' }, c.id),
        el('vscode-badge', { class: `outcome ${c.outcome}` }, c.outcome),
      ),
      el('div', { class: 'conn-sub' }, neg),
      el('div', { class: 'conn-sub' }, where),
    );
    li.addEventListener('click', () => {
      setActive(list, i);
      choose(c.id);
    });
    return li;
  });
  if (all.length > visible.length) {
    items.push(
      el(
        'li',
        { class: 'muted more', role: 'presentation' },
        `${all.length - visible.length} more connections: filter by outcome, job, thread or text to see them.`,
      ),
    );
  }
  if (items.length === 0) {
    list.replaceChildren(
      el(
        'li',
        { class: 'muted', role: 'presentation' },
        summary.connections.length
          ? 'No connection matches the filters.'
          : 'No connection was found in this trace.',
      ),
    );
  } else {
    list.replaceChildren(...items);
  }
}

function setActive(list: HTMLElement, i: number): void {
  list.querySelector('.active')?.classList.remove('active');
  active = i;
  const li = list.querySelector(`#conn-${i}`);
  if (li) {
    li.classList.add('active');
    list.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }
}

function onListKey(e: KeyboardEvent, list: HTMLElement): void {
  if (visible.length === 0) {
    return;
  }
  const moves: Record<string, (i: number) => number> = {
    ArrowDown: (i) => Math.min(visible.length - 1, i + 1),
    ArrowUp: (i) => Math.max(0, i - 1),
    Home: () => 0,
    End: () => visible.length - 1,
  };
  if (e.key in moves) {
    e.preventDefault();
    setActive(list, moves[e.key](active < 0 ? -1 : active));
  } else if ((e.key === 'Enter' || e.key === ' ') && active >= 0) {
    e.preventDefault();
    choose(visible[active].id);
  }
}

function choose(id: string): void {
  state.selected = id;
  for (const li of document.querySelectorAll<HTMLElement>('#connections [role=option]')) {
    li.setAttribute('aria-selected', li.dataset.id === id ? 'true' : 'false');
  }
  renderDetail();
  const c = summary?.connections.find((x) => x.id === id);
  if (c) {
    lines?.showLine(c.stopLine ?? c.firstLine);
  }
  save();
}

function goTo(line: number): void {
  lines?.showLine(line);
  post({ type: 'reveal', line });
  save();
}

function renderDetail(): void {
  const detail = document.getElementById('detail');
  if (!detail || !summary) {
    return;
  }
  const c = summary.connections.find((x) => x.id === state.selected);
  const rank = (f: TraceFindingInfo): number => Object.keys(SEVERITY_ICON).indexOf(f.severity);
  // The worst first (the failure and its cause), then by line; the codes explained after.
  const own = (c ? summary.findings.filter((f) => f.connection === c.id) : summary.findings)
    .slice()
    .sort((a, b) => rank(a) - rank(b) || a.line - b.line);
  const marks = new Map<number, string>();
  for (const f of own) {
    marks.set(f.line, `mark-finding ${f.severity}`);
  }
  if (c && c.stopLine !== undefined && c.outcome !== 'ok') {
    marks.set(c.stopLine, 'mark-stop');
  }
  lines?.setMarks(marks);
  clear(detail);
  if (c) {
    const neg = [c.protocol, c.cipher].filter(Boolean).join(' ') || 'nothing negotiated';
    detail.append(
      el(
        'h2',
        { class: 'conn-title' },
        icon(OUTCOME_ICON[c.outcome]),
        ' ',
        c.id,
        ' ',
        el('vscode-badge', { class: `outcome ${c.outcome}` }, c.outcome),
      ),
      el('p', { class: 'muted' }, [neg, c.peer && `peer ${c.peer}`].filter(Boolean).join(' · ')),
      el('div', { id: 'diagram' }, sequenceDiagram(c, goTo)),
    );
  }
  const title = c ? `Findings of ${c.id}` : 'Findings';
  const list = el('ul', { id: 'findings', class: 'findings', 'aria-label': title });
  for (const f of own) {
    list.appendChild(
      el(
        'li',
        { class: `finding ${f.severity}` },
        el(
          'div',
          { class: 'finding-head' },
          icon(SEVERITY_ICON[f.severity], f.severity),
          el('code', {}, f.rule),
          lineButton(f.line),
          f.href ? el('a', { href: f.href, class: 'ref' }, 'Reference') : null,
        ),
        el('p', { class: 'message' }, f.message),
        ...(f.related ?? []).map((r) => settingLink(r)),
      ),
    );
  }
  detail.append(
    el('h3', {}, title),
    own.length ? list : el('p', { class: 'muted' }, c ? 'No finding for this connection.' : 'No finding.'),
  );
}

/** A line of the workspace's configuration the finding names: opens that file at that line. */
function settingLink(r: { uri: string; line: number; message: string }): HTMLElement {
  const file = decodeURIComponent(r.uri.split('/').pop() ?? r.uri);
  const b = el('button', { class: 'line-link', type: 'button' }, `${file}:${r.line + 1}`);
  b.addEventListener('click', () => post({ type: 'reveal', line: r.line, uri: r.uri }));
  return el('p', { class: 'related' }, icon('go-to-file'), ' ', b, ' ', r.message);
}

function lineButton(line: number): HTMLElement {
  const b = el('button', { class: 'line-link', type: 'button' }, `line ${line + 1}`);
  b.addEventListener('click', () => goTo(line));
  return b;
}

post({ type: 'ready' });

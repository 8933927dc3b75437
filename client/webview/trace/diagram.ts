// The sequence diagram of one connection: client and server lifelines, one arrow per handshake
// message in trace order, alerts in the error colour, and the point where the handshake stopped
// marked. Built as SVG elements with text nodes (dom.ts), so a message name from the trace is text.
import type { TraceConnectionInfo } from '../../../server/src/protocol/trace';
import { el, svg } from './dom';

const WIDTH = 520;
const LEFT = 90;
const RIGHT = WIDTH - 90;
const TOP = 44;
const STEP = 30;

export function sequenceDiagram(conn: TraceConnectionInfo, onLine: (line: number) => void): HTMLElement {
  const stopped = conn.outcome === 'failed' || conn.outcome === 'stalled';
  const rows = conn.messages.length + (conn.outcome === 'stalled' ? 1 : 0);
  const height = TOP + Math.max(1, rows) * STEP + 20;
  const root = svg('svg', {
    class: 'diagram',
    viewBox: `0 0 ${WIDTH} ${height}`,
    width: WIDTH,
    height,
    role: 'img',
    'aria-label': `Handshake of ${conn.id}: ${conn.messages.length} messages, ${conn.outcome}`,
  });
  root.appendChild(
    svg('defs', {}, arrowMarker('arrow', 'arrow-head'), arrowMarker('arrow-alert', 'arrow-head alert')),
  );
  for (const [x, name] of [
    [LEFT, 'Client'],
    [RIGHT, 'Server'],
  ] as const) {
    root.appendChild(svg('text', { x, y: 18, class: 'actor', 'text-anchor': 'middle' }, name));
    root.appendChild(svg('line', { x1: x, y1: 26, x2: x, y2: height - 8, class: 'lifeline' }));
  }
  conn.messages.forEach((m, i) => {
    const y = TOP + i * STEP;
    const isAlert = m.type === 'Alert';
    const isStop = stopped && m.line === conn.stopLine;
    const label =
      isAlert && m.alert
        ? `Alert ${[m.alert.level, m.alert.description, m.alert.code].filter((x) => x !== undefined).join(' ')}`
        : m.type;
    const g = svg('g', {
      class: `msg${isAlert ? ' alert' : ''}${isStop ? ' stop' : ''}`,
      'data-line': m.line,
      tabindex: 0,
      role: 'button',
      'aria-label': `${label} from ${m.from}, line ${m.line + 1}`,
    });
    if (m.from === 'unknown') {
      g.appendChild(svg('circle', { cx: WIDTH / 2, cy: y, r: 4, class: 'dot' }));
    } else {
      const [x1, x2] = m.from === 'client' ? [LEFT, RIGHT] : [RIGHT, LEFT];
      g.appendChild(
        svg('line', {
          x1,
          y1: y,
          x2,
          y2: y,
          class: 'arrow',
          'marker-end': `url(#${isAlert ? 'arrow-alert' : 'arrow'})`,
        }),
      );
    }
    g.appendChild(svg('text', { x: WIDTH / 2, y: y - 5, 'text-anchor': 'middle', class: 'label' }, label));
    g.appendChild(svg('text', { x: 6, y: y + 4, class: 'lineno' }, String(m.line + 1)));
    if (isStop) {
      g.appendChild(svg('text', { x: WIDTH - 6, y: y + 4, 'text-anchor': 'end', class: 'stop-mark' }, '✕'));
    }
    g.addEventListener('click', () => onLine(m.line));
    g.addEventListener('keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Enter') {
        onLine(m.line);
      }
    });
    root.appendChild(g);
  });
  if (conn.outcome === 'stalled') {
    const y = TOP + conn.messages.length * STEP;
    root.appendChild(
      svg(
        'text',
        { x: WIDTH / 2, y, 'text-anchor': 'middle', class: 'stall-mark' },
        '… no further message: the handshake stalled here',
      ),
    );
  }
  const box = el('div', { class: 'diagram-box' }, root);
  if (conn.messages.length === 0) {
    box.appendChild(
      el(
        'p',
        { class: 'muted' },
        stopped && conn.stopLine !== undefined
          ? `No handshake message was traced; it stopped at line ${conn.stopLine + 1}.`
          : 'No handshake message was traced for this connection.',
      ),
    );
  }
  return box;
}

function arrowMarker(id: string, cls: string): SVGElement {
  return svg(
    'marker',
    {
      id,
      viewBox: '0 0 10 10',
      refX: 9,
      refY: 5,
      markerWidth: 7,
      markerHeight: 7,
      orient: 'auto-start-reverse',
    },
    svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }),
  );
}

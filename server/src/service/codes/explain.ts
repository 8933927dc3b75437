// What a recognised code means, for the hover (Markdown) and for `zos-tls explain` (JSON). The words
// are the reference's (codes.json); this module only arranges them, links the sources and says
// "uncertain" wherever the reference does.
import type { CodeEntry, CodeKind } from '../knowledge/codes';
import { ALL_CODES } from '../knowledge/codes';
import type { CodeMatch } from './recognise';
import { recogniseLine } from './recognise';

const KIND_LABEL: Record<CodeKind, string> = {
  'tls-alert': 'TLS alert',
  'handshake-type': 'TLS handshake message type',
  'content-type': 'TLS record content type',
  'protocol-version': 'TLS protocol version',
  'gsk-rc': 'System SSL return code',
  'gsk-trace-type': 'System SSL trace record type',
  'attls-rc': 'AT-TLS return code',
  'attls-message': 'AT-TLS message',
  'icsf-reason': 'ICSF return / reason code',
  'icsf-service': 'ICSF callable service',
  'racf-message': 'RACF message',
  'java-error': 'Java TLS error text',
  'liberty-message': 'Liberty message',
};

export function kindLabel(kind: CodeKind): string {
  return KIND_LABEL[kind];
}

const isUrl = (s: string): boolean => /^https?:\/\//.test(s);

/** The first URL of the entry's sources (the JSON form has one `source`). */
export function primarySource(e: CodeEntry): string | undefined {
  return e.sources.find(isUrl);
}

function sourceLine(e: CodeEntry): string {
  if (e.sources.length === 0) {
    return 'Source: not recorded in the reference.';
  }
  const parts = e.sources.map((s) => {
    if (!isUrl(s)) {
      return s;
    }
    let label = s;
    try {
      const u = new URL(s);
      label = `${u.hostname}${u.pathname.length > 40 ? `/…${u.pathname.slice(-32)}` : u.pathname}`;
    } catch {
      // keep the raw text as the label
    }
    return `[${label}](${s})`;
  });
  return `Source: ${parts.join(' · ')}`;
}

const UNCERTAIN =
  '⚠ **uncertain** — the reference marks this entry as resting on a secondary source, on memory, or on a number whose IBM wording was not retrieved; confirm before acting on it.';

/** Markdown for a hover: title, meaning, z/OS causes, fix, related settings, source, uncertainty. */
export function codeMarkdown(entry: CodeEntry, match?: CodeMatch): string {
  const lines: string[] = [`**${entry.title}** — ${KIND_LABEL[entry.kind]}`];
  if (match?.reading) {
    lines.push('', `Read as: ${match.reading}.`);
  }
  if (entry.meaning) {
    lines.push('', entry.meaning);
  }
  for (const f of entry.facts) {
    lines.push('', f);
  }
  if (entry.causes.length) {
    lines.push('', '**Likely causes on z/OS**', '', ...entry.causes.map((c) => `- ${c}`));
  }
  if (entry.fix) {
    lines.push('', `**Fix:** ${entry.fix}`);
  }
  if (entry.related.length) {
    lines.push('', `**Related settings:** ${entry.related.map((r) => `\`${r}\``).join(', ')}`);
  }
  if (entry.note) {
    lines.push('', `Note: ${entry.note}`);
  }
  if (entry.uncertain) {
    lines.push('', UNCERTAIN);
  }
  lines.push('', sourceLine(entry));
  return lines.join('\n');
}

/** One match in the `zos-tls explain --format json` contract. */
export interface ExplainedMatch {
  kind: CodeKind;
  code: string;
  title: string;
  explanation: string;
  causes: string[];
  fix: string | null;
  related: string[];
  source: string | null;
  sources: string[];
  uncertain: boolean;
  /** The text as written in the query and its offsets there. */
  text: string;
  start: number;
  end: number;
  reading?: string;
}

export interface ExplainResult {
  query: string;
  matches: ExplainedMatch[];
}

export interface ExplainReport {
  version: 1;
  results: ExplainResult[];
}

function explained(m: CodeMatch): ExplainedMatch {
  const e = m.entry;
  return {
    kind: e.kind,
    code: e.code,
    title: e.title,
    explanation: [e.meaning, ...e.facts].filter(Boolean).join(' '),
    causes: e.causes,
    fix: e.fix ?? null,
    related: e.related,
    source: primarySource(e) ?? e.sources[0] ?? null,
    sources: e.sources,
    uncertain: e.uncertain,
    text: m.text,
    start: m.start,
    end: m.end,
    ...(m.reading ? { reading: m.reading } : {}),
  };
}

/**
 * A query that is nothing but a code (`402`, `5003`, `8/BFE`, `bad_certificate`, `0x0335308f`):
 * the user has already told us it is a code, so every table entry that lists the query among its
 * written forms is an answer — a bare `8` may be a System SSL rc and an ICSF return code.
 */
function bareLookup(query: string): CodeMatch[] {
  const q = query.trim();
  if (!q || q.length > 200) {
    return [];
  }
  const lower = q.toLowerCase();
  const start = query.indexOf(q);
  return ALL_CODES.filter(
    (e) => e.kind !== 'java-error' && e.forms.some((f) => f.toLowerCase() === lower),
  ).map((entry) => ({ start, end: start + q.length, text: q, entry }));
}

/** Every code recognised in one argument: in context first, else the argument read as a bare code. */
export function explainQuery(query: string): ExplainResult {
  const inText = recogniseLine(query);
  const matches = inText.length ? inText : bareLookup(query);
  return { query, matches: matches.map(explained) };
}

export function explainAll(queries: readonly string[]): ExplainReport {
  return { version: 1, results: queries.map(explainQuery) };
}

/** Plain-text rendering for the terminal. */
export function explainText(report: ExplainReport): string {
  const out: string[] = [];
  for (const r of report.results) {
    out.push(`${r.query}`);
    if (r.matches.length === 0) {
      out.push('  no code recognised', '');
      continue;
    }
    for (const m of r.matches) {
      out.push(`  ${m.text}  →  ${m.title} (${KIND_LABEL[m.kind]})${m.uncertain ? '  [uncertain]' : ''}`);
      if (m.reading) {
        out.push(`    read as: ${m.reading}`);
      }
      if (m.explanation) {
        out.push(`    ${m.explanation}`);
      }
      for (const c of m.causes) {
        out.push(`    - ${c}`);
      }
      if (m.fix) {
        out.push(`    fix: ${m.fix}`);
      }
      if (m.related.length) {
        out.push(`    related: ${m.related.join('; ')}`);
      }
      if (m.source) {
        out.push(`    source: ${m.source}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}

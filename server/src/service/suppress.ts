// In-file switches, eslint style, written in the language's own comment syntax:
//   zos-tls-disable-next-line attls/weak-cipher, attls/obsolete-protocol
//   zos-tls-disable-line attls/weak-cipher      (at the end of the offending line)
//   zos-tls-disable-file attls/trace-verbose    (anywhere in the file)
// Without ids, every rule is switched off for that line (or file).
import type { Finding } from './types';

export interface CommentText {
  line: number;
  text: string;
}

export interface Suppressions {
  lines: Map<number, Set<string> | 'all'>;
  file: Set<string> | 'all' | undefined;
}

const DIRECTIVE = /\bzos-tls-disable-(next-line|line|file)\b(.*)$/;

function merge(a: Set<string> | 'all' | undefined, ids: string[]): Set<string> | 'all' {
  if (a === 'all' || ids.length === 0) {
    return 'all';
  }
  const s = a ?? new Set<string>();
  ids.forEach((i) => s.add(i));
  return s;
}

export function parseSuppressions(comments: Iterable<CommentText>): Suppressions {
  const lines = new Map<number, Set<string> | 'all'>();
  let file: Set<string> | 'all' | undefined;
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text);
    if (!m) {
      continue;
    }
    const ids = m[2]
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter((s) => /^[a-z]+\/[a-z0-9-]+$/.test(s));
    if (m[1] === 'file') {
      file = merge(file, ids);
    } else {
      const line = m[1] === 'next-line' ? c.line + 1 : c.line;
      lines.set(line, merge(lines.get(line), ids));
    }
  }
  return { lines, file };
}

function covers(s: Set<string> | 'all' | undefined, rule: string): boolean {
  return s === 'all' || (s !== undefined && s.has(rule));
}

export function applySuppressions(findings: Finding[], sup: Suppressions): Finding[] {
  return findings.filter(
    (f) => !covers(sup.file, f.rule) && !covers(sup.lines.get(f.range.start.line), f.rule),
  );
}

/** The comment text that switches a rule off for one line. */
export function disableNextLineDirective(rule: string): string {
  return `zos-tls-disable-next-line ${rule}`;
}

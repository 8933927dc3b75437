// Code actions keyed on findings (vscode-eslint's family): each fix a rule offers, then "Disable
// <rule> for this line" written as the language's own comment directive (suppress.ts).
import type { CodeActionResult, Range } from './features';
import type { Finding, Position } from './types';

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Touching counts: a cursor at the end of a finding (an empty range) still asks about it. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Quick-fixes carried by findings, plus "disable this rule for this line". */
export function codeActionsFor(
  uri: string,
  findings: readonly Finding[],
  range: Range,
  lineComment: (ruleId: string, line: number) => { line: number; text: string } | undefined,
): CodeActionResult[] {
  const fixes: CodeActionResult[] = [];
  // Rule → the finding lines to switch off, in finding order; the first finding names the action.
  const disable = new Map<string, { index: number; lines: number[] }>();
  findings.forEach((finding, index) => {
    if (!overlaps(finding.range, range)) {
      return;
    }
    for (const fix of finding.fixes ?? []) {
      fixes.push({
        title: fix.title,
        kind: 'quickfix',
        rule: finding.rule,
        ...(fix.isPreferred !== undefined ? { isPreferred: fix.isPreferred } : {}),
        edit: { changes: { [uri]: fix.edits } },
        findingIndex: index,
      });
    }
    // file/… findings describe the file as a whole (unreadable, too large) and are not subject to
    // in-file directives, so a comment would not switch them off.
    if (finding.rule.startsWith('file/')) {
      return;
    }
    const entry = disable.get(finding.rule) ?? { index, lines: [] };
    if (!entry.lines.includes(finding.range.start.line)) {
      entry.lines.push(finding.range.start.line);
    }
    disable.set(finding.rule, entry);
  });

  const disables: CodeActionResult[] = [];
  for (const [rule, { index, lines }] of disable) {
    const comments = lines
      .map((line) => lineComment(rule, line))
      .filter((c): c is { line: number; text: string } => c !== undefined)
      // Two findings may share one comment line (XML: both in a start tag written over lines).
      .filter((c, i, all) => all.findIndex((o) => o.line === c.line) === i);
    if (!comments.length) {
      continue;
    }
    disables.push({
      title:
        comments.length === 1
          ? `Disable ${rule} for this line`
          : `Disable ${rule} for these ${comments.length} lines`,
      kind: 'quickfix',
      rule,
      // A directive goes on the line above: insert at column 0 of the finding's line.
      edit: {
        changes: {
          [uri]: comments.map((c) => ({
            range: { start: { line: c.line, character: 0 }, end: { line: c.line, character: 0 } },
            newText: c.text,
          })),
        },
      },
      findingIndex: index,
    });
  }
  return [...fixes, ...disables];
}

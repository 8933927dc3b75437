// Helpers for the LSP-over-stdio suites (attls.test.ts, racf.test.ts): ranges, the diagnostics of a
// publish, the next publish after an edit, and the clean shutdown every suite ends with.
import assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol/node';
import type { Session } from './client';

/** A hang guard for a whole suite. */
export const HANG_GUARD = { timeout: 30_000 };

export function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

/** The text a single-line range covers. */
export function textAt(text: string, r: Range): string {
  assert.equal(r.start.line, r.end.line, 'single-line range expected');
  return text.split(/\r?\n/)[r.start.line].slice(r.start.character, r.end.character);
}

export function byCode(p: PublishDiagnosticsParams, code: string): Diagnostic[] {
  return p.diagnostics.filter((d) => d.code === code);
}

/** Resolves with the first publish for `uri` that arrives after this call. */
export function nextDiagnostics(s: Session, uri: string): Promise<PublishDiagnosticsParams> {
  const mark = s.published.length;
  return s.diagnostics(uri, (p) => s.published.indexOf(p) >= mark);
}

/**
 * Shuts the session down: no handler may have thrown (runSafe would hide it from the editor, but
 * not from the log), and the server exits 0 after shutdown + exit.
 */
export async function closeCleanly(s: Session): Promise<void> {
  const errors = s.logs.filter((l) => l.type === 1).map((l) => l.message);
  const code = await s.close();
  assert.deepEqual(errors, [], 'the server logged errors');
  assert.equal(code, 0, `the server should exit 0 after shutdown + exit; stderr:\n${s.stderr()}`);
}

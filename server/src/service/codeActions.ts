import type { CodeActionResult, Range } from './features';
import type { Finding } from './types';

/** Quick-fixes carried by findings, plus "disable this rule for this line". */
export function codeActionsFor(
  _uri: string,
  _findings: readonly Finding[],
  _range: Range,
  _lineComment: (ruleId: string, line: number) => { line: number; text: string } | undefined,
): CodeActionResult[] {
  return [];
}

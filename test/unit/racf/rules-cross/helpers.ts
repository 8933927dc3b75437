// Runs the whole RACF pipeline on text for the cross-command rule tests, and applies fixes so a
// test can re-check the result. "today" is fixed so no finding depends on the date.
import { analyzeRacf } from '../../../../server/src/service/racf/analyze';
import type { RacfLanguage } from '../../../../server/src/service/racf/model';
import { SourceText } from '../../../../server/src/service/text/sourceText';
import type { Finding, Fix } from '../../../../server/src/service/types';

export const TODAY = new Date(2026, 10, 23);

export function findings(text: string, rule: string, language: RacfLanguage = 'racf'): Finding[] {
  return analyzeRacf(text, language, { today: TODAY }).findings.filter((f) => f.rule === rule);
}

export function all(text: string, language: RacfLanguage = 'racf'): Finding[] {
  return analyzeRacf(text, language, { today: TODAY }).findings;
}

export function at(text: string, f: { range: Finding['range'] }): string {
  return new SourceText(text).getText(f.range);
}

/** Applies one fix's edits (non-overlapping) to the text. */
export function apply(text: string, fix: Fix): string {
  const src = new SourceText(text);
  const edits = [...fix.edits].sort((a, b) => src.offsetAt(b.range.start) - src.offsetAt(a.range.start));
  let out = text;
  for (const e of edits) {
    out = out.slice(0, src.offsetAt(e.range.start)) + e.newText + out.slice(src.offsetAt(e.range.end));
  }
  return out;
}

/** A batch TSO job around SYSTSIN lines. */
export function job(lines: string[]): string {
  return [
    '//RACFJOB  JOB (0),CLASS=A',
    '//STEP1    EXEC PGM=IKJEFT01',
    '//SYSTSPRT DD SYSOUT=*',
    '//SYSTSIN  DD *',
    ...lines,
    '/*',
    '',
  ].join('\n');
}

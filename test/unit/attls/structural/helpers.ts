// Shared by the structural rule tests: analyse a policy and keep one rule's findings.
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';
import type { Finding, ZosRelease } from '../../../../server/src/service/types';

export function findings(text: string, rule: string, release: ZosRelease = '3.1'): Finding[] {
  return analyzeAttls(text, { release }).findings.filter((f) => f.rule === rule);
}

/** 1-based line numbers of the findings, for compact assertions. */
export function lines(fs: Finding[]): number[] {
  return fs.map((f) => f.range.start.line + 1);
}

/** Applies one fix's edits to the text (edits given in document order, non-overlapping). */
export function applyFix(text: string, f: Finding, index = 0): string {
  const fix = f.fixes?.[index];
  if (!fix) {
    throw new Error('no fix');
  }
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n') {
      starts.push(i + 1);
    }
  }
  const off = (p: { line: number; character: number }): number => starts[p.line] + p.character;
  let out = text;
  for (const e of [...fix.edits].sort((a, b) => off(b.range.start) - off(a.range.start))) {
    out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  }
  return out;
}

/** A complete, clean policy that the tests below vary. */
export const GOOD = [
  'TTLSRule r1',
  '{',
  '  LocalPortRange 443',
  '  Direction Inbound',
  '  TTLSGroupActionRef grp',
  '  TTLSEnvironmentActionRef env',
  '}',
  'TTLSGroupAction grp',
  '{',
  '  TTLSEnabled On',
  '}',
  'TTLSEnvironmentAction env',
  '{',
  '  HandshakeRole Server',
  '  TTLSKeyringParmsRef ring',
  '  TTLSEnvironmentAdvancedParms',
  '  {',
  '    TLSv1.2 On',
  '  }',
  '}',
  'TTLSKeyringParms ring',
  '{',
  '  Keyring SRV/RING',
  '}',
  '',
].join('\n');

// Which RACF carrier a document is, from its name and its text (racdcert-reference §1): JCL with a
// batch TSO step, a REXX exec, or a plain RACF command file. Pure: no file system, no editor.

import type { RacfLanguage } from './model';

export type { RacfLanguage };

/** First words of a line that make it a RACF command (the commands the reference covers, §6). */
const RACF_COMMANDS = /^(RACDCERT|SETROPTS|SETR|PERMIT|RDEFINE|RALTER|RLIST)(?![A-Z0-9#@$])/i;

/** A batch TSO step: EXEC with PGM=IKJEFT01/1A/1B anywhere among its operands (reference §1.1). */
const TSO_STEP = /^\/\/\S*\s+EXEC\s+(?:\S*,)?PGM=(?:IKJEFT01|IKJEFT1A|IKJEFT1B)(?![A-Z0-9#@$])/im;

function extension(name: string): string {
  const base =
    name
      .replace(/[?#].*$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * The carrier of a document, or undefined when it carries no RACF commands we know of. An explicit
 * extension decides (`.jcl`, `.rexx`/`.rex`, `.racf`); otherwise the text does: a first line that is
 * a REXX comment containing the word REXX (how TSO tells an exec from a CLIST), JCL whose first statement
 * starts with `//` and that has a batch TSO step, or text whose first command line starts with a
 * RACF command name.
 */
export function detectRacfLanguage(name: string, text: string): RacfLanguage | undefined {
  switch (extension(name)) {
    case 'jcl':
      return 'jcl';
    case 'rexx':
    case 'rex':
      return 'rexx';
    case 'racf':
      return 'racf';
  }
  const all = lines(text);
  const first = all.find((l) => l.trim() !== '');
  if (first === undefined) {
    return undefined;
  }
  if (/^\s*\/\*.*\bREXX\b/i.test(all[0] ?? '')) {
    return 'rexx';
  }
  if (first.startsWith('//')) {
    return TSO_STEP.test(text) ? 'jcl' : undefined;
  }
  // Plain command files: skip comment-only lines, then the first line must be a RACF command.
  const command = all.find((l) => {
    const t = l.trim();
    return t !== '' && !(t.startsWith('/*') && t.endsWith('*/'));
  });
  return command !== undefined && RACF_COMMANDS.test(command.trim()) ? 'racf' : undefined;
}

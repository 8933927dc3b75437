// racf/unclosed-comment — evidence: racdcert-reference §1.2 "Comments" and §11 unclosed-comment.
// TSO allows comments "anywhere a blank might appear by enclosing the text within the delimiters
// /* and */" [R13]; real jobs leave the `*/` off (every block of ZCJWTR3A, ZWEKRING's commented-out
// TSS PERMIT). That TSO then ends the comment at the end of the line is the reference's reading,
// marked unverified (no IBM text found that says so), hence information and a message that says so.
// The parser records comments only outside quoted values and only in TSO command text, so a `/*`
// in a quoted value, a REXX comment or a JCL `//*` line never reaches this rule.
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { href } from './commandHelpers';

/** Fixed 80-byte SYSTSIN records carry command text only up to column 72 (racf/columns, [R14]). */
const JCL_TEXT_COLUMNS = 72;
const CLOSE = ' */';

export const unclosedComment: RuleModule<RacfModel> = {
  id: 'racf/unclosed-comment',
  href: href('R13'),
  check(model, report) {
    for (const c of model.comments ?? []) {
      if (c.closed) {
        continue;
      }
      const written = model.source.getText(c.range).replace(/\s+$/, '');
      const end = { line: c.range.start.line, character: c.range.start.character + written.length };
      const fits = model.language !== 'jcl' || end.character + CLOSE.length <= JCL_TEXT_COLUMNS;
      const fixes: Fix[] = fits
        ? [{ title: 'Close the comment with */', edits: [{ range: { start: end, end }, newText: CLOSE }] }]
        : [];
      report({
        message:
          'This /* comment has no closing */ on its line. TSO is taken to end it at the end of the line ' +
          '(the reference marks this unverified in IBM text), so the next lines are read as commands, not as ' +
          'part of the comment. Close it with */ on the same line, and start each further comment line with its own /* … */.',
        range: { start: c.range.start, end },
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

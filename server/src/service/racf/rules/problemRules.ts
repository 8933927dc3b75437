// The racf/* rules whose findings are found while reading the text, not by judging a model: the
// carrier's (racf/columns, racf/stream-delimiter) and the TSO parser's (racf/syntax,
// racf/continuation). Each is a rule module like the others so the registry applies the user's
// severities, 'off' and suppressions to them in the same way.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { href } from './commandHelpers';
import { unclosedComment } from './unclosed-comment';

function problemRule(id: string, source: string): RuleModule<RacfModel> {
  return {
    id,
    href: href(source),
    check(model, report) {
      for (const p of [...model.problems, ...model.parseProblems]) {
        if (p.rule !== id) {
          continue;
        }
        report({
          message: p.message,
          range: p.range,
          ...('severity' in p && p.severity ? { severity: p.severity } : {}),
          ...(p.fixes ? { fixes: p.fixes } : {}),
        });
      }
    },
  };
}

export const problemRules: readonly RuleModule<RacfModel>[] = [
  problemRule('racf/syntax', 'R13'),
  problemRule('racf/continuation', 'R13'),
  problemRule('racf/columns', 'R14'),
  problemRule('racf/stream-delimiter', 'R14'),
  unclosedComment,
];

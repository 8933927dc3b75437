// attls/syntax — evidence: attls-reference §1 (any error blocks the whole install), §2 (block
// syntax), §7 rule 3 (IBM Debugger sample missing '}', IBM example 'PortGroup2 {').
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { walk } from '../parser';
import { STATEMENTS, statementDef, sourceUrl } from '../../knowledge/attlsKeywords';

const BLOCK_STATEMENTS = [
  ...new Set([...STATEMENTS.values()].filter((d) => !d.lineStatement).map((d) => d.name)),
];

export const syntax: RuleModule<AttlsModel> = {
  id: 'attls/syntax',
  href: sourceUrl('S18')!,
  check(model, report) {
    for (const p of model.doc.problems) {
      report({ message: p.message, range: p.range, ...(p.fixes ? { fixes: p.fixes } : {}) });
    }
    for (const n of walk(model.doc.nodes)) {
      if (n.kind === 'block') {
        if (!n.statement && n.keyword.text !== '{') {
          // 'PortGroup2 {': a statement keyword glued to its name.
          const glued = BLOCK_STATEMENTS.find(
            (s) =>
              n.keyword.text.toLowerCase().startsWith(s.toLowerCase()) && n.keyword.text.length > s.length,
          );
          if (glued && !n.name) {
            // IBM's own example writes 'PortGroup2' where 'PortGroup portGroup2' was meant.
            const name = n.keyword.text[0].toLowerCase() + n.keyword.text.slice(1);
            report({
              message:
                `'${n.keyword.text}' is not a statement: the block has no statement keyword and no name. ` +
                `Write '${glued} <name>', for example '${glued} ${name}'.`,
              range: n.keyword.range,
              fixes: [
                {
                  title: `Write '${glued} ${name}'`,
                  edits: [{ range: n.keyword.range, newText: `${glued} ${name}` }],
                },
              ],
            });
          }
        }
        if (n.statement && !n.parent && !n.name) {
          report({
            message: `A top-level '${n.statement}' needs a name (1–32 characters) so that rules can refer to it.`,
            range: n.keyword.range,
          });
        }
        if (n.extra.length) {
          report({
            message: `Only one name may follow '${n.keyword.text}'; '${n.extra.map((t) => t.text).join(' ')}' is not valid here.`,
            range: { start: n.extra[0].range.start, end: n.extra[n.extra.length - 1].range.end },
          });
        }
      } else if (!n.parent) {
        const def = statementDef(n.keyword.text);
        if (def && !def.lineStatement) {
          report({
            message: `'${def.name}' is a block statement: write its parameters between '{' and '}' on the lines that follow.`,
            range: n.keyword.range,
          });
        }
      }
    }
  },
};

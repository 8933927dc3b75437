// attls/duplicate-name — evidence: attls-reference §7 rule 5 (pj892031 defines four statements
// twice with different contents); §10: the behaviour on duplicate names is not documented.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import type { BlockNode } from '../parser';
import { GENERAL_SYNTAX_URL, lineNo } from './structuralHelpers';

export const duplicateName: RuleModule<AttlsModel> = {
  id: 'attls/duplicate-name',
  href: GENERAL_SYNTAX_URL,
  check(model, report) {
    const src = model.doc.source;
    for (const [type, byName] of model.globals) {
      for (const [name, blocks] of byName) {
        if (blocks.length < 2) {
          continue;
        }
        const first = blocks[0];
        const body = (b: BlockNode): string =>
          src.getText({ start: b.open.range.start, end: b.range.end }).replace(/[ \t]+/g, ' ');
        const firstBody = body(first);
        for (const b of blocks.slice(1)) {
          const same = body(b) === firstBody;
          report({
            message: `A second ${type} named '${name}' (the first is on line ${lineNo(first)}${same ? '' : ', with different contents'}). IBM does not document which one Policy Agent uses (a third-party source says the last one; uncertain), so every …Ref '${name}' is ambiguous. Rename one of them or merge them into one statement.`,
            range: b.name!.range,
            related: [{ range: first.name!.range, message: `first ${type} '${name}'` }],
          });
        }
      }
    }
  },
};

// attls/inline-and-ref — evidence: attls-reference §2 (a sub-statement is coded inline or by Ref),
// §7 rule 27 (Colin Paice's AZFEnvAction1Client has both for TTLSEnvironmentAdvancedParms).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { paramDef } from '../../knowledge/attlsKeywords';
import { href, lineNo, forEachNode } from './structuralHelpers';

export const inlineAndRef: RuleModule<AttlsModel> = {
  id: 'attls/inline-and-ref',
  href: href('S5', 'S5'),
  check(model, report) {
    forEachNode(model.doc.nodes, (b) => {
      if (b.kind !== 'block' || !b.statement) {
        return;
      }
      for (const inline of b.children) {
        if (inline.kind !== 'block' || !inline.statement) {
          continue;
        }
        const refName = paramDef(b.statement, `${inline.statement}Ref`)?.name;
        if (!refName) {
          continue;
        }
        const lower = refName.toLowerCase();
        for (const p of b.children) {
          if (p.kind !== 'param' || p.key !== lower) {
            continue;
          }
          report({
            message: `${b.statement} ${b.name?.text ?? ''} codes ${inline.statement} both inline (line ${lineNo(inline)}) and by ${refName} ${p.values[0]?.text ?? ''}. IBM does not document which one Policy Agent uses; keep one: move the inline settings into the referenced statement, or remove the Ref.`,
            range: p.range,
            related: [{ range: inline.keyword.range, message: `inline ${inline.statement}` }],
          });
        }
      }
    });
  },
};

// attls/ref-wrong-type — evidence: attls-reference §4.1 (each …Ref parameter has one fixed target
// statement type) [S13][S5], §7 rule 2.
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { paramDef } from '../../knowledge/attlsKeywords';
import { href, lineNo } from './structuralHelpers';

export const refWrongType: RuleModule<AttlsModel> = {
  id: 'attls/ref-wrong-type',
  href: href('S13', 'S13'),
  check(model, report) {
    for (const [p, res] of model.refs) {
      if (res.targets.length || !res.wrongType.length) {
        continue;
      }
      const tok = p.values[0];
      const other = res.wrongType[0];
      const otherType = other.statement ?? other.keyword.text;
      const fixes: Fix[] = [];
      // When the statement could refer to the other type instead, offer the matching Ref keyword.
      const parentType = p.parent?.statement;
      const alt = parentType ? paramDef(parentType, `${otherType}Ref`) : undefined;
      if (alt) {
        fixes.push({
          title: `Use ${alt.name} instead`,
          edits: [{ range: p.keyword.range, newText: alt.name }],
        });
      }
      report({
        message: `${p.keyword.text} must name a ${res.targetType}, but '${tok.text}' is a ${otherType} (line ${lineNo(other)}). Name a ${res.targetType} here${alt ? `, or use ${alt.name} if the ${otherType} was meant` : ''}.`,
        range: tok.range,
        related: [{ range: (other.name ?? other.keyword).range, message: `'${tok.text}' is a ${otherType}` }],
        fixes,
      });
    }
  },
};

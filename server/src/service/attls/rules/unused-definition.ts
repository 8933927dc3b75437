// attls/unused-definition — evidence: attls-reference §7 rule 32 (TNESigParms2 and
// AZFConnAdvParms1ACON in Colin Paice's policy are defined but never referenced).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import type { BlockNode, ParamNode } from '../parser';
import { href, lineNo, nearest } from './structuralHelpers';

export const unusedDefinition: RuleModule<AttlsModel> = {
  id: 'attls/unused-definition',
  href: href('S15', 'S15'),
  check(model, report) {
    // References count from every Ref parameter, inline blocks included (model.refs walks them all).
    const used = new Set<BlockNode>();
    const unresolved = new Map<string, ParamNode[]>();
    for (const [p, res] of model.refs) {
      res.targets.forEach((t) => used.add(t));
      if (!res.targets.length && !res.wrongType.length) {
        const l = unresolved.get(res.targetType) ?? [];
        l.push(p);
        unresolved.set(res.targetType, l);
      }
    }
    for (const [type, byName] of model.globals) {
      if (type === 'TTLSRule') {
        continue;
      }
      for (const [name, blocks] of byName) {
        for (const b of blocks) {
          if (used.has(b)) {
            continue;
          }
          // A misspelt reference to this statement is the likely story: say so.
          const candidates = (unresolved.get(type) ?? []).slice(0, 50);
          const miss = candidates.find((p) => nearest(p.values[0].text, [name]).length > 0);
          report({
            message: `${type} ${name} is not referenced by any …Ref in this file, so it has no effect here.${miss ? ` The unresolved ${miss.keyword.text} '${miss.values[0].text}' on line ${lineNo(miss)} probably means it.` : ''} Refer to it, or remove it if it is left over.`,
            range: b.name!.range,
            tags: ['unnecessary'],
            ...(miss
              ? { related: [{ range: miss.values[0].range, message: `unresolved '${miss.values[0].text}'` }] }
              : {}),
          });
        }
      }
    }
  },
};

// attls/repeated-parameter — evidence: attls-reference §2 (only list parameters repeat, their values
// concatenated), §7 rule 28 (eAdvAZFClient repeats TLSv1 Off / TLSv1.1 Off / TLSv1.2 On).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { paramDefFor, paramValue } from '../model';
import type { ParamNode } from '../parser';
import { isListParam } from '../../knowledge/attlsKeywords';
import { GENERAL_SYNTAX_URL, aloneOnLine, lineNo, wholeLine, forEachNode } from './structuralHelpers';

// Never echo a password, not even the earlier one.
const SECRETS = new Set(['keyringpw', 'gsk_ldap_user_pw']);

export const repeatedParameter: RuleModule<AttlsModel> = {
  id: 'attls/repeated-parameter',
  href: GENERAL_SYNTAX_URL,
  check(model, report) {
    forEachNode(model.doc.nodes, (b) => {
      if (b.kind !== 'block' || !b.statement) {
        return;
      }
      const seen = new Map<string, ParamNode>();
      for (const p of b.children) {
        if (p.kind !== 'param') {
          continue;
        }
        const def = paramDefFor(p);
        if (!def || isListParam(def) || def.type === 'inline-statement') {
          continue;
        }
        const key = def.name.toLowerCase();
        const first = seen.get(key);
        if (!first) {
          seen.set(key, p);
          continue;
        }
        const same = (paramValue(first) ?? '').toLowerCase() === (paramValue(p) ?? '').toLowerCase();
        report({
          message: `${def.name} is coded again in ${b.statement} ${b.name?.text ?? ''} (first on line ${lineNo(first)}${same ? ', with the same value' : SECRETS.has(key) ? ', with another value' : `, as '${paramValue(first) ?? ''}'`}). It is not a list parameter, and IBM does not document which occurrence counts (this checker assumes the last; uncertain). Keep one line.`,
          range: p.range,
          related: [{ range: first.range, message: `first ${def.name}` }],
          ...(aloneOnLine(model, p)
            ? {
                fixes: [
                  {
                    title: `Remove the repeated ${def.name} line`,
                    edits: [{ range: wholeLine(model, p.range.start.line), newText: '' }],
                    ...(same ? { isPreferred: true } : {}),
                  },
                ],
              }
            : {}),
        });
      }
    });
  },
};

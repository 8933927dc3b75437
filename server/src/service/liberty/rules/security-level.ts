// liberty/security-level — evidence: liberty-reference §13 LIB-TLS-011, §8 (S-CONST: Liberty's
// filter for LOW keeps only anonymous or NULL suites — no encryption; MEDIUM keeps DES and 40-bit
// suites; the values are the schema enum, compared as written). Not judged when enabledCiphers is set: the level is then ignored, which
// liberty/cipher-syntax says.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import type { LibertyModel } from '../model';
import { describe, replaceValue } from './helpers';
import { libertyRuleHref } from './href';

const WHAT: Record<string, string> = {
  LOW: 'selects only anonymous or NULL cipher suites: connections are not encrypted or not authenticated',
  MEDIUM: 'selects DES and 40-bit cipher suites, which are broken',
};

export const securityLevel: RuleModule<LibertyModel> = {
  id: 'liberty/security-level',
  href: libertyRuleHref('LIB-TLS-011'),
  check(model, report) {
    for (const el of model.elements('ssl')) {
      const level = el.attr('securityLevel');
      const ciphers = el.attr('enabledCiphers');
      if (!model.reportable(level) || (ciphers && (ciphers.unresolved || ciphers.resolved.trim() !== ''))) {
        continue;
      }
      const value = level.resolved.trim();
      const what = WHAT[value];
      if (!what) {
        continue;
      }
      const edit = replaceValue(level, 'HIGH');
      report({
        message: `securityLevel="${level.resolved.trim()}" on ${describe(el)} ${what}. Use securityLevel="HIGH" (the default) or remove the attribute.`,
        range: level.valueRange,
        ...(value === 'MEDIUM' ? { severity: 'warning' as Severity } : {}),
        ...(edit ? { fixes: [{ title: 'Set securityLevel="HIGH"', edits: [edit], isPreferred: true }] } : {}),
      });
    }
  },
};

// attls/rule-incomplete — evidence: attls-reference §4.2: a TTLSRule must have Direction, a
// TTLSGroupActionRef and at least one of LocalAddr / RemoteAddr / LocalPortRange / RemotePortRange /
// Jobname / Userid (or their Ref forms) [S13][S14].
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { headerRange, href } from './structuralHelpers';

const CONDITIONS = [
  'LocalAddr',
  'RemoteAddr',
  'LocalPortRange',
  'RemotePortRange',
  'Jobname',
  'Userid',
  'LocalAddrRef',
  'RemoteAddrRef',
  'LocalAddrSetRef',
  'RemoteAddrSetRef',
  'LocalAddrGroupRef',
  'RemoteAddrGroupRef',
  'LocalPortRangeRef',
  'RemotePortRangeRef',
  'LocalPortGroupRef',
  'RemotePortGroupRef',
].map((s) => s.toLowerCase());

export const ruleIncomplete: RuleModule<AttlsModel> = {
  id: 'attls/rule-incomplete',
  href: href('S13', 'S13'),
  check(model, report) {
    for (const rule of model.rules) {
      const have = new Set<string>();
      for (const c of rule.children) {
        if (c.kind === 'param') {
          have.add(c.key);
        }
      }
      const missing: string[] = [];
      if (!have.has('direction')) {
        missing.push('Direction (Inbound, Outbound or Both)');
      }
      if (!have.has('ttlsgroupactionref')) {
        missing.push('TTLSGroupActionRef (the TTLSGroupAction it uses)');
      }
      if (!CONDITIONS.some((c) => have.has(c))) {
        missing.push(
          'a condition (LocalAddr, RemoteAddr, LocalPortRange, RemotePortRange, Jobname or Userid)',
        );
      }
      if (missing.length) {
        report({
          message: `TTLSRule ${rule.name?.text ?? ''} lacks ${missing.join('; ')}. IBM requires all of these in every rule; add ${missing.length > 1 ? 'them' : 'it'}.`,
          range: headerRange(rule),
        });
      }
    }
  },
};

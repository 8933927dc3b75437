// attls/enabled-without-environment — evidence: attls-reference §4.2/§4.3: TTLSEnvironmentActionRef
// is required when the rule's group action has TTLSEnabled On [S15].
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { firstParam, paramsOf, resolveRef } from '../model';
import { headerRange, href } from './structuralHelpers';

export const enabledWithoutEnvironment: RuleModule<AttlsModel> = {
  id: 'attls/enabled-without-environment',
  href: href('S15', 'S15'),
  check(model, report) {
    for (const rule of model.rules) {
      if (firstParam(rule, 'TTLSEnvironmentActionRef')) {
        continue;
      }
      const group = resolveRef(model, rule, 'TTLSGroupActionRef');
      const enabled = group ? paramsOf(group, 'TTLSEnabled') : [];
      const last = enabled[enabled.length - 1];
      if (!group || !last || (last.values[0]?.text ?? '').toLowerCase() !== 'on') {
        continue;
      }
      report({
        message: `TTLSRule ${rule.name?.text ?? ''} has no TTLSEnvironmentActionRef, but its group ${group.name?.text ?? ''} has TTLSEnabled On: a rule whose group enables AT-TLS needs an environment action (key ring, handshake role). Add 'TTLSEnvironmentActionRef <name>', or set TTLSEnabled Off if the connections should stay in the clear.`,
        range: headerRange(rule),
        related: [{ range: last.range, message: 'TTLSEnabled On here' }],
      });
    }
  },
};

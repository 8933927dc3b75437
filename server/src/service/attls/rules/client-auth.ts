// attls/client-auth — evidence: attls-reference §4.6, §5.3, §7 rule 18 [S26]: ClientAuthType
// applies only with HandshakeRole ServerWithClientAuth; PassThru accepts any client certificate
// without validating it.
import type { RuleModule } from '../../rules';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import type { ParamNode } from '../parser';
import { PerLocation, activeRules, deleteParam, protocolsKnown, rangeKey, ruleList } from './protocolScope';

interface Use {
  param: ParamNode;
  withClientAuth: string[];
  otherRoles: Set<string>;
}

export const clientAuth: RuleModule<AttlsModel> = {
  id: 'attls/client-auth',
  href: sourceUrl('S26')!,
  check(model, report) {
    const found = new PerLocation<Use>();
    for (const eff of activeRules(model)) {
      const v = eff.advanced('ClientAuthType');
      if (!v.param || !protocolsKnown(model, eff)) {
        continue;
      }
      const role = eff.role.value ?? '';
      const g = found.add(rangeKey(v.param.range), eff.name, () => ({
        param: v.param!,
        withClientAuth: [],
        otherRoles: new Set<string>(),
      }));
      if (role.toLowerCase() === 'serverwithclientauth') {
        g.withClientAuth.push(eff.name);
      } else {
        g.otherRoles.add(role || '(none)');
      }
    }
    for (const { data, rules } of found.entries()) {
      const value = data.param.values[0]?.text ?? '';
      if (!data.withClientAuth.length) {
        // Coded only where no rule asks for client certificates: it does nothing. When the block is
        // shared with a ServerWithClientAuth rule (Zowe's pattern), it is doing its job there.
        report({
          message:
            `ClientAuthType ${value} has no effect: it applies only with HandshakeRole ServerWithClientAuth, and ` +
            `${ruleList(rules)} ${rules.length > 1 ? 'run' : 'runs'} as ${[...data.otherRoles].join(' / ')}. ` +
            'Set HandshakeRole ServerWithClientAuth if client certificates should be requested, else delete the line.',
          range: data.param.range,
          fixes: [{ title: 'Delete the ClientAuthType line', edits: [deleteParam(model, data.param)] }],
        });
      } else if (value.toLowerCase() === 'passthru') {
        report({
          message:
            `ClientAuthType PassThru makes client certificates optional and validates none, for ` +
            `${ruleList(data.withClientAuth)}: any certificate a client sends is accepted. Use Full (validate when ` +
            'sent), Required (the default) or SAFCheck.',
          range: data.param.range,
          fixes: [
            {
              title: 'Use ClientAuthType Required',
              edits: [{ range: data.param.values[0].range, newText: 'Required' }],
            },
          ],
        });
      }
    }
  },
};

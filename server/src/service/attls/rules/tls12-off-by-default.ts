// attls/tls12-off-by-default — evidence: attls-reference §4.6, §7 rule 12 [S1][S34]: the defaults
// are TLSv1 On, TLSv1.1 On, TLSv1.2 Off (still on z/OS 3.1, as pasearch shows), so a rule for which
// no level says `TLSv1.2 On` (nor `TLSv1.3 On`) can negotiate only TLS 1.0 or 1.1.
import type { RuleModule } from '../../rules';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { isOn } from '../model';
import type { BlockNode } from '../parser';
import {
  PerLocation,
  activeRules,
  addEnvironmentAdvanced,
  defaultsNote,
  protocolsKnown,
  rangeKey,
  ruleList,
} from './protocolScope';

export const tls12OffByDefault: RuleModule<AttlsModel> = {
  id: 'attls/tls12-off-by-default',
  href: sourceUrl('S1')!,
  check(model, report) {
    const found = new PerLocation<{ env: BlockNode; nothingOn: boolean }>();
    for (const eff of activeRules(model)) {
      const p = eff.protocols;
      if (
        p['TLSv1.2'].level !== 'default' ||
        isOn(p['TLSv1.2']) ||
        isOn(p['TLSv1.3']) ||
        !protocolsKnown(model, eff)
      ) {
        continue;
      }
      const env = eff.environment!;
      const old = isOn(p.TLSv1) || isOn(p['TLSv1.1']) || isOn(p.SSLv3) || isOn(p.SSLv2);
      const g = found.add(rangeKey(env.range), eff.name, () => ({ env, nothingOn: !old }));
      g.nothingOn &&= !old;
    }
    for (const { data, rules } of found.entries()) {
      const env = data.env;
      const add = addEnvironmentAdvanced(model, env, ['TLSv1.2 On']);
      report({
        message:
          `No level turns TLSv1.2 On (nor TLSv1.3) for ${ruleList(rules)}, and TLSv1.2 is Off by default` +
          `${defaultsNote(model.release)}: ` +
          (data.nothingOn
            ? 'with the older protocols also off, no protocol is left and every handshake fails. '
            : 'these connections can negotiate only TLS 1.0 or 1.1 (TLSv1 and TLSv1.1 are On by default). ') +
          `Add 'TLSv1.2 On' to the TTLSEnvironmentAdvancedParms of environment ${env.name?.text ?? ''}.`,
        range: (env.name ?? env.keyword).range,
        ...(add
          ? { fixes: [{ title: `Add 'TLSv1.2 On' to ${add.where}`, edits: [add.edit], isPreferred: true }] }
          : {}),
      });
    }
  },
};

// attls/tls13-only-parameter — evidence: attls-reference §4.6, §4.11, §5.5, §7 rule 33:
// MiddleBoxCompatMode, ClientKeyShareGroups and ServerKeyShareGroups concern only TLS 1.3; the
// reference infers (no IBM sentence captured) that they do nothing where TLS 1.3 is off.
import type { RuleModule } from '../../rules';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { isOn, paramsOf } from '../model';
import type { ParamNode } from '../parser';
import {
  PerLocation,
  activeRules,
  deleteParam,
  protocolsKnown,
  rangeKey,
  ruleList,
  signatureKnown,
} from './protocolScope';

export const tls13OnlyParameter: RuleModule<AttlsModel> = {
  id: 'attls/tls13-only-parameter',
  href: sourceUrl('S1')!,
  check(model, report) {
    const found = new PerLocation<{ param: ParamNode; tls13: boolean }>();
    for (const eff of activeRules(model)) {
      if (!protocolsKnown(model, eff)) {
        continue;
      }
      const tls13 = isOn(eff.protocols['TLSv1.3']);
      const params: ParamNode[] = [];
      const mbc = eff.advanced('MiddleBoxCompatMode');
      // 'Off' is the default: coding it changes nothing either way, so it is not worth a finding.
      if (mbc.param && isOn(mbc)) {
        params.push(mbc.param);
      }
      if (signatureKnown(model, eff)) {
        for (const block of eff.signatureParms) {
          params.push(...paramsOf(block, 'ClientKeyShareGroups'), ...paramsOf(block, 'ServerKeyShareGroups'));
        }
      }
      for (const p of params) {
        const g = found.add(rangeKey(p.range), eff.name, () => ({ param: p, tls13: false }));
        g.tls13 ||= tls13;
      }
    }
    for (const { data, rules } of found.entries()) {
      if (data.tls13) {
        continue;
      }
      const kw = data.param.keyword.text;
      report({
        message:
          `${kw} is a TLS 1.3 setting, but TLS 1.3 is off for every rule that uses it (${ruleList(rules)}), so it ` +
          'has no effect (inferred from what the parameter does; IBM text not captured). Delete it, or turn TLSv1.3 On ' +
          'where it is wanted.',
        range: data.param.range,
        fixes: [{ title: `Delete the ${kw} line`, edits: [deleteParam(model, data.param)] }],
      });
    }
  },
};

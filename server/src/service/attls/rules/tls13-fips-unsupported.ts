// attls/tls13-fips-unsupported — evidence: attls-reference §4.3, §5.5, §7 rule 9 [S33]: on z/OS 3.1
// and earlier AT-TLS does not support TLS 1.3 with FIPS140 on; the handshake dies silently after
// ServerHello (a real field failure). z/OS 3.2 adds FIPS 140-3 support, so no finding there.
import type { RuleModule } from '../../rules';
import type { RelatedInfo } from '../../types';
import { compareRelease } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel } from '../model';
import { fipsOn, isOn } from '../model';
import type { ParamNode } from '../parser';
import { PerLocation, activeRules, protocolsKnown, rangeKey, replaceValue, ruleList } from './protocolScope';

export const tls13FipsUnsupported: RuleModule<AttlsModel> = {
  id: 'attls/tls13-fips-unsupported',
  href: sourceUrl('S33')!,
  check(model, report) {
    if (compareRelease(model.release, '3.1') > 0) {
      return;
    }
    const found = new PerLocation<{ tls13: ParamNode; fips: ParamNode[]; values: Set<string> }>();
    for (const eff of activeRules(model)) {
      const tls13 = eff.protocols['TLSv1.3'];
      if (
        !isOn(tls13) ||
        !tls13.param ||
        !fipsOn(eff.fips) ||
        !eff.fips.param ||
        !protocolsKnown(model, eff)
      ) {
        continue;
      }
      const g = found.add(rangeKey(tls13.param.range), eff.name, () => ({
        tls13: tls13.param!,
        fips: [],
        values: new Set<string>(),
      }));
      if (!g.fips.includes(eff.fips.param)) {
        g.fips.push(eff.fips.param);
      }
      g.values.add(`FIPS140 ${eff.fips.value ?? ''}`.trim());
    }
    for (const { data, rules } of found.entries()) {
      const related: RelatedInfo[] = data.fips.map((p) => ({
        range: p.range,
        message: `FIPS140 is ${p.values[0]?.text ?? ''} here (group ${p.parent?.name?.text ?? ''})`,
      }));
      report({
        message:
          `TLS 1.3 is on here and the group of ${ruleList(rules)} has ${[...data.values].join(' / ')}: ` +
          `on z/OS ${model.release} AT-TLS does not support TLS 1.3 in FIPS mode (supported from z/OS 3.2, FIPS 140-3), ` +
          'and the handshake dies silently after ServerHello. Turn TLSv1.3 Off for these rules, or set FIPS140 Off ' +
          'if FIPS mode is not required.',
        range: data.tls13.range,
        related,
        fixes: [{ title: 'Turn TLSv1.3 Off', edits: [replaceValue(data.tls13, 'Off')] }],
      });
    }
  },
};

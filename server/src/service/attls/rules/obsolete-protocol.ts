// attls/obsolete-protocol — evidence: attls-reference §4.6, §7 rule 13 [S1][S34]: SSLv2, SSLv3,
// TLSv1 and TLSv1.1 are obsolete; TLSv1 and TLSv1.1 are On by default, so a policy that never
// turns them Off offers them.
import type { RuleModule } from '../../rules';
import type { Fix } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel, Protocol } from '../model';
import { isOn } from '../model';
import type { BlockNode, ParamNode } from '../parser';
import {
  PerLocation,
  activeRules,
  addEnvironmentAdvanced,
  defaultsNote,
  protocolsKnown,
  rangeKey,
  replaceValue,
  ruleList,
} from './protocolScope';

const OBSOLETE: readonly Protocol[] = ['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1'];

function modernOff(rulesWithoutModern: readonly string[]): string {
  return rulesWithoutModern.length
    ? ` Turn TLSv1.2 On first for ${ruleList(rulesWithoutModern)}: without it no protocol would be left.`
    : '';
}

export const obsoleteProtocol: RuleModule<AttlsModel> = {
  id: 'attls/obsolete-protocol',
  href: sourceUrl('S1')!,
  check(model, report) {
    const explicit = new PerLocation<{ param: ParamNode; proto: Protocol; noModern: string[] }>();
    const byDefault = new PerLocation<{ env: BlockNode; protos: Protocol[]; noModern: string[] }>();
    for (const eff of activeRules(model)) {
      if (!protocolsKnown(model, eff)) {
        continue;
      }
      const modern = isOn(eff.protocols['TLSv1.2']) || isOn(eff.protocols['TLSv1.3']);
      const defaults: Protocol[] = [];
      for (const proto of OBSOLETE) {
        const v = eff.protocols[proto];
        if (!isOn(v)) {
          continue;
        }
        if (v.param) {
          const g = explicit.add(rangeKey(v.param.range), eff.name, () => ({
            param: v.param!,
            proto,
            noModern: [],
          }));
          if (!modern) {
            g.noModern.push(eff.name);
          }
        } else {
          defaults.push(proto);
        }
      }
      if (defaults.length) {
        const env = eff.environment!;
        const g = byDefault.add(`${rangeKey(env.range)} ${defaults.join(' ')}`, eff.name, () => ({
          env,
          protos: defaults,
          noModern: [],
        }));
        if (!modern) {
          g.noModern.push(eff.name);
        }
      }
    }
    for (const { data, rules } of explicit.entries()) {
      report({
        message:
          `${data.proto} is obsolete and insecure, and this line turns it On for ${ruleList(rules)}. ` +
          `Set '${data.proto} Off'.${modernOff(data.noModern)}`,
        range: data.param.range,
        fixes: [
          {
            title: `Turn ${data.proto} Off`,
            edits: [replaceValue(data.param, 'Off')],
            isPreferred: !data.noModern.length,
          },
        ],
      });
    }
    for (const { data, rules } of byDefault.entries()) {
      const env = data.env;
      const names = data.protos.join(' and ');
      const lines = data.protos.map((p) => `${p} Off`);
      if (data.noModern.length) {
        lines.push('TLSv1.2 On');
      }
      const add = addEnvironmentAdvanced(model, env, lines);
      const fix: Fix | undefined = add && {
        title: `Add '${lines.join("', '")}' to ${add.where}`,
        edits: [add.edit],
        isPreferred: true,
      };
      report({
        message:
          `${names} ${data.protos.length > 1 ? 'are' : 'is'} obsolete and on by default${defaultsNote(model.release)}: ` +
          `no level of ${ruleList(rules)} turns ${data.protos.length > 1 ? 'them' : 'it'} Off. ` +
          `Add ${lines.map((l) => `'${l}'`).join(', ')} to the TTLSEnvironmentAdvancedParms of environment ` +
          `${env.name?.text ?? ''}.`,
        range: (env.name ?? env.keyword).range,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

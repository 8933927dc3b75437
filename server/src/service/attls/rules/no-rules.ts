// attls/no-rules — evidence: attls-reference §1: a policy with no rules gives EZZ4249I [S41]; §7 rule 31.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { href, isPagentConfigFile } from './structuralHelpers';

export const noRules: RuleModule<AttlsModel> = {
  id: 'attls/no-rules',
  href: href('S41', 'S41'),
  check(model, report) {
    if (
      model.fileKind !== 'policy' ||
      model.rules.length ||
      model.globals.size === 0 ||
      isPagentConfigFile(model)
    ) {
      return;
    }
    const first = model.doc.nodes.find((n) => n.kind === 'block' && n.statement) ?? model.doc.nodes[0];
    report({
      message:
        'This AT-TLS policy file defines no TTLSRule, so it maps no connection to AT-TLS (Policy Agent reports EZZ4249I for a policy without rules). Add a TTLSRule that refers to these actions; if the file only holds definitions shared through CommonTTLSConfig, switch this check off for it (zos-tls-disable-file attls/no-rules).',
      range: first.keyword.range,
    });
  },
};

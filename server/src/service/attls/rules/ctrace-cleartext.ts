// attls/ctrace-cleartext — evidence: attls-reference §4.3: CtraceClearText On shows decrypted
// application data in CTRACE and data traces [S6]; §7 rule 24.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { href, forEachNode } from './structuralHelpers';

export const ctraceCleartext: RuleModule<AttlsModel> = {
  id: 'attls/ctrace-cleartext',
  href: href('S6', 'S6'),
  check(model, report) {
    forEachNode(model.doc.nodes, (p) => {
      if (p.kind !== 'param' || !p.parent?.statement || p.key !== 'ctracecleartext') {
        return;
      }
      const v = p.values[0];
      if (v && v.text.toLowerCase() === 'on') {
        report({
          message: `CtraceClearText On in ${p.parent.statement} ${p.parent.name?.text ?? ''} makes CTRACE and data traces show the application data decrypted. Set it Off unless you are diagnosing a problem now, and turn it off again afterwards.`,
          range: p.range,
          fixes: [{ title: 'Set CtraceClearText Off', edits: [{ range: v.range, newText: 'Off' }] }],
        });
      }
    });
  },
};

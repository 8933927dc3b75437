// attls/placeholder — evidence: attls-reference §7 rule 23: Zowe's ZSS sample ships '[zss_port]',
// '[personal_label]', '[ring_name]'; the IBM MFA sample '?keyringName?' style; pj892031 'Keyring
// RINGID'. Template engines also leave '${…}' and '{zowe.…}'. Policy Agent reads such text literally,
// and a policy with errors is not installed (§1, S18).
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { href, isPlaceholderToken, templateSpans, templateLines, forEachNode } from './structuralHelpers';
import { rangeOf } from '../../types';

/**
 * ALL-CAPS words that are placeholders only where a real sample shows them, per parameter. Kept
 * deliberately short: a real key ring may well be called ZWEKRNG or RING1.
 */
const CAPS_PLACEHOLDERS: ReadonlyMap<string, string> = new Map([['RINGID', 'keyring']]);

export const placeholder: RuleModule<AttlsModel> = {
  id: 'attls/placeholder',
  href: href('S18', 'S18'),
  check(model, report) {
    const where = (kw: string | undefined): string => (kw ? ` on ${kw}` : '');
    forEachNode(model.doc.nodes, (n) => {
      const tokens = n.kind === 'block' ? (n.name ? [n.name] : []) : n.values;
      const kw = n.kind === 'param' ? n.keyword.text : n.statement;
      for (const t of tokens) {
        if (isPlaceholderToken(t.text)) {
          report({
            message: `'${t.text}'${where(kw)} is an unsubstituted template placeholder: replace it with the real value before installing the policy (Policy Agent would read it literally).`,
            range: t.range,
          });
        } else if (
          n.kind === 'param' &&
          // Look the value up first: lower-casing the keyword per value made long lines quadratic.
          CAPS_PLACEHOLDERS.has(t.text) &&
          CAPS_PLACEHOLDERS.get(t.text) === n.key
        ) {
          report({
            message: `'${t.text}'${where(kw)} looks like the placeholder of a sample policy (pj892031's attls.txt uses 'Keyring RINGID'): write your real key ring ('userid/ringname' or 'ringname'). If your ring really has this name, switch this check off for the line.`,
            range: t.range,
          });
        }
      }
    });
    // '${…}' and '{zowe.…}' break into several tokens; they are found on the text (outside comments).
    for (const line of templateLines(model).sort((a, b) => a - b)) {
      for (const [s, e] of templateSpans(model, line)) {
        const text = model.doc.source.lineText(line).slice(s, e);
        report({
          message: `'${text}' is an unsubstituted template expression: generate the policy with the value filled in (or replace it by hand) before installing it; Policy Agent would read the braces as a block.`,
          range: rangeOf(line, s, e),
        });
      }
    }
  },
};

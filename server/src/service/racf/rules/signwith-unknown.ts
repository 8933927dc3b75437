// racf/signwith-unknown — evidence: racdcert-reference §3.1 (SIGNWITH forms; the signer needs its
// private key, IRRD128I), §11 signwith-label-unknown (IBM WSC mq-zos: SIGNWITH LABEL('SYSPROG')
// though the CA was created as 'mqwebCertauth'). The model is one document: a label created by
// another job is unknown here, so the message says it may already exist in RACF.
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { href } from './commandHelpers';
import { lineOf, ownerPhrase, quote, renameFix } from './crossHelpers';
import { madeLabels, searchLabel } from './labelLookup';

export const signwithUnknown: RuleModule<RacfModel> = {
  id: 'racf/signwith-unknown',
  href: href('R1'),
  check(model, report) {
    const made = madeLabels(model);
    for (const cert of model.certificates) {
      const sw = cert.signWith;
      const label = sw?.label;
      if (!sw || !label || label.symbolic) {
        continue;
      }
      const s = searchLabel(made, sw.owner, label, cert.index);
      if (s.found) {
        continue;
      }
      const who = ownerPhrase(sw.owner);
      const fixes: Fix[] = [];
      let detail: string;
      if (s.caseOnly) {
        const exact = s.caseOnly.label.text;
        detail = ` This file creates ${quote(exact)} for ${who} on line ${lineOf(s.caseOnly.command)}: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.later) {
        detail = ` It is created only later, on line ${lineOf(s.later.command)}: move that command before this GENCERT, which cannot sign with a certificate that does not exist yet.`;
      } else {
        detail = s.similar.length
          ? ` Did you mean ${s.similar.map(quote).join(' or ')}?`
          : ' It may already exist in RACF (created by another job): check with RACDCERT LIST, and if it does, ignore this.';
        s.similar.forEach((n) =>
          fixes.push(renameFix(model, label, n, `Change to ${quote(n)}`, s.similar.length === 1)),
        );
      }
      report({
        message:
          `SIGNWITH names the label ${quote(label.text)} of ${who}, but no command in this file before it creates a certificate with that label for that owner. ` +
          `RACF signs with an existing certificate that has a private key (IRRD128I otherwise).${detail}`,
        range: label.range,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

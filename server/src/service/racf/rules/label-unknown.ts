// racf/label-unknown — evidence: racdcert-reference §3.4 (the certificate owner inside CONNECT(...),
// default the ring owner; labels case-sensitive, §2), §11 label-unknown-in-connect (WSC MQTLS
// connects 'Liberty CA' and 'zCEE CA' created by other jobs). One document is the model: the
// message says the certificate may already exist in RACF.
import type { Fix, RelatedInfo } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel, RacfOwner } from '../model';
import { sameOwner } from '../model';
import { href } from './commandHelpers';
import { lineOf, ownerPhrase, quote, renameFix } from './crossHelpers';
import { madeLabels, searchLabel } from './labelLookup';

export const labelUnknown: RuleModule<RacfModel> = {
  id: 'racf/label-unknown',
  href: href('R5'),
  check(model, report) {
    const made = madeLabels(model);
    const reported: { owner: RacfOwner; label: string; related: RelatedInfo[] }[] = [];
    for (const c of model.connections) {
      const label = c.label;
      if (!label || label.symbolic || (c.certOwner.kind === 'ID' && c.certOwner.symbolic)) {
        continue;
      }
      const s = searchLabel(made, c.certOwner, label, c.index);
      if (s.found) {
        continue;
      }
      const seen = reported.find((r) => sameOwner(r.owner, c.certOwner) && r.label === label.text);
      if (seen) {
        seen.related.push({ range: label.range, message: `also connected here (line ${lineOf(c.command)})` });
        continue;
      }
      const related: RelatedInfo[] = [];
      reported.push({ owner: c.certOwner, label: label.text, related });
      const who = ownerPhrase(c.certOwner);
      const fixes: Fix[] = [];
      let detail: string;
      if (s.caseOnly) {
        const exact = s.caseOnly.label.text;
        detail = ` This file creates ${quote(exact)} for that owner on line ${lineOf(s.caseOnly.command)}: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.later) {
        detail = ` It is created only later, on line ${lineOf(s.later.command)}: move that command before this CONNECT.`;
      } else {
        detail = s.similar.length
          ? ` Did you mean ${s.similar.map(quote).join(' or ')}?`
          : ' It may already exist in RACF (created or added by another job): check with RACDCERT LIST, and if it does, ignore this.';
        s.similar.forEach((n) =>
          fixes.push(renameFix(model, label, n, `Change to ${quote(n)}`, s.similar.length === 1)),
        );
      }
      const whose = c.certOwnerWritten ? '' : ' (no owner inside CONNECT(...): the ring owner)';
      report({
        message:
          `CONNECT names the certificate ${quote(label.text)} of ${who}${whose}, but no GENCERT or ADD before it in this file creates that label for that owner. ` +
          `RACF cannot connect a certificate it does not find.${detail}`,
        range: label.range,
        ...(fixes.length ? { fixes } : {}),
        related,
      });
    }
  },
};

// racf/label-unknown — evidence: racdcert-reference §3.4 (the certificate owner inside CONNECT(...),
// default the ring owner; labels case-sensitive, §2), §11 label-unknown-in-connect (WSC MQTLS
// connects 'Liberty CA' and 'zCEE CA' created by other jobs). Another document of the workspace
// that creates the label for that owner satisfies it; a label created nowhere may exist in RACF
// already, so it is information unless the file shows a mistake (issue 3).
import type { Fix, RelatedInfo } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { documentName } from '../workspaceFacts';
import { href } from './commandHelpers';
import {
  lineOf,
  ownerKey,
  ownerPhrase,
  quote,
  renameFix,
  searchedScope,
  unknownSeverity,
} from './crossHelpers';
import { madeLabels, searchLabel } from './labelLookup';

export const labelUnknown: RuleModule<RacfModel> = {
  id: 'racf/label-unknown',
  href: href('R5'),
  check(model, report) {
    const made = madeLabels(model);
    // One finding per owner (as sameOwner compares them) and label.
    const reported = new Map<string, RelatedInfo[]>();
    for (const c of model.connections) {
      const label = c.label;
      if (!label || label.symbolic || (c.certOwner.kind === 'ID' && c.certOwner.symbolic)) {
        continue;
      }
      const s = searchLabel(made, c.certOwner, label, c.index, model.workspace);
      // Created later in this stream: this job means to create it, too late.
      if (s.found || (s.elsewhere && !s.later)) {
        continue;
      }
      const key = `${ownerKey(c.certOwner)}\0${label.text}`;
      const seen = reported.get(key);
      if (seen) {
        seen.push({ range: label.range, message: `also connected here (line ${lineOf(c.command)})` });
        continue;
      }
      const related: RelatedInfo[] = [];
      reported.set(key, related);
      const who = ownerPhrase(c.certOwner);
      const fixes: Fix[] = [];
      let detail: string;
      let mistake = true;
      if (s.caseOnly) {
        const exact = s.caseOnly.label.text;
        detail = ` This file creates ${quote(exact)} for that owner on line ${lineOf(s.caseOnly.command)}: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.later) {
        detail = ` It is created only later, on line ${lineOf(s.later.command)}: move that command before this CONNECT.`;
      } else if (s.otherOwner) {
        detail = ` This file creates ${quote(label.text)} for ${ownerPhrase(s.otherOwner.owner)} on line ${lineOf(s.otherOwner.command)}: if that is the certificate meant, write its owner inside CONNECT(...): CERTAUTH, SITE or ID(...).`;
      } else if (s.elsewhereCaseOnly) {
        const exact = s.elsewhereCaseOnly.name;
        detail = ` ${documentName(s.elsewhereCaseOnly.uri)} creates ${quote(exact)} for that owner: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.similar.length) {
        detail = ` Did you mean ${s.similar.map(quote).join(' or ')}?`;
        s.similar.forEach((n) =>
          fixes.push(renameFix(model, label, n, `Change to ${quote(n)}`, s.similar.length === 1)),
        );
      } else {
        mistake = false;
        detail =
          ' It may already exist in RACF (created or added by another job): check with RACDCERT LIST, and if it does, ignore this.';
      }
      const whose = c.certOwnerWritten ? '' : ' (no owner inside CONNECT(...): the ring owner)';
      report({
        message:
          `CONNECT names the certificate ${quote(label.text)} of ${who}${whose}, but no GENCERT or ADD before it ${searchedScope(model)} creates that label for that owner. ` +
          `RACF cannot connect a certificate it does not find.${detail}`,
        range: label.range,
        severity: unknownSeverity(mistake),
        ...(fixes.length ? { fixes } : {}),
        related,
      });
    }
  },
};

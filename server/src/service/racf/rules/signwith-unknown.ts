// racf/signwith-unknown — evidence: racdcert-reference §3.1 (SIGNWITH forms; the signer needs its
// private key, IRRD128I), §11 signwith-label-unknown (IBM WSC mq-zos: SIGNWITH LABEL('SYSPROG')
// though the CA was created as 'mqwebCertauth'). Another document of the workspace that creates the
// label for that owner satisfies it; a label created nowhere may exist in RACF already, so it is
// information unless the file shows a mistake (issue 3).
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { documentName } from '../workspaceFacts';
import { href } from './commandHelpers';
import { lineOf, ownerPhrase, quote, renameFix, searchedScope, unknownSeverity } from './crossHelpers';
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
      const s = searchLabel(made, sw.owner, label, cert.index, model.workspace);
      // Created later in this stream: this job means to create it, too late (another job's copy
      // would make that later GENCERT fail instead).
      if (s.found || (s.elsewhere && !s.later)) {
        continue;
      }
      const who = ownerPhrase(sw.owner);
      const fixes: Fix[] = [];
      let detail: string;
      let mistake = true;
      if (s.caseOnly) {
        const exact = s.caseOnly.label.text;
        detail = ` This file creates ${quote(exact)} for ${who} on line ${lineOf(s.caseOnly.command)}: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.later) {
        detail = ` It is created only later, on line ${lineOf(s.later.command)}: move that command before this GENCERT, which cannot sign with a certificate that does not exist yet.`;
      } else if (s.otherOwner) {
        detail = ` This file creates ${quote(label.text)} for ${ownerPhrase(s.otherOwner.owner)} on line ${lineOf(s.otherOwner.command)}: if that is the certificate meant, write its owner inside SIGNWITH(...): CERTAUTH, SITE, or neither for the issuer's own certificate.`;
      } else if (s.elsewhereCaseOnly) {
        const exact = s.elsewhereCaseOnly.name;
        detail = ` ${documentName(s.elsewhereCaseOnly.uri)} creates ${quote(exact)} for ${who}: labels are case-sensitive, so write ${quote(exact)}.`;
        fixes.push(renameFix(model, label, exact, `Change to ${quote(exact)}`, true));
      } else if (s.similar.length) {
        detail = ` Did you mean ${s.similar.map(quote).join(' or ')}?`;
        s.similar.forEach((n) =>
          fixes.push(renameFix(model, label, n, `Change to ${quote(n)}`, s.similar.length === 1)),
        );
      } else {
        mistake = false;
        detail =
          ' It may already exist in RACF (created by another job): check with RACDCERT LIST, and if it does, ignore this.';
      }
      report({
        message:
          `SIGNWITH names the label ${quote(label.text)} of ${who}, but no command before it ${searchedScope(model)} creates a certificate with that label for that owner. ` +
          `RACF signs with an existing certificate that has a private key (IRRD128I otherwise).${detail}`,
        range: label.range,
        severity: unknownSeverity(mistake),
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

// racf/export-password — evidence: racdcert-reference §3.7 EXPORT (PASSWORD required for
// PKCS12B64/PKCS12DER, R23 and IBM's sample FORMAT(PKCS12DER) PASSWORD('password') R21; "The private
// key of the exported certificate must not be stored in the ICSF PKA key data set (PKDS) or command
// processing stops", R6 — which bites the PKCS #12 formats, the ones that carry the private key).
// The PKDS case is judged only for certificates a GENCERT in this stream created, for the same owner
// and the case-exact label: a certificate created elsewhere may keep its key anywhere.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { EXPORT_FORMATS_SOURCE, RACDCERT_FUNCTIONS } from '../../knowledge/racfKeywords';
import {
  href,
  keyChoice,
  nested,
  ownerOf,
  ownerText,
  racdcertCalls,
  singleValue,
  top,
  valueText,
} from './commandHelpers';
import type { Owner } from './commandHelpers';
import { ownerKey } from './crossHelpers';

const PKCS12 = new Set(['PKCS12DER', 'PKCS12B64']);

export const exportPassword: RuleModule<RacfModel> = {
  id: 'racf/export-password',
  href: href('R6'),
  check(model, report) {
    // The latest GENCERT/ADD of each owner and label: looking back through every earlier creation
    // for each EXPORT grew with the square of the job's size.
    const created = new Map<string, { label: string; pkds: string | undefined }>();
    const createdKey = (owner: Owner, label: string): string => `${ownerKey(owner)}\u0000${label}`;
    const calls = racdcertCalls(model.racf);
    calls.forEach((call) => {
      if (call.fn.name === 'GENCERT' || call.fn.name === 'ADD') {
        const wl = top(call, 'WITHLABEL');
        const label = wl ? singleValue(wl) : undefined;
        if (label && !label.symbolic) {
          const key = call.fn.name === 'GENCERT' ? keyChoice(call) : undefined;
          const store = call.operands.find(
            (o) => o.name === 'PKDS' || o.name === 'ICSF' || o.name === 'PCICC',
          );
          const pkds = key?.pkds
            ? key.keyword === 'PCICC' || key.keyword === 'ICSF'
              ? key.keyword
              : `${key.keyword}(PKDS)`
            : store?.name;
          created.set(createdKey(ownerOf(call), valueText(label)), { label: valueText(label), pkds });
        }
        return;
      }
      if (call.fn.name !== 'EXPORT') {
        return;
      }
      const format = top(call, 'FORMAT');
      const fv = format ? singleValue(format) : undefined;
      if (!fv || fv.symbolic || !PKCS12.has(valueText(fv).toUpperCase())) {
        return;
      }
      const fmt = valueText(fv).toUpperCase();
      if (!top(call, 'PASSWORD')) {
        report({
          message: `EXPORT with FORMAT(${fmt}) writes a PKCS #12 package, which carries the private key and must be protected by a password: RACF needs PASSWORD('...') with this format. Add PASSWORD(...) — and keep the password out of the job (racf/password-in-clear).`,
          range: format!.range,
          href: href(EXPORT_FORMATS_SOURCE),
        });
      }
      const labelOp = call.fnOperand ? nested('EXPORT', call.fnOperand, ['EXPORT'], 'LABEL') : undefined;
      const label = labelOp ? singleValue(labelOp) : undefined;
      if (!label || label.symbolic) {
        return;
      }
      const owner = ownerOf(call);
      const source = created.get(createdKey(owner, valueText(label)));
      if (source?.pkds) {
        report({
          message: `'${source.label}' (${ownerText(owner)}) was created in this job with ${source.pkds}, so its private key is in the ICSF PKDS; IBM: "The private key of the exported certificate must not be stored in the ICSF PKA key data set (PKDS) or command processing stops". A PKCS #12 export fails. Export the certificate alone (FORMAT(CERTB64) or CERTDER), or create the key in the RACF database if it must be exported.`,
          range: labelOp!.range,
          href: href(RACDCERT_FUNCTIONS.get('EXPORT')?.source),
        });
      }
    });
  },
};

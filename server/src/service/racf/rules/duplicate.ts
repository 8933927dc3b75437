// racf/duplicate — evidence: racdcert-reference §11 duplicate-connect (CICSTLS3 connects 'CICS CA'
// twice) and addring-repeated (CICS documentation: "If there is a key ring of the same name
// already in the RACF database, it is replaced with the new key ring" — RACF-side behaviour
// unverified, so the message says so).
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { sameOwner } from '../model';
import { href } from './commandHelpers';
import { lineOf, ownerPhrase, quote, removeCommandFix, sameRun } from './crossHelpers';

export const duplicate: RuleModule<RacfModel> = {
  id: 'racf/duplicate',
  href: href('R5'),
  check(model, report) {
    const between = (a: number, b: number, kind: 'remove' | 'delring', ring: string): boolean =>
      model.ringUses.some((u) => u.kind === kind && u.index > a && u.index < b && u.ring?.text === ring);
    model.connections.forEach((c, i) => {
      if (!c.ring || !c.label) {
        return;
      }
      const prev = model.connections
        .slice(0, i)
        .find(
          (p) =>
            sameRun(p.command, c.command) &&
            p.ring?.text === c.ring!.text &&
            p.label?.text === c.label!.text &&
            sameOwner(p.ringOwner, c.ringOwner) &&
            sameOwner(p.certOwner, c.certOwner) &&
            !between(p.index, c.index, 'remove', c.ring!.text) &&
            !between(p.index, c.index, 'delring', c.ring!.text),
        );
      if (!prev) {
        return;
      }
      const fix = removeCommandFix(model, c.command, 'Remove this CONNECT');
      const fixes: Fix[] = fix ? [fix] : [];
      report({
        message:
          `The certificate ${quote(c.label.text)} is already connected to the ring ${c.ring.text} on line ${lineOf(prev.command)}. ` +
          `Connecting it again adds nothing; if another certificate was meant here, correct the label, otherwise remove this CONNECT.`,
        range: c.label.range,
        ...(fixes.length ? { fixes } : {}),
        related: [{ range: prev.range, message: 'first connected here' }],
      });
    });
    model.rings.forEach((r, i) => {
      if (!r.name) {
        return;
      }
      const prev = model.rings
        .slice(0, i)
        .find(
          (p) =>
            sameRun(p.command, r.command) &&
            p.name?.text === r.name!.text &&
            sameOwner(p.owner, r.owner) &&
            !between(p.index, r.index, 'delring', r.name!.text),
        );
      if (!prev) {
        return;
      }
      const fix = removeCommandFix(model, r.command, 'Remove this ADDRING');
      report({
        message:
          `The ring ${r.name.text} of ${ownerPhrase(r.owner)} is already added on line ${lineOf(prev.command)}. ` +
          `IBM's CICS documentation says adding a ring of an existing name replaces it, which would drop the certificates connected in between (RACF-side behaviour unverified). Remove this ADDRING.`,
        range: r.name.range,
        ...(fix ? { fixes: [fix] } : {}),
        related: [{ range: prev.name!.range, message: 'first added here' }],
      });
    });
  },
};

// racf/duplicate — evidence: racdcert-reference §11 duplicate-connect (CICSTLS3 connects 'CICS CA'
// twice) and addring-repeated (CICS documentation: "If there is a key ring of the same name
// already in the RACF database, it is replaced with the new key ring" — RACF-side behaviour
// unverified, so the message says so).
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { firstEarlierOfGroup, lastRingUseBefore } from '../model';
import { href } from './commandHelpers';
import { lineOf, ownerKey, ownerPhrase, quote, removeCommandFix } from './crossHelpers';

export const duplicate: RuleModule<RacfModel> = {
  id: 'racf/duplicate',
  href: href('R5'),
  check(model, report) {
    // A REMOVE or DELRING of the ring in between undoes the earlier command: only one after the
    // last of those counts.
    const barrier = (index: number, ring: string, remove: boolean): number =>
      Math.max(
        lastRingUseBefore(model, 'delring', ring, index),
        remove ? lastRingUseBefore(model, 'remove', ring, index) : -1,
      );
    const key = (...parts: string[]): string => JSON.stringify(parts);
    firstEarlierOfGroup(
      model.connections,
      (c) =>
        c.ring && c.label
          ? key(c.ring.text, c.label.text, ownerKey(c.ringOwner), ownerKey(c.certOwner))
          : undefined,
      (c) => barrier(c.index, c.ring!.text, true),
      (c, prev) => {
        if (!prev || !c.ring || !c.label) {
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
      },
    );
    firstEarlierOfGroup(
      model.rings,
      (r) => (r.name ? key(r.name.text, ownerKey(r.owner)) : undefined),
      (r) => barrier(r.index, r.name!.text, false),
      (r, prev) => {
        if (!prev || !r.name) {
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
      },
    );
  },
};

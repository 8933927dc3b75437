// racf/ring-unknown — evidence: racdcert-reference §3.4 ("The ring must exist", IRRD114I), §2 (ring
// names are case-sensitive), §11 connect-unknown-ring (IBM IzODA SparkCluserRing vs
// SparkClusterRing; mq-zos ring added for user1 but connected for SYSPROG). One finding per ring
// and owner, at its first use: every later use has the same cause. Another document of the
// workspace that adds the ring for that owner satisfies the use; a ring added nowhere may exist in
// RACF already, so it is information unless the file shows a mistake (issue 3).
import type { Fix, RelatedInfo } from '../../types';
import type { RuleModule } from '../../rules';
import type { ConnectionEffect, NameRef, RacfModel, RingUseEffect } from '../model';
import type { RingEffect } from '../model';
import { documentName, searchWorkspace } from '../workspaceFacts';
import { href } from './commandHelpers';
import {
  insertBeforeEdit,
  lineOf,
  ownerKey,
  ownerOperand,
  ownerPhrase,
  renameFix,
  searchedScope,
  unknownSeverity,
} from './crossHelpers';
import { NameIndex } from './labelLookup';

type Use = (ConnectionEffect | RingUseEffect) & { ring: NameRef };

const ringIndexes = new WeakMap<RacfModel, NameIndex<RingEffect>>();

/** The rings the model adds, by name and owner (built once per model). */
function ringIndex(model: RacfModel): NameIndex<RingEffect> {
  let ix = ringIndexes.get(model);
  if (!ix) {
    ix = new NameIndex(
      model.rings,
      (r) => r.owner,
      (r) => r.name,
      (r) => r.index,
    );
    ringIndexes.set(model, ix);
  }
  return ix;
}

export const ringUnknown: RuleModule<RacfModel> = {
  id: 'racf/ring-unknown',
  href: href('R5'),
  check(model, report) {
    const uses = [...model.connections, ...model.ringUses.filter((u) => u.kind !== 'delring')]
      .filter((u): u is Use => u.ring !== undefined && !u.ring.symbolic && u.ring.text !== '*')
      .sort((a, b) => a.index - b.index);
    const rings = ringIndex(model);
    // One finding per owner (as sameOwner compares them) and ring name.
    const reported = new Map<string, RelatedInfo[]>();
    for (const use of uses) {
      const owner = use.ringOwner;
      if (rings.foundBefore(owner, use.ring.text, use.index)) {
        continue;
      }
      const later = rings.foundAfter(owner, use.ring.text, use.index);
      const elsewhere = searchWorkspace(model.workspace, 'ring', owner, use.ring.text);
      // Added later in this stream: this job means to add it, too late.
      if (elsewhere.found && !later) {
        continue;
      }
      const key = `${ownerKey(owner)}\0${use.ring.text}`;
      const seen = reported.get(key);
      if (seen) {
        seen.push({ range: use.ring.range, message: `also used here (line ${lineOf(use.command)})` });
        continue;
      }
      const related: RelatedInfo[] = [];
      reported.set(key, related);
      const caseOnly = rings.caseOnlyBefore(owner, use.ring.text, use.index);
      const otherOwner = rings.otherOwner(owner, use.ring.text);
      const similar = caseOnly ? [] : rings.similar(owner, use.ring.text, use.index);
      const fixes: Fix[] = [];
      const who = ownerPhrase(owner);
      let detail: string;
      let mistake = true;
      if (caseOnly) {
        detail = ` The ring ${caseOnly.name!.text} is added on line ${lineOf(caseOnly.command)}: ring names are case-sensitive, so write ${caseOnly.name!.text}.`;
        fixes.push(renameFix(model, use.ring, caseOnly.name!.text, `Change to ${caseOnly.name!.text}`, true));
      } else if (later) {
        detail = ` It is added only later, on line ${lineOf(later.command)}: move that ADDRING before this command.`;
      } else if (otherOwner) {
        detail = ` A ring of that name is added for ${ownerPhrase(otherOwner.owner)} on line ${lineOf(otherOwner.command)}: a ring belongs to one user, so check the ID(...) of this command.`;
      } else if (elsewhere.caseOnly) {
        const exact = elsewhere.caseOnly.name;
        detail = ` ${documentName(elsewhere.caseOnly.uri)} adds the ring ${exact} for that owner: ring names are case-sensitive, so write ${exact}.`;
        fixes.push(renameFix(model, use.ring, exact, `Change to ${exact}`, true));
      } else if (similar.length) {
        detail = ` Did you mean ${similar.join(' or ')}?`;
        similar.forEach((n) =>
          fixes.push(renameFix(model, use.ring, n, `Change to ${n}`, similar.length === 1)),
        );
      } else {
        mistake = false;
        detail =
          ' It may already exist in RACF (added by another job): check with RACDCERT LISTRING, and if it does, ignore this; otherwise add it with RACDCERT ADDRING first.';
      }
      if (
        use.kind === 'connect' &&
        !caseOnly &&
        !later &&
        owner.kind !== 'CERTAUTH' &&
        owner.kind !== 'SITE'
      ) {
        const add = `RACDCERT ADDRING(${use.ring.text})${owner.kind === 'ID' ? ' ' + ownerOperand(owner) : ''}`;
        fixes.push({
          title: `Add '${add}' before this command`,
          edits: [insertBeforeEdit(model, use.command, [add])],
        });
      }
      const verb = use.kind === 'connect' ? 'CONNECT' : use.kind === 'remove' ? 'REMOVE' : 'LISTRING';
      report({
        message:
          `${verb} names the key ring ${use.ring.text} of ${who}, but no RACDCERT ADDRING before it ${searchedScope(model)} adds that ring for that owner. ` +
          `RACF rejects the command if the ring does not exist (IRRD114I).${detail}`,
        range: use.ring.range,
        severity: unknownSeverity(mistake),
        ...(fixes.length ? { fixes } : {}),
        related,
      });
    }
  },
};

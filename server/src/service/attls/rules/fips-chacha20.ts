// attls/fips-chacha20 — evidence: attls-reference §5.6, §7 rule 11: ChaCha20-Poly1305 is not a
// NIST-approved algorithm; with FIPS140 on, a ChaCha20 suite in the list made the handshake fail
// in the field with ICSF CSFPSKE return code 8, reason code BFE.
import type { RuleModule } from '../../rules';
import type { RelatedInfo } from '../../types';
import { sourceUrl } from '../../knowledge/attlsKeywords';
import type { AttlsModel, CipherEntry } from '../model';
import { fipsOn } from '../model';
import type { ParamNode } from '../parser';
import { deleteEntry, describeSuite, entryRange, isChaCha20 } from './cipherLists';
import { PerLocation, activeRules, ciphersKnown, rangeKey, ruleList } from './protocolScope';

export const fipsChacha20: RuleModule<AttlsModel> = {
  id: 'attls/fips-chacha20',
  href: sourceUrl('S28')!,
  check(model, report) {
    const found = new PerLocation<{ entry: CipherEntry; fips: ParamNode[] }>();
    for (const eff of activeRules(model)) {
      if (!fipsOn(eff.fips) || !eff.fips.param || !ciphersKnown(model, eff)) {
        continue;
      }
      for (const entry of eff.ciphers.entries) {
        if (!isChaCha20(entry.suite)) {
          continue;
        }
        const g = found.add(rangeKey(entryRange(entry)), eff.name, () => ({ entry, fips: [] }));
        if (!g.fips.includes(eff.fips.param)) {
          g.fips.push(eff.fips.param);
        }
      }
    }
    for (const { data, rules } of found.entries()) {
      const suite = data.entry.suite!;
      const related: RelatedInfo[] = data.fips.map((p) => ({
        range: p.range,
        message: `FIPS140 ${p.values[0]?.text ?? ''} in group ${p.parent?.name?.text ?? ''}`,
      }));
      report({
        message:
          `${describeSuite(suite)} is a ChaCha20-Poly1305 suite, which is not NIST-approved, and the group of ` +
          `${ruleList(rules)} runs in FIPS mode (${data.fips.map((p) => `FIPS140 ${p.values[0]?.text ?? ''}`).join(', ')}): ` +
          'in a reported field failure the handshake then failed with ICSF CSFPSKE return code 8, reason code BFE. ' +
          'Remove the suite from this list, ' +
          'or give FIPS connections a cipher list without ChaCha20.',
        range: entryRange(data.entry),
        related,
        fixes: [
          {
            title: `Remove ${suite.name} from the list`,
            edits: [deleteEntry(model, data.entry)],
            isPreferred: true,
          },
        ],
      });
    }
  },
};

// racf/default-on-ca — evidence: racdcert-reference §3.4 (DEFAULT marks the certificate a server
// presents when no label is named; only one per ring, a later DEFAULT replaces the earlier one
// [unverified]; a default without a private key is useless to a server, 96C73C20), §11 default-on-ca
// (zorow UKO nine CERTAUTH connects with DEFAULT; ShopZ). The semantics are marked unverified in
// the reference, so the messages say so.
import type { Fix, Range } from '../../types';
import type { RuleModule } from '../../rules';
import type { ConnectionEffect, RacfModel } from '../model';
import { firstEarlierOfGroup, lastRingUseBefore } from '../model';
import { href } from './commandHelpers';
import { lineOf, ownerKey, quote } from './crossHelpers';

/** Removes the DEFAULT flag and the blank before it. */
function removeDefault(model: RacfModel, r: Range): Fix {
  const line = model.source.lineText(r.start.line);
  let start = r.start.character;
  while (start > 0 && (line[start - 1] === ' ' || line[start - 1] === '\t')) {
    start--;
  }
  // Keep a delimiter when DEFAULT opens the line or follows '(' directly.
  const from = start === 0 || line[start - 1] === '(' ? r.start.character : start;
  return {
    title: 'Remove DEFAULT',
    edits: [{ range: { start: { line: r.start.line, character: from }, end: r.end }, newText: '' }],
    isPreferred: true,
  };
}

function onCa(c: ConnectionEffect): boolean {
  return c.usage ? c.usage.value === 'CERTAUTH' : c.certOwner.kind === 'CERTAUTH';
}

export const defaultOnCa: RuleModule<RacfModel> = {
  id: 'racf/default-on-ca',
  href: href('R5'),
  check(model, report) {
    // The earlier DEFAULT of the same ring, owner and run that no DELRING of the ring has undone.
    const defaults = model.connections.filter((c) => c.default);
    firstEarlierOfGroup(
      defaults,
      (c) => (c.ring ? JSON.stringify([c.ring.text, ownerKey(c.ringOwner)]) : undefined),
      (c) => lastRingUseBefore(model, 'delring', c.ring!.text, c.index),
      (c, prev) => {
        if (!c.default) {
          return;
        }
        const ca = onCa(c);
        if (!ca && !prev) {
          return;
        }
        const label = c.label ? ` ${quote(c.label.text)}` : '';
        const caText = ca
          ? `DEFAULT is given to the CA certificate${label} (${c.usage ? `USAGE(${c.usage.value})` : 'a CERTAUTH certificate'}). ` +
            `The default certificate is the one a server presents when no label is named, so it must be the server's PERSONAL certificate with its private key: a CA certificate as default is useless to a server. `
          : '';
        const prevText = prev
          ? `The ring ${c.ring!.text} already got a DEFAULT certificate on line ${lineOf(prev.command)}${prev.label ? ` (${quote(prev.label.text)})` : ''}; a ring has one default, and this DEFAULT replaces that one (RACF behaviour marked unverified in the reference). `
          : '';
        report({
          message: `${caText}${prevText}Remove DEFAULT here and keep it on the one PERSONAL certificate the server should present.`,
          range: c.default,
          fixes: [removeDefault(model, c.default)],
        });
      },
    );
  },
};

// racf/keyusage — evidence: racdcert-reference §3.1 KEYUSAGE table (IRRD156I "Keyusage is
// incompatible with Key algorithm", R12) and §11 server-cert-keyusage (R1).
//
// "Server certificate", decided conservatively: a GENCERT whose KEYUSAGE is written, lacks both
// HANDSHAKE and CERTSIGN (a CA's usage is its own business), is not owned by CERTAUTH, and that this
// stream connects to a ring as its DEFAULT or with USAGE(PERSONAL), or that names a host in
// ALTNAME(DOMAIN/IP). A certificate with no KEYUSAGE at all is left alone: RACF then encodes no
// keyUsage extension (reference §3.1, unverified), which TLS accepts.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import type { WordValue } from '../ast';
import { KEY_USAGE, keyUsageFor } from '../../knowledge/racfKeywords';
import {
  href,
  keyChoice,
  nested,
  ownerOf,
  racdcertCalls,
  sameOwner,
  singleValue,
  top,
  valueText,
  wordsOf,
} from './commandHelpers';
import type { Owner, RacdcertCall } from './commandHelpers';

/** Labels this stream connects as a server's certificate (DEFAULT or USAGE(PERSONAL)), per owner. */
function serverConnections(calls: RacdcertCall[]): { owner: Owner; label: string }[] {
  const out: { owner: Owner; label: string }[] = [];
  for (const c of calls) {
    if (c.fn.name !== 'CONNECT' || !c.fnOperand) {
      continue;
    }
    const op = c.fnOperand;
    const labelOp = nested('CONNECT', op, ['CONNECT'], 'LABEL');
    const label = labelOp ? singleValue(labelOp) : undefined;
    if (!label || label.symbolic) {
      continue;
    }
    const words = wordsOf(op).map((w) => w.upper);
    const usageOp = nested('CONNECT', op, ['CONNECT'], 'USAGE');
    const usage = usageOp ? singleValue(usageOp) : undefined;
    const personal = usage ? valueText(usage).toUpperCase() === 'PERSONAL' : false;
    if (!words.includes('DEFAULT') && !personal) {
      continue;
    }
    // The certificate owner is written inside CONNECT(...); by default it is the ring owner.
    const idOp = nested('CONNECT', op, ['CONNECT'], 'ID');
    const id = idOp ? singleValue(idOp) : undefined;
    const owner: Owner = words.includes('CERTAUTH')
      ? { kind: 'CERTAUTH' }
      : words.includes('SITE')
        ? { kind: 'SITE' }
        : id
          ? { kind: 'ID', id: valueText(id).toUpperCase(), symbolic: id.symbolic }
          : ownerOf(c);
    out.push({ owner, label: valueText(label) });
  }
  return out;
}

export const keyusage: RuleModule<RacfModel> = {
  id: 'racf/keyusage',
  href: href('R12'),
  check(model, report) {
    const calls = racdcertCalls(model.racf);
    let servers: { owner: Owner; label: string }[] | undefined;
    for (const call of calls) {
      if (call.fn.name !== 'GENCERT') {
        continue;
      }
      const ku = top(call, 'KEYUSAGE');
      if (!ku || !ku.open) {
        continue;
      }
      const values = ku.values.filter((v): v is WordValue => v.kind === 'word' && !v.symbolic);
      const key = keyChoice(call);
      if (key) {
        const allowed = keyUsageFor(key.type);
        const family = key.type === 'NISTECC' || key.type === 'BPECC' ? `ECC (${key.type})` : key.type;
        for (const v of values) {
          const u = v.upper;
          if (!(u in KEY_USAGE.values) || allowed.includes(u)) {
            continue; // an unknown value is racf/bad-value's
          }
          const why =
            u === 'KEYAGREE'
              ? 'key agreement (keyAgreement) is an elliptic-curve usage'
              : 'data encipherment with the certificate key needs an RSA key';
          report({
            message: `KEYUSAGE(${v.text}) cannot be used with ${key.keyword === 'RSA' && !key.op ? 'an RSA key (the default key type)' : `${/^[AEIOU]/.test(family) ? 'an' : 'a'} ${family} key`}: ${why}. RACF rejects the command with IRRD156I ("Keyusage is incompatible with Key algorithm"). Valid with ${family}: ${allowed.join(', ')}. Remove ${v.text}${u === 'KEYAGREE' ? ' or generate an ECC key (NISTECC)' : ''}.`,
            range: v.range,
            fixes:
              values.length > 1
                ? [{ title: `Remove ${v.text}`, edits: [{ range: v.range, newText: '' }], isPreferred: true }]
                : [],
            href: href(KEY_USAGE.source),
          });
        }
      }
      const upper = values.map((v) => v.upper);
      if (upper.length === 0 || upper.includes('HANDSHAKE') || upper.includes('CERTSIGN')) {
        continue;
      }
      const owner = ownerOf(call);
      if (owner.kind === 'CERTAUTH' || (owner.kind === 'ID' && owner.symbolic)) {
        continue;
      }
      const wl = top(call, 'WITHLABEL');
      const label = wl ? singleValue(wl) : undefined;
      servers ??= serverConnections(calls);
      const connected =
        label && !label.symbolic
          ? servers.some((s) => s.label === valueText(label) && sameOwner(s.owner, owner))
          : false;
      const alt = top(call, 'ALTNAME');
      const host = alt
        ? ['DOMAIN', 'IP'].some((k) => nested('GENCERT', alt, ['ALTNAME'], k) !== undefined)
        : false;
      if (!connected && !host) {
        continue;
      }
      const last = ku.values[ku.values.length - 1];
      report({
        message: `This looks like a TLS server certificate (${connected ? 'this job connects it to a key ring as the DEFAULT or PERSONAL certificate' : 'its ALTNAME names a host'}), but KEYUSAGE(${values.map((v) => v.text).join(' ')}) lacks HANDSHAKE, the usage RACF encodes for TLS client and server authentication (digitalSignature${key?.type === 'RSA' ? ' + keyEncipherment' : ''}). TLS peers that check key usage reject it. Add HANDSHAKE to KEYUSAGE.`,
        range: ku.keyword.range,
        severity: 'information',
        fixes: last
          ? [
              {
                title: 'Add HANDSHAKE to KEYUSAGE',
                edits: [{ range: { start: last.range.end, end: last.range.end }, newText: ' HANDSHAKE' }],
                isPreferred: true,
              },
            ]
          : [],
        href: href('R1'),
      });
    }
  },
};

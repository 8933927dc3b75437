// racf/duplicate-dn-in-ring — evidence: racdcert-reference §3.4 and §11 duplicate-dn-in-ring: IBM's
// CICS documentation: "Multiple certificates with the same Distinguished Name on the same KEYRING
// are not supported" [R19]. Real case: the SQLDI job gives its CA and its server certificate the
// identical SUBJECTSDN and connects both to WMLZRING.
//
// Only certificates whose SUBJECTSDN is written in this file are compared: a certificate added
// from a data set or created elsewhere has a DN we cannot see. One walk over the effects, with
// maps keyed by run, owner and label (certificates) and by run, ring owner and ring (rings), keeps
// the rule linear in the number of commands.
import type { RuleModule } from '../../rules';
import type { Range } from '../../types';
import { matchKeyword } from '../../knowledge/racfKeywords';
import type { CertificateEffect, ConnectionEffect, RacfModel, RacfOwner } from '../model';
import type { Operand } from '../ast';
import { href, operandsOf, racdcertCall, top, valueText } from './commandHelpers';
import { lineOf, ownerKey, quote, runKey } from './crossHelpers';

interface SubjectDn {
  /** Equal for DNs that name the same subject (see dnKey). */
  key: string;
  operand: Operand;
}

interface Member {
  connection: ConnectionEffect;
  certificate: CertificateEffect;
  certKey: string;
  dn: SubjectDn;
}

interface RingState {
  byDn: Map<string, Member>;
  /** certKey → DN key, so REMOVE can take a certificate out of the ring. */
  byCert: Map<string, string>;
}

/**
 * The comparable form of a SUBJECTSDN: attribute types by canonical keyword (abbreviations
 * resolved), sorted, because RACF writes the DN in a fixed order whatever the order written
 * (reference §3.1, unverified — and two DNs differing only in the order written are at least
 * confusingly alike). Values compare ignoring case and runs of blanks: X.509 name matching
 * (RFC 5280 §7.1, caseIgnoreMatch with insignificant-space handling) treats such DNs as the same
 * name, and it is by name that an issuer is matched to a subject when a chain is built.
 */
function subjectDn(cert: CertificateEffect): SubjectDn | undefined {
  const call = racdcertCall(cert.command);
  const operand = call && top(call, 'SUBJECTSDN');
  if (!call || !operand || !operand.close) {
    return undefined;
  }
  const parts: string[] = [];
  for (const attr of operandsOf(operand)) {
    const m = matchKeyword(call.fn.name, attr.keyword.upper, ['SUBJECTSDN']);
    const type = m.kind === 'exact' || m.kind === 'abbreviation' ? m.def.name : attr.keyword.upper;
    const values = attr.values
      .filter((v) => v.kind !== 'operand')
      .map((v) => valueText(v).trim().replace(/\s+/g, ' ').toUpperCase());
    parts.push(`${type}=${values.join('\u0001')}`);
  }
  if (!parts.length) {
    return undefined;
  }
  parts.sort();
  return { key: parts.join('\u0000'), operand };
}

function certKey(run: string, owner: RacfOwner, label: string): string {
  return `${run}\u0000${ownerKey(owner)}\u0000${label}`;
}

export const duplicateDnInRing: RuleModule<RacfModel> = {
  id: 'racf/duplicate-dn-in-ring',
  href: href('R19'),
  check(model, report) {
    const certificates = new Map<string, CertificateEffect>();
    const rings = new Map<string, RingState>();
    const ringKey = (run: string, owner: RacfOwner, ring: string): string =>
      `${run}\u0000${ownerKey(owner)}\u0000${ring}`;
    const dns = new Map<CertificateEffect, SubjectDn | undefined>();
    const dnOf = (cert: CertificateEffect): SubjectDn | undefined => {
      if (!dns.has(cert)) {
        dns.set(cert, subjectDn(cert));
      }
      return dns.get(cert);
    };
    for (const e of model.effects) {
      const run = runKey(e.command);
      switch (e.kind) {
        case 'certificate':
          if (e.label) {
            certificates.set(certKey(run, e.owner, e.label.text), e);
          }
          break;
        case 'relabel':
          if (e.from) {
            const key = certKey(run, e.owner, e.from.text);
            const cert = certificates.get(key);
            certificates.delete(key);
            if (cert) {
              certificates.set(certKey(run, e.owner, e.label.text), cert);
            }
          }
          break;
        case 'delete':
          if (e.label) {
            certificates.delete(certKey(run, e.owner, e.label.text));
          }
          break;
        case 'ring':
          // A new ring (or one added again, which CICS says replaces it) starts empty.
          if (e.name) {
            rings.delete(ringKey(run, e.owner, e.name.text));
          }
          break;
        case 'delring':
        case 'remove':
          if (e.ring) {
            const key = ringKey(run, e.ringOwner, e.ring.text);
            const state = rings.get(key);
            if (e.kind === 'delring' || !state) {
              rings.delete(key);
            } else if (e.label && e.certOwner) {
              const ck = certKey(run, e.certOwner, e.label.text);
              const dn = state.byCert.get(ck);
              state.byCert.delete(ck);
              if (dn !== undefined && state.byDn.get(dn)?.certKey === ck) {
                state.byDn.delete(dn);
              }
            }
          }
          break;
        case 'connect': {
          if (!e.ring || !e.label) {
            break;
          }
          const ck = certKey(run, e.certOwner, e.label.text);
          const cert = certificates.get(ck);
          const dn = cert && dnOf(cert);
          if (!cert || !dn) {
            break;
          }
          const rk = ringKey(run, e.ringOwner, e.ring.text);
          let state = rings.get(rk);
          if (!state) {
            state = { byDn: new Map(), byCert: new Map() };
            rings.set(rk, state);
          }
          const prev = state.byDn.get(dn.key);
          if (prev && prev.certKey !== ck) {
            report(finding(e, dn, prev));
            break;
          }
          if (!prev) {
            state.byDn.set(dn.key, { connection: e, certificate: cert, certKey: ck, dn });
          }
          state.byCert.set(ck, dn.key);
          break;
        }
        default:
          break;
      }
    }
  },
};

function finding(
  c: ConnectionEffect,
  dn: SubjectDn,
  prev: Member,
): { message: string; range: Range; related: { range: Range; message: string }[] } {
  const label = quote(c.label!.text);
  const other = quote(prev.connection.label!.text);
  return {
    message:
      `The certificate ${label} has the same subject DN as ${other}, which is already connected to the ring ${c.ring!.text} ` +
      `on line ${lineOf(prev.connection.command)}. IBM documents several certificates with the same distinguished name on one key ring ` +
      `as not supported: a chain is built by matching an issuer DN to a subject DN, so one can be taken for the other. ` +
      `Give the certificates different SUBJECTSDN values (for a CA, a CN of its own) and generate them again.`,
    range: c.label!.range,
    related: [
      { range: dn.operand.range, message: `subject DN of ${label}` },
      {
        range: prev.dn.operand.range,
        message: `same subject DN: ${other}, line ${lineOf(prev.certificate.command)}`,
      },
      { range: prev.connection.range, message: `${other} connected to ${c.ring!.text} here` },
    ],
  };
}

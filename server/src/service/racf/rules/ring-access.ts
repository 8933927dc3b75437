// racf/ring-access — evidence: racdcert-reference §6.2 (servers reading their own ring:
// PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(server) ACCESS(READ)), §6.3 (RDATALIB
// <ringOwner>.<ringName>.LST: READ returns the owner's own private key; owner upper case, ring name
// folded to upper case; (8,8,8) "not RACF authorized"), §11 server-missing-ring-access (Zowe issue
// #2663). Information only: access may come from another job, a group or a generic profile.
import type { RuleModule } from '../../rules';
import type { ConnectionEffect, PermitEffect, RacfModel, RacfOwner } from '../model';
import { mayBeSameOwner, sameOwner } from '../model';
import { parseRdatalibProfile } from '../../knowledge/racfKeywords';
import { href } from './commandHelpers';
import { appendEdit, ownerOperand, quote } from './crossHelpers';

/** Generic profile characters: `*`, `**` and `%` (RACF generic profile names). */
function profileMatches(profile: string, resource: string): boolean {
  if (!/[*%]/.test(profile)) {
    return profile === resource;
  }
  const re = profile
    .split(/(\*\*|\*|%)/)
    .map((p) =>
      p === '**' ? '.*' : p === '*' ? '[^.]*' : p === '%' ? '[^.]' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${re}$`).test(resource);
}

function grantsTo(p: PermitEffect, owner: RacfOwner): boolean {
  return (
    !p.delete &&
    p.access !== 'NONE' &&
    p.ids.some((id) => mayBeSameOwner({ kind: 'ID', id: id.text, symbolic: id.symbolic }, owner))
  );
}

/** A PERMIT that lets the ring owner read the ring (FACILITY LISTRING or RDATALIB owner.ring.LST). */
function grantsRing(p: PermitEffect, owner: RacfOwner, ring: string, ringSymbolic: boolean): boolean {
  if (!p.profile || !grantsTo(p, owner)) {
    return false;
  }
  const profile = p.profile.text.toUpperCase();
  if (p.class === 'FACILITY') {
    return p.profile.symbolic || profileMatches(profile, 'IRR.DIGTCERT.LISTRING');
  }
  if (p.class === 'RDATALIB') {
    if (p.profile.symbolic || ringSymbolic || (owner.kind === 'ID' && owner.symbolic)) {
      return true;
    }
    const id = owner.kind === 'ID' ? owner.id : undefined;
    if (/[*%]/.test(profile)) {
      return id !== undefined && profileMatches(profile, `${id}.${ring.toUpperCase()}.LST`);
    }
    const parsed = parseRdatalibProfile(profile);
    return (
      parsed.kind === 'ring' &&
      parsed.access === 'LST' &&
      (id === undefined || parsed.owner === id) &&
      parsed.ring === ring.toUpperCase()
    );
  }
  return false;
}

/** A certificate connected for its private key: USAGE(PERSONAL), or a user's own certificate with no USAGE. */
function personal(c: ConnectionEffect): boolean {
  if (c.usage) {
    return c.usage.value === 'PERSONAL';
  }
  return c.certOwner.kind === 'ID' || c.certOwner.kind === 'self';
}

export const ringAccess: RuleModule<RacfModel> = {
  id: 'racf/ring-access',
  href: href('R17'),
  check(model, report) {
    const done: { owner: RacfOwner; ring: string }[] = [];
    for (const c of model.connections) {
      const owner = c.ringOwner;
      if (!c.ring || owner.kind !== 'ID' || !personal(c)) {
        continue;
      }
      const ring = c.ring.text;
      if (done.some((d) => sameOwner(d.owner, owner) && d.ring === ring)) {
        continue;
      }
      done.push({ owner, ring });
      if (model.permits.some((p) => grantsRing(p, owner, ring, c.ring!.symbolic))) {
        continue;
      }
      const user = owner.written ?? owner.id;
      const permit = `PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ${ownerOperand(owner)} ACCESS(READ)`;
      const refresh = 'SETROPTS RACLIST(FACILITY) REFRESH';
      const how = c.usage
        ? `USAGE(${c.usage.value})`
        : 'no USAGE: a user certificate connects as PERSONAL (uncertain)';
      report({
        message:
          `The key ring ${ring} of ${user} gets a PERSONAL certificate${c.label ? ` (${quote(c.label.text)}, ${how})` : ''}, ` +
          `but nothing in this file lets ${user} read its ring: no PERMIT to IRR.DIGTCERT.LISTRING in FACILITY and none to the RDATALIB profile ${user.toUpperCase()}.${ring.toUpperCase()}.LST. ` +
          `A server running as ${user} then cannot read the ring or its private key (R_datalib "not RACF authorized", (8,8,8)), and TLS handshakes fail, ` +
          `typically with "no cipher suites in common". If ${user} has the access another way (another job, a group, a generic profile), ignore this; otherwise add '${permit}' (the FACILITY profile must exist) and refresh FACILITY.`,
        range: c.ring.range,
        fixes: [
          {
            title: `Add '${permit}' and a FACILITY refresh at the end`,
            edits: [appendEdit(model, c.command, [permit, refresh])],
            isPreferred: true,
          },
        ],
      });
    }
  },
};

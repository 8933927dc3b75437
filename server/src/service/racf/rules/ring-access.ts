// racf/ring-access — evidence: racdcert-reference §6.2 (servers reading their own ring:
// PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(server) ACCESS(READ)), §6.3 (RDATALIB
// <ringOwner>.<ringName>.LST: READ returns the owner's own private key; owner upper case, ring name
// folded to upper case; (8,8,8) "not RACF authorized"), §11 server-missing-ring-access (Zowe issue
// #2663). Information only: access may come from another job, a group or a generic profile.
import type { RuleModule } from '../../rules';
import type { ConnectionEffect, PermitEffect, RacfModel, RacfOwner } from '../model';
import { mayBeSameOwner } from '../model';
import { parseRdatalibProfile } from '../../knowledge/racfKeywords';
import { href } from './commandHelpers';
import { appendEdit, ownerKey, ownerOperand, quote } from './crossHelpers';

/** Generic profile characters: `*`, `**` and `%` (RACF generic profile names), as a regular expression. */
function genericProfile(profile: string): RegExp {
  const re = profile
    .split(/(\*\*|\*|%)/)
    .map((p) =>
      p === '**' ? '.*' : p === '*' ? '[^.]*' : p === '%' ? '[^.]' : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${re}$`);
}

function profileMatches(profile: string, resource: string): boolean {
  return /[*%]/.test(profile) ? genericProfile(profile).test(resource) : profile === resource;
}

/** Whom some PERMITs grant access to: the user IDs they name, and whether one names a symbol. */
class Grantees {
  private readonly ids = new Set<string>();
  private symbolic = false;
  private any = false;

  add(p: PermitEffect): void {
    for (const id of p.ids) {
      this.any = true;
      this.symbolic ||= id.symbolic;
      this.ids.add(id.text);
    }
  }

  /** One of them may grant to `owner` (mayBeSameOwner: a symbol may stand for any user). */
  reach(owner: RacfOwner & { kind: 'ID' }): boolean {
    return owner.symbolic ? this.any : this.symbolic || this.ids.has(owner.id);
  }
}

function grantsTo(p: PermitEffect, owner: RacfOwner): boolean {
  return p.ids.some((id) => mayBeSameOwner({ kind: 'ID', id: id.text, symbolic: id.symbolic }, owner));
}

/**
 * The PERMITs that let a ring owner read the ring (FACILITY IRR.DIGTCERT.LISTRING, or RDATALIB
 * <owner>.<ring>.LST), indexed once so each ring is judged without scanning every PERMIT.
 */
class RingGrants {
  /** FACILITY LISTRING and symbolic RDATALIB profiles: they cover every ring. */
  private readonly anyRing = new Grantees();
  /** Every other RDATALIB profile: any of them may cover a ring or owner written with a symbol. */
  private readonly rdatalib = new Grantees();
  private readonly generic: { re: RegExp; p: PermitEffect }[] = [];
  /** Discrete RDATALIB <owner>.<ring>.LST profiles, by owner then ring (upper case). */
  private readonly discrete = new Map<string, Map<string, Grantees>>();

  constructor(permits: readonly PermitEffect[]) {
    const genericRe = new Map<string, RegExp>();
    for (const p of permits) {
      if (!p.profile || p.delete || p.access === 'NONE') {
        continue;
      }
      const profile = p.profile.text.toUpperCase();
      if (p.class === 'FACILITY') {
        if (p.profile.symbolic || profileMatches(profile, 'IRR.DIGTCERT.LISTRING')) {
          this.anyRing.add(p);
        }
        continue;
      }
      if (p.class !== 'RDATALIB') {
        continue;
      }
      if (p.profile.symbolic) {
        this.anyRing.add(p);
        continue;
      }
      this.rdatalib.add(p);
      if (/[*%]/.test(profile)) {
        let re = genericRe.get(profile);
        if (!re) {
          re = genericProfile(profile);
          genericRe.set(profile, re);
        }
        this.generic.push({ re, p });
        continue;
      }
      const parsed = parseRdatalibProfile(profile);
      if (parsed.kind === 'ring' && parsed.access === 'LST') {
        let rings = this.discrete.get(parsed.owner);
        if (!rings) {
          rings = new Map();
          this.discrete.set(parsed.owner, rings);
        }
        let g = rings.get(parsed.ring);
        if (!g) {
          g = new Grantees();
          rings.set(parsed.ring, g);
        }
        g.add(p);
      }
    }
  }

  /** Some PERMIT lets `owner` read its ring `ring`. */
  grants(owner: RacfOwner & { kind: 'ID' }, ring: string, ringSymbolic: boolean): boolean {
    if (this.anyRing.reach(owner)) {
      return true;
    }
    if (ringSymbolic || owner.symbolic) {
      return this.rdatalib.reach(owner);
    }
    const upper = ring.toUpperCase();
    if (this.discrete.get(owner.id)?.get(upper)?.reach(owner)) {
      return true;
    }
    const resource = `${owner.id}.${upper}.LST`;
    return this.generic.some((g) => grantsTo(g.p, owner) && g.re.test(resource));
  }
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
    const done = new Set<string>();
    let grants: RingGrants | undefined;
    for (const c of model.connections) {
      const owner = c.ringOwner;
      if (!c.ring || owner.kind !== 'ID' || !personal(c)) {
        continue;
      }
      const ring = c.ring.text;
      const key = JSON.stringify([ownerKey(owner), ring]);
      if (done.has(key)) {
        continue;
      }
      done.add(key);
      grants ??= new RingGrants(model.permits);
      if (grants.grants(owner, ring, c.ring.symbolic)) {
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

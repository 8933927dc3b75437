// racf/unknown-resource — evidence: racdcert-reference §6.2 ("Resource per function:
// IRR.DIGTCERT.<function>"; `PERMIT IRR.DIGTRING.LIST CLASS(FACILITY)` in the sunil390 cheat sheet
// is "no such RACDCERT resource"), §11 unknown-facility-resource (IRR.DIGTRING.*,
// IRR.DIGTCERT.LISTRINGS). Only FACILITY profiles of those two forms are judged; known names come
// from facilityResources, and every RACDCERT function name is accepted (some only by pattern).
import type { Fix } from '../../types';
import type { RuleModule } from '../../rules';
import type { NameRef, RacfModel } from '../model';
import { FACILITY_RESOURCES, RACDCERT_FUNCTIONS, sourceUrl } from '../../knowledge/racfKeywords';
import { href, nearest, replaceFix } from './commandHelpers';

const KNOWN = new Set<string>([
  ...FACILITY_RESOURCES.keys(),
  ...[...RACDCERT_FUNCTIONS.keys()].map((f) => `IRR.DIGTCERT.${f}`),
]);

/** What the author probably meant: the same function under IRR.DIGTCERT, or its ring variant. */
function suggestions(suffix: string, ring: boolean): string[] {
  const out: string[] = [];
  const add = (n: string): void => {
    if (KNOWN.has(n) && !out.includes(n)) {
      out.push(n);
    }
  };
  if (ring) {
    // IRR.DIGTRING.LIST → reading a ring is IRR.DIGTCERT.LISTRING.
    add(`IRR.DIGTCERT.${suffix}RING`);
    add(`IRR.DIGTCERT.${suffix}`);
  }
  nearest(`IRR.DIGTCERT.${suffix}`, [...KNOWN]).forEach(add);
  return out.slice(0, 3);
}

export const unknownResource: RuleModule<RacfModel> = {
  id: 'racf/unknown-resource',
  href: sourceUrl('R3') ?? href('R3'),
  check(model, report) {
    const judge = (profile: NameRef | undefined, cls: string | undefined, command: string): void => {
      if (!profile || profile.symbolic || cls !== 'FACILITY') {
        return;
      }
      const name = profile.text.toUpperCase();
      const m = /^IRR\.(DIGTRING|DIGTCERT)\.([^.]+)$/.exec(name);
      if (!m || /[*%]/.test(m[2]) || KNOWN.has(name)) {
        return;
      }
      const ring = m[1] === 'DIGTRING';
      const sugg = suggestions(m[2], ring);
      const fixes: Fix[] = sugg.map((s, i) => replaceFix(profile.range, s, `Change to ${s}`, i === 0));
      const why = ring
        ? `there is no IRR.DIGTRING.* resource: RACDCERT and R_datalib check the FACILITY resources IRR.DIGTCERT.<function>, also for key rings`
        : `RACDCERT checks the FACILITY resources IRR.DIGTCERT.<function>, and ${m[2]} is no RACDCERT function`;
      report({
        message:
          `${profile.text} is not a resource RACF checks: ${why}. This ${command} grants or protects nothing useful. ` +
          `${sugg.length ? `Change it to ${sugg.join(' or ')}.` : 'Name the RACDCERT function it is meant for (IRR.DIGTCERT.LISTRING to read a ring).'}`,
        range: profile.range,
        ...(fixes.length ? { fixes } : {}),
      });
    };
    for (const p of model.permits) {
      judge(p.profile, p.class, 'PERMIT');
    }
    for (const r of model.resources) {
      judge(r.profile, r.class, r.command.canonicalName ?? r.command.name.upper);
    }
  },
};

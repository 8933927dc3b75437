// racf/key-size — evidence: racdcert-reference §4 SIZE table and "Odd sizes" (keySizes in the JSON:
// NISTECC and BPECC curve lists from System SSL R20, RSA 512–4096 software / PKDS, DSA 512–2048,
// all marked uncertain because the GENCERT SIZE text was not readable — hence a warning that says
// so, as the reference recommends). Issue 3's field report shapes the NISTECC SIZE(512) message:
// a SIZE(256) server certificate "failed" under TLS 1.3 and SIZE(512) "worked", though 256 is valid.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import type { Fix } from '../../types';
import { KEY_SIZES } from '../../knowledge/racfKeywords';
import { generatesKey, href, keyChoice, list, racdcertCalls, replaceFix, sizeOf } from './commandHelpers';

const TLS13_NOTE =
  'If a SIZE(256) certificate seemed to fail under TLS 1.3 while SIZE(512) "worked", the size was not the cause: TLS 1.3 ties each ECDSA signature scheme to its curve, so a P-256 certificate needs 0403 (ecdsa_secp256r1_sha256) among the enabled signature pairs, P-384 0503 and P-521 0603.';

/** The valid sizes nearest to `bits` (one below and one above), nearest first. */
function nearestSizes(valid: readonly number[], bits: number): number[] {
  const below = [...valid].reverse().find((v) => v < bits);
  const above = valid.find((v) => v > bits);
  return [below, above]
    .filter((v): v is number => v !== undefined)
    .sort((a, b) => Math.abs(a - bits) - Math.abs(b - bits) || b - a);
}

export const keySize: RuleModule<RacfModel> = {
  id: 'racf/key-size',
  href: href('R20'),
  check(model, report) {
    for (const call of racdcertCalls(model.racf)) {
      if (!generatesKey(call)) {
        continue;
      }
      const size = sizeOf(call);
      const key = keyChoice(call);
      if (!size?.value || size.bits === undefined || !key) {
        continue;
      }
      const bits = size.bits;
      const range = size.value.range;
      const sizeFix = (v: number, preferred: boolean): Fix =>
        replaceFix(range, String(v), `Change the size to ${v}`, preferred);

      if (key.type === 'NISTECC' || key.type === 'BPECC') {
        const tab = KEY_SIZES[key.type];
        if (tab.valid.includes(bits)) {
          continue;
        }
        const curves = tab.valid.map((v) => `${v}`).join(', ');
        const uncertain =
          'Whether RACF rejects such a size or rounds it up is uncertain (the GENCERT SIZE description could not be checked).';
        if (key.type === 'NISTECC' && bits === 512) {
          const fixes: Fix[] = [sizeFix(521, true)];
          if (key.op) {
            fixes.push(
              replaceFix(key.op.keyword.range, 'BPECC', 'Change NISTECC to BPECC (brainpoolP512r1)'),
            );
          }
          report({
            message: `SIZE(512) is not a NIST curve size: the NIST prime curves are ${curves} bits, and P-521 is 521, not 512. Did you mean SIZE(521) for P-521, or BPECC for brainpoolP512r1 (512 is a Brainpool size)? ${uncertain} ${TLS13_NOTE}`,
            range,
            fixes,
            href: href(tab.source),
          });
          continue;
        }
        const other = key.type === 'NISTECC' ? 'BPECC' : 'NISTECC';
        const otherTab = KEY_SIZES[other];
        const near = nearestSizes(tab.valid, bits);
        const alsoOther = otherTab.valid.includes(bits)
          ? ` ${bits} is a ${other} size (${otherTab.curves[String(bits)]}): write ${other} if that curve was meant.`
          : '';
        const fixes = near.map((v, i) => sizeFix(v, i === 0 && near.length === 1));
        if (alsoOther && key.op) {
          fixes.push(replaceFix(key.op.keyword.range, other, `Change ${key.keyword} to ${other}`));
        }
        report({
          message: `SIZE(${bits}) is not a ${key.type} curve size; the ${key.type === 'NISTECC' ? 'NIST prime' : 'Brainpool'} curves are ${curves} bits. Write ${list(near.map((v) => `SIZE(${v})`))}.${alsoOther} ${uncertain}`,
          range,
          fixes,
          href: href(tab.source),
        });
        continue;
      }

      if (key.type === 'RSA') {
        const r = KEY_SIZES.RSA;
        const hardware = key.pkds || key.keyword === 'PCICC' || key.keyword === 'ICSF';
        const max = hardware ? r.pkdsOrToken.max : r.software.max;
        if (bits < r.software.min || bits > max) {
          const clamp = bits < r.software.min ? r.recommendedMin : max;
          report({
            message: `SIZE(${bits}) is outside the RSA key sizes RACF generates (${r.software.min}–${max} bits${hardware ? ' for keys in the PKDS or a token, hardware dependent' : ' for software keys; larger keys need PCICC (IRRD159I)'}; limits uncertain). Write SIZE(${clamp})${bits < r.software.min ? ` or larger (${r.recommendedMin} is the recommended minimum)` : ''}.`,
            range,
            fixes: [sizeFix(clamp, true)],
            href: href(r.source),
          });
        } else if (bits % 64 !== 0) {
          const up = Math.ceil(bits / 64) * 64;
          report({
            message: `SIZE(${bits}) is not a multiple of 64; RSA keys are normally 2048, 3072 or 4096 bits, and whether RACF rejects or rounds an odd size is uncertain. Write SIZE(${up}) or a standard size.`,
            range,
            fixes: [sizeFix(up, true)],
            href: href(r.source),
          });
        }
        continue;
      }

      const d = KEY_SIZES.DSA;
      if (bits < d.min || bits > d.max || bits % 64 !== 0) {
        const clamp = Math.min(Math.max(Math.ceil(bits / 64) * 64, d.min), d.max);
        report({
          message: `SIZE(${bits}) is not a DSA key size RACF generates: ${d.min}–${d.max} bits${bits % 64 !== 0 ? ', believed rounded up to a multiple of 64' : ''} (uncertain). Write SIZE(${clamp}).`,
          range,
          fixes: [sizeFix(clamp, true)],
          href: href(d.source),
        });
      }
    }
  },
};

// racf/weak-key — evidence: racdcert-reference §4 (RSA recommended minimum 2048 from IBM's
// SP800-131 strict policy, R32; NISTECC weak sizes), §7 sp800131Strict ("RSA >= 2048, EC >= 224"),
// §11 rsa-weak-size / ecc-weak-curve. A size the key type does not have at all is racf/key-size's;
// this rule judges sizes that are valid but too small, and DSA keys.
//
// Without SIZE: RSA defaults to 2048 from z/OS V2R3 (every release this checker targets), so only an
// explicit small size is reported; NISTECC/BPECC default to 192 per the reference (uncertain), a
// curve below the 224-bit floor, so a missing SIZE on an ECC key is reported with that caveat.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { KEY_SIZES, RACF_FIPS } from '../../knowledge/racfKeywords';
import { generatesKey, href, keyChoice, racdcertCalls, replaceFix, sizeOf } from './commandHelpers';

/** The smallest elliptic-curve size the SP 800-131 strict policy accepts (reference §7). */
const ECC_MIN = 224;

export const weakKey: RuleModule<RacfModel> = {
  id: 'racf/weak-key',
  href: href('R32'),
  check(model, report) {
    for (const call of racdcertCalls(model.racf)) {
      if (!generatesKey(call)) {
        continue;
      }
      const key = keyChoice(call);
      if (!key) {
        continue;
      }
      const size = sizeOf(call);
      if (size && size.bits === undefined) {
        continue; // a placeholder or a malformed size: nothing to judge
      }
      if (key.type === 'DSA') {
        report({
          message: `A DSA key: DSA is limited to ${KEY_SIZES.DSA.max} bits, cannot sign in TLS 1.3 (which defines no DSA signature scheme) and is not in IBM's SP 800-131 strict key list (${RACF_FIPS.sp800131Strict.text}). Generate an RSA key (SIZE(2048) or more) or NISTECC SIZE(256) instead.`,
          range: key.op?.keyword.range ?? call.cmd.name.range,
          href: href(KEY_SIZES.DSA.source),
        });
        continue;
      }
      if (key.type === 'RSA') {
        const r = KEY_SIZES.RSA;
        if (
          !size?.value ||
          size.bits === undefined ||
          size.bits >= r.recommendedMin ||
          size.bits < r.software.min
        ) {
          continue;
        }
        report({
          message: `SIZE(${size.bits}) gives a weak RSA key: IBM's SP 800-131 strict policy requires at least ${r.recommendedMin} bits, and many TLS peers refuse smaller RSA certificates. Write SIZE(${r.recommendedMin}) or larger.`,
          range: size.value.range,
          fixes: [
            replaceFix(
              size.value.range,
              String(r.recommendedMin),
              `Change the size to ${r.recommendedMin}`,
              true,
            ),
          ],
          href: href(r.recommendedSource),
        });
        continue;
      }
      const tab = KEY_SIZES[key.type];
      if (!size) {
        if (tab.default >= ECC_MIN) {
          continue;
        }
        report({
          message: `${key.keyword} without SIZE: the reference gives ${tab.default} bits as the default (${tab.curves[String(tab.default)]}; uncertain), below the ${ECC_MIN}-bit floor of IBM's SP 800-131 strict policy. Write SIZE(256) to get a ${key.type === 'NISTECC' ? 'P-256' : 'brainpoolP256r1'} key.`,
          range: key.op?.keyword.range ?? call.cmd.name.range,
          fixes: key.op
            ? [
                {
                  title: 'Add SIZE(256)',
                  edits: [
                    { range: { start: key.op.range.end, end: key.op.range.end }, newText: ' SIZE(256)' },
                  ],
                  isPreferred: true,
                },
              ]
            : [],
          href: href(tab.source),
        });
        continue;
      }
      if (!size.value || size.bits === undefined || size.bits >= ECC_MIN || !tab.valid.includes(size.bits)) {
        continue;
      }
      report({
        message: `SIZE(${size.bits}) with ${key.keyword} is ${tab.curves[String(size.bits)]}, a curve below the ${ECC_MIN}-bit floor of IBM's SP 800-131 strict policy${key.type === 'NISTECC' ? '; TLS 1.3 defines no ECDSA signature scheme for it' : ''}. Write SIZE(256) or larger.`,
        range: size.value.range,
        fixes: [replaceFix(size.value.range, '256', 'Change the size to 256', true)],
        href: href(tab.source),
      });
    }
  },
};

// racf/fips-key — evidence: racdcert-reference §7 (System SSL "Algorithms and key sizes", R20):
// in FIPS mode secure keys in the PKDS are not supported (RSA(PKDS), PCICC, ICSF, NISTECC(PKDS),
// BPECC(PKDS)), Brainpool curves are non-FIPS only, DSA needs 1024–2048 bits. The NIST-curve FIPS
// row was not readable ("believed P-224 and above", uncertain): P-192 is reported with that caveat.
// RACDCERT has no FIPS switch; the rule runs only when the FIPS setting says the ring's consumers
// (System SSL, AT-TLS, Liberty) run in FIPS mode.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { KEY_SIZES, RACF_FIPS } from '../../knowledge/racfKeywords';
import { generatesKey, href, keyChoice, racdcertCalls, sizeOf } from './commandHelpers';

const STORE_KEYWORDS = new Set(['PKDS', 'ICSF', 'PCICC']);

export const fipsKey: RuleModule<RacfModel> = {
  id: 'racf/fips-key',
  href: href('R20'),
  check(model, report) {
    if (!model.fips) {
      return;
    }
    const pkdsMessage = (what: string): string =>
      `${what} stores the private key in the ICSF PKDS as a secure key, and System SSL in FIPS mode does not support secure keys stored in the PKDS ("${RACF_FIPS.pkdsSecureKeysNotSupported.text}"): a FIPS-mode server cannot use this certificate. Keep the key in the RACF database (omit PKDS/PCICC/ICSF) or in a PKCS #11 token (TOKEN(...)).`;
    for (const call of racdcertCalls(model.racf)) {
      if (call.fn.name === 'ADD') {
        // ADD ... PKDS/ICSF/PCICC moves the key of a PKCS #12 package into the PKDS.
        const store = call.operands.find((o) => o.name && STORE_KEYWORDS.has(o.name));
        if (store) {
          report({
            message: pkdsMessage(`ADD with ${store.name}`),
            range: store.op.keyword.range,
            href: href(RACF_FIPS.pkdsSecureKeysNotSupported.source),
          });
        }
        continue;
      }
      if (!generatesKey(call)) {
        continue;
      }
      const key = keyChoice(call);
      if (!key) {
        continue;
      }
      const range = key.op?.keyword.range ?? call.cmd.name.range;
      if (key.type === 'BPECC') {
        report({
          message: `BPECC generates a Brainpool-curve key; System SSL supports Brainpool curves only outside FIPS mode ("${RACF_FIPS.brainpool.text}"), so a FIPS-mode server or client cannot use this certificate. Use NISTECC (SIZE(256) or larger) instead.`,
          range,
          fixes: key.op ? [{ title: 'Change BPECC to NISTECC', edits: [{ range, newText: 'NISTECC' }] }] : [],
          href: href(RACF_FIPS.brainpool.source),
        });
        continue;
      }
      if (key.pkds) {
        const what = key.keyword === 'PCICC' || key.keyword === 'ICSF' ? key.keyword : `${key.keyword}(PKDS)`;
        report({
          message: pkdsMessage(what),
          range,
          href: href(RACF_FIPS.pkdsSecureKeysNotSupported.source),
        });
        continue;
      }
      const size = sizeOf(call);
      if (key.type === 'DSA') {
        const bits = size ? size.bits : KEY_SIZES.DSA.default;
        const min = Number(RACF_FIPS.DSA.fips.split('-')[0]);
        if (bits !== undefined && bits < min) {
          report({
            message: `A ${bits}-bit DSA key: System SSL in FIPS mode accepts DSA ${RACF_FIPS.DSA.fips} bits only (${RACF_FIPS.DSA.nonFips} outside FIPS mode). Write SIZE(2048), or better an RSA or NISTECC key.`,
            range: size?.value?.range ?? range,
            href: href(RACF_FIPS.DSA.source),
          });
        }
        continue;
      }
      if (key.type === 'NISTECC') {
        const bits = size ? size.bits : KEY_SIZES.NISTECC.default;
        if (bits !== undefined && (KEY_SIZES.NISTECC.fipsWeak ?? []).includes(bits)) {
          report({
            message: `NISTECC ${size ? `SIZE(${bits})` : `without SIZE (default ${bits}, uncertain)`} is P-${bits}; System SSL's FIPS table row for NIST curves could not be read, and P-${bits} is believed not allowed in FIPS mode (${RACF_FIPS.NIST.text}; uncertain). Write SIZE(256) or larger.`,
            range: size?.value?.range ?? range,
            href: href('R20'),
          });
        }
      }
    }
  },
};

// trace/ring-access — the server identity cannot read its key ring or private key (docs/rules.md;
// trace-formats.md §11.6): System SSL rc 202/416/428 at environment initialisation, the CMS status of
// a key ring not found, RACF ICH408I on IRR.DIGTCERT.LISTRING / RDATALIB, Liberty CWPKI0033E.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { eventsOf, firstWith, productOf, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const CODES = ['gsk-202', 'gsk-416', 'gsk-428', 'gsk-cms-03353009'];
const TEXT = /\bCWPKI0033E\b|IRR\.DIGTCERT\.LISTRING|\bRDATALIB\b|unable to open key ?ring/i;

export const ringAccess: RuleModule<TraceRuleModel> = {
  id: 'trace/ring-access',
  href: hrefOf(SETTINGS.listring)!,
  check(model, report) {
    const java = productOf(model.format) === 'java';
    for (const conn of model.connections) {
      const e = firstWith(eventsOf(model, conn), CODES, TEXT);
      if (!e) {
        continue;
      }
      report({
        message:
          `Connection ${conn.id}: the key ring or its private key could not be read (${where(e)}). Likely cause: the ` +
          'user ID of the server (the TCP/IP stack or application job) has no READ to IRR.DIGTCERT.LISTRING in FACILITY ' +
          "(UPDATE to read another ID's private keys) or to the ring's RDATALIB profile owner.ring.LST, or the ring name/owner " +
          'is wrong, or the certificate was connected without its private key. Fix: PERMIT the access (then SETROPTS RACLIST ' +
          'REFRESH), check the ring with RACDCERT LISTRING, and the name in ' +
          (java
            ? 'server.xml <keyStore location="safkeyring://owner/ring">.'
            : 'the AT-TLS TTLSKeyringParms Keyring.'),
        range: rangeOf(e.line, 0, 0),
        href: hrefOf(SETTINGS.listring),
        related: relatedSettings(model.findSetting, [
          java ? SETTINGS.keyStoreLocation : SETTINGS.keyring,
          SETTINGS.listring,
        ]),
      });
    }
  },
};

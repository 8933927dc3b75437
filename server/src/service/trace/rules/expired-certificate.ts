// trace/expired-certificate — certificate_expired (45), System SSL rc 401, Java
// CertificateExpiredException / "validity check failed", openssl verify error 10, curl "certificate
// has expired" (docs/rules.md; trace-formats.md §11.7).
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { alertEvent, eventsOf, firstWith, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const TEXT =
  /CertificateExpiredException|validity check failed|certificate has expired|verify error:num=10\b/i;

export const expiredCertificate: RuleModule<TraceRuleModel> = {
  id: 'trace/expired-certificate',
  href: hrefOf(SETTINGS.gencert)!,
  check(model, report) {
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const e = firstWith(events, ['gsk-401'], TEXT) ?? alertEvent(events, [45]);
      if (!e) {
        continue;
      }
      report({
        message:
          `Connection ${conn.id}: a certificate is expired or not yet valid (${where(e)}). Likely cause: its NOTAFTER ` +
          'date has passed (or NOTBEFORE is in the future, or a clock is wrong). Fix: renew it — a new certificate with ' +
          'RACDCERT GENCERT (or REKEY/ROLLOVER) and a new signature from the CA, connected to the ring under the label the ' +
          'configuration uses — then have the server pick it up (refresh the AT-TLS policy or restart the application).',
        range: rangeOf(e.line, 0, 0),
        href: hrefOf(SETTINGS.gencert),
        related: relatedSettings(model.findSetting, [SETTINGS.gencert, SETTINGS.connect]),
      });
    }
  },
};

// racf/validity — evidence: racdcert-reference §5 (NOTBEFORE defaults to today 00:00:00, NOTAFTER
// time to 23:59:59, local time; IRRD133I "The NOTBEFORE value must be earlier than the NOTAFTER
// value. The certificate is not created", R12) and §3.1 (a NOTAFTER already past fails because
// NOTBEFORE defaults to today — every NOTAFTER(DATE(2022/12/31)) job of the WSC workshop now fails).
//
// Validity beyond a policy (the catalogue's information variant) is not reported: the reference
// gives only an example ("e.g. > 398 days for TLS server certs, > 10–20 years for CAs"), not a
// policy that applies to certificates of a private RACF CA, so there is nothing firm to check.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { DATES } from '../../knowledge/racfKeywords';
import {
  dayNumber,
  formatDate,
  href,
  racdcertCalls,
  replaceFix,
  todayNumber,
  validityOf,
} from './commandHelpers';

const DAY = 86400;

export const validity: RuleModule<RacfModel> = {
  id: 'racf/validity',
  href: href('R12'),
  check(model, report) {
    const today = todayNumber(model.today);
    for (const call of racdcertCalls(model.racf)) {
      if (call.fn.name !== 'GENCERT' && call.fn.name !== 'REKEY') {
        continue;
      }
      const nb = validityOf(call, 'NOTBEFORE');
      const na = validityOf(call, 'NOTAFTER');
      if (!na?.date || !na.date.real || na.symbolic || nb?.symbolic) {
        continue;
      }
      const naDay = dayNumber(na.date.year, na.date.month, na.date.day);
      const range = na.date.value.range;
      const written = na.date.value.kind === 'word' ? na.date.value.text : na.date.value.value;
      if (nb?.date?.real) {
        const nbDay = dayNumber(nb.date.year, nb.date.month, nb.date.day);
        const nbAt = nbDay * DAY + (nb.time ?? 0);
        const naAt = naDay * DAY + (na.time ?? DAY - 1);
        if (nbAt >= naAt) {
          const nbText = nb.date.value.kind === 'word' ? nb.date.value.text : nb.date.value.value;
          report({
            message: `NOTBEFORE (${nbText}) is not earlier than NOTAFTER (${written}): RACF rejects the command with IRRD133I ("The NOTBEFORE value must be earlier than the NOTAFTER value. The certificate is not created"). Correct one of the dates.`,
            range,
            href: href(DATES.source),
          });
          continue;
        }
      }
      if (naDay >= today) {
        continue;
      }
      const t = model.today;
      const nextYear = formatDate(t.getFullYear() + 1, t.getMonth() + 1, Math.min(t.getDate(), 28), '-');
      const todayText = formatDate(t.getFullYear(), t.getMonth() + 1, t.getDate(), '-');
      report({
        message: nb?.date
          ? `NOTAFTER(DATE(${written})) is in the past (today is ${todayText}): the certificate would be created already expired and no TLS peer accepts it. Choose a NOTAFTER date in the future.`
          : `NOTAFTER(DATE(${written})) is in the past (today is ${todayText}); NOTBEFORE defaults to today, so NOTBEFORE is later than NOTAFTER and RACF rejects the command with IRRD133I ("The certificate is not created"). Choose a NOTAFTER date in the future.`,
        range,
        fixes: [replaceFix(range, nextYear, `Change the date to ${nextYear} (one year from today)`)],
        href: href(DATES.source),
      });
    }
  },
};

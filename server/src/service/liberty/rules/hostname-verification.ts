// liberty/hostname-verification — evidence: liberty-reference §13 LIB-TLS-015, §2 (S-HNV:
// verifyHostname defaults to true since 24.0.0.9 after CVE-2023-50314, and false logs
// CWPKI0063W; S-CONST: skipHostnameVerificationForHosts takes host names with a leading `*.`
// wildcard for the left-most label). Without the check, any certificate the trust store accepts
// is taken for any host, so a man in the middle with a certificate from a trusted CA succeeds.
// A `*.` entry switches the check off for a whole domain: "broad" in the rules.md row.
import type { RuleModule } from '../../rules';
import { HOSTNAME_VERIFICATION } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { describe, isFalse, replaceValue, valueSubRange } from './helpers';
import { libertyRuleHref } from './href';

export const hostnameVerification: RuleModule<LibertyModel> = {
  id: 'liberty/hostname-verification',
  href: libertyRuleHref('LIB-TLS-015'),
  check(model, report) {
    for (const el of model.elements('ssl')) {
      const verify = el.attr('verifyHostname');
      if (model.reportable(verify) && isFalse(verify)) {
        const edit = replaceValue(verify, 'true');
        report({
          message:
            `verifyHostname="false" on ${describe(el)} turns off the host-name check of outbound TLS connections ` +
            `(Liberty logs ${HOSTNAME_VERIFICATION.disabledMessage}): a server presenting any certificate the trust store accepts is taken ` +
            `for the host asked for. Remove it (the default is true since ${HOSTNAME_VERIFICATION.since}) or list the exceptions ` +
            'by exact host name in skipHostnameVerificationForHosts.',
          range: verify.valueRange,
          ...(edit ? { fixes: [{ title: 'Set verifyHostname="true"', edits: [edit] }] } : {}),
        });
      }
      const skip = el.attr('skipHostnameVerificationForHosts');
      if (!model.reportable(skip)) {
        continue;
      }
      const re = /[^,]+/g;
      for (let m = re.exec(skip.resolved); m; m = re.exec(skip.resolved)) {
        const host = m[0].trim();
        if (!host.startsWith('*.')) {
          continue;
        }
        const offset = m.index + m[0].indexOf(host);
        report({
          message:
            `skipHostnameVerificationForHosts on ${describe(el)} skips the host-name check for every host under ${host.slice(2)} ` +
            `('${host}'): a certificate for any of them is accepted for all of them. List the exact host names that need the exception.`,
          range: valueSubRange(model, skip, offset, host.length),
        });
      }
    }
  },
};

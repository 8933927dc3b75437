// liberty/plain-http-open — evidence: liberty-reference §13 LIB-TLS-014 (S-DOC-NET and S-DOC-HARD
// network hardening, S-STIG V-250348; the corpus z/OS Connect files). An httpEndpoint that opens
// httpsPort and also leaves httpPort open lets clients (and credentials) travel in clear beside
// the TLS port; -1 closes a port (S-XSD). z/OS Connect's requireSecure="false" accepts API calls
// over plain HTTP. Information, as the catalogue says: it may be deliberate (a health check).
// Only known values are judged: a port still held in `${…}` may well be -1.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { isFalse, portOpen, replaceValue } from './helpers';
import { libertyRuleHref } from './href';

export const plainHttpOpen: RuleModule<LibertyModel> = {
  id: 'liberty/plain-http-open',
  href: libertyRuleHref('LIB-TLS-014'),
  check(model, report) {
    for (const el of model.elements('httpEndpoint')) {
      const http = el.attr('httpPort');
      const https = el.attr('httpsPort');
      if (!model.reportable(http) || !portOpen(http) || !portOpen(https)) {
        continue;
      }
      const edit = replaceValue(http, '-1');
      report({
        message:
          `httpEndpoint opens plain HTTP on httpPort="${http.resolved.trim()}" beside HTTPS on ${https!.resolved.trim()}: ` +
          'requests and credentials sent to that port are not encrypted. Set httpPort="-1" unless plain HTTP is needed.',
        range: http.valueRange,
        ...(edit ? { fixes: [{ title: 'Close the HTTP port (httpPort="-1")', edits: [edit] }] } : {}),
      });
    }
    for (const el of model.elements('zosconnect_zosConnectManager')) {
      const a = el.attr('requireSecure');
      if (!model.reportable(a) || !isFalse(a)) {
        continue;
      }
      report({
        message:
          'zosconnect_zosConnectManager requireSecure="false" lets z/OS Connect accept API requests over plain HTTP. ' +
          'Set requireSecure="true" so that only HTTPS is accepted.',
        range: a.valueRange,
      });
    }
  },
};

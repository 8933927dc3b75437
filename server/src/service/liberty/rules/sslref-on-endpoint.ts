// liberty/sslref-on-endpoint — evidence: liberty-reference §13 LIB-TLS-021, §4 (S-XSD: httpEndpoint
// has no sslRef attribute; an endpoint picks its repertoire through sslOptionsRef or a nested
// <sslOptions sslRef=…/>, and otherwise uses sslDefault). The attribute is ignored, so the
// endpoint silently runs with the default repertoire instead of the one named. Reported on the
// attribute name: the name is the mistake, whatever the value holds.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';

export const sslrefOnEndpoint: RuleModule<LibertyModel> = {
  id: 'liberty/sslref-on-endpoint',
  href: libertyRuleHref('LIB-TLS-021'),
  check(model, report) {
    for (const el of model.elements('httpEndpoint')) {
      const a = el.attr('sslRef');
      if (!a || a.builtIn || !model.isLocal(a) || !a.nameRange) {
        continue;
      }
      const id = a.unresolved ? a.value : a.resolved.trim();
      report({
        message:
          `httpEndpoint has no sslRef attribute: Liberty ignores sslRef="${a.value}" and the endpoint uses the sslDefault repertoire. ` +
          `Nest <sslOptions sslRef="${id}"/> in the httpEndpoint, or point sslOptionsRef at an <sslOptions> whose sslRef is '${id}'.`,
        range: a.nameRange,
      });
    }
  },
};

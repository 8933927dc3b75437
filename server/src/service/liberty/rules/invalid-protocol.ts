// liberty/invalid-protocol — evidence: liberty-reference §13 LIB-TLS-008 and §7 (S-PROTO
// ProtocolHelper, S-CONST MULTI_PROTOCOL_LIST, S-ISSUE-PROTO open-liberty #19324/PR #19940). A
// comma list may hold only TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 (exact spelling): anything else is
// CWPKI0832E and the repertoire is not created (CWPKI0833E). A single value goes to
// SSLContext.getInstance, which ignores case; a name outside every protocol the reference knows
// (the list values, the weak and the JVM-default names) fails with CWPKI0831E. Blanks around the
// commas are a warning: Liberty splits without trimming, but whether config processing trims first
// is uncertain (the Open Liberty docs' own example has a blank). The FIPS 140-3 limit (TLSv1.2 and
// TLSv1.3 only) needs to know FIPS is on, which a server.xml does not say: left to the hover.
import type { RuleModule } from '../../rules';
import type { Severity } from '../../types';
import { SSL_PROTOCOL, analyseSslProtocol, protocolFacts } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, replaceValue, shown } from './helpers';

const LIST = SSL_PROTOCOL.listValues.join(', ');
// A single value is looked up by JSSE, which ignores case.
const LIST_LOWER = new Set(SSL_PROTOCOL.listValues.map((v) => v.toLowerCase()));

export const invalidProtocol: RuleModule<LibertyModel> = {
  id: 'liberty/invalid-protocol',
  href: libertyRuleHref('LIB-TLS-008'),
  check(model, report) {
    for (const ssl of model.elements('ssl')) {
      const a = ssl.attr('sslProtocol');
      if (!model.reportable(a)) {
        continue;
      }
      const p = analyseSslProtocol(a.resolved);
      if (p.kind === 'single') {
        const v = p.entries[0].value;
        const f = protocolFacts(v);
        const known = f.weak || f.jvmDefault || LIST_LOWER.has(v.toLowerCase());
        if (!known) {
          report({
            message: `${describe(ssl)} sslProtocol=${shown(a)} is not a protocol name Java knows, so Liberty cannot create this SSL configuration (CWPKI0831E, then CWPKI0833E). Use ${LIST} — or a comma list of them such as "TLSv1.2,TLSv1.3".`,
            range: a.valueRange,
          });
        }
        continue;
      }
      if (p.kind !== 'list') {
        continue;
      }
      if (p.notAllowedInList.length > 0) {
        const bad = p.notAllowedInList
          .map((e) => (e.value === '' ? '(an empty entry)' : `'${e.value}'`))
          .join(', ');
        report({
          message: `${describe(ssl)} sslProtocol=${shown(a)} is a list holding ${bad}: a protocol list may contain only ${LIST}, exactly so spelled, so Liberty rejects it (CWPKI0832E) and does not create the SSL configuration (CWPKI0833E). Keep only those names, e.g. "TLSv1.2,TLSv1.3".`,
          range: a.valueRange,
        });
      } else if (p.spacesAroundCommas) {
        const tight = p.entries.map((e) => e.value).join(SSL_PROTOCOL.listSeparator);
        const edit = replaceValue(a, tight);
        report({
          message: `${describe(ssl)} sslProtocol=${shown(a)} has blanks around its commas. Liberty splits the list on commas without trimming, and whether the configuration is trimmed first is not certain, so ' TLSv1.3' may be rejected (CWPKI0832E). Write "${tight}".`,
          range: a.valueRange,
          severity: 'warning' as Severity,
          ...(edit ? { fixes: [{ title: `Write "${tight}"`, edits: [edit], isPreferred: true }] } : {}),
        });
      }
    }
  },
};

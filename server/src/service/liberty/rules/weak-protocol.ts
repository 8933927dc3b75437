// liberty/weak-protocol — evidence: liberty-reference §13 LIB-TLS-007 and §7 (STIG V-250323: every
// SSL configuration must specify TLSv1.2 or higher; S-PROTO: a single TLS or SSL leaves the JVM's
// protocol set, other single values restrict sockets to that one; S-XSD). The weak and JVM-default
// names are the reference's (analyseSslProtocol). Explicit weak entries are a warning with the fix
// TLSv1.2,TLSv1.3. A value that leaves the choice to the JVM (unset, TLS, SSL_TLSv2) is information,
// and only on a repertoire that serves inbound connections (sslDefault's sslRef, or an sslOptions'
// sslRef), only when every file of the configuration was read: an include we lack may set it. A
// list entry Liberty rejects outright (SSLv3 in a list: CWPKI0832E) is liberty/invalid-protocol's.
import type { RuleModule } from '../../rules';
import type { Fix, Severity } from '../../types';
import { analyseSslProtocol, protocolFacts } from '../../knowledge/libertyKeywords';
import type { ConfigElement, LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { describe, insertAttribute, localDeclaration, replaceValue, shown } from './helpers';

export const RECOMMENDED_PROTOCOLS = 'TLSv1.2,TLSv1.3';
const DEFAULT_SSL_REF = 'defaultSSLConfig';

export const weakProtocol: RuleModule<LibertyModel> = {
  id: 'liberty/weak-protocol',
  href: libertyRuleHref('LIB-TLS-007'),
  check(model, report) {
    let inbound: Set<string> | undefined;
    for (const ssl of model.elements('ssl')) {
      const a = ssl.attr('sslProtocol');
      if (a) {
        if (!model.reportable(a)) {
          continue;
        }
        const p = analyseSslProtocol(a.resolved);
        const weak = p.weak.filter((e) => p.kind === 'single' || protocolFacts(e.value).allowedInList);
        if (weak.length > 0) {
          const edit = replaceValue(a, RECOMMENDED_PROTOCOLS);
          report({
            message: `${describe(ssl)} sslProtocol=${shown(a)} allows ${weak.map((e) => e.value).join(', ')}: ${weak.length > 1 ? 'these protocols are' : 'this protocol is'} obsolete and broken, and STIG V-250323 requires TLSv1.2 or higher. Set sslProtocol="${RECOMMENDED_PROTOCOLS}".`,
            range: a.valueRange,
            ...(edit ? { fixes: [fix(edit)] } : {}),
          });
        } else if (p.jvmDefault && (inbound ??= inboundRefs(model)).has(ssl.id ?? '')) {
          const edit = replaceValue(a, RECOMMENDED_PROTOCOLS);
          report({
            message: jvmDefaultMessage(ssl, `sslProtocol=${shown(a)} lets the JVM choose the protocols`),
            range: a.valueRange,
            severity: 'information' as Severity,
            ...(edit ? { fixes: [fix(edit)] } : {}),
          });
        }
        continue;
      }
      if (model.isFragment || !model.complete) {
        continue;
      }
      const decl = localDeclaration(model, ssl);
      if (!decl || !(inbound ??= inboundRefs(model)).has(ssl.id ?? '')) {
        continue;
      }
      report({
        message: jvmDefaultMessage(ssl, 'sets no sslProtocol, so the JVM chooses the protocols'),
        range: decl.nameRange,
        severity: 'information' as Severity,
        fixes: [fix(insertAttribute(decl, 'sslProtocol', RECOMMENDED_PROTOCOLS))],
      });
    }
  },
};

function fix(edit: Fix['edits'][number]): Fix {
  return { title: `Set sslProtocol="${RECOMMENDED_PROTOCOLS}"`, edits: [edit], isPreferred: true };
}

function jvmDefaultMessage(ssl: ConfigElement, what: string): string {
  return `${describe(ssl)} serves inbound TLS and ${what}: depending on the Java level and its jdk.tls.disabledAlgorithms, that can include TLSv1 and TLSv1.1. STIG V-250323 asks every SSL configuration to specify TLSv1.2 or higher: set sslProtocol="${RECOMMENDED_PROTOCOLS}".`;
}

/** Ids of the repertoires inbound endpoints use: sslDefault's sslRef and every sslOptions' sslRef. */
function inboundRefs(model: LibertyModel): Set<string> {
  const ids = new Set<string>();
  const defaults = model.elements('sslDefault');
  const ref = defaults.map((d) => d.attr('sslRef')).find((a) => a !== undefined);
  if (!ref) {
    ids.add(DEFAULT_SSL_REF);
  } else if (!ref.unresolved) {
    ids.add(ref.resolved.trim());
  }
  for (const o of model.elements('sslOptions')) {
    const a = o.attr('sslRef');
    if (a && !a.unresolved) {
      ids.add(a.resolved.trim());
    }
  }
  return ids;
}

// liberty/cipher-syntax — evidence: liberty-reference §13 LIB-TLS-010, §8. enabledCiphers is a
// blank-separated list of JSSE names (S-XSD), so commas make names Liberty does not know; IBM
// Java 8 accepts `SSL_` aliases of ECDHE/GCM suites that Java 11+ JSSE rejects as an unsupported
// cipher suite (S-BLOG-CIPHERS); securityLevel is ignored once enabledCiphers is set, and CUSTOM
// means "the enabledCiphers list", so CUSTOM without one selects nothing of ours (S-CONST).
// securityLevel beside enabledCiphers is judged on the merged ssl (the two may be written in
// different files) and reported where securityLevel is written.
import type { RuleModule } from '../../rules';
import { splitCipherList, sslAliasFailsOnJava11, tlsSpelling } from '../../knowledge/libertyKeywords';
import type { LibertyModel } from '../model';
import { describe, replaceValue, valueSubRange } from './helpers';
import { libertyRuleHref } from './href';

export const cipherSyntax: RuleModule<LibertyModel> = {
  id: 'liberty/cipher-syntax',
  href: libertyRuleHref('LIB-TLS-010'),
  check(model, report) {
    for (const el of model.elements('ssl')) {
      const ciphers = el.attr('enabledCiphers');
      const level = el.attr('securityLevel');
      if (model.reportable(ciphers)) {
        const { names, commas } = splitCipherList(ciphers.resolved);
        if (commas) {
          const edit = replaceValue(ciphers, names.map((n) => n.name).join(' '));
          report({
            message:
              `enabledCiphers of ${describe(el)} separates suites with commas, but Liberty splits the list on spaces only, ` +
              'so the joined names are not cipher suites it knows. Separate the suites with spaces.',
            range: ciphers.valueRange,
            ...(edit
              ? {
                  fixes: [
                    { title: 'Separate the cipher suites with spaces', edits: [edit], isPreferred: true },
                  ],
                }
              : {}),
          });
        }
        for (const { name, offset } of names) {
          if (!sslAliasFailsOnJava11(name)) {
            continue;
          }
          const range = valueSubRange(model, ciphers, offset, name.length);
          const tls = tlsSpelling(name);
          const exact = range !== ciphers.valueRange;
          report({
            message:
              `${name} is the IBM Java 8 alias of ${tls}; Java 11 and later (IBM Semeru) reject it as an unsupported cipher suite. ` +
              `Write the TLS_ name ${tls}.`,
            range,
            ...(exact
              ? { fixes: [{ title: `Use ${tls}`, edits: [{ range, newText: tls }], isPreferred: true }] }
              : {}),
          });
        }
      }
      if (!model.reportable(level)) {
        continue;
      }
      const value = level.resolved.trim();
      const listed = ciphers !== undefined && !ciphers.unresolved && ciphers.resolved.trim() !== '';
      if (listed && value !== 'CUSTOM') {
        report({
          message:
            `securityLevel="${level.resolved.trim()}" on ${describe(el)} is ignored because enabledCiphers is set: ` +
            'the enabledCiphers list alone decides the suites. Remove securityLevel (or enabledCiphers, to let the level choose).',
          range: level.valueRange,
          tags: ['unnecessary'],
        });
      } else if (!ciphers && value === 'CUSTOM') {
        report({
          message:
            `securityLevel="CUSTOM" on ${describe(el)} means "the suites listed in enabledCiphers", but no enabledCiphers is set. ` +
            'Add enabledCiphers with the suites you want, or use securityLevel="HIGH".',
          range: level.valueRange,
        });
      }
    }
  },
};

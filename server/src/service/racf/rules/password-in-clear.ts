// racf/password-in-clear — evidence: racdcert-reference §11 password-in-clear (WSC jobs write
// password('secret') six times) and the project's security standard: a password is never echoed in
// full, so the message gives only its length. Reported for jobs and execs (the catalogue's scope):
// they are stored in data sets and repositories that many can read, and JCL keeps the job's SYSIN.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { href, racdcertCalls, singleValue, top, valueText } from './commandHelpers';

export const passwordInClear: RuleModule<RacfModel> = {
  id: 'racf/password-in-clear',
  href: href('R23'),
  check(model, report) {
    if (model.language !== 'jcl' && model.language !== 'rexx') {
      return;
    }
    for (const call of racdcertCalls(model.racf)) {
      const op = top(call, 'PASSWORD');
      const v = op ? singleValue(op) : undefined;
      if (!v || v.symbolic) {
        continue;
      }
      const length = valueText(v).length;
      if (length === 0) {
        continue;
      }
      const where = model.language === 'jcl' ? 'job' : 'exec';
      report({
        message: `The PKCS #12 password of this ${call.fn.name} (${length} character${length === 1 ? '' : 's'}) is written in clear in the ${where}: anyone who can read the ${where} or its output can read it, and with it open the private key. Supply it at run time (a JCL symbol substituted at submission with SYMBOLS=JCLONLY, or a prompt in the exec) and keep the ${where} free of it.`,
        range: v.range,
        href: href('R23'),
      });
    }
  },
};

// liberty/https-without-keystore — evidence: liberty-reference §13 LIB-TLS-013; S-DEFINST (the
// built-in defaultKeyStore has no password of its own: it takes the keystore_password environment
// variable, which `server create` writes to server.env); S-SSLNLS (CWPKI0817A/CWPKI0819I: no
// default key store is created without one); S-FEATLIST (the HTTPS listener starts only when a
// key store is configured). "No key store" means none written anywhere in the merged
// configuration (a nested <keyStore> counts) and no keystore_password among the variables we can
// see (server.env, bootstrap.properties, <variable>). Quiet unless server.env was read: `server
// create` writes keystore_password there, and a configuration kept without its server.env (a
// source repository, a container image that sets the variable in the process environment; corpus
// wasdev oidcProvider and ci.docker full server.xml) gives no way to know the password is missing.
// Quiet too in a fragment or when a file could not be read: the key store may be there.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { libertyRuleHref } from './href';
import { portOpen } from './helpers';

const PASSWORD_VARIABLE = 'keystore_password';

export const httpsWithoutKeystore: RuleModule<LibertyModel> = {
  id: 'liberty/https-without-keystore',
  href: libertyRuleHref('LIB-TLS-013'),
  check(model, report) {
    if (model.isFragment || !model.complete) {
      return;
    }
    const written = model.elements('keyStore').some((k) => k.declarations.length > 0);
    if (written || model.variables.get(PASSWORD_VARIABLE) !== undefined || !serverEnvRead(model)) {
      return;
    }
    for (const el of model.local('httpEndpoint')) {
      const port = el.attr('httpsPort');
      if (!model.reportable(port) || !portOpen(port)) {
        continue;
      }
      report({
        message:
          `httpsPort="${port.resolved.trim()}" but the configuration defines no <keyStore> and server.env sets no ${PASSWORD_VARIABLE}: ` +
          `Liberty creates no default key store without that password (CWPKI0819I), so the HTTPS port does not start unless ` +
          `the process environment supplies ${PASSWORD_VARIABLE}. Add ` +
          `<keyStore id="defaultKeyStore" password="…"/> (a key ring on z/OS), or set ${PASSWORD_VARIABLE} in server.env.`,
        range: port.valueRange,
      });
    }
  },
};

/** Some variable comes from the server's server.env: the file exists and was read. */
function serverEnvRead(model: LibertyModel): boolean {
  return model.variables.names().some((n) => model.variables.get(n)?.origin === 'server.env');
}

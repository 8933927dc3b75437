// attls/environment-incomplete — evidence: attls-reference §4.5: HandshakeRole and the key ring
// (TTLSKeyringParms inline, also spelled TTLSKeyRingParms, or TTLSKeyringParmsRef) are required [S5].
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { firstParam } from '../model';
import { headerRange, href } from './structuralHelpers';

export const environmentIncomplete: RuleModule<AttlsModel> = {
  id: 'attls/environment-incomplete',
  href: href('S5', 'S5'),
  check(model, report) {
    for (const blocks of model.globals.get('TTLSEnvironmentAction')?.values() ?? []) {
      for (const env of blocks) {
        const missing: string[] = [];
        if (!firstParam(env, 'HandshakeRole')) {
          missing.push('HandshakeRole (Client, Server or ServerWithClientAuth)');
        }
        const inline = env.children.some((c) => c.kind === 'block' && c.statement === 'TTLSKeyringParms');
        if (!inline && !firstParam(env, 'TTLSKeyringParmsRef')) {
          missing.push('a key ring (a TTLSKeyringParms block with Keyring, or TTLSKeyringParmsRef)');
        }
        if (missing.length) {
          report({
            message: `TTLSEnvironmentAction ${env.name?.text ?? ''} lacks ${missing.join(' and ')}, which IBM lists as required. Add ${missing.length > 1 ? 'them' : 'it'}.`,
            range: headerRange(env),
          });
        }
      }
    }
  },
};

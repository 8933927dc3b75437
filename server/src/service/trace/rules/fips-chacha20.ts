// trace/fips-chacha20 — ChaCha20 encryption fails under FIPS (docs/rules.md; trace-formats.md §11.1):
// the GSK record of ICSF CSFPSKE 8/BFE in crypto_chacha_encrypt_ctx, or a ChaCha20-Poly1305 suite
// chosen by the ServerHello and the handshake failing or going silent right after it. ChaCha20 is
// not NIST-approved (attls-reference §5.6), so ICSF in FIPS mode refuses it.
import { rangeOf } from '../../types';
import type { RuleModule } from '../../rules';
import { eventsOf, firstWith, where } from './evidence';
import type { TraceRuleModel } from './evidence';
import { SETTINGS, hrefOf, relatedSettings } from './settings';

const CHACHA = /chacha/i;
const INVOLVED = [SETTINGS.v3CipherSuites, SETTINGS.v3CipherSuites4Char, SETTINGS.fips140];

export const fipsChacha20: RuleModule<TraceRuleModel> = {
  id: 'trace/fips-chacha20',
  href: hrefOf(SETTINGS.fips140)!,
  check(model, report) {
    for (const conn of model.connections) {
      const events = eventsOf(model, conn);
      const chachaSuite = conn.cipher !== null && CHACHA.test(conn.cipher);
      const icsf = events.find((e) => firstWith([e], ['icsf-8-BFE']) && (CHACHA.test(e.text) || chachaSuite));
      let cause: string;
      let line: number;
      if (icsf) {
        line = icsf.line;
        cause = `ICSF refused ChaCha20 encryption at ${where(icsf)} (CSFPSKE return code 8, reason BFE: algorithm not approved for ICSF FIPS)${chachaSuite ? ` on suite ${conn.cipher}` : ''}`;
      } else if (
        chachaSuite &&
        (conn.outcome === 'failed' || conn.outcome === 'stalled') &&
        conn.stopLine !== undefined
      ) {
        const sh = conn.messages.find((m) => m.type === 'ServerHello');
        const finished = conn.messages.some((m) => m.type === 'Finished');
        if (!sh || finished) {
          continue;
        }
        line = conn.stopLine;
        cause = `the ServerHello (line ${sh.line + 1}) chose ${conn.cipher}, and the handshake ${conn.outcome === 'failed' ? 'failed' : 'went silent'} right after it (line ${line + 1}): what System SSL does when FIPS 140 mode meets a ChaCha20 suite (ICSF CSFPSKE 8/BFE in its trace)`;
      } else {
        continue;
      }
      report({
        message:
          `Connection ${conn.id}: ChaCha20-Poly1305 failed under FIPS — ${cause}. ` +
          'Likely cause: the z/OS side runs FIPS 140 mode (FIPS140 On/Level1-3) with a ChaCha20 suite ' +
          '(TLS_CHACHA20_POLY1305_SHA256 1303, or CCA8/CCA9) in its cipher list. Fix: remove 1303 (and CCA8, CCA9) ' +
          'from V3CipherSuites/V3CipherSuites4Char of that policy, or set FIPS140 Off if FIPS is not required.',
        range: rangeOf(line, 0, 0),
        href: hrefOf(SETTINGS.v3CipherSuites, SETTINGS.fips140),
        related: relatedSettings(model.findSetting, INVOLVED),
      });
    }
  },
};

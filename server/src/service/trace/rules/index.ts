// The trace/* rules (docs/rules.md "Trace findings"), run by findings.ts through rules.ts runRules.
import type { RuleModule } from '../../rules';
import type { TraceModel } from '../findings';
import { clientCertMissing } from './client-cert-missing';
import { code } from './code';
import { expiredCertificate } from './expired-certificate';
import { fipsChacha20 } from './fips-chacha20';
import { fipsTls13 } from './fips-tls13';
import { handshakeFailed } from './handshake-failed';
import { handshakeStalled } from './handshake-stalled';
import { noCommonCipher } from './no-common-cipher';
import { noCommonProtocol } from './no-common-protocol';
import { noTls13Certificate } from './no-tls13-certificate';
import { ringAccess } from './ring-access';
import { untrustedCertificate } from './untrusted-certificate';

// The classic-failure rules read an optional workspace lookup beside the trace (evidence.ts
// TraceRuleModel); runRules hands them the model it was given.
export const TRACE_RULES: RuleModule<TraceModel>[] = [
  handshakeFailed,
  handshakeStalled,
  fipsChacha20,
  fipsTls13,
  noTls13Certificate,
  noCommonCipher,
  noCommonProtocol,
  clientCertMissing,
  untrustedCertificate,
  ringAccess,
  expiredCertificate,
  code,
];

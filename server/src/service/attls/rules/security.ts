// The security rules (protocols, ciphers, FIPS, client authentication, rule order): one module per
// rule id, named by the id. Evidence for each is in attls-reference §7 and the module's header.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { clientAuth } from './client-auth';
import { constantIn4char } from './constant-in-4char';
import { eccSuite2char } from './ecc-suite-2char';
import { ecurvesAnyMixed } from './ecurves-any-mixed';
import { fipsChacha20 } from './fips-chacha20';
import { malformedCipherString } from './malformed-cipher-string';
import { obsoleteProtocol } from './obsolete-protocol';
import { shadowedRule } from './shadowed-rule';
import { tls12OffByDefault } from './tls12-off-by-default';
import { tls13FipsUnsupported } from './tls13-fips-unsupported';
import { tls13OnlyParameter } from './tls13-only-parameter';
import { tls13WithoutSuite } from './tls13-without-suite';
import { weakCipher } from './weak-cipher';

export const securityRules: readonly RuleModule<AttlsModel>[] = [
  tls13FipsUnsupported,
  tls13WithoutSuite,
  fipsChacha20,
  tls12OffByDefault,
  obsoleteProtocol,
  weakCipher,
  constantIn4char,
  malformedCipherString,
  eccSuite2char,
  clientAuth,
  ecurvesAnyMixed,
  shadowedRule,
  tls13OnlyParameter,
];

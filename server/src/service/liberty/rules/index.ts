// Every liberty/* rule, one module each, named by its id (docs/rules.md, liberty-reference §13).
// Add a rule: write rules/<id>.ts exporting a RuleModule<LibertyModel>, list it here, and add the
// rows it produces on the corpus to test/unit/liberty/corpus.test.ts.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { unresolvedRef } from './unresolved-ref';
import { cipherSyntax } from './cipher-syntax';
import { encryptionKeyInConfig } from './encryption-key-in-config';
import { hostnameVerification } from './hostname-verification';
import { httpsWithoutKeystore } from './https-without-keystore';
import { ldapWithoutSsl } from './ldap-without-ssl';
import { missingTlsFeature } from './missing-tls-feature';
import { plainHttpOpen } from './plain-http-open';
import { securityLevel } from './security-level';
import { sslrefOnEndpoint } from './sslref-on-endpoint';
import { trustDefaultCerts } from './trust-default-certs';
import { weakCipher } from './weak-cipher';

export const LIBERTY_RULES: readonly RuleModule<LibertyModel>[] = [
  unresolvedRef,
  weakCipher,
  cipherSyntax,
  securityLevel,
  missingTlsFeature,
  httpsWithoutKeystore,
  plainHttpOpen,
  hostnameVerification,
  trustDefaultCerts,
  sslrefOnEndpoint,
  ldapWithoutSsl,
  encryptionKeyInConfig,
];

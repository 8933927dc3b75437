// Every liberty/* rule, one module each, named by its id (docs/rules.md, liberty-reference §13).
// Add a rule: write rules/<id>.ts exporting a RuleModule<LibertyModel>, list it here, and add the
// rows it produces on the corpus to test/unit/liberty/corpus.test.ts.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { unresolvedRef } from './unresolved-ref';
import { keyringTypeMismatch } from './keyring-type-mismatch';
import { keyringFilebased } from './keyring-filebased';
import { keyringUrl } from './keyring-url';
import { password } from './password';
import { clientAuthTrust } from './client-auth-trust';
import { weakProtocol } from './weak-protocol';
import { invalidProtocol } from './invalid-protocol';
import { keystoreWithoutId } from './keystore-without-id';
import { sslWithoutKeystore } from './ssl-without-keystore';
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
  keyringTypeMismatch,
  keyringFilebased,
  keyringUrl,
  password,
  clientAuthTrust,
  weakProtocol,
  invalidProtocol,
  keystoreWithoutId,
  sslWithoutKeystore,
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

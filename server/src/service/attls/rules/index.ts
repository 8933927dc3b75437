// Every attls/* rule, one module each, named by its id. Two lists so that structural rules
// (names, references, blocks) and security rules (protocols, ciphers, FIPS) can grow apart.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { structuralRules } from './structural';
import { securityRules } from './security';

export const ATTLS_RULES: readonly RuleModule<AttlsModel>[] = [...structuralRules, ...securityRules];

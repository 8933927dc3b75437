import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';

export const securityRules: readonly RuleModule<AttlsModel>[] = [];

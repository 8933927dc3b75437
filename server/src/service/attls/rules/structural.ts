import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { syntax } from './syntax';

export const structuralRules: readonly RuleModule<AttlsModel>[] = [syntax];

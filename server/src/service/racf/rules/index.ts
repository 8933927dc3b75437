// Every racf/* rule, one module each, named by its id: the problems found while reading the text,
// the per-command rules and the cross-command rules.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { problemRules } from './problemRules';
import { commandRules } from './commandRules';
import { crossRules } from './crossRules';

export const RACF_RULES: readonly RuleModule<RacfModel>[] = [...problemRules, ...commandRules, ...crossRules];

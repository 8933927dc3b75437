// Every liberty/* rule, one module each, named by its id (docs/rules.md, liberty-reference §13).
// Add a rule: write rules/<id>.ts exporting a RuleModule<LibertyModel>, list it here, and add the
// rows it produces on the corpus to test/unit/liberty/corpus.test.ts.
import type { RuleModule } from '../../rules';
import type { LibertyModel } from '../model';
import { unresolvedRef } from './unresolved-ref';

export const LIBERTY_RULES: readonly RuleModule<LibertyModel>[] = [unresolvedRef];

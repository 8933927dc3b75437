// The structural attls/* rules (names, references, blocks, values, pagent files), one module each,
// named by the rule id.
import type { RuleModule } from '../../rules';
import type { AttlsModel } from '../model';
import { syntax } from './syntax';
import { unknownKeyword } from './unknown-keyword';
import { badValue } from './bad-value';
import { unresolvedRef } from './unresolved-ref';
import { refWrongType } from './ref-wrong-type';
import { duplicateName } from './duplicate-name';
import { ruleIncomplete } from './rule-incomplete';
import { enabledWithoutEnvironment } from './enabled-without-environment';
import { environmentIncomplete } from './environment-incomplete';
import { inlineAndRef } from './inline-and-ref';
import { repeatedParameter } from './repeated-parameter';
import { noRules } from './no-rules';
import { unusedDefinition } from './unused-definition';
import { placeholder } from './placeholder';
import { ctraceCleartext } from './ctrace-cleartext';
import { traceVerbose } from './trace-verbose';
import { cleartextSecret } from './cleartext-secret';
import { pagentImage } from './pagent-image';

export const structuralRules: readonly RuleModule<AttlsModel>[] = [
  syntax,
  unknownKeyword,
  badValue,
  unresolvedRef,
  refWrongType,
  duplicateName,
  ruleIncomplete,
  enabledWithoutEnvironment,
  environmentIncomplete,
  inlineAndRef,
  repeatedParameter,
  noRules,
  unusedDefinition,
  placeholder,
  ctraceCleartext,
  traceVerbose,
  cleartextSecret,
  pagentImage,
];

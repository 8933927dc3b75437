// The cross-command racf/* rules: each reads the model of what the whole document does (labels
// and rings created, connections, permits, refreshes) rather than one command.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { signwithUnknown } from './signwith-unknown';
import { ringUnknown } from './ring-unknown';
import { labelUnknown } from './label-unknown';
import { missingRefresh } from './missing-refresh';
import { ringAccess } from './ring-access';
import { unknownResource } from './unknown-resource';
import { defaultOnCa } from './default-on-ca';
import { duplicate } from './duplicate';
import { duplicateDnInRing } from './duplicate-dn-in-ring';

export const crossRules: readonly RuleModule<RacfModel>[] = [
  signwithUnknown,
  ringUnknown,
  labelUnknown,
  missingRefresh,
  ringAccess,
  unknownResource,
  defaultOnCa,
  duplicate,
  duplicateDnInRing,
];

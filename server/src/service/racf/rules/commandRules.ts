// The per-command racf/* rules: each judges one command at a time (a GENCERT's key, dates and key
// usage, an EXPORT's format), reading other commands of the stream only where one command's
// meaning depends on them (the key store of a label being exported; a server certificate's ring).
// The cross-command rules (labels, rings, refreshes, permits) live beside them in their own list.
import type { RuleModule } from '../../rules';
import type { RacfModel } from '../model';
import { unknownKeyword } from './unknown-keyword';
import { badValue } from './bad-value';
import { keySize } from './key-size';
import { weakKey } from './weak-key';
import { keyusage } from './keyusage';
import { validity } from './validity';
import { exportPassword } from './export-password';
import { passwordInClear } from './password-in-clear';
import { fipsKey } from './fips-key';

export const commandRules: readonly RuleModule<RacfModel>[] = [
  unknownKeyword,
  badValue,
  keySize,
  weakKey,
  keyusage,
  validity,
  exportPassword,
  passwordInClear,
  fipsKey,
];

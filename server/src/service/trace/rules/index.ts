// The trace/* rules (docs/rules.md "Trace findings"), run by findings.ts through rules.ts runRules.
import type { RuleModule } from '../../rules';
import type { TraceModel } from '../findings';
import { code } from './code';
import { handshakeFailed } from './handshake-failed';
import { handshakeStalled } from './handshake-stalled';

export const TRACE_RULES: RuleModule<TraceModel>[] = [handshakeFailed, handshakeStalled, code];

import type { CompletionEntry, Position } from '../features';
import type { AttlsAnalysis } from './analyze';

export function attlsComplete(_a: AttlsAnalysis, _pos: Position): CompletionEntry[] {
  return [];
}

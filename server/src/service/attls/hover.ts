import type { HoverResult, Position } from '../features';
import type { AttlsAnalysis } from './analyze';

export function attlsHover(_a: AttlsAnalysis, _pos: Position): HoverResult | undefined {
  return undefined;
}

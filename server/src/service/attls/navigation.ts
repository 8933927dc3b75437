import type { DocumentSymbolResult, FoldingRangeResult, Position, Range } from '../features';
import type { TextEdit } from '../types';
import type { AttlsAnalysis } from './analyze';

/** Ranges of the statement(s) the name or Ref at `pos` refers to. */
export function attlsDefinition(_a: AttlsAnalysis, _pos: Position): Range[] {
  return [];
}

export function attlsReferences(_a: AttlsAnalysis, _pos: Position, _includeDeclaration: boolean): Range[] {
  return [];
}

export function attlsPrepareRename(_a: AttlsAnalysis, _pos: Position): { range: Range; placeholder: string } | undefined {
  return undefined;
}

export function attlsRename(_a: AttlsAnalysis, _pos: Position, _newName: string): TextEdit[] | { error: string } {
  return [];
}

export function attlsSymbols(_a: AttlsAnalysis): DocumentSymbolResult[] {
  return [];
}

export function attlsFolding(_a: AttlsAnalysis): FoldingRangeResult[] {
  return [];
}

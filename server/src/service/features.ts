// Result shapes of the editor features, as plain data (LSP-like, no LSP import).
import type { Fix, Position, Range, TextEdit } from './types';

export interface DocumentInput {
  uri: string;
  /** Our language id when known; otherwise it is detected from the uri and text. */
  languageId?: string;
  text: string;
  version?: number;
}

export interface HoverResult {
  /** Markdown. */
  contents: string;
  range?: Range;
}

export type CompletionKind = 'keyword' | 'property' | 'value' | 'reference' | 'snippet' | 'constant';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert; a snippet (with $1 placeholders) when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  /** The range the completion replaces (the word at the cursor). */
  range?: Range;
  sortText?: string;
  filterText?: string;
}

export interface Location {
  uri: string;
  range: Range;
}

export interface WorkspaceEditResult {
  changes: Record<string, TextEdit[]>;
}

export type SymbolKindName = 'class' | 'object' | 'property' | 'struct' | 'namespace' | 'field' | 'key';

export interface DocumentSymbolResult {
  name: string;
  detail?: string;
  kind: SymbolKindName;
  range: Range;
  selectionRange: Range;
  children: DocumentSymbolResult[];
}

export interface FoldingRangeResult {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

export interface CodeActionResult {
  title: string;
  kind: 'quickfix' | 'source';
  /** Rule id of the finding the action answers, when it answers one. */
  rule?: string;
  isPreferred?: boolean;
  edit: WorkspaceEditResult;
  /** Index into the findings passed in, when the action fixes one. */
  findingIndex?: number;
}

export type { Fix, Position, Range };

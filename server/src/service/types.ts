import type { RacfWorkspace } from './racf/workspaceFacts';

// Plain data shared by every part of the language service. These mirror the LSP shapes (0-based
// lines, UTF-16 characters) so adapters can pass them through, but nothing here imports LSP.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type RuleSetting = Severity | 'off';

export type ZosRelease = '2.4' | '2.5' | '3.1' | '3.2';
export const ZOS_RELEASES: readonly ZosRelease[] = ['2.4', '2.5', '3.1', '3.2'];
export const DEFAULT_RELEASE: ZosRelease = '3.1';

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export interface RelatedInfo {
  range: Range;
  message: string;
  /** The document the range is in, when it is not the finding's own (a trace finding's config line). */
  uri?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: RelatedInfo[];
  fixes?: Fix[];
  tags?: ('unnecessary' | 'deprecated')[];
  /** Link to the reference the finding rests on (filled by the registry when the rule gives none). */
  href?: string;
}

export interface AnalyzeOptions {
  release?: ZosRelease;
  /** Per-rule severity overrides or 'off', keyed by rule id. */
  rules?: Record<string, RuleSetting>;
  /** The programs that use the key rings run System SSL in FIPS mode (turns on racf/fips-key). */
  fips?: boolean;
  /** What the other RACF documents of the workspace create (labels, rings per owner). */
  workspace?: RacfWorkspace;
  /**
   * Reads the other configuration files a document names (Liberty `<include>`, configDropins,
   * bootstrap.properties, server.env), by file: uri. Adapters supply it; the service reads no files
   * itself. Undefined (an untrusted workspace, an editor buffer alone) means only the document is known.
   */
  configFiles?: ConfigFileReader;
}

export interface ConfigFileReader {
  /** The text of the file, or undefined when it does not exist or cannot be read. */
  read(uri: string): string | undefined;
  /**
   * The names in a directory (configDropins; usr/servers for a shared include's server), a
   * sub-directory's with a trailing `/`, or undefined when it does not exist.
   */
  list?(dirUri: string): string[] | undefined;
}

export function compareRelease(a: ZosRelease, b: ZosRelease): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
}

export function rangeOf(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function containsPosition(range: Range, pos: Position): boolean {
  if (pos.line < range.start.line || pos.line > range.end.line) {
    return false;
  }
  if (pos.line === range.start.line && pos.character < range.start.character) {
    return false;
  }
  if (pos.line === range.end.line && pos.character > range.end.character) {
    return false;
  }
  return true;
}

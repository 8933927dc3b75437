// The language service facade: every adapter (LSP server, CLI) goes through here. Parsing
// happens once per document version; each feature reads the cached analysis.
import type {
  CodeActionResult,
  CompletionEntry,
  DocumentInput,
  DocumentSymbolResult,
  FoldingRangeResult,
  HoverResult,
  Location,
  WorkspaceEditResult,
} from './features';
import type { AnalyzeOptions, ConfigFileReader, Finding, Position, Range } from './types';
import { DEFAULT_RELEASE, rangeOf } from './types';
import { detectLanguage, isPlainTextName } from './languages';
import type { LanguageId } from './languages';
import { textLooksUnreadable } from './text/decode';
import { effectiveSeverity } from './rules';
import { sourceUrl } from './knowledge/attlsKeywords';
import type { AttlsAnalysis } from './attls/analyze';
import { analyzeAttls } from './attls/analyze';
import { attlsHover } from './attls/hover';
import { attlsComplete } from './attls/complete';
import {
  attlsDefinition,
  attlsFolding,
  attlsPrepareRename,
  attlsReferences,
  attlsRename,
  attlsSymbols,
} from './attls/navigation';
import { renderEffectivePolicy } from './attls/effectivePolicy';
import { codeActionsFor } from './codeActions';
import type { RacfAnalysis } from './racf/analyze';
import { analyzeRacf } from './racf/analyze';
import { racfHover } from './racf/hover';
import { racfComplete } from './racf/complete';
import { racfDefinition, racfFolding, racfReferences, racfSymbols } from './racf/navigation';
import type { RacfLanguage } from './racf/model';
import type { RacfWorkspace } from './racf/workspaceFacts';
import type { LibertyAnalysis } from './liberty/analyze';
import { analyzeLiberty } from './liberty/analyze';
import { libertyHover } from './liberty/hover';
import { libertyComplete } from './liberty/complete';
import { libertyDefinition, libertyReferences, libertySymbols } from './liberty/navigation';
import { libertyDisableComment } from './liberty/suppressions';
import { codeHoverAt, lineOfText } from './codes/hoverInText';

export * from './types';
export * from './features';
export { detectLanguage } from './languages';
export type { LanguageId } from './languages';

/** Live checking stops reading a document past this size; the CLI and the server say so. */
export const MAX_CHECKED_CHARS = 50 * 1024 * 1024;

/** IBM: Policy Agent reads its files in code page IBM-1047 unless told otherwise (attls-reference S37). */
const CODEPAGE_HREF = sourceUrl('S37');

export interface Analysis {
  language: LanguageId | undefined;
  findings: Finding[];
  attls?: AttlsAnalysis;
  racf?: RacfAnalysis;
  liberty?: LibertyAnalysis;
}

/**
 * A reader that says when what it returns may have changed. A Liberty analysis depends on files
 * other than the document (includes, configDropins, bootstrap.properties, server.env), so its
 * cached analysis is kept only while the reader's generation stays the same. The adapter bumps it
 * (an open include file was edited, a file on disk changed); a reader without one is read afresh
 * for every analysis of a Liberty document.
 */
export interface VersionedConfigFileReader extends ConfigFileReader {
  readonly generation: number;
}

interface CacheEntry {
  key: string;
  analysis: Analysis;
}

export interface LanguageService {
  languageOf(input: DocumentInput): LanguageId | undefined;
  analyze(input: DocumentInput, options?: AnalyzeOptions): Analysis;
  /**
   * Hover of our languages; on a code (return, reason, alert, message id) in a comment, what it
   * means. Log and plain-text documents get only the code hovers, and only when `codes.plainText`
   * is not false (the zosTls.codes.hover setting).
   */
  hover(
    input: DocumentInput,
    pos: Position,
    options?: AnalyzeOptions,
    codes?: { plainText?: boolean },
  ): HoverResult | undefined;
  complete(input: DocumentInput, pos: Position, options?: AnalyzeOptions): CompletionEntry[];
  definition(input: DocumentInput, pos: Position): Location[];
  references(input: DocumentInput, pos: Position, includeDeclaration: boolean): Location[];
  prepareRename(input: DocumentInput, pos: Position): { range: Range; placeholder: string } | undefined;
  rename(input: DocumentInput, pos: Position, newName: string): WorkspaceEditResult | { error: string };
  symbols(input: DocumentInput): DocumentSymbolResult[];
  foldingRanges(input: DocumentInput): FoldingRangeResult[];
  codeActions(input: DocumentInput, range: Range, findings: readonly Finding[]): CodeActionResult[];
  /** The effective AT-TLS policy as a read-only text, or undefined for other languages. */
  effectivePolicy(input: DocumentInput, options?: AnalyzeOptions): string | undefined;
  /** Drop the cached analysis of a closed document. */
  forget(uri: string): void;
  /** What the other RACF documents of the workspace create; analyses made after this use it. */
  setWorkspace(ws: RacfWorkspace | undefined): void;
  /** How Liberty analyses read other files when the options bring no reader of their own. */
  setConfigFiles(reader: ConfigFileReader | undefined): void;
}

const OUR_LANGUAGES: ReadonlySet<string> = new Set(['attls', 'racf', 'jcl', 'rexx']);

function normalizeLanguage(id: string | undefined): LanguageId | undefined {
  return id !== undefined && OUR_LANGUAGES.has(id) ? (id as LanguageId) : undefined;
}

/** The uri as a name to detect from; a malformed escape leaves it as it is rather than throw. */
function decodedUri(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function isRacfLanguage(id: LanguageId | undefined): id is RacfLanguage {
  return id === 'racf' || id === 'jcl' || id === 'rexx';
}

export function createLanguageService(): LanguageService {
  const cache = new Map<string, CacheEntry>();
  let workspace: RacfWorkspace | undefined;
  let configFiles: ConfigFileReader | undefined;

  const languageOf = (input: DocumentInput): LanguageId | undefined =>
    normalizeLanguage(input.languageId) ??
    detectLanguage(decodedUri(input.uri), input.text, input.languageId);

  const analyze = (input: DocumentInput, given: AnalyzeOptions = {}): Analysis => {
    const options: AnalyzeOptions = {
      ...given,
      workspace: given.workspace ?? workspace,
      configFiles: given.configFiles ?? configFiles,
    };
    const key = `${input.version ?? ''}|${options.release ?? DEFAULT_RELEASE}|${options.fips === true}|${options.workspace?.generation ?? ''}|${JSON.stringify(options.rules ?? {})}|${input.text.length}|${configKey(input, options.configFiles)}`;
    const hit = cache.get(input.uri);
    if (hit && hit.key === key && input.version !== undefined) {
      return hit.analysis;
    }
    const analysis = analyzeUncached(input, options);
    cache.set(input.uri, { key, analysis });
    return analysis;
  };

  /**
   * The part of the cache key for the files a Liberty document reads: the reader's generation, or
   * a key that never repeats when the reader has none (nothing tells when its files change). Other
   * languages read no files, so a Liberty edit elsewhere keeps their analyses.
   */
  let unversioned = 0;
  const configKey = (input: DocumentInput, reader: ConfigFileReader | undefined): string => {
    if (reader === undefined || languageOf(input) !== 'xml') {
      return '';
    }
    const generation = (reader as Partial<VersionedConfigFileReader>).generation;
    return typeof generation === 'number' ? `g${generation}` : `u${++unversioned}`;
  };

  const analyzeUncached = (input: DocumentInput, options: AnalyzeOptions): Analysis => {
    const language = languageOf(input);
    const unreadable = textLooksUnreadable(input.text);
    if (unreadable) {
      const sev = effectiveSeverity('file/unreadable', 'error', options.rules);
      const message =
        unreadable === 'binary'
          ? 'This file is not text (it holds NUL or control bytes), so it cannot be checked. If it came from z/OS, transfer it as text, or run `zos-tls check` on the file, which decodes EBCDIC IBM-1047.'
          : 'This file looks like EBCDIC (IBM-1047) bytes shown as if they were ASCII, so it cannot be checked. Transfer it from z/OS as text (ASCII conversion), or run `zos-tls check` on the file, which decodes IBM-1047.';
      return {
        language,
        findings: sev
          ? [
              {
                rule: 'file/unreadable',
                severity: sev,
                message,
                range: rangeOf(0, 0, 0),
                href: CODEPAGE_HREF,
              },
            ]
          : [],
      };
    }
    let text = input.text;
    const extra: Finding[] = [];
    if (text.length > MAX_CHECKED_CHARS) {
      text = text.slice(0, MAX_CHECKED_CHARS);
      const sev = effectiveSeverity('file/too-large', 'warning', options.rules);
      if (sev) {
        extra.push({
          rule: 'file/too-large',
          severity: sev,
          message: `This file is larger than ${MAX_CHECKED_CHARS / 1024 / 1024} MB; only its first ${MAX_CHECKED_CHARS / 1024 / 1024} MB were checked. Split it, or check the parts with \`zos-tls check\`.`,
          range: rangeOf(0, 0, 0),
        });
      }
    }
    if (language === 'attls') {
      const attls = analyzeAttls(text, options);
      return { language, findings: [...extra, ...attls.findings], attls };
    }
    if (isRacfLanguage(language)) {
      const racf = analyzeRacf(text, language, { ...options, documentUri: input.uri });
      return { language, findings: [...extra, ...racf.findings], racf };
    }
    if (language === 'xml') {
      const liberty = analyzeLiberty(text, input.uri, options);
      return { language, findings: [...extra, ...liberty.findings], liberty };
    }
    return { language, findings: extra };
  };

  /**
   * Runs the AT-TLS, RACF or Liberty version of a feature, whichever language the document is. A
   * feature without a Liberty version passes none: a Liberty document then gets `none`.
   */
  const dispatch = <T>(
    input: DocumentInput,
    options: AnalyzeOptions | undefined,
    attls: (a: AttlsAnalysis) => T,
    racf: (a: RacfAnalysis) => T,
    none: T,
    liberty?: (a: LibertyAnalysis) => T,
  ): T => {
    const a = analyze(input, options);
    if (a.attls) {
      return attls(a.attls);
    }
    if (a.racf) {
      return racf(a.racf);
    }
    return a.liberty && liberty ? liberty(a.liberty) : none;
  };
  const here =
    (input: DocumentInput) =>
    (ranges: Range[]): Location[] =>
      ranges.map((range) => ({ uri: input.uri, range }));

  return {
    languageOf,
    analyze,
    hover: (input, pos, options, codes) => {
      if (languageOf(input) === undefined) {
        // A log or plain text: no analysis at all, only the codes on the hovered line.
        return codes?.plainText !== false && isPlainTextName(decodedUri(input.uri), input.languageId)
          ? codeHoverAt(lineOfText(input.text, pos.line), pos.character, { line: pos.line })
          : undefined;
      }
      return (
        dispatch(
          input,
          options,
          (a) => attlsHover(a, pos),
          (a) => racfHover(a, pos),
          undefined,
          (a) => libertyHover(a, pos),
        ) ?? commentCodeHover(analyze(input, options), pos)
      );
    },
    complete: (input, pos, options) =>
      dispatch(
        input,
        options,
        (a) => attlsComplete(a, pos),
        (a) => racfComplete(a, pos),
        [],
        (a) => libertyComplete(a, pos),
      ),
    definition: (input, pos) =>
      dispatch(
        input,
        undefined,
        (a) => here(input)(attlsDefinition(a, pos)),
        (a) => here(input)(racfDefinition(a, pos)),
        [],
        // Liberty ids may be defined in include files: its Locations carry their own uris.
        (a) => libertyDefinition(a, pos, input.uri),
      ),
    references: (input, pos, includeDeclaration) =>
      dispatch(
        input,
        undefined,
        (a) => here(input)(attlsReferences(a, pos, includeDeclaration)),
        (a) => here(input)(racfReferences(a, pos, includeDeclaration)),
        [],
        (a) => libertyReferences(a, pos, includeDeclaration, input.uri),
      ),
    // Renaming RACF labels and rings would change what exists in RACF, not just this text: not offered.
    prepareRename: (input, pos) =>
      dispatch(
        input,
        undefined,
        (a) => attlsPrepareRename(a, pos),
        () => undefined,
        undefined,
      ),
    rename: (input, pos, newName) =>
      dispatch<WorkspaceEditResult | { error: string }>(
        input,
        undefined,
        (a) => {
          const r = attlsRename(a, pos, newName);
          return Array.isArray(r) ? { changes: { [input.uri]: r } } : r;
        },
        () => ({
          error: 'RACF labels and ring names are not renamed: they name profiles that exist in RACF.',
        }),
        { error: 'Nothing to rename here.' },
      ),
    symbols: (input) => dispatch(input, undefined, attlsSymbols, racfSymbols, [], libertySymbols),
    foldingRanges: (input) => dispatch(input, undefined, attlsFolding, racfFolding, []),
    codeActions: (input, range, findings) => {
      const language = languageOf(input);
      const lines = input.text.split(/\r?\n|\r/);
      // Where an XML comment may go depends on the tags around the line.
      const liberty = language === 'xml' ? analyze(input).liberty : undefined;
      return codeActionsFor(input.uri, findings, range, (rule, line) => {
        const indent = /^[ \t]*/.exec(lines[line] ?? '')?.[0] ?? '';
        if (language === 'attls') {
          return { line, text: `${indent}# zos-tls-disable-next-line ${rule}\n` };
        }
        if (liberty) {
          return libertyDisableComment(liberty.model.document, rule, line);
        }
        if (!isRacfLanguage(language) || continuesFromAbove(lines, line, language)) {
          return undefined;
        }
        // A TSO/REXX comment line, never in column 1: in JCL in-stream data a '/*' there would end
        // the data (racf/stream-delimiter).
        return { line, text: `${indent || ' '}/* zos-tls-disable-next-line ${rule} */\n` };
      });
    },
    effectivePolicy: (input, options) =>
      dispatch(
        input,
        options,
        (a) => renderEffectivePolicy(a.model),
        () => undefined,
        undefined,
      ),
    forget: (uri) => {
      cache.delete(uri);
    },
    setWorkspace: (ws) => {
      workspace = ws;
    },
    setConfigFiles: (reader) => {
      configFiles = reader;
    },
  };
}

/**
 * A code in a comment the language's own hover left unanswered: Liberty XML comments (AT-TLS `#`
 * and RACF comments are answered by attlsHover and racfHover themselves). Only the comment's own
 * columns of the line are read.
 */
function commentCodeHover(a: Analysis, pos: Position): HoverResult | undefined {
  const doc = a.liberty?.model.document;
  const c = doc?.comments.find(
    (x) =>
      (x.range.start.line < pos.line ||
        (x.range.start.line === pos.line && x.range.start.character <= pos.character)) &&
      (pos.line < x.range.end.line ||
        (pos.line === x.range.end.line && pos.character < x.range.end.character)),
  );
  if (!doc || !c) {
    return undefined;
  }
  return codeHoverAt(doc.source.lineText(pos.line), pos.character, {
    line: pos.line,
    from: c.range.start.line === pos.line ? c.range.start.character : 0,
    ...(c.range.end.line === pos.line ? { to: c.range.end.character } : {}),
  });
}

/**
 * True when the line above continues into this one (TSO '-'/'+', a REXX trailing comma): a
 * comment line put between them would end the command, so no disable comment is offered there.
 */
function continuesFromAbove(lines: readonly string[], line: number, language: RacfLanguage): boolean {
  if (line === 0) {
    return false;
  }
  let above = lines[line - 1] ?? '';
  if (language === 'jcl' && above.length > 72) {
    above = above.slice(0, 72);
  }
  above = above.replace(/\/\*.*?\*\/\s*$/, '').trimEnd();
  return language === 'rexx' ? above.endsWith(',') : /[-+]$/.test(above);
}

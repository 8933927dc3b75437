// The RACF pipeline: the carrier finds the command streams (JCL SYSTSIN data, REXX literals, a
// command file), the TSO parser reads each stream, the model records what the commands do, the
// racf/* rules judge it, and the suppression comments written in the carrier's own comment syntax
// (JCL `//*` lines, REXX and TSO `/* */`) switch findings off.
import type { AnalyzeOptions, Finding } from '../types';
import { DEFAULT_RELEASE } from '../types';
import type { SourceText } from '../text/sourceText';
import { runRules } from '../rules';
import type { CommentText } from '../suppress';
import { applySuppressions, parseSuppressions } from '../suppress';
import type { TsoComment } from './ast';
import type { RacfLanguage, RacfModel } from './model';
import { readRacf } from './read';
import { RACF_RULES } from './rules';
import type { RacfWorkspace } from './workspaceFacts';
import { excluding } from './workspaceFacts';

export interface RacfAnalyzeOptions extends AnalyzeOptions {
  /** "Now" for the date rules; defaults to the current date. */
  today?: Date;
  /** Whether the ring's consumers run in FIPS mode (racf/fips-key). */
  fips?: boolean;
  /** The facts of the workspace's documents, for the cross-document label and ring rules. */
  workspace?: RacfWorkspace;
  /** This document's uri: its own entry in `workspace` (perhaps an older text) is skipped. */
  documentUri?: string;
}

export interface RacfAnalysis {
  model: RacfModel;
  findings: Finding[];
}

export function analyzeRacf(
  text: string | SourceText,
  language: RacfLanguage,
  options: RacfAnalyzeOptions = {},
): RacfAnalysis {
  const { source, model, parsed } = readRacf(text, language, {
    release: options.release ?? DEFAULT_RELEASE,
    today: options.today ?? new Date(),
    fips: options.fips ?? false,
    workspace:
      options.workspace && options.documentUri !== undefined
        ? excluding(options.workspace, options.documentUri)
        : options.workspace,
  });
  const findings = runRules(RACF_RULES, model, options.rules);
  const comments = [
    ...tsoComments(
      source,
      parsed.flatMap((p) => p.comments),
    ),
    ...(language === 'jcl' ? jclComments(source) : language === 'rexx' ? rexxComments(source) : []),
  ];
  return { model, findings: applySuppressions(findings, parseSuppressions(comments)) };
}

/** One CommentText per line a comment covers, so a directive anywhere in it keys on its own line. */
function perLine(startLine: number, text: string): CommentText[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ line: startLine + i, text: t }));
}

function tsoComments(source: SourceText, comments: TsoComment[]): CommentText[] {
  return comments.flatMap((c) => perLine(c.range.start.line, source.getText(c.range)));
}

/** JCL comment statements: `//*` in columns 1-3. */
function jclComments(source: SourceText): CommentText[] {
  const out: CommentText[] = [];
  for (let line = 0; line < source.lineCount; line++) {
    const t = source.lineText(line);
    if (t.startsWith('//*')) {
      out.push({ line, text: t.slice(3) });
    }
  }
  return out;
}

// REXX comments outside string literals; they nest and may span lines.
function rexxComments(source: SourceText): CommentText[] {
  const out: CommentText[] = [];
  let depth = 0;
  for (let line = 0; line < source.lineCount; line++) {
    const t = source.lineText(line);
    let quote: string | undefined;
    let from = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t[i];
      if (depth > 0) {
        if (t.startsWith('*/', i)) {
          depth--;
          i++;
          if (depth === 0) {
            out.push({ line, text: t.slice(from, i - 1) });
          }
        } else if (t.startsWith('/*', i)) {
          depth++;
          i++;
        }
      } else if (quote) {
        if (c === quote) {
          quote = undefined;
        }
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (t.startsWith('/*', i)) {
        depth = 1;
        from = i + 2;
        i++;
      }
    }
    if (depth > 0) {
      out.push({ line, text: t.slice(from) });
    }
  }
  return out;
}

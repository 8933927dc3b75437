// The three output formats of `zos-tls check`. Positions: the service speaks LSP (0-based lines,
// UTF-16 characters); text and SARIF are 1-based, JSON keeps the LSP range unchanged so editors
// and scripts can use it as it is.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { SarifBuilder, SarifResultBuilder, SarifRuleBuilder, SarifRunBuilder } from 'node-sarif-builder';
import type { Finding, Severity } from '../service';
import { catalogueEntry } from '../service/rules';
import { sourceUrl } from '../service/knowledge/attlsKeywords';
import { INFORMATION_URI, VERSION } from '../version';

export interface FileReport {
  /** As the user gave it, or joined onto the directory they gave. */
  path: string;
  language: string | null;
  findings: Finding[];
}

export function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.rule.localeCompare(b.rule)
  );
}

/** One line per finding, the `file:line:col:` shape compilers use, so editors and CI can link it. */
export function textLines(report: FileReport): string[] {
  return report.findings.map((f) => {
    const message = f.message.replace(/\s*\r?\n\s*/g, ' ');
    return `${report.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.rule} ${message}`;
  });
}

export function textSummary(reports: readonly FileReport[]): string {
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const r of reports) {
    for (const f of r.findings) {
      count[f.severity]++;
    }
  }
  const files = `${reports.length} file${reports.length === 1 ? '' : 's'} checked`;
  const total = count.error + count.warning + count.information + count.hint;
  if (total === 0) {
    return `${files}: no problems found.`;
  }
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const parts = [
    plural(count.error, 'error'),
    plural(count.warning, 'warning'),
    `${count.information} information`,
  ];
  if (count.hint) {
    parts.push(plural(count.hint, 'hint'));
  }
  return `${files}: ${parts.join(', ')}.`;
}

export interface JsonOutput {
  version: 1;
  files: {
    path: string;
    language: string | null;
    diagnostics: { rule: string; severity: Severity; message: string; range: Finding['range'] }[];
  }[];
}

export function jsonOutput(reports: readonly FileReport[]): JsonOutput {
  return {
    version: 1,
    files: reports.map((r) => ({
      path: r.path,
      language: r.language,
      diagnostics: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: f.range,
      })),
    })),
  };
}

function sarifLevel(s: Severity): Result.level {
  return s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note';
}

/** Where a rule's help lives when none of its findings carried a link. */
function fallbackHelpUri(rule: string): string {
  if (rule.startsWith('attls/')) {
    // "AT-TLS policy configuration", the IBM page the AT-TLS rules as a whole rest on.
    return sourceUrl('S19') ?? INFORMATION_URI;
  }
  if (rule.startsWith('file/')) {
    // Policy Agent configuration files: encoding and general rules.
    return sourceUrl('S23') ?? INFORMATION_URI;
  }
  return INFORMATION_URI;
}

/**
 * A relative path stays relative (GitHub code scanning resolves it against the checkout), with
 * '/' separators and each segment percent-encoded; an absolute path becomes a file: URI.
 */
export function artifactUri(p: string): string {
  if (path.isAbsolute(p)) {
    return pathToFileURL(p).href;
  }
  return p
    .split(/[\\/]+/)
    .map((s) => encodeURIComponent(s))
    .join('/');
}

export function sarifOutput(reports: readonly FileReport[]): Log {
  const builder = new SarifBuilder({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json' });
  const run = new SarifRunBuilder().initSimple({
    toolDriverName: 'zos-tls',
    toolDriverVersion: VERSION,
    url: INFORMATION_URI,
  });
  // Columns are LSP characters, that is UTF-16 code units; say so rather than let readers guess.
  run.run.columnKind = 'utf16CodeUnits';

  const helpByRule = new Map<string, string | undefined>();
  for (const r of reports) {
    for (const f of r.findings) {
      if (!helpByRule.has(f.rule) || (!helpByRule.get(f.rule) && f.href)) {
        helpByRule.set(f.rule, f.href);
      }
    }
  }
  for (const id of [...helpByRule.keys()].sort()) {
    const entry = catalogueEntry(id);
    const rule = new SarifRuleBuilder().initSimple({
      ruleId: id,
      shortDescriptionText: entry?.description ?? id,
      helpUri: helpByRule.get(id) ?? fallbackHelpUri(id),
    });
    const descriptor: ReportingDescriptor = rule.rule;
    descriptor.defaultConfiguration = { level: sarifLevel(entry?.severity ?? 'warning') };
    run.addRule(rule);
  }

  for (const r of reports) {
    const uri = artifactUri(r.path);
    for (const f of r.findings) {
      const result = new SarifResultBuilder().initSimple({
        ruleId: f.rule,
        level: sarifLevel(f.severity),
        messageText: f.message,
        fileUri: uri,
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      });
      run.addResult(result);
    }
  }
  builder.addRun(run);
  const log = builder.buildSarifOutput();
  // The builder guesses the language from the file extension and says 'unknown' for ours.
  const languageOf = new Map(reports.map((r) => [artifactUri(r.path), r.language]));
  for (const artifact of log.runs[0].artifacts ?? []) {
    const language = languageOf.get(artifact.location?.uri ?? '');
    if (language) {
      artifact.sourceLanguage = language;
    } else {
      delete artifact.sourceLanguage;
    }
  }
  return log;
}

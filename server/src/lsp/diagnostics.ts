// Push diagnostics: at once when a document opens, debounced while it is edited, again for every
// open document when the settings change. The findings published for each document are kept, so
// that a code action request can map the client's diagnostics back to the findings' fixes.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, LanguageService } from '../service';
import type { Documents } from './documents';
import { inputOf } from './documents';
import type { SettingsStore } from './settings';
import { toAnalyzeOptions } from './settings';
import type { DiagnosticData } from './convert';
import { isDiagnosticData, toDiagnostic } from './convert';
import { formatError } from './runSafe';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
export const VALIDATION_DELAY_MS = 200;

export interface Published {
  version: number;
  findings: readonly Finding[];
}

export interface DiagnosticsSupport {
  /** Findings last published for an open document. */
  published(uri: string): Published | undefined;
  /** Findings of the document that the client's diagnostics stand for (ours only, in order). */
  findingsFor(
    doc: TextDocument,
    diagnostics: readonly Diagnostic[],
  ): Promise<{ finding: Finding; diagnostic: Diagnostic }[]>;
  revalidateAll(): void;
  /** Checks an open document again after the usual delay (a file it reads changed). */
  revalidateLater(uri: string): void;
}

function sameRange(a: Finding['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

export function createDiagnostics(
  connection: Connection,
  documents: Documents,
  service: LanguageService,
  settings: SettingsStore,
): DiagnosticsSupport {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const published = new Map<string, Published>();
  /** Version whose validation has started, so the didOpen + didChangeContent pair runs once. */
  const started = new Map<string, number>();

  const cancelTimer = (uri: string): void => {
    const t = timers.get(uri);
    if (t !== undefined) {
      clearTimeout(t);
      timers.delete(uri);
    }
  };

  const validate = async (doc: TextDocument): Promise<void> => {
    const { uri, version } = doc;
    started.set(uri, version);
    const options = toAnalyzeOptions(await settings.get());
    // Stale guard: the document changed or closed while the settings were awaited.
    const current = documents.get(uri);
    if (!current || current.version !== version) {
      return;
    }
    const input = inputOf(current);
    if (service.languageOf(input) === undefined) {
      // Not ours: publish nothing, but take back what we published while it still was ours.
      if (published.delete(uri)) {
        await connection.sendDiagnostics({ uri, diagnostics: [] });
      }
      return;
    }
    let findings: readonly Finding[];
    try {
      findings = service.analyze(input, options).findings;
    } catch (e) {
      // The rules registry already contains a failing rule; this is the parser or model failing.
      connection.console.error(formatError(`zos-tls: checking ${uri} failed`, e));
      return;
    }
    published.set(uri, { version, findings });
    await connection.sendDiagnostics({
      uri,
      version,
      diagnostics: findings.map((f, i) => toDiagnostic(uri, f, i, version)),
    });
  };

  const run = (doc: TextDocument): void => {
    cancelTimer(doc.uri);
    validate(doc).catch((e: unknown) =>
      connection.console.error(formatError('zos-tls: validation failed', e)),
    );
  };

  const schedule = (doc: TextDocument): void => {
    cancelTimer(doc.uri);
    timers.set(
      doc.uri,
      setTimeout(() => {
        timers.delete(doc.uri);
        const current = documents.get(doc.uri);
        if (current && current.version === doc.version) {
          run(current);
        }
      }, VALIDATION_DELAY_MS),
    );
  };

  documents.onDidOpen((e) => run(e.document));
  documents.onDidChangeContent((e) => {
    // TextDocuments fires this right after onDidOpen for the same version: already validated.
    if (started.get(e.document.uri) === e.document.version) {
      return;
    }
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    cancelTimer(uri);
    started.delete(uri);
    service.forget(uri);
    if (published.delete(uri)) {
      // A closed file's problems would otherwise stay in the Problems view.
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });

  const findingsFor: DiagnosticsSupport['findingsFor'] = async (doc, diagnostics) => {
    // Ours: our source, or no source but our data. A client may hand back only part of what it got
    // (Neovim 0.7 keeps just code, codeDescription and data of a diagnostic it was sent).
    const ours = diagnostics.filter(
      (d) =>
        typeof d.code === 'string' &&
        (d.source === 'zos-tls' || (d.source === undefined && isDiagnosticData(d.data))),
    );
    if (!ours.length) {
      return [];
    }
    let pub = published.get(doc.uri);
    if (!pub || pub.version !== doc.version) {
      // The client's diagnostics are from an older version than the text; match them against a fresh
      // analysis by rule and range, which is the best that can be done before the new ones arrive.
      pub = {
        version: doc.version,
        findings: service.analyze(inputOf(doc), toAnalyzeOptions(await settings.get())).findings,
      };
    }
    const out: { finding: Finding; diagnostic: Diagnostic }[] = [];
    for (const d of ours) {
      const data: unknown = d.data;
      const clientRange = d.range as Diagnostic['range'] | undefined;
      const at = (f: Finding): boolean => clientRange === undefined || sameRange(f.range, clientRange);
      const byIndex =
        isDiagnosticData(data) && (data satisfies DiagnosticData).version === pub.version
          ? pub.findings[data.index]
          : undefined;
      const finding =
        byIndex && byIndex.rule === d.code && at(byIndex)
          ? byIndex
          : (pub.findings.find((f) => f.rule === d.code && at(f) && f.message === d.message) ??
            pub.findings.find((f) => f.rule === d.code && at(f)));
      if (finding && !out.some((o) => o.finding === finding)) {
        out.push({ finding, diagnostic: d });
      }
    }
    return out;
  };

  return {
    published: (uri) => published.get(uri),
    findingsFor,
    revalidateAll: () => {
      for (const doc of documents.all()) {
        run(doc);
      }
    },
    revalidateLater: (uri) => {
      const doc = documents.get(uri);
      if (doc) {
        schedule(doc);
      }
    },
  };
}

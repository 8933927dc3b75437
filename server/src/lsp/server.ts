// The LSP adapter: capabilities, and the wiring of each concern onto one connection. Kept apart
// from server.ts (the process entry) so that a test can run it over in-memory streams.
import { VERSION } from '../version';
import type { Connection, InitializeResult } from 'vscode-languageserver';
import { TextDocumentSyncKind } from 'vscode-languageserver';
import { createLanguageService } from '../service';
import type { LanguageService } from '../service';
import { createDocuments } from './documents';
import { createDiagnostics } from './diagnostics';
import { createWorkspaceIndex, followDocuments, followWatchedFiles, indexPlan } from './workspaceIndex';
import type { IndexPlan } from './workspaceIndex';
import { formatError } from './runSafe';
import { createSettingsStore } from './settings';
import type { ClientFeatures } from './features';
import { registerFeatures } from './features';
import { CODE_ACTION_KINDS, registerCodeActions } from './codeActions';
import { registerEffectivePolicy } from './effectivePolicy';
import { createConfigFiles, followConfigFiles } from './configFiles';
import { registerTrace } from './trace';
import { workspaceSettingLookup } from './settingLookup';

export const SERVER_NAME = 'zos-tls';
/** Kept in step with package.json's version by hand (the server's rootDir cannot import package.json). */
export const SERVER_VERSION = VERSION;

export function startServer(
  connection: Connection,
  service: LanguageService = createLanguageService(),
): void {
  const documents = createDocuments();
  const settings = createSettingsStore(connection);
  let clientFeatures: ClientFeatures = { snippetSupport: false, hierarchicalSymbols: false };
  // Labels and rings other jobs of the workspace create; read from disk only in a trusted workspace.
  const index = createWorkspaceIndex();
  let plan: IndexPlan = { trusted: false, folders: [], watch: false };

  connection.onInitialize((params): InitializeResult => {
    settings.initialize(params);
    plan = indexPlan(params);
    const text = params.capabilities.textDocument;
    clientFeatures = {
      snippetSupport: text?.completion?.completionItem?.snippetSupport === true,
      hierarchicalSymbols: text?.documentSymbol?.hierarchicalDocumentSymbolSupport === true,
    };
    const literalActions = text?.codeAction?.codeActionLiteralSupport !== undefined;
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' '], resolveProvider: false },
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: { label: 'AT-TLS' },
        foldingRangeProvider: true,
        // A client that takes only Commands (no literals) cannot carry an edit: offer nothing then.
        codeActionProvider: literalActions ? { codeActionKinds: CODE_ACTION_KINDS } : false,
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  const diagnostics = createDiagnostics(connection, documents, service, settings);
  // Liberty includes: open documents, and the disk only in a trusted workspace.
  const configFiles = createConfigFiles(documents, () => plan.trusted);
  service.setConfigFiles(configFiles);
  const libertyFiles = followConfigFiles(configFiles, documents, service, diagnostics.revalidateLater);
  const refresh = (): void => {
    service.setWorkspace(index.workspace());
    diagnostics.revalidateAll();
  };
  connection.onInitialized(() => {
    settings.initialized();
    if (plan.trusted) {
      index
        .scan(plan.folders)
        .then(refresh, (e: unknown) =>
          connection.console.error(formatError('zos-tls: reading the workspace failed', e)),
        );
      if (plan.watch) {
        followWatchedFiles(connection, index, [libertyFiles.filesChanged]);
      }
    }
  });
  followDocuments(index, documents, refresh);
  // Lines and connections of other documents, for hovers: a new workspace, no re-check.
  index.onDidUpdate(() => service.setWorkspace(index.workspace()));
  settings.onDidChange(() => diagnostics.revalidateAll());
  registerFeatures(connection, documents, service, settings, () => clientFeatures);
  registerCodeActions(connection, documents, service, diagnostics);
  registerEffectivePolicy(connection, documents, service, settings);
  registerTrace(connection, settings, () => workspaceSettingLookup(documents, index, configFiles));

  documents.listen(connection);
  connection.listen();
}

// Builds the LanguageClient: the server is dist/server.js in its own Node process over IPC, and
// every setting it reads comes from the `zosTls` section (protocol/settings.ts).
import * as vscode from 'vscode';
import type { LanguageClientOptions, ServerOptions, TextDocumentFilter } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import type {
  DocumentFilterData,
  ZosTlsInitializationOptions,
  ZosTlsSettings,
} from '../../server/src/protocol';
import {
  DEFAULT_ZOS_RELEASE,
  DOCUMENT_SELECTOR,
  FOREIGN_LANGUAGE_IDS,
  SETTINGS_SECTION,
  detectLanguage,
} from '../../server/src/protocol';
import { detectionName } from './languageDetection';

/** The client id also names the trace setting the library reads: `zosTls.trace.server`. */
export const CLIENT_ID = 'zosTls';
export const CLIENT_NAME = 'z/OS TLS';

/** The shared selector data as the library's filter type, which insists on one defined field. */
function toFilter(f: DocumentFilterData): TextDocumentFilter {
  if (f.language !== undefined) {
    return { language: f.language, scheme: f.scheme, pattern: f.pattern };
  }
  if (f.scheme !== undefined) {
    return { scheme: f.scheme, pattern: f.pattern };
  }
  return { pattern: f.pattern ?? '**' };
}

function currentSettings(): Partial<ZosTlsSettings> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return {
    zosRelease: config.get<ZosTlsSettings['zosRelease']>('zosRelease', DEFAULT_ZOS_RELEASE),
    rules: config.get<ZosTlsSettings['rules']>('rules', {}),
    fips: config.get<boolean>('fips', false),
    codes: { hover: config.get<boolean>('codes.hover', true) },
  };
}

export function createLanguageClient(
  context: vscode.ExtensionContext,
  outputChannel: vscode.LogOutputChannel,
): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: ZosTlsInitializationOptions = {
    zosTls: currentSettings(),
    trusted: vscode.workspace.isTrusted,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR.map(toFilter),
    synchronize: { configurationSection: SETTINGS_SECTION },
    initializationOptions,
    outputChannel,
  };
  return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
}

/**
 * Whether the server has anything to say about this document. The server is started lazily on the
 * first such document, so activating on `plaintext` (for detection) or on `xml` costs no Node
 * process: of the XML documents only Liberty configuration (server.xml, configDropins, a <server>
 * root) starts it. Once it runs it receives every XML document and publishes nothing for the others.
 */
export function isServerDocument(document: vscode.TextDocument): boolean {
  if (
    vscode.languages.match(
      DOCUMENT_SELECTOR.map((f): vscode.DocumentFilter => ({ ...f })),
      document,
    ) === 0
  ) {
    return false;
  }
  if (!(FOREIGN_LANGUAGE_IDS as readonly string[]).includes(document.languageId)) {
    return true;
  }
  return detectLanguage(detectionName(document.uri), document.getText(), document.languageId) !== undefined;
}

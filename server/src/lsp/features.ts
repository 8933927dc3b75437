// Requests answered from the service's cached analysis: hover, completion, navigation, rename,
// symbols, folding. Each one is behind runSafe, and each one answers only for open documents of
// our languages (the service returns nothing for the others).
import type { Connection, DocumentSymbol, SymbolInformation } from 'vscode-languageserver';
import { ResponseError, ErrorCodes } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbolResult, LanguageService } from '../service';
import type { Documents } from './documents';
import { inputOf } from './documents';
import type { SettingsStore } from './settings';
import { codesHover, toAnalyzeOptions } from './settings';
import { toCompletionItem, toDocumentSymbol, toFoldingRange, toHover } from './convert';
import { runSafe, runSafeAsync } from './runSafe';

export interface ClientFeatures {
  snippetSupport: boolean;
  hierarchicalSymbols: boolean;
}

function flatten(uri: string, symbols: readonly DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    {
      name: s.name,
      kind: s.kind,
      location: { uri, range: s.range },
      ...(container ? { containerName: container } : {}),
    },
    ...flatten(uri, s.children ?? [], s.name),
  ]);
}

export function registerFeatures(
  connection: Connection,
  documents: Documents,
  service: LanguageService,
  settings: SettingsStore,
  client: () => ClientFeatures,
): void {
  const log = connection.console;
  const withDoc = <T>(uri: string, none: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : none;
  };

  connection.onHover((params, token) =>
    runSafeAsync(
      log,
      async () => {
        const current = await settings.get();
        const options = toAnalyzeOptions(current);
        const codes = { plainText: codesHover(current) };
        return withDoc(params.textDocument.uri, null, (doc) => {
          const h = service.hover(inputOf(doc), params.position, options, codes);
          return h && h.contents ? toHover(h) : null;
        });
      },
      null,
      `hover in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onCompletion((params, token) =>
    runSafeAsync(
      log,
      async () => {
        const options = toAnalyzeOptions(await settings.get());
        const snippets = client().snippetSupport;
        return withDoc(params.textDocument.uri, [], (doc) =>
          service.complete(inputOf(doc), params.position, options).map((e) => toCompletionItem(e, snippets)),
        );
      },
      [],
      `completion in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onDefinition((params, token) =>
    runSafe(
      log,
      () => withDoc(params.textDocument.uri, [], (doc) => service.definition(inputOf(doc), params.position)),
      [],
      `definition in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onReferences((params, token) =>
    runSafe(
      log,
      () =>
        withDoc(params.textDocument.uri, [], (doc) =>
          service.references(inputOf(doc), params.position, params.context.includeDeclaration),
        ),
      [],
      `references in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onPrepareRename((params, token) =>
    runSafe(
      log,
      () =>
        withDoc(
          params.textDocument.uri,
          null,
          (doc) => service.prepareRename(inputOf(doc), params.position) ?? null,
        ),
      null,
      `prepareRename in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onRenameRequest(async (params, token) => {
    const result = await runSafe(
      log,
      () =>
        withDoc(params.textDocument.uri, null, (doc) =>
          service.rename(inputOf(doc), params.position, params.newName),
        ),
      null,
      `rename in ${params.textDocument.uri}`,
      token,
    );
    if (result === null || result instanceof ResponseError) {
      return result;
    }
    if ('error' in result) {
      // The editor shows this text to the user (e.g. "'x y' is not a valid name").
      return new ResponseError(ErrorCodes.InvalidRequest, result.error);
    }
    return result;
  });

  connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[] | SymbolInformation[]>(
      log,
      () =>
        withDoc(params.textDocument.uri, [], (doc) => {
          const symbols = service.symbols(inputOf(doc)).map((s: DocumentSymbolResult) => toDocumentSymbol(s));
          return client().hierarchicalSymbols ? symbols : flatten(doc.uri, symbols);
        }),
      [],
      `documentSymbol in ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onFoldingRanges((params, token) =>
    runSafe(
      log,
      () =>
        withDoc(params.textDocument.uri, [], (doc) =>
          service.foldingRanges(inputOf(doc)).map(toFoldingRange),
        ),
      [],
      `foldingRange in ${params.textDocument.uri}`,
      token,
    ),
  );
}

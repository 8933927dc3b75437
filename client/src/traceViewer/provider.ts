// The trace viewer as a custom read-only editor (issue 6): VS Code opens it for *.trc and *.ctrace
// (and, on request, for any file through "Open With…" or zosTls.openTraceViewer). The extension
// host only relays: the server indexes the trace (zosTls/trace/open, or openText for documents it
// cannot read, like Zowe data sets) and serves pages; the webview renders them. Nothing of the
// trace is parsed here.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type {
  TracePageResult,
  TraceSummary,
  TraceWebviewEvent,
  TraceWebviewRequest,
} from '../../../server/src/protocol';
import {
  TRACE_CLOSE_METHOD,
  TRACE_MAX_PAGE_LINES,
  TRACE_OPEN_METHOD,
  TRACE_OPEN_TEXT_METHOD,
  TRACE_PAGE_METHOD,
  TRACE_TEXT_CHUNK,
} from '../../../server/src/protocol';
import type { ServerController } from '../server';
import { makeNonce, traceViewerHtml } from './html';

export const TRACE_VIEW_TYPE = 'zosTls.traceViewer';
/** The same viewer, offered ("option") for files that are not *.trc / *.ctrace. */
export const TRACE_VIEW_TYPE_OPTION = 'zosTls.traceViewer.option';
export const OPEN_TRACE_VIEWER_COMMAND = 'zosTls.openTraceViewer';

class TraceDocument implements vscode.CustomDocument {
  private summary: Promise<TraceSummary> | undefined;
  private client: LanguageClient | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly server: ServerController,
  ) {}

  private async running(): Promise<LanguageClient> {
    const client = await this.server.ensureStarted();
    if (!client) {
      throw new Error('the z/OS TLS language server is not running (see the "z/OS TLS" output)');
    }
    this.client = client;
    return client;
  }

  private wireUri(client: LanguageClient): string {
    return client.code2ProtocolConverter.asUri(this.uri);
  }

  /** Indexed once per document, whatever the number of webview reloads. */
  open(): Promise<TraceSummary> {
    this.summary ??= this.index();
    this.summary.catch(() => {
      this.summary = undefined;
    });
    return this.summary;
  }

  private async index(): Promise<TraceSummary> {
    const client = await this.running();
    const uri = this.wireUri(client);
    // By method name: the RequestType objects come from the server's copy of vscode-jsonrpc.
    if (this.uri.scheme === 'file') {
      return client.sendRequest<TraceSummary>(TRACE_OPEN_METHOD, { uri });
    }
    // The server cannot read zowe-ds:/zowe-uss:/untitled: documents: send their text, in chunks.
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri.toString());
    const text = open
      ? open.getText()
      : new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri));
    let summary: TraceSummary | null = null;
    for (let at = 0; at < text.length || at === 0; at += TRACE_TEXT_CHUNK) {
      const chunk = text.slice(at, at + TRACE_TEXT_CHUNK);
      const done = at + TRACE_TEXT_CHUNK >= text.length;
      summary = await client.sendRequest<TraceSummary | null>(TRACE_OPEN_TEXT_METHOD, {
        uri,
        text: chunk,
        done,
      });
      if (done) {
        break;
      }
    }
    if (!summary) {
      throw new Error('the server returned no summary for the trace');
    }
    return summary;
  }

  async page(fromLine: number, count: number): Promise<TracePageResult> {
    const client = await this.running();
    return client.sendRequest<TracePageResult>(TRACE_PAGE_METHOD, {
      uri: this.wireUri(client),
      fromLine,
      count: Math.min(count, TRACE_MAX_PAGE_LINES),
    });
  }

  dispose(): void {
    const client = this.client;
    if (client?.isRunning() && this.summary) {
      void client.sendRequest(TRACE_CLOSE_METHOD, { uri: this.wireUri(client) }).catch(() => undefined);
    }
  }
}

export class TraceViewerProvider implements vscode.CustomReadonlyEditorProvider<TraceDocument> {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerController,
  ) {}

  openCustomDocument(uri: vscode.Uri): TraceDocument {
    return new TraceDocument(uri, this.server);
  }

  resolveCustomEditor(document: TraceDocument, panel: vscode.WebviewPanel): void {
    const webview = panel.webview;
    const root = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
    webview.options = { enableScripts: true, localResourceRoots: [root] };
    webview.html = traceViewerHtml({
      cspSource: webview.cspSource,
      nonce: makeNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'trace.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(root, 'trace-styles.css')).toString(),
      title: nameOf(document.uri),
    });
    const send = (m: TraceWebviewEvent): void => void webview.postMessage(m);
    const fail = (e: unknown): void =>
      send({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    // The webview posts `ready` each time it (re)loads; its own state (getState/setState) brings back
    // the selection and the scroll position, so the panel needs no retainContextWhenHidden.
    const listener = webview.onDidReceiveMessage((m: TraceWebviewRequest) => {
      switch (m?.type) {
        case 'ready':
          document
            .open()
            .then((summary) => send({ type: 'summary', name: nameOf(document.uri), summary }), fail);
          break;
        case 'page':
          document
            .page(m.fromLine, m.count)
            .then((r) => send({ type: 'page', id: m.id, fromLine: m.fromLine, lines: r.lines }), fail);
          break;
        case 'reveal':
          void reveal(typeof m.uri === 'string' ? vscode.Uri.parse(m.uri) : document.uri, m.line);
          break;
      }
    });
    panel.onDidDispose(() => listener.dispose());
  }
}

function nameOf(uri: vscode.Uri): string {
  return uri.path.split('/').filter(Boolean).pop() ?? uri.toString(true);
}

/** Shows the line in a text editor beside the viewer (a trace too big for one says so instead). */
async function reveal(uri: vscode.Uri, line: number): Promise<void> {
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    const at = new vscode.Range(line, 0, line, 0);
    await vscode.window.showTextDocument(doc, {
      viewColumn: vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: true,
      selection: at,
    });
  } catch (e) {
    void vscode.window.showWarningMessage(
      `Line ${line + 1} of ${nameOf(uri)} cannot be shown in a text editor: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export function registerTraceViewer(context: vscode.ExtensionContext, server: ServerController): void {
  const provider = new TraceViewerProvider(context, server);
  const options = { supportsMultipleEditorsPerDocument: false };
  context.subscriptions.push(
    vscode.window.registerCustomEditorProvider(TRACE_VIEW_TYPE, provider, options),
    vscode.window.registerCustomEditorProvider(TRACE_VIEW_TYPE_OPTION, provider, options),
    vscode.commands.registerCommand(OPEN_TRACE_VIEWER_COMMAND, async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showInformationMessage(
          'Open a trace file first, then run "Open in Trace Viewer".',
        );
        return;
      }
      await vscode.commands.executeCommand('vscode.openWith', uri, TRACE_VIEW_TYPE_OPTION);
    }),
  );
}

// The two commands. The effective policy is computed by the server (zosTls/effectivePolicy) and shown
// as a read-only virtual document, so the client stays free of any AT-TLS knowledge.
import * as vscode from 'vscode';
import type { EffectivePolicyParams, EffectivePolicyResult } from '../../server/src/protocol';
import { EFFECTIVE_POLICY_METHOD } from '../../server/src/protocol';
import type { ServerController } from './server';

export const EFFECTIVE_SCHEME = 'zos-tls-effective';
export const COMMANDS = {
  showEffectivePolicy: 'zosTls.showEffectivePolicy',
  restartServer: 'zosTls.restartServer',
} as const;
/** Re-asked at most this often while the policy is edited next to its effective view. */
const REFRESH_DEBOUNCE_MS = 500;

/** `zos-tls-effective:/TTLSPOL (effective policy)?<source uri>`: the title says what it is. */
export function effectivePolicyUri(source: vscode.Uri): vscode.Uri {
  const base = source.path.split('/').filter(Boolean).pop() ?? 'policy';
  return vscode.Uri.from({
    scheme: EFFECTIVE_SCHEME,
    path: `/${base} (effective policy)`,
    query: source.toString(),
  });
}

/** Asks the server every time VS Code wants the text, so a reopened view is never stale. */
class EffectivePolicyProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly listener: vscode.Disposable;

  constructor(private readonly server: ServerController) {
    this.listener = vscode.workspace.onDidChangeTextDocument((e) => this.sourceChanged(e.document.uri));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const source = vscode.Uri.parse(uri.query);
    const client = await this.server.ensureStarted();
    if (!client) {
      return '# The z/OS TLS language server is not running. See the "z/OS TLS" output.';
    }
    const params: EffectivePolicyParams = { uri: client.code2ProtocolConverter.asUri(source) };
    // By method name: the RequestType object comes from the top-level vscode-jsonrpc, the client's
    // from its own nested copy, and TypeScript rejects the mix although the wire format is the same.
    const result = await client.sendRequest<EffectivePolicyResult | null>(
      EFFECTIVE_POLICY_METHOD,
      params,
      token,
    );
    return result?.text ?? `# ${source.toString(true)} is not an open AT-TLS policy.`;
  }

  private sourceChanged(source: vscode.Uri): void {
    const view = effectivePolicyUri(source);
    const key = view.toString();
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) {
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(view);
      }, REFRESH_DEBOUNCE_MS),
    );
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.listener.dispose();
    this.changed.dispose();
  }
}

export function registerCommands(context: vscode.ExtensionContext, server: ServerController): void {
  const provider = new EffectivePolicyProvider(server);
  context.subscriptions.push(
    provider,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, provider),
    vscode.commands.registerCommand(COMMANDS.showEffectivePolicy, async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'attls') {
        void vscode.window.showInformationMessage('Open an AT-TLS policy first, then run this command.');
        return;
      }
      const doc = await vscode.workspace.openTextDocument(effectivePolicyUri(editor.document.uri));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      const client = await server.restart();
      if (client) {
        void vscode.window.showInformationMessage('The z/OS TLS language server was restarted.');
      }
    }),
  );
}

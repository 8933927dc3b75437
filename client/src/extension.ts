// Entry point. Kept thin on purpose (model-codebases §6): all AT-TLS knowledge lives in the server;
// the client only wires documents, settings and commands to it.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { registerLanguageDetection } from './languageDetection';
import { ServerController } from './server';
import { CLIENT_NAME } from './languageClient';
import { registerTraceViewer } from './traceViewer/provider';

let controller: ServerController | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const server = new ServerController(context, output);
  controller = server;
  context.subscriptions.push(output);
  registerCommands(context, server);
  registerTraceViewer(context, server);
  // Detection first: a document it switches to `attls` is reopened, and the listener below then
  // starts the server for it.
  registerLanguageDetection(context, output);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument((d) => void server.startFor(d)));
  for (const d of vscode.workspace.textDocuments) {
    void server.startFor(d);
  }
  // Granting trust lets the server read the workspace's other jobs: it learns that only at start.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void server.restart()));
  output.info('z/OS TLS activated');
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}

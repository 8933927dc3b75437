// Owns the one LanguageClient: starts it on the first document the server handles, restarts it on
// request, and reports start failures once in the output channel instead of as repeated pop-ups.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, isServerDocument } from './languageClient';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient | undefined> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {}

  /** Starts the server when the document is one it checks; resolves to the running client. */
  async startFor(document: vscode.TextDocument): Promise<void> {
    if (isServerDocument(document)) {
      await this.ensureStarted();
    }
  }

  ensureStarted(): Promise<LanguageClient | undefined> {
    if (this.client?.isRunning()) {
      return Promise.resolve(this.client);
    }
    this.starting ??= this.start().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async start(): Promise<LanguageClient | undefined> {
    this.client ??= createLanguageClient(this.context, this.output);
    try {
      await this.client.start();
      return this.client;
    } catch (e) {
      this.output.error(`The z/OS TLS language server did not start: ${String(e)}`);
      void vscode.window.showErrorMessage(
        'The z/OS TLS language server did not start. See the "z/OS TLS" output for details.',
      );
      return undefined;
    }
  }

  async restart(): Promise<LanguageClient | undefined> {
    await this.starting;
    if (this.client?.isRunning()) {
      await this.client.stop();
    }
    return this.ensureStarted();
  }

  async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) {
      await client.stop();
    }
  }
}

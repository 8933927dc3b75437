// A minimal LSP client for the protocol tests: spawns `node dist/server.js --stdio` as a child process
// and talks JSON-RPC to it with vscode-languageserver-protocol, as an editor would.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type {
  ClientCapabilities,
  InitializeResult,
  LogMessageParams,
  ProtocolConnection,
  PublishDiagnosticsParams,
  Registration,
  WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { ensureServerBundle } from './serverBundle';

export const CLIENT_CAPABILITIES: ClientCapabilities = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
  textDocument: {
    synchronization: { dynamicRegistration: false },
    publishDiagnostics: {
      relatedInformation: true,
      versionSupport: true,
      codeDescriptionSupport: true,
      dataSupport: true,
    },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
    definition: {},
    references: {},
    rename: { prepareSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: {},
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } },
      isPreferredSupport: true,
      dataSupport: true,
    },
  },
};

interface Waiter {
  uri: string;
  accept: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export interface Session {
  connection: ProtocolConnection;
  initializeResult: InitializeResult;
  logs: LogMessageParams[];
  /** What the client answers to workspace/configuration for the `zosTls` section (null = nothing set). */
  workspaceSettings: { zosTls: unknown };
  /** Resolves with the first publish for `uri` (already received or still to come) that `accept` takes. */
  diagnostics(
    uri: string,
    accept?: (p: PublishDiagnosticsParams) => boolean,
  ): Promise<PublishDiagnosticsParams>;
  /** What the server registered dynamically (client/registerCapability), in order. */
  registrations: Registration[];
  /** Every publish received so far, in order. */
  published: PublishDiagnosticsParams[];
  open(uri: string, languageId: string, text: string, version?: number): Promise<void>;
  stderr(): string;
  /** shutdown + exit; resolves with the server's exit code. */
  close(): Promise<number | null>;
}

export interface StartOptions {
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  /** Sent as the workspace folders (none by default). */
  workspaceFolders?: WorkspaceFolder[];
}

export async function startSession(options: StartOptions = {}): Promise<Session> {
  const serverJs = ensureServerBundle();
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [serverJs, '--stdio'], {
    stdio: 'pipe',
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

  const connection = createProtocolConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  const logs: LogMessageParams[] = [];
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Waiter[] = [];
  const workspaceSettings: { zosTls: unknown } = { zosTls: null };

  connection.onNotification(LogMessageNotification.type, (p) => {
    logs.push(p);
  });
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    published.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.accept(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'zosTls' ? workspaceSettings.zosTls : null)),
  );
  const registrations: Registration[] = [];
  connection.onRequest(RegistrationRequest.type, (p) => {
    registrations.push(...p.registrations);
  });
  connection.listen();

  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    // null: no parent-process watchdog in the server (harness.md §3b).
    processId: null,
    rootUri: null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? CLIENT_CAPABILITIES,
    initializationOptions: options.initializationOptions,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  return {
    connection,
    initializeResult,
    logs,
    workspaceSettings,
    registrations,
    published,
    diagnostics(uri, accept = () => true) {
      const seen = published.filter((p) => p.uri === uri).find(accept);
      if (seen) {
        return Promise.resolve(seen);
      }
      return new Promise((resolve) => waiters.push({ uri, accept, resolve }));
    },
    async open(uri, languageId, text, version = 1) {
      await connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId, version, text },
      });
    },
    stderr: () => stderr,
    async close() {
      // shutdown + exit go to the CHILD; the server process then ends on its own.
      try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
        return await exited;
      } finally {
        connection.dispose();
        if (child.exitCode === null) {
          child.kill();
        }
      }
    },
  };
}

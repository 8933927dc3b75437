// Process entry of the language server. The transport comes from argv: `--stdio` for any editor
// (Neovim, Emacs, the tests), `--node-ipc` as the VS Code client starts it.
import { inspect } from 'node:util';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './lsp/server';
import { formatError } from './lsp/runSafe';

const connection = createConnection(ProposedFeatures.all);

// Under --stdio, stdout IS the protocol channel: one stray console.log from a library would corrupt
// a message, so everything printed goes to the client's log instead.
const toClient =
  (write: (message: string) => void) =>
  (...args: unknown[]): void =>
    write(
      args
        .map((a) => (typeof a === 'string' ? a : a instanceof Error ? (a.stack ?? a.message) : inspect(a)))
        .join(' '),
    );
/* eslint-disable no-console -- the one place that redirects console to the LSP log */
console.log = toClient((m) => connection.console.log(m));
console.info = toClient((m) => connection.console.info(m));
console.debug = toClient((m) => connection.console.log(m));
console.warn = toClient((m) => connection.console.warn(m));
console.error = toClient((m) => connection.console.error(m));
/* eslint-enable no-console */

// A bug must cost one answer, not the session: log it and carry on.
process.on('uncaughtException', (e: unknown) => {
  connection.console.error(formatError('zos-tls: uncaught exception', e));
});
process.on('unhandledRejection', (e: unknown) => {
  connection.console.error(formatError('zos-tls: unhandled rejection', e));
});

startServer(connection);

// Every handler goes through here (json-language-features' runner.ts): a bug in one feature must
// cost the user that one answer, not the server. Cancellation is honoured before and after the work,
// because the service itself is synchronous and cannot be interrupted halfway.
import type { CancellationToken, RemoteConsole } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) {
    return `${message}: ${err.message}\n${err.stack ?? ''}`;
  }
  return `${message}: ${String(err)}`;
}

function cancelled<T>(): ResponseError<T> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function runSafe<T, E = void>(
  log: RemoteConsole,
  work: () => T,
  errorValue: T,
  message: string,
  token: CancellationToken | undefined,
): Promise<T | ResponseError<E>> {
  return new Promise((resolve) => {
    // setImmediate lets a $/cancelRequest that is already queued arrive before the work starts.
    setImmediate(() => {
      if (token?.isCancellationRequested) {
        resolve(cancelled());
        return;
      }
      try {
        const result = work();
        resolve(token?.isCancellationRequested ? cancelled() : result);
      } catch (e) {
        log.error(formatError(message, e));
        resolve(errorValue);
      }
    });
  });
}

export async function runSafeAsync<T, E = void>(
  log: RemoteConsole,
  work: () => Promise<T>,
  errorValue: T,
  message: string,
  token: CancellationToken | undefined,
): Promise<T | ResponseError<E>> {
  if (token?.isCancellationRequested) {
    return cancelled();
  }
  try {
    const result = await work();
    return token?.isCancellationRequested ? cancelled() : result;
  } catch (e) {
    log.error(formatError(message, e));
    return errorValue;
  }
}

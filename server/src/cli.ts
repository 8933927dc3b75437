// The `zos-tls` command line: `zos-tls check <file|dir>...`. The work is in ./cli/; this entry
// only binds it to the process (arguments, streams, exit status).
import { USAGE, parseArgs } from './cli/args';
import { runCheck } from './cli/check';
import { runExplain } from './cli/explain';
import { runTrace } from './cli/trace';
import { VERSION } from './version';

function main(argv: readonly string[]): number | Promise<number> {
  if (argv[0] === 'trace') {
    return runTrace(argv.slice(1), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
    });
  }
  if (argv[0] === 'explain') {
    return runExplain(argv.slice(1), {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      cwd: process.cwd(),
    });
  }
  const cmd = parseArgs(argv);
  switch (cmd.kind) {
    case 'help':
      process.stdout.write(USAGE);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'usage-error':
      process.stderr.write(`zos-tls: ${cmd.message}\n\n${USAGE}`);
      return 2;
    case 'check':
      return runCheck(cmd, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        cwd: process.cwd(),
      });
  }
}

// `zos-tls check … | head` closes the pipe early; that is the reader's choice, not a crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  });
}

const internalError = (e: unknown): void => {
  console.error(`zos-tls: internal error: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 2;
};
try {
  // exitCode rather than exit(): a large report written to a pipe must drain before we stop.
  const status = main(process.argv.slice(2));
  if (typeof status === 'number') {
    process.exitCode = status;
  } else {
    status.then((s) => (process.exitCode = s), internalError);
  }
} catch (e) {
  internalError(e);
}

// The `zos-tls` command line: `zos-tls check <file|dir>...`. The work is in ./cli/; this entry
// only binds it to the process (arguments, streams, exit status).
import { USAGE, parseArgs } from './cli/args';
import { runCheck } from './cli/check';
import { runExplain } from './cli/explain';
import { VERSION } from './version';

function main(argv: readonly string[]): number {
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

try {
  // exitCode rather than exit(): a large report written to a pipe must drain before we stop.
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  console.error(`zos-tls: internal error: ${(e as Error).stack ?? String(e)}`);
  process.exitCode = 2;
}

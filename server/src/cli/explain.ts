// `zos-tls explain <code or text>... [--format text|json]`: what each code in the arguments means.
// Its own small parser (only --format and --help): the check command's options mean nothing here.
import { readCommandArgs } from './options';
import type { CliIo } from './check';
import { explainAll, explainText } from '../service/codes/explain';

export const EXPLAIN_USAGE = `Usage: zos-tls explain <code or text>... [--format text|json]

Explains the z/OS TLS codes found in each argument: TLS alerts, System SSL and AT-TLS return codes,
ICSF return/reason codes, AT-TLS/RACF/Liberty message ids and Java TLS exception texts. An
argument can be a bare code (402, 8/BFE, bad_certificate) or a line pasted from a log
("EZD1287I TTLS Error RC: 5003", "retCode = 0x8, rsnCode = 0xbfe").

Options:
  --format text|json   output format (default: text)
  -h, --help           show this help

Exit status: 0 at least one code recognised, 1 none, 2 usage problem.
`;

type Parsed = { queries: string[]; format: 'text' | 'json' } | { help: true } | { error: string };

function parse(argv: readonly string[]): Parsed {
  // A negative number (-7) is a deprecated System SSL return code, not an option.
  const r = readCommandArgs(
    argv,
    'explain',
    (a) => a.startsWith('--') || (a.startsWith('-') && !/^-\d+$/.test(a)),
  );
  if (!('positionals' in r)) {
    return r;
  }
  if (r.positionals.length === 0) {
    return { error: 'explain needs at least one code or text' };
  }
  return { queries: r.positionals, format: r.format };
}

export function runExplain(argv: readonly string[], io: CliIo): number {
  const p = parse(argv);
  if ('help' in p) {
    io.stdout(EXPLAIN_USAGE);
    return 0;
  }
  if ('error' in p) {
    io.stderr(`zos-tls: ${p.error}\n\n${EXPLAIN_USAGE}`);
    return 2;
  }
  const report = explainAll(p.queries);
  io.stdout(p.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : explainText(report));
  const found = report.results.some((r) => r.matches.length > 0);
  if (!found) {
    io.stderr('zos-tls: no code recognised\n');
  }
  return found ? 0 : 1;
}

// Command-line parsing for `zos-tls`. Hand-written rather than node:util parseArgs because the
// messages must name the valid values (releases, severities, nearest rule id) for a sysprog who
// mistyped one, and parseArgs only says "unknown option".
import type { RuleSetting, ZosRelease } from '../service';
import { ZOS_RELEASES } from '../service';
import { allRuleIds } from '../service/rules';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  kind: 'check';
  paths: string[];
  format: OutputFormat;
  release: ZosRelease | undefined;
  rules: Record<string, RuleSetting>;
  /** The key rings' consumers run System SSL in FIPS mode (racf/fips-key). */
  fips: boolean;
}

export type Command =
  CheckCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'information', 'hint'];

export const USAGE = `Usage: zos-tls check <file|dir>... [options]
       zos-tls explain <code or text>... [--format text|json]   what a return, reason, alert or
                               message code means (zos-tls explain --help)

Checks z/OS TLS configuration: AT-TLS policies and Policy Agent (pagent) files, and the RACDCERT
and companion RACF commands in JCL batch TSO steps, REXX execs and RACF command files.
Directories are walked (node_modules, .git and dot-folders are skipped); the language of each
file is found from its name and content. EBCDIC (IBM-1047) and ISO-8859-1 files are decoded.

Options:
  --format text|json|sarif     output format (default: text)
  --zos 2.4|2.5|3.1|3.2        z/OS release the configuration runs on (default: 3.1)
  --rule <id>=<setting>        off|error|warning|information|hint for one rule; repeat it,
                               or separate several with commas (rule ids: docs/rules.md)
  --fips                       the programs that use the key rings run System SSL in FIPS
                               mode: report keys FIPS mode cannot use (racf/fips-key)
  -h, --help                   show this help
  -v, --version                print the version

Exit status: 0 no error-severity finding, 1 at least one, 2 usage or I/O problem.
`;

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The catalogue id nearest to a mistyped one, when it is near enough to be the likely intent. */
export function nearestRuleId(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of allRuleIds()) {
    // Users often leave out the language prefix ('unresolved-ref' for 'attls/unresolved-ref').
    const d = Math.min(levenshtein(id, known), levenshtein(id, known.replace(/^[^/]+\//, '')) + 0.5);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, id.length / 3) ? best : undefined;
}

function parseRuleSettings(value: string, into: Record<string, RuleSetting>): string | undefined {
  const known = new Set(allRuleIds());
  for (const part of value.split(',')) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) {
      return `--rule expects <id>=<setting>, for example --rule attls/trace-verbose=off (got '${part}')`;
    }
    const [, id, raw] = m;
    if (!known.has(id)) {
      const near = nearestRuleId(id);
      return `unknown rule id '${id}'${near ? `; did you mean '${near}'?` : ''} (the rule ids are listed in docs/rules.md)`;
    }
    const setting = raw.toLowerCase();
    if (!(SETTINGS as readonly string[]).includes(setting)) {
      return `--rule ${id}=${raw}: the setting must be one of ${SETTINGS.join(', ')}`;
    }
    into[id] = setting as RuleSetting;
  }
  return undefined;
}

export function parseArgs(argv: readonly string[]): Command {
  const args = [...argv];
  if (args.length === 0) {
    return { kind: 'usage-error', message: 'no command given' };
  }
  // --help and --version win wherever they stand, as in most CLIs.
  const beforeDashes = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeDashes.some((a) => a === '-h' || a === '--help') || args[0] === 'help') {
    return { kind: 'help' };
  }
  if (beforeDashes.some((a) => a === '-v' || a === '-V' || a === '--version')) {
    return { kind: 'version' };
  }
  const command = args.shift();
  if (command !== 'check') {
    return {
      kind: 'usage-error',
      message: command?.startsWith('-')
        ? `unknown option '${command}'`
        : `unknown command '${command ?? ''}'`,
    };
  }

  const cmd: CheckCommand = {
    kind: 'check',
    paths: [],
    format: 'text',
    release: undefined,
    rules: {},
    fips: false,
  };
  let onlyPaths = false;
  while (args.length) {
    const arg = args.shift() as string;
    if (onlyPaths || !arg.startsWith('-')) {
      cmd.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (name === '--fips') {
      // A flag: `--fips=true` would read as if `--fips=false` were possible, which it is not.
      if (eq > 0) {
        return { kind: 'usage-error', message: `--fips takes no value (got '${arg}')` };
      }
      cmd.fips = true;
      continue;
    }
    if (name !== '--format' && name !== '--zos' && name !== '--rule') {
      return { kind: 'usage-error', message: `unknown option '${name}'` };
    }
    const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : args.shift();
    if (value === undefined || value === '') {
      return { kind: 'usage-error', message: `option '${name}' needs a value` };
    }
    if (name === '--format') {
      const format = value.toLowerCase();
      if (!(FORMATS as readonly string[]).includes(format)) {
        return {
          kind: 'usage-error',
          message: `--format must be one of ${FORMATS.join(', ')} (got '${value}')`,
        };
      }
      cmd.format = format as OutputFormat;
    } else if (name === '--zos') {
      if (!(ZOS_RELEASES as readonly string[]).includes(value)) {
        return {
          kind: 'usage-error',
          message: `--zos must be one of ${ZOS_RELEASES.join(', ')} (got '${value}')`,
        };
      }
      cmd.release = value as ZosRelease;
    } else {
      const problem = parseRuleSettings(value, cmd.rules);
      if (problem) {
        return { kind: 'usage-error', message: problem };
      }
    }
  }
  if (cmd.paths.length === 0) {
    return { kind: 'usage-error', message: 'check needs at least one file or directory' };
  }
  return cmd;
}

// Option reading shared by the `explain` and `trace` commands, so both accept the same spellings
// (`--format json`, `--format=json`) and say the same thing about a bad value.

/** The value of `--name value` or `--name=value` at argv[i], and the index it ends at; undefined when argv[i] is another argument. */
export function optionValue(
  argv: readonly string[],
  i: number,
  name: string,
): { value: string | undefined; end: number } | undefined {
  const a = argv[i];
  if (a === name) {
    return { value: argv[i + 1], end: i + 1 };
  }
  if (a.startsWith(`${name}=`)) {
    return { value: a.slice(name.length + 1), end: i };
  }
  return undefined;
}

export type OutputFormat = 'text' | 'json';

export function outputFormat(v: string | undefined): OutputFormat | { error: string } {
  return v === 'text' || v === 'json'
    ? v
    : { error: `--format must be text or json, not ${v === undefined ? 'nothing' : `'${v}'`}` };
}

export interface CommandArgs {
  positionals: string[];
  format: OutputFormat;
}

/**
 * The argument loop the `explain` and `trace` commands share: -h/--help, `--` (the rest are
 * positionals), --format, the command's own options through `more` (it returns the index its option
 * ends at, or an error), then unknown options refused by `isOption`'s measure of what looks like one.
 */
export function readCommandArgs(
  argv: readonly string[],
  command: string,
  isOption: (a: string) => boolean,
  more: (argv: readonly string[], i: number) => { end: number } | { error: string } | undefined = () =>
    undefined,
): CommandArgs | { help: true } | { error: string } {
  const positionals: string[] = [];
  let format: OutputFormat = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      return { help: true };
    }
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    const fmt = optionValue(argv, i, '--format');
    if (fmt) {
      const v = outputFormat(fmt.value);
      if (typeof v !== 'string') {
        return v;
      }
      format = v;
      i = fmt.end;
      continue;
    }
    const own = more(argv, i);
    if (own) {
      if ('error' in own) {
        return own;
      }
      i = own.end;
      continue;
    }
    if (isOption(a)) {
      return { error: `unknown option '${a}' for ${command}` };
    }
    positionals.push(a);
  }
  return { positionals, format };
}

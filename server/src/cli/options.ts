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

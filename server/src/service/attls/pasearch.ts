// A reader for `pasearch -t` reports: the stack's own view of the installed AT-TLS policy. The
// report prints every attribute, including the defaults the stack applied, which makes it the
// best available oracle for our defaults (attls-reference §4.6, source S34).
//
// Format, as seen in a real z/OS 3.1 report: indentation nests sections; a line holds one or more
// `Key: value` pairs separated by runs of blanks; a key with no value opens a section whose deeper
// lines are either more pairs or list items such as `0023  secp256r1`.

export interface PasearchEntry {
  key: string;
  value: string;
  /** 1-based line in the report. */
  line: number;
  indent: number;
  children: PasearchEntry[];
  /** List lines under the key (e.g. `0021  secp224r1`), trimmed, blanks collapsed to two. */
  items: string[];
}

export interface PasearchAction {
  name: string;
  /** Group, Environment or Connection. */
  scope: string;
  entry: PasearchEntry;
}

export interface PasearchRule {
  name: string;
  entry: PasearchEntry;
  actions: PasearchAction[];
}

export interface PasearchReport {
  /** Communications Server release in the header, e.g. "3.1". */
  release?: string;
  image?: string;
  rules: PasearchRule[];
  /** Every top-level entry, rules included. */
  entries: PasearchEntry[];
}

const KEY_ONLY = /^([A-Za-z0-9][^:]*):$/;
const KEY_VALUE = /^([A-Za-z0-9][^:]*?):\s+(\S.*)$/;

/** Splits one line's content into key/value pairs; returns undefined for a list item. */
function splitPairs(content: string): { key: string; value: string }[] | undefined {
  const chunks = content.split(/\s{2,}/).filter((c) => c.length > 0);
  const out: { key: string; value: string }[] = [];
  let i = 0;
  while (i < chunks.length) {
    const c = chunks[i];
    const only = KEY_ONLY.exec(c);
    if (only) {
      const vals: string[] = [];
      i++;
      while (i < chunks.length && !KEY_ONLY.test(chunks[i]) && !KEY_VALUE.test(chunks[i])) {
        vals.push(chunks[i]);
        i++;
      }
      out.push({ key: only[1].trim(), value: vals.join(' ') });
      continue;
    }
    const kv = KEY_VALUE.exec(c);
    if (kv) {
      out.push({ key: kv[1].trim(), value: kv[2].trim() });
      i++;
      continue;
    }
    if (!out.length) {
      return undefined;
    }
    // A chunk that is neither: part of the previous value (e.g. "1111111  (Sunday - Saturday)").
    out[out.length - 1].value = `${out[out.length - 1].value} ${c}`.trim();
    i++;
  }
  return out.length ? out : undefined;
}

export function parsePasearch(text: string): PasearchReport {
  const lines = text.split(/\r?\n|\r/);
  const entries: PasearchEntry[] = [];
  const stack: PasearchEntry[] = [];
  let release: string | undefined;
  let image: string | undefined;
  lines.forEach((raw, idx) => {
    const content = raw.trimEnd();
    if (!content.trim()) {
      return;
    }
    const header = /TCP\/IP pasearch CS (\S+)\s+Image Name:\s*(\S+)/.exec(content);
    if (header) {
      release = header[1];
      image = header[2];
      return;
    }
    const indent = content.length - content.trimStart().length;
    while (stack.length && stack[stack.length - 1].indent >= indent) {
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    const pairs = splitPairs(content.trim());
    if (!pairs) {
      if (parent) {
        parent.items.push(content.trim().replace(/\s{2,}/g, '  '));
      }
      return;
    }
    let first: PasearchEntry | undefined;
    for (const { key, value } of pairs) {
      const e: PasearchEntry = { key, value, line: idx + 1, indent, children: [], items: [] };
      (parent ? parent.children : entries).push(e);
      first ??= e;
    }
    // Only the first pair of a line can open a section: later pairs are side-by-side columns.
    if (first) {
      stack.push(first);
    }
  });

  const rules: PasearchRule[] = entries
    .filter((e) => e.key === 'policyRule')
    .map((entry) => ({
      name: entry.value,
      entry,
      actions: entry.children
        .filter((c) => c.key === 'TTLS Action')
        .map((a) => ({ name: a.value, scope: child(a, 'Scope')?.value ?? '', entry: a })),
    }));
  return { release, image, rules, entries };
}

/** The first child entry with this key (case-insensitive). */
export function child(e: PasearchEntry | undefined, key: string): PasearchEntry | undefined {
  const k = key.toLowerCase();
  return e?.children.find((c) => c.key.toLowerCase() === k);
}

/** The codes of a list section (`0021  secp224r1` → `0021`), or its inline value (`Any`). */
export function listCodes(e: PasearchEntry): string[] {
  if (e.items.length) {
    return e.items.map((i) => i.split(/\s+/)[0].toUpperCase());
  }
  return e.value ? e.value.split(/\s+/) : [];
}

// The RACF snippets insert commands users run as they are: every command they produce, for every
// choice, must use only functions, keywords and values the reference documents, fit in columns
// 1-72, and the complete job must hang together (labels created before use, rings added before
// CONNECT, every change refreshed). The full rule engine is not needed for that: a small TSO
// reader here and the knowledge lookups are enough, and keep this test independent of the parser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyType, RacfKeywordDef } from '../../../../server/src/service/knowledge/racfKeywords';
import {
  KEY_SIZES,
  keyTypeOf,
  keyUsageFor,
  keywordDef,
  matchKeyword,
  parseRdatalibProfile,
  racdcertFunction,
  racfCommand,
} from '../../../../server/src/service/knowledge/racfKeywords';
import { facilityResource } from '../../../../server/src/service/knowledge/racfKeywords';

const root = path.resolve(__dirname, '../../../..');
type Snippet = { prefix: string | string[]; body: string[]; description: string };
const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/racf.json'), 'utf8')) as Record<
  string,
  Snippet
>;

/** Expands a body with each choice fixed to `pick` (its index, clamped) and every other default. */
function expand(body: string[], pick = 0): string {
  const text = body.join('\n');
  const values = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+)\|([^}]*)\|\}/g)) {
    const options = m[2].split(',');
    values.set(m[1], options[Math.min(pick, options.length - 1)]);
  }
  for (const m of text.matchAll(/\$\{(\d+):([^{}]*)\}/g)) {
    values.set(m[1], m[2]);
  }
  return text
    .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_m, n: string) => values.get(n)!)
    .replace(/\$\{(\d+):[^{}]*\}/g, (_m, n: string) => values.get(n)!)
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => values.get(a ?? b ?? '') ?? '')
    .replace(/\\\$/g, '$');
}

function choiceCount(body: string[]): number {
  return Math.max(
    1,
    ...[...body.join('\n').matchAll(/\$\{\d+\|([^}]*)\|\}/g)].map((m) => m[1].split(',').length),
  );
}

/** The RACF command lines of a text: the SYSTSIN stream of a job, or all lines of plain commands. */
function commandLines(text: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\/\/SYSTSIN\s+DD\s+DATA,DLM=\$\$/.test(l));
  if (start < 0) {
    return lines;
  }
  const end = lines.indexOf('$$', start + 1);
  assert.ok(end > start, 'the stream ends with its delimiter');
  return lines.slice(start + 1, end);
}

/** Joins continued lines ('+' drops the next line's leading blanks, '-' keeps them); drops comments. */
function commands(lines: string[]): string[] {
  const out: string[] = [];
  let current = '';
  let open = false;
  let plus = false;
  for (const raw of lines) {
    const line = raw.replace(/\/\*.*?\*\//g, ' ').replace(/\s+$/, '');
    current += plus ? line.replace(/^\s+/, '') : line;
    plus = current.endsWith('+');
    open = plus || current.endsWith('-');
    if (open) {
      current = current.slice(0, -1);
    } else {
      if (current.trim()) {
        out.push(current.trim());
      }
      current = '';
    }
  }
  assert.equal(open, false, 'no continuation runs into the end');
  return out;
}

interface Item {
  word: string;
  inner?: string;
}

function items(text: string): Item[] {
  const out: Item[] = [];
  let i = 0;
  while (i < text.length) {
    if (/[\s,]/.test(text[i])) {
      i++;
      continue;
    }
    if (text[i] === "'") {
      let j = i + 1;
      while (j < text.length && !(text[j] === "'" && text[j + 1] !== "'")) {
        j += text[j] === "'" ? 2 : 1;
      }
      assert.ok(j < text.length, `closed quote in ${text}`);
      out.push({ word: text.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s,()']/.test(text[j])) {
      j++;
    }
    const word = text.slice(i, j);
    assert.ok(word, `a word at ${i} of ${text}`);
    let k = j;
    while (text[k] === ' ') {
      k++;
    }
    if (text[k] !== '(') {
      out.push({ word });
      i = j;
      continue;
    }
    let depth = 0;
    let quoted = false;
    let m = k;
    for (; m < text.length; m++) {
      const c = text[m];
      if (c === "'") {
        quoted = !quoted;
      } else if (!quoted && c === '(') {
        depth++;
      } else if (!quoted && c === ')' && --depth === 0) {
        break;
      }
    }
    assert.equal(depth, 0, `balanced parentheses in ${text}`);
    out.push({ word, inner: text.slice(k + 1, m) });
    i = m + 1;
  }
  return out;
}

const unquote = (v: string): string => v.slice(1, -1).replace(/''/g, "'");

function checkValue(def: RacfKeywordDef, item: Item, where: string, fn: string, path: string[]): void {
  if (def.valueType === 'flag') {
    assert.equal(item.inner, undefined, `${where}: ${def.name} takes no value`);
    return;
  }
  if (item.inner === undefined) {
    // A function keyword with optional parentheses (GENCERT[(dsn)]) may stand alone.
    assert.ok(/flag/.test(def.valueType) || def.required === false, `${where}: ${def.name} needs a value`);
    return;
  }
  if (def.subkeywords.size && !def.values) {
    const subs = items(item.inner);
    for (const sub of subs) {
      const sd = keywordDef(fn, sub.word, [...path, def.name]);
      assert.ok(sd, `${where}: ${sub.word} inside ${def.name}`);
      checkValue(sd, sub, where, fn, [...path, def.name]);
    }
    for (const sd of def.subkeywords.values()) {
      if (sd.required) {
        assert.ok(
          subs.some((s) => s.word.toUpperCase() === sd.name),
          `${where}: ${def.name} needs ${sd.name}`,
        );
      }
    }
    return;
  }
  const values = items(item.inner).map((v) => v.word);
  if (def.valueType === 'class-list' && !def.values) {
    for (const v of values) {
      assert.match(v, /^[A-Z]+$/, `${where}: class ${v}`);
    }
    return;
  }
  if (def.values) {
    for (const v of values) {
      assert.ok(def.values.includes(v.toUpperCase()), `${where}: ${def.name}(${v})`);
    }
    return;
  }
  assert.equal(values.length, 1, `${where}: one value in ${def.name}`);
  const v = values[0];
  switch (def.valueType) {
    case 'quoted-string':
    case 'quoted-string-list':
    case 'dataset-name':
      assert.match(v, /^'.*'$/, `${where}: ${def.name} value in apostrophes`);
      if (def.limit?.maxLength !== undefined) {
        assert.ok(unquote(v).length <= def.limit.maxLength, `${where}: ${def.name} ≤ ${def.limit.maxLength}`);
      }
      if (def.limit?.pattern) {
        assert.match(unquote(v), new RegExp(def.limit.pattern), `${where}: ${def.name}`);
      }
      break;
    case 'userid':
      assert.match(v, /^[A-Z@#$][A-Z0-9@#$]{0,7}$/, `${where}: user ID ${v}`);
      break;
    case 'ring-name':
    case 'ring-name-or-*':
      assert.match(v, /^[^\s']+$/, `${where}: ring ${v}`);
      assert.ok(v.length <= def.limit!.maxLength!);
      break;
    case 'integer':
      assert.match(v, /^\d+$/, `${where}: ${def.name}`);
      break;
    case 'date': {
      assert.match(v, /^\d{4}-\d{2}-\d{2}$/, `${where}: documented date form`);
      assert.ok(new Date(v + 'T00:00:00Z').toISOString().startsWith(v), `${where}: real date ${v}`);
      assert.ok(v > '2027-01-01', `${where}: ${v} is not about to expire`);
      break;
    }
    case 'ip-address':
      assert.match(v, /^\d{1,3}(\.\d{1,3}){3}$/, `${where}: unquoted IPv4`);
      break;
    default:
      assert.fail(`${where}: no check for ${def.valueType}`);
  }
}

interface Model {
  labels: Set<string>;
  rings: Set<string>;
  pending: Set<string>;
}

function owner(list: Item[], fallback = 'ME'): string {
  const id = list.find((i) => i.word.toUpperCase() === 'ID');
  if (id?.inner) {
    return id.inner.trim();
  }
  return list.find((i) => /^(CERTAUTH|SITE)$/i.test(i.word))?.word.toUpperCase() ?? fallback;
}

function checkCommand(cmdText: string, model: Model): void {
  const all = items(cmdText);
  const cmd = racfCommand(all[0].word);
  assert.ok(cmd, `known command: ${cmdText}`);
  const rest = all.slice(1);
  if (cmd.name === 'RACDCERT') {
    const fns = rest.filter((i) => racdcertFunction(i.word));
    assert.equal(fns.length, 1, `one function in ${cmdText}`);
    const fn = racdcertFunction(fns[0].word)!;
    assert.equal(fn.uncertain, undefined, `${fn.name}: snippets use only functions the reference is sure of`);
    for (const item of rest) {
      const def = keywordDef(fn.name, item.word);
      assert.ok(def, `${fn.name} keyword ${item.word}`);
      assert.notEqual(def.origin, 'form', `${fn.name} ${item.word}`);
      checkValue(def, item, cmdText, fn.name, []);
    }
    for (const group of fn.conflicts) {
      assert.ok(rest.filter((i) => group.includes(i.word.toUpperCase())).length <= 1, `${cmdText}: ${group}`);
    }
    for (const def of fn.keywords.values()) {
      if (def.required) {
        assert.ok(
          rest.some((i) => i.word.toUpperCase() === def.name),
          `${cmdText}: needs ${def.name}`,
        );
      }
    }
    // Key type, size and key usage must agree.
    const keyword = rest.find((i) => keyTypeOf(i.word));
    const type: KeyType = keyword ? keyTypeOf(keyword.word)! : 'RSA';
    const size = rest.find((i) => i.word === 'SIZE');
    if (size) {
      const n = Number(size.inner);
      if (type === 'NISTECC' || type === 'BPECC') {
        assert.ok(KEY_SIZES[type].valid.includes(n), `${cmdText}: ${type} SIZE(${n})`);
        assert.ok(!KEY_SIZES[type].weak?.includes(n), `${cmdText}: weak curve`);
      } else {
        assert.ok(
          n >= KEY_SIZES.RSA.recommendedMin && n <= KEY_SIZES.RSA.software.max,
          `${cmdText}: RSA ${n}`,
        );
      }
    }
    const ku = rest.find((i) => i.word === 'KEYUSAGE');
    for (const v of ku ? items(ku.inner!).map((i) => i.word) : []) {
      assert.ok(keyUsageFor(type).includes(v), `${cmdText}: KEYUSAGE(${v}) with ${type}`);
    }
    // The stream model.
    const own = owner(rest);
    const fnItem = fns[0];
    const inner = fnItem.inner ? items(fnItem.inner) : [];
    const label = (list: Item[]): string | undefined => {
      const l = list.find((i) => /^(WITH)?LABEL$/i.test(i.word));
      return l?.inner ? unquote(l.inner.trim()) : undefined;
    };
    switch (fn.name) {
      case 'GENCERT':
      case 'ADD': {
        const l = label(rest);
        if (l) {
          model.labels.add(`${own}/${l}`);
        }
        const signer = rest.find((i) => i.word === 'SIGNWITH');
        if (signer) {
          const s = items(signer.inner!);
          const key = `${owner(s, own)}/${label(s)}`;
          assert.ok(model.labels.has(key), `${cmdText}: signer ${key} created earlier`);
        }
        break;
      }
      case 'ADDRING':
        model.rings.add(`${own}/${fnItem.inner!.trim()}`);
        break;
      case 'CONNECT': {
        const certOwner = owner(inner, own);
        assert.ok(model.labels.has(`${certOwner}/${label(inner)}`), `${cmdText}: label created earlier`);
        const ring = inner.find((i) => i.word === 'RING')!.inner!.trim();
        assert.ok(model.rings.has(`${own}/${ring}`), `${cmdText}: ring added earlier`);
        const usage = inner.find((i) => i.word === 'USAGE')?.inner;
        if (inner.some((i) => i.word === 'DEFAULT')) {
          assert.equal(usage, 'PERSONAL', `${cmdText}: DEFAULT only on the PERSONAL certificate`);
        }
        break;
      }
      case 'EXPORT':
      case 'GENREQ':
        assert.ok(model.labels.has(`${own}/${label(inner)}`), `${cmdText}: label created earlier`);
        break;
      case 'LISTRING':
        assert.ok(model.rings.has(`${own}/${fnItem.inner!.trim()}`), `${cmdText}: ring added earlier`);
        break;
    }
    fn.refresh.forEach((c) => model.pending.add(c));
    return;
  }
  // Companion commands: every keyword known (REFR by its recorded spelling), values from the lists.
  for (const item of rest) {
    const m = matchKeyword(cmd.name, item.word);
    if (m.kind === 'exact' || m.kind === 'abbreviation') {
      assert.ok(m.kind === 'exact' || !m.tentative, `${cmdText}: ${item.word}`);
      checkValue(m.def, item, cmdText, cmd.name, []);
    } else {
      assert.equal(item.inner, undefined, `${cmdText}: ${item.word} is a positional operand`);
    }
  }
  const classOf = (name: string): string[] => {
    const it = rest.find((i) => i.word.toUpperCase() === name);
    return it?.inner ? items(it.inner).map((i) => i.word.toUpperCase()) : [];
  };
  if (cmd.name === 'SETROPTS' && rest.some((i) => /^REFR(ESH)?$/i.test(i.word))) {
    classOf('RACLIST').forEach((c) => model.pending.delete(c));
  }
  if (cmd.name === 'PERMIT' || cmd.name === 'RDEFINE') {
    const cls = cmd.name === 'PERMIT' ? classOf('CLASS')[0] : rest[0].word;
    const profile = cmd.name === 'PERMIT' ? rest[0].word : rest[1].word;
    if (cls === 'FACILITY') {
      assert.ok(facilityResource(profile)?.seenInIbmText, `${cmdText}: ${profile}`);
    } else {
      assert.equal(cls, 'RDATALIB');
      const p = parseRdatalibProfile(profile);
      assert.equal(p.kind, 'ring', profile);
      if (p.kind === 'ring') {
        assert.equal(p.owner, p.owner.toUpperCase(), `${profile}: owner in upper case`);
        assert.ok(
          [...model.rings].some((r) => r.toUpperCase() === `${p.owner}/${p.ring}`.toUpperCase()) ||
            model.rings.size === 0,
          `${profile} names a ring the stream added`,
        );
      }
    }
    model.pending.add(cls);
  }
}

/** Runs a snippet's commands through the checks; `known` seeds labels/rings other snippets create. */
function check(text: string, known: Partial<Model> = {}): Model {
  const lines = commandLines(text);
  for (const l of text.split('\n')) {
    assert.ok(l.length <= (l.startsWith('//') ? 71 : 72), `within the columns: ${l}`);
    assert.doesNotMatch(l, /[‘’“”–—]/, 'no typographic quotes or dashes');
  }
  for (const l of lines) {
    assert.ok(!l.startsWith('/*') || text.includes('DLM=$$'), `a comment in column 1 only under DLM=: ${l}`);
  }
  const model: Model = {
    labels: new Set(known.labels),
    rings: new Set(known.rings),
    pending: new Set(),
  };
  for (const c of commands(lines)) {
    checkCommand(c, model);
  }
  assert.deepEqual([...model.pending], [], 'every change is refreshed by the end');
  return model;
}

// What the other snippets create, by their defaults (they are meant to be used together).
const elsewhere: Partial<Model> = {
  labels: new Set(['CERTAUTH/LOCAL CA', 'TCPIP/Server Cert']),
  rings: new Set(['TCPIP/TTLSRing']),
};

for (const [name, s] of Object.entries(snippets)) {
  test(`snippet '${name}' produces valid, documented commands for every choice`, () => {
    for (let pick = 0; pick < choiceCount(s.body); pick++) {
      const text = expand(s.body, pick);
      assert.doesNotMatch(text, /\$\{|\$\d/, 'every tab stop expanded');
      check(text, /ring|permit|export|client|server/i.test(name) && !/job/i.test(name) ? elsewhere : {});
    }
  });
}

test('the snippets cover the issue 3 list and offer the key choices it names', () => {
  const names = Object.keys(snippets).join('\n');
  for (const what of [
    /local certificate authority/,
    /server certificate/,
    /client certificate/,
    /key ring/,
    /permits/,
    /export/,
    /external CA/,
    /batch job/,
  ]) {
    assert.match(names, what);
  }
  const server = snippets['RACF server certificate signed by the local CA'].body.join('\n');
  for (const choice of [
    'RSA SIZE(2048)',
    'RSA SIZE(3072)',
    'RSA SIZE(4096)',
    'NISTECC SIZE(256)',
    'NISTECC SIZE(384)',
    'NISTECC SIZE(521)',
  ]) {
    assert.ok(server.includes(choice), choice);
  }
  assert.match(server, /ALTNAME\(/);
  assert.match(server, /KEYUSAGE\(HANDSHAKE\)/);
  assert.match(server, /NOTAFTER\(DATE\(/);
  const job = expand(snippets['RACF batch job: CA, server certificate, key ring, permits'].body);
  assert.match(job, /EXEC PGM=IKJEFT01/);
  assert.match(job, /^\/\/SYSTSIN {2}DD DATA,DLM=\$\$$/m);
  assert.match(job, /^\$\$$/m);
  for (const s of Object.values(snippets)) {
    assert.ok(s.description && s.prefix.length);
  }
});

test('the complete job creates everything it uses, in order', () => {
  const body = snippets['RACF batch job: CA, server certificate, key ring, permits'].body;
  for (let pick = 0; pick < choiceCount(body); pick++) {
    const model = check(expand(body, pick));
    assert.deepEqual([...model.labels].sort(), ['CERTAUTH/LOCAL CA', 'TCPIP/Server Cert']);
    assert.deepEqual([...model.rings], ['TCPIP/TTLSRing']);
  }
});

test('the snippet checks reject what they are meant to catch', () => {
  const bad = [
    "  RACDCERT GENCERT CERTAUTH NISTECC SIZE(512) WITHLABEL('CA')\n  SETROPTS RACLIST(DIGTCERT) REFRESH",
    "  RACDCERT GENCERT CERTAUTH SUBJECTDSN(CN('x')) WITHLABEL('CA')\n  SETROPTS RACLIST(DIGTCERT) REFRESH",
    "  RACDCERT GENCERT CERTAUTH WITHLABEL('CA') KEYUSAGE(KEYAGREE)\n  SETROPTS RACLIST(DIGTCERT) REFRESH",
    "  RACDCERT GENCERT CERTAUTH WITHLABEL('CA') NOTAFTER(DATE(2030/01/01))\n  SETROPTS RACLIST(DIGTCERT) REFRESH",
    '  RACDCERT ADDRING(R) ID(U)',
    "  RACDCERT CONNECT(ID(U) LABEL('x') RING(R)) ID(U)\n  SETROPTS RACLIST(DIGTRING) REFRESH",
    '  PERMIT IRR.DIGTRING.LIST CLASS(FACILITY) ID(U) ACCESS(READ)\n  SETROPTS RACLIST(FACILITY) REFRESH',
    "  RACDCERT GENCERT CERTAUTH WITHLABEL('A label that is longer than 32 chars')\n  SETR RACLIST(DIGTCERT) REFR",
  ];
  for (const text of bad) {
    assert.throws(() => check(text), Error, text);
  }
  assert.doesNotThrow(() =>
    check("  RACDCERT GENCERT CERTAUTH WITHLABEL('CA')\n  SETR RACLIST(DIGTCERT) REFR"),
  );
});

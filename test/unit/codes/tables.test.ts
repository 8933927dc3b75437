// The code tables are a typed view of the shared codes.json: the copy stays identical, every entry
// can say what it means and where that comes from, and no table silently loses entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CodeTable } from '../../../server/src/service/knowledge/codes';
import { ALL_CODES, CODE_TABLES, coverage } from '../../../server/src/service/knowledge/codes';

const root = path.resolve(__dirname, '../../..');
const shared = path.resolve(root, '../shared/docs');
const copyPath = path.join(root, 'server/src/service/knowledge/codes.json');

test('the codes reference copy is identical to shared/docs', (t) => {
  const file = path.join(shared, 'codes.json');
  if (!existsSync(file)) {
    t.skip('../shared/docs/codes.json not found');
    return;
  }
  assert.equal(
    readFileSync(copyPath, 'utf8'),
    readFileSync(file, 'utf8'),
    'cp ../shared/docs/codes.json server/src/service/knowledge/',
  );
});

test('every table of codes.json (except the two-entry alertLevels helper) is loaded, entry for entry', () => {
  const raw = JSON.parse(readFileSync(copyPath, 'utf8')) as Record<string, unknown>;
  const rawTables = Object.keys(raw).filter((k) => Array.isArray(raw[k]) && k !== 'alertLevels');
  assert.deepEqual(Object.keys(CODE_TABLES).sort(), rawTables.sort());
  for (const t of rawTables) {
    const ids = (raw[t] as { id: string }[]).map((e) => e.id);
    assert.deepEqual(
      CODE_TABLES[t as CodeTable].map((e) => e.id),
      ids,
      t,
    );
  }
});

// Pinned entry counts. Adding entries is fine (raise the number here and in README.md's Coverage
// line); losing entries is not — that is what this test is for.
const PINNED: Record<CodeTable, number> = {
  tlsAlerts: 37,
  handshakeTypes: 25,
  contentTypes: 7,
  protocolVersions: 9,
  gskReturnCodes: 94,
  gskTraceRecordTypes: 6,
  attlsReturnCodes: 14,
  attlsMessages: 10,
  icsf: 46,
  racfMessages: 19,
  javaErrors: 21,
  libertyMessages: 5,
};

test('no table loses entries', () => {
  const now = coverage();
  for (const [table, pinned] of Object.entries(PINNED)) {
    assert.ok(
      now[table as CodeTable] >= pinned,
      `${table}: ${now[table as CodeTable]} entries, ${pinned} pinned`,
    );
  }
});

test("README's Coverage line shows the entries per table", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const line = readme.split('\n').find((l) => l.startsWith('Coverage:'));
  assert.ok(line, 'README.md has a line starting with "Coverage:"');
  for (const [table, n] of Object.entries(coverage())) {
    assert.ok(line.includes(`${table} ${n}`), `Coverage line lists "${table} ${n}": ${line}`);
  }
  assert.ok(line.includes(`${ALL_CODES.length} codes`), `Coverage line gives the total ${ALL_CODES.length}`);
});

test('every entry is well-formed: id, kind, code, title, meaning, a source, written forms', () => {
  const ids = new Set<string>();
  for (const e of ALL_CODES) {
    assert.ok(e.id && !ids.has(e.id), `unique id ${e.id}`);
    ids.add(e.id);
    assert.ok(e.code.length > 0, `${e.id} code`);
    assert.ok(e.title.trim().length > 0, `${e.id} title`);
    assert.ok(e.meaning.trim().length > 0, `${e.id} meaning`);
    assert.ok(e.forms.includes(e.code), `${e.id} lists its own code among its forms`);
    assert.ok(e.sources.length > 0, `${e.id} has a source`);
    for (const s of e.sources) {
      if (/^https?:/.test(s)) {
        assert.doesNotThrow(() => new URL(s), `${e.id} source URL ${s}`);
      } else {
        // Sources without a URL say what they are (a book, a secondary note, a corpus file).
        assert.ok(s.length >= 20, `${e.id} source description "${s}"`);
      }
    }
    assert.ok(
      e.sources.some((s) => /^https?:/.test(s)) ||
        e.uncertain ||
        /secondary|GitHub|z\/OS|docs/.test(e.sources.join(' ')),
      `${e.id}: a source without a URL is named`,
    );
    for (const c of e.causes) {
      assert.ok(c.trim().length > 0, `${e.id} empty cause`);
    }
  }
});

test('numbers agree with their written forms (hex, decimal, ICSF pairs)', () => {
  for (const e of CODE_TABLES.tlsAlerts) {
    assert.ok(
      e.forms.some((f) => /^0x[0-9A-F]{2}$/.test(f) && parseInt(f, 16) === e.value),
      e.id,
    );
  }
  for (const e of CODE_TABLES.icsf.filter((x) => x.reasonCode !== undefined)) {
    const [rc, rsn] = e.code.split('/');
    assert.equal(Number(rc), e.returnCode, e.id);
    assert.equal(parseInt(rsn, 16), e.reasonCode, e.id);
    assert.ok(e.forms.includes(`${rc}/${e.reasonCode}`), `${e.id} lists the decimal reason`);
  }
  for (const e of CODE_TABLES.gskReturnCodes.filter((x) => x.code.startsWith('0x'))) {
    assert.equal(parseInt(e.code, 16), e.value, e.id);
    assert.match(e.code, /^0x0335[0-9A-F]{4}$/, e.id);
  }
});

test('uncertain entries are those codes.json marks uncertain, no more and no fewer', () => {
  const raw = JSON.parse(readFileSync(copyPath, 'utf8')) as Record<
    string,
    { id: string; uncertain?: boolean }[]
  >;
  const marked = Object.keys(CODE_TABLES).flatMap((t) => raw[t].filter((e) => e.uncertain).map((e) => e.id));
  assert.deepEqual(
    ALL_CODES.filter((e) => e.uncertain).map((e) => e.id),
    marked,
  );
  // codes.json's own marks (codes.md's summary table says 3 for icsf; the JSON marks 2).
  assert.equal(marked.length, 2 + 1 + 35 + 2 + 7 + 3 + 2 + 3 + 4 + 1);
});

// Hovers on codes wherever they are written: codeHoverAt itself, comments of the three languages
// (AT-TLS `#`, RACF `//*` and `/* */`, Liberty `<!-- -->`) and whole log and plain-text documents.
// Expected texts come from the tables (codeById + codeMarkdown), never from a copy of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeHoverAt, lineOfText } from '../../../server/src/service/codes/hoverInText';
import { codeMarkdown } from '../../../server/src/service/codes/explain';
import { codeAt } from '../../../server/src/service/codes/recognise';
import { codeById } from '../../../server/src/service/knowledge/codes';
import { createLanguageService } from '../../../server/src/service';
import type { HoverResult, Position } from '../../../server/src/service';
import { isPlainTextName } from '../../../server/src/service/languages';

const at = (line: number, character: number): Position => ({ line, character });

/** The hover an entry gets for `text` when hovered at `offset` on its own. */
function expected(id: string, text: string, offset: number): string {
  const m = codeAt(text, offset);
  assert.equal(m?.entry.id, id, `${JSON.stringify(text)} at ${offset} should read as ${id}`);
  return codeMarkdown(m.entry, m);
}

function title(id: string): string {
  const e = codeById(id);
  assert.ok(e, `${id} is in the tables`);
  return e.title;
}

function assertCode(h: HoverResult | undefined, id: string, line: number, start: number, end: number): void {
  assert.ok(h, `a hover for ${id}`);
  assert.ok(h.contents.startsWith(`**${title(id)}**`), h.contents.split('\n')[0]);
  assert.deepEqual(h.range, { start: at(line, start), end: at(line, end) });
}

// ---------------------------------------------------------------------------------------------
// codeHoverAt

test('codeHoverAt: the code under the cursor, its range on the given line, the table text', () => {
  const line = 'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate';
  const start = line.indexOf('bad_certificate');
  for (const ch of [start, start + 7, line.length - 1]) {
    const h = codeHoverAt(line, ch, { line: 12 });
    assertCode(h, 'tls-alert-42', 12, start, line.length);
    assert.equal(h?.contents, expected('tls-alert-42', line, ch));
  }
  // Past the code, and on the words before it: nothing.
  assert.equal(codeHoverAt(line, line.length, { line: 12 }), undefined);
  assert.equal(codeHoverAt(line, 3), undefined);
  // Without a line number the range is on line 0.
  assert.equal(codeHoverAt(line, start)?.range?.start.line, 0);
});

test('codeHoverAt: an ICSF pair names the setting to change and links its source', () => {
  const line = 'IKJ56500I ICSF call failed RC=8 RSN=3070';
  const start = line.indexOf('RC=8');
  const h = codeHoverAt(line, start + 6, { line: 0 });
  assertCode(h, 'icsf-8-BFE', 0, start, line.length);
  const e = codeById('icsf-8-BFE');
  assert.ok(e && e.related.length > 0, 'the entry names related settings');
  for (const r of e.related) {
    assert.ok(h?.contents.includes(`\`${r}\``), `names ${r}`);
  }
  assert.match(h?.contents ?? '', /\*\*Related settings:\*\*/);
  assert.match(h?.contents ?? '', /^Source: .*\]\(https:\/\/[^)]+\)/m);
});

test('codeHoverAt: ordinary numbers and unknown shapes are not codes', () => {
  for (const line of [
    'Port 5003',
    'listening on 8080 since 2024/12/05',
    'RSN=3070',
    '',
    'x'.repeat(200_000),
  ]) {
    for (const ch of [0, 5, 20]) {
      assert.equal(codeHoverAt(line, ch), undefined, `${line.slice(0, 40)} at ${ch}`);
    }
  }
  assert.equal(codeHoverAt('RC=8 RSN=3070', -1), undefined);
  assert.equal(codeHoverAt('RC=8 RSN=3070', 99), undefined);
});

test('codeHoverAt: from/to limit the reading to a comment and keep the columns', () => {
  // `RC=8` belongs to the statement, `RSN=3070` alone is no code: the pair is not read across.
  const line = 'Foo RC=8 # RSN=3070';
  const hash = line.indexOf('#');
  assert.ok(codeHoverAt(line, 5), 'the whole line holds the pair');
  assert.equal(codeHoverAt(line, line.length - 2, { from: hash + 1 }), undefined);
  // The cursor outside [from, to) reads nothing, even on a code.
  const c = 'Port 443 # RC: 5003';
  const rc = c.indexOf('RC:');
  assertCode(codeHoverAt(c, rc + 1, { line: 4, from: c.indexOf('#') + 1 }), 'attls-rc-5003', 4, rc, c.length);
  assert.equal(codeHoverAt(c, rc + 1, { from: 0, to: rc }), undefined);
  assert.equal(codeHoverAt(c, rc + 1, { from: c.length, to: c.length }), undefined);
});

test('lineOfText: LF, CR LF and lone CR lines as LSP counts them; nothing past the end', () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((l) => lineOfText('a\nbb\nccc', l)),
    ['a', 'bb', 'ccc', ''],
  );
  assert.deepEqual(
    [0, 1, 2, 3, 4].map((l) => lineOfText('a\r\nbb\rccc\n\n', l)),
    ['a', 'bb', 'ccc', '', ''],
  );
  assert.equal(lineOfText('a\r\nb', 2), '');
  assert.equal(lineOfText('abc', -1), '');
  assert.equal(lineOfText('', 0), '');
});

// ---------------------------------------------------------------------------------------------
// Comments of our languages, through the facade

const POLICY = [
  'TTLSRule webRule', // 0
  '{', // 1
  '  LocalPortRange 443', // 2
  '  # EZD1287I TTLS Error RC: 5003 seen when a client sent cleartext', // 3
  '  Direction Inbound # was RC: 5003 before', // 4
  '}', // 5
  '',
].join('\n');

test('AT-TLS: a code in a # comment explains itself; keywords keep their own hover', () => {
  const service = createLanguageService();
  const input = { uri: 'file:///p/ttls.policy.attls', text: POLICY };
  const l3 = POLICY.split('\n')[3];
  assertCode(
    service.hover(input, at(3, l3.indexOf('5003'))),
    'attls-rc-5003',
    3,
    l3.indexOf('RC:'),
    l3.indexOf('5003') + 4,
  );
  assertCode(
    service.hover(input, at(3, l3.indexOf('EZD') + 2)),
    'EZD1287I',
    3,
    l3.indexOf('EZD'),
    l3.indexOf('EZD') + 8,
  );
  // After a statement on the same line.
  const l4 = POLICY.split('\n')[4];
  assertCode(
    service.hover(input, at(4, l4.indexOf('RC:'))),
    'attls-rc-5003',
    4,
    l4.indexOf('RC:'),
    l4.indexOf('5003') + 4,
  );
  // Words of the comment that are no code, and the keyword itself, are not code hovers.
  assert.equal(service.hover(input, at(3, l3.indexOf('cleartext'))), undefined);
  const keyword = service.hover(input, at(4, 3));
  assert.ok(keyword?.contents.includes('Direction'), 'the keyword hover is unchanged');
});

const JOB = [
  '//CERTJOB  JOB (ACCT),CLASS=A', // 0
  '//*  Last run failed: CSFPKRC RC=8 RSN=3070 (ICSF in FIPS mode)', // 1
  '//STEP1    EXEC PGM=IKJEFT01', // 2
  '//SYSTSPRT DD SYSOUT=*', // 3
  '//SYSTSIN  DD *', // 4
  "  RACDCERT ID(WEBSRV) CONNECT(LABEL('Web') RING(WebRing)) /* Alert (42) */", // 5
  '  SETROPTS RACLIST(DIGTRING) REFRESH', // 6
  '/*', // 7
  '',
].join('\n');

test('RACF JCL: codes in a //* comment statement and in a TSO /* */ comment', () => {
  const service = createLanguageService();
  const input = { uri: 'file:///p/certjob.jcl', text: JOB };
  const l1 = JOB.split('\n')[1];
  const rc = l1.indexOf('RC=8');
  assertCode(service.hover(input, at(1, rc + 5)), 'icsf-8-BFE', 1, rc, l1.indexOf('3070') + 4);
  const l5 = JOB.split('\n')[5];
  const alert = service.hover(input, at(5, l5.indexOf('42')));
  assert.ok(alert?.contents.startsWith(`**${title('tls-alert-42')}**`), alert?.contents.split('\n')[0]);
  assert.equal(alert?.range?.start.line, 5);
  // The command itself keeps its own hover.
  assert.ok(!service.hover(input, at(5, 4))?.contents.startsWith(`**${title('tls-alert-42')}**`));
});

test('RACF: a code outside a comment is an operand, not a code hover', () => {
  const service = createLanguageService();
  const text = [
    "//STEP1 EXEC PGM=IKJEFT01,PARM='RC=8 RSN=3070'",
    '//SYSTSIN DD *',
    '  RACDCERT LIST',
    '/*',
    '',
  ].join('\n');
  const h = service.hover({ uri: 'file:///p/parm.jcl', text }, at(0, text.indexOf('RSN')));
  assert.ok(!h?.contents.startsWith(`**${title('icsf-8-BFE')}**`), 'no ICSF hover on a PARM value');
});

test('RACF REXX: a code in a comment that spans lines', () => {
  const service = createLanguageService();
  const text = [
    '/* REXX - make a ring */', // 0
    'ADDRESS TSO', // 1
    '/* when this fails with', // 2
    '   IRRD114I or RC=8 RSN=3070, see the ICSF log */', // 3
    '"RACDCERT ID(SRV) ADDRING(R1)"', // 4
    '',
  ].join('\n');
  const l3 = text.split('\n')[3];
  assertCode(
    service.hover({ uri: 'file:///p/ring.rexx', text }, at(3, l3.indexOf('RSN'))),
    'icsf-8-BFE',
    3,
    l3.indexOf('RC=8'),
    l3.indexOf('3070') + 4,
  );
});

const SERVER_XML = [
  '<server>', // 0
  '  <!-- CWWKO0801E at startup: RC=8 RSN=3070 in the ICSF log -->', // 1
  '  <!-- earlier:', // 2
  '       Received fatal alert: bad_certificate -->', // 3
  '  <variable name="rc" value="RC=8 RSN=3070"/>', // 4
  '</server>', // 5
  '',
].join('\n');

test('Liberty: codes in XML comments, one-line and multi-line; not in attribute values', () => {
  const service = createLanguageService();
  const input = { uri: 'file:///wlp/usr/servers/s1/server.xml', languageId: 'xml', text: SERVER_XML };
  const lines = SERVER_XML.split('\n');
  const rc = lines[1].indexOf('RC=8');
  assertCode(service.hover(input, at(1, rc + 6)), 'icsf-8-BFE', 1, rc, lines[1].indexOf('3070') + 4);
  const bad = lines[3].indexOf('bad_certificate');
  assertCode(service.hover(input, at(3, bad)), 'tls-alert-42', 3, bad, bad + 15);
  // A Liberty message id gets a hover (libertyHover's own, or the code table's when it has none).
  assert.ok(service.hover(input, at(1, lines[1].indexOf('CWWKO') + 3))?.contents.includes('CWWKO0801E'));
  const h = service.hover(input, at(4, lines[4].indexOf('RSN')));
  assert.ok(!h?.contents.startsWith(`**${title('icsf-8-BFE')}**`), 'an attribute value is not a comment');
});

// ---------------------------------------------------------------------------------------------
// Log and plain-text documents

const LOG = [
  '2026-12-05 07:00:01 CWWKO0801E: The SSL connection cannot be initialized', // 0
  'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate', // 1
  'RACDCERT ID(SRV) CONNECT(RING(R1) LABEL(X))', // 2
  'CSFPKRC RC=8 RSN=3070', // 3
  '',
].join('\r\n');

test('a .log is never checked, whatever it quotes, and hovers on its codes', () => {
  const service = createLanguageService();
  // Starts like a RACF command file once the first line is gone: still a log.
  const quoting = LOG.split('\r\n').slice(2).join('\n');
  for (const text of [LOG, quoting]) {
    const input = { uri: 'file:///var/log/app.log', languageId: 'log', text };
    assert.equal(service.languageOf(input), undefined);
    assert.deepEqual(service.analyze(input).findings, []);
    assert.equal(service.analyze(input).racf, undefined);
  }
  const input = { uri: 'file:///var/log/app.log', languageId: 'log', text: LOG };
  const l1 = LOG.split('\r\n')[1];
  assertCode(
    service.hover(input, at(1, l1.indexOf('bad_'))),
    'tls-alert-42',
    1,
    l1.indexOf('bad_'),
    l1.length,
  );
  assertCode(service.hover(input, at(3, 10)), 'icsf-8-BFE', 3, 8, 21);
  assert.equal(service.hover(input, at(3, 10), {}, { plainText: false }), undefined, 'setting off');
  assert.equal(service.hover(input, at(2, 3)), undefined, 'RACDCERT in a log is text');
  assert.equal(service.hover(input, at(99, 0)), undefined);
});

test('a .txt or Zowe document that is ours is checked; otherwise plain text with code hovers', () => {
  const service = createLanguageService();
  const cmds = {
    uri: 'file:///jobs/notes.txt',
    languageId: 'plaintext',
    text: 'RACDCERT ID(SRV) ADDRING(R1)\n',
  };
  assert.equal(service.languageOf(cmds), 'racf');
  const notes = { uri: 'file:///jobs/notes.txt', languageId: 'plaintext', text: 'Seen: RC=8 RSN=3070\n' };
  assert.equal(service.languageOf(notes), undefined);
  assertCode(service.hover(notes, at(0, 7)), 'icsf-8-BFE', 0, 6, 19);
  const spool = {
    uri: 'zowe-ds:/lpar1/USER.OUTPUT/JOB1',
    languageId: 'plaintext',
    text: ' TTLS Error RC: 5003\n',
  };
  assertCode(service.hover(spool, at(0, 13)), 'attls-rc-5003', 0, 12, 20);
  // A .trc under any language the editor gave it; Markdown is not plain text.
  assert.ok(isPlainTextName('file:///tmp/gsk.trc', 'plaintext'));
  assert.ok(isPlainTextName('file:///tmp/gsk.TRC', 'someTraceLanguage'));
  assert.ok(!isPlainTextName('file:///tmp/notes.md', 'markdown'));
  assert.ok(!isPlainTextName('file:///tmp/notes.txt', 'markdown'));
  const md = { uri: 'file:///tmp/notes.md', languageId: 'markdown', text: 'RC=8 RSN=3070\n' };
  assert.equal(service.hover(md, at(0, 2)), undefined);
});

// The RACF language over the real transport: `node dist/server.js --stdio` as a child process, with a
// JCL job (RACDCERT in a batch TSO step's SYSTSIN) and a REXX exec, as an editor opens them.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type {
  CodeAction,
  CompletionItem,
  Hover,
  Location,
  MarkupContent,
  PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  HoverRequest,
} from 'vscode-languageserver-protocol/node';
import type { Session } from './client';
import { CLIENT_CAPABILITIES, startSession } from './client';
import { byCode, closeCleanly, HANG_GUARD, nextDiagnostics, range, textAt } from './session';

const JOB_URI = 'file:///work/jcl/certjob.jcl';
// Line numbers matter: the assertions below name them (0-based, as LSP counts).
const JOB = [
  "//CERTJOB  JOB (ACCT),'MAKE CERTS',CLASS=A,MSGCLASS=X", // 0
  '//*  A server certificate and its key ring for the web server', // 1
  '//STEP1    EXEC PGM=IKJEFT01', // 2
  '//SYSTSPRT DD SYSOUT=*', // 3
  '//SYSTSIN  DD *', // 4
  "  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Local CA')) -", // 5
  "           WITHLABEL('Local CA') KEYUSAGE(CERTSIGN) -", // 6
  '           NOTAFTER(DATE(2035-12-31))', // 7
  "  RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web.example.com')) -", // 8
  "           WITHLABEL('Web Server') NISTECC SIZE(512) -", // 9
  "           SIGNWITH(CERTAUTH LABEL('Local CA')) KEYUSAGE(HANDSHAKE) -", // 10
  '           NOTAFTER(DATE(2030-12-31))', // 11
  // In columns 1-2 `/*` ends the DD * data: JES never passes the CONNECT below to TSO.
  '/* connect the server certificate to its ring', // 12
  "  RACDCERT ID(WEBSRV) CONNECT(LABEL('Web Server') RING(WebRing) -", // 13
  '           DEFAULT)', // 14
  '/*', // 15
  '',
].join('\n');

const EXEC_URI = 'file:///work/rexx/clientcert.rexx';
const EXEC = [
  '/* REXX - a client certificate for mutual TLS */', // 0
  'ADDRESS TSO', // 1
  "\"RACDCERT ID(CLIENT1) GENCERT SUBJECTSDN(CN('client1')) WITHLABEL('Client One') BPECC SIZE(256)\"", // 2
  '"SETROPTS RACLIST(DIGTCERT) REFRESH"', // 3
  "say 'done'", // 4
  '',
].join('\n');

function codes(p: PublishDiagnosticsParams): string {
  return p.diagnostics
    .map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`)
    .join(', ');
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'hover expected');
  const contents = h.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

describe('LSP over stdio: RACDCERT commands in JCL and REXX', HANG_GUARD, () => {
  let s: Session;
  let job: PublishDiagnosticsParams;
  let exec: PublishDiagnosticsParams;

  before(async () => {
    s = await startSession({ initializationOptions: { zosTls: { zosRelease: '3.1' } } });
    await s.open(JOB_URI, 'jcl', JOB);
    await s.open(EXEC_URI, 'rexx', EXEC);
    job = await s.diagnostics(JOB_URI);
    exec = await s.diagnostics(EXEC_URI);
  });

  after(() => closeCleanly(s));

  test('the JCL job gets racf/* diagnostics at exact ranges, with source and links', () => {
    assert.equal(job.version, 1);
    assert.ok(job.diagnostics.length > 0);
    for (const d of job.diagnostics) {
      assert.equal(d.source, 'zos-tls');
      assert.match(String(d.code), /^racf\/[a-z0-9-]+$/);
      assert.match(d.codeDescription?.href ?? '', /^https:\/\//, `${d.code} has no codeDescription.href`);
      assert.ok(d.data !== undefined, 'data carries what code actions need');
    }
    const [size] = byCode(job, 'racf/key-size');
    assert.ok(size, `racf/key-size expected, got ${codes(job)}`);
    assert.deepEqual(size.range, range(9, 48, 51));
    assert.equal(textAt(JOB, size.range), '512');
    assert.equal(size.severity, DiagnosticSeverity.Warning);
    assert.match(String(size.message), /521/);

    const [ring] = byCode(job, 'racf/ring-unknown');
    assert.ok(ring, `racf/ring-unknown expected, got ${codes(job)}`);
    assert.deepEqual(ring.range, range(13, 55, 62));
    assert.equal(textAt(JOB, ring.range), 'WebRing');

    // No SETROPTS REFRESH at all: one finding for the DIGTCERT changes, one for DIGTRING.
    assert.deepEqual(
      byCode(job, 'racf/missing-refresh').map((d) => d.range),
      [range(5, 2, 10), range(13, 2, 10)],
    );

    const [delimiter] = byCode(job, 'racf/stream-delimiter');
    assert.ok(delimiter, `racf/stream-delimiter expected, got ${codes(job)}`);
    assert.deepEqual(delimiter.range, range(12, 0, 45));
    assert.equal(delimiter.severity, DiagnosticSeverity.Error);

    // FIPS mode is off by default: a Brainpool key is fine.
    assert.deepEqual(byCode(job, 'racf/fips-key'), []);
  });

  test('the REXX exec is clean while FIPS mode is off', () => {
    assert.deepEqual(exec.diagnostics, [], codes(exec));
  });

  test('hover on SIZE(512) teaches that P-521 is 521; hover on a function explains it', async () => {
    const size = markdown(
      await s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: JOB_URI },
        position: { line: 9, character: 49 },
      }),
    );
    assert.match(size, /521/);
    assert.match(size, /512/);
    const gencert = markdown(
      await s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: JOB_URI },
        position: { line: 5, character: 22 },
      }),
    );
    assert.match(gencert, /RACDCERT GENCERT/);
    const inRexx = markdown(
      await s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: EXEC_URI },
        position: { line: 2, character: 82 },
      }),
    );
    assert.match(inRexx, /BPECC/);
  });

  test('completion after RACDCERT ID(X) GENCERT offers the keywords of GENCERT', async () => {
    const uri = 'file:///work/rexx/complete.rexx';
    const text = '/* REXX */\n"RACDCERT ID(X) GENCERT "\n';
    await s.open(uri, 'rexx', text);
    const items = (await s.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 1, character: 24 },
    })) as CompletionItem[];
    assert.ok(Array.isArray(items));
    const labels = items.map((i) => i.label);
    for (const k of ['SUBJECTSDN', 'WITHLABEL', 'SIGNWITH', 'NISTECC', 'SIZE', 'KEYUSAGE', 'NOTAFTER']) {
      assert.ok(labels.includes(k), `${k} expected, got ${labels.join(' ')}`);
    }
    // CONNECT's keywords belong to another function.
    assert.ok(!labels.includes('USAGE'), labels.join(' '));
    assert.ok(!labels.includes('RING'), labels.join(' '));
  });

  test("definition of the CONNECT's label is the GENCERT WITHLABEL that created it", async () => {
    const defs = (await s.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: JOB_URI },
      position: { line: 13, character: 40 },
    })) as Location[];
    assert.deepEqual(defs, [{ uri: JOB_URI, range: range(9, 21, 33) }]);
    assert.equal(textAt(JOB, defs[0].range), "'Web Server'");
  });

  test('codeAction: the valid curve size and the missing SETROPTS … REFRESH', async () => {
    const [size] = byCode(job, 'racf/key-size');
    const forSize = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: JOB_URI },
      range: size.range,
      context: { diagnostics: [size] },
    })) as CodeAction[];
    const to521 = forSize.find((a) => a.title === 'Change the size to 521');
    assert.ok(to521, `size fix expected, got ${forSize.map((a) => a.title).join(' | ')}`);
    assert.equal(to521.kind, 'quickfix');
    assert.deepEqual(to521.diagnostics, [size]);
    assert.deepEqual(to521.edit?.changes?.[JOB_URI], [{ range: range(9, 48, 51), newText: '521' }]);

    const [refresh] = byCode(job, 'racf/missing-refresh');
    const forRefresh = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: JOB_URI },
      range: refresh.range,
      context: { diagnostics: [refresh] },
    })) as CodeAction[];
    const add = forRefresh.find((a) => /^Add 'SETROPTS RACLIST\(.*\) REFRESH'/.test(a.title));
    assert.ok(add, `refresh fix expected, got ${forRefresh.map((a) => a.title).join(' | ')}`);
    const [edit] = add.edit?.changes?.[JOB_URI] ?? [];
    assert.ok(edit);
    // At the end of the stream: after the CONNECT's last line, before the closing `/*`.
    assert.deepEqual(edit.range, range(14, 19, 19));
    assert.match(edit.newText, /^\n {2}SETROPTS RACLIST\(DIGTCERT[ A-Z]*\) REFRESH$/);
  });

  test('applying the stream-delimiter fix (indent) removes that diagnostic after didChange', async () => {
    const [delimiter] = byCode(job, 'racf/stream-delimiter');
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: JOB_URI },
      range: delimiter.range,
      context: { diagnostics: [delimiter] },
    })) as CodeAction[];
    const indent = actions.find((a) => a.title.startsWith('Indent'));
    assert.ok(indent, `indent fix expected, got ${actions.map((a) => a.title).join(' | ')}`);
    const edits = indent.edit?.changes?.[JOB_URI] ?? [];
    assert.deepEqual(edits, [{ range: range(12, 0, 0), newText: ' ' }]);

    const published = s.diagnostics(JOB_URI, (p) => p.version === 2);
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: JOB_URI, version: 2 },
      contentChanges: edits.map((e) => ({ range: e.range, text: e.newText })),
    });
    const p = await published;
    assert.deepEqual(byCode(p, 'racf/stream-delimiter'), [], codes(p));
    // The other findings stay where they were: the edit only shifted line 12.
    assert.deepEqual(
      byCode(p, 'racf/key-size').map((d) => d.range),
      [range(9, 48, 51)],
    );
    assert.deepEqual(
      byCode(p, 'racf/ring-unknown').map((d) => d.range),
      [range(13, 55, 62)],
    );
  });

  test('zosTls.fips true reports the Brainpool key (racf/fips-key); false takes it away', async () => {
    // Other publishes for the exec may be in flight (the workspace index re-checks open documents
    // when it learns what they create), so wait for the one that reflects the new setting.
    const hasFips = (p: PublishDiagnosticsParams): boolean =>
      p.diagnostics.some((d) => d.code === 'racf/fips-key');
    const after = (mark: number) => (p: PublishDiagnosticsParams) => s.published.indexOf(p) >= mark;
    s.workspaceSettings.zosTls = { fips: true };
    const onMark = s.published.length;
    const on = s.diagnostics(EXEC_URI, (p) => after(onMark)(p) && hasFips(p));
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const p = await on;
    const [fips] = byCode(p, 'racf/fips-key');
    assert.ok(fips, `racf/fips-key expected, got ${codes(p)}`);
    assert.deepEqual(fips.range, range(2, 80, 85));
    assert.equal(textAt(EXEC, fips.range), 'BPECC');
    assert.equal(fips.source, 'zos-tls');

    s.workspaceSettings.zosTls = { fips: false };
    const offMark = s.published.length;
    const off = s.diagnostics(EXEC_URI, (p) => after(offMark)(p) && !hasFips(p));
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(byCode(await off, 'racf/fips-key'), []);

    // A value that is not a boolean is reported in the log and ignored (FIPS stays off).
    s.workspaceSettings.zosTls = { fips: 'maybe' };
    const junk = nextDiagnostics(s, EXEC_URI);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual(byCode(await junk, 'racf/fips-key'), []);
    // The publish awaited above may be an earlier re-check; the warning comes with the new settings.
    const warned = (): boolean =>
      s.logs.some((l) => l.type === 2 && l.message.includes('zosTls.fips') && l.message.includes('maybe'));
    for (let i = 0; i < 100 && !warned(); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const warnings = s.logs.filter((l) => l.type === 2).map((l) => l.message);
    assert.ok(
      warnings.some((w) => w.includes('zosTls.fips') && w.includes('maybe')),
      warnings.join('\n'),
    );
    s.workspaceSettings.zosTls = null;
  });

  test('a Zowe data set member opened as plaintext is recognised as JCL from its content', async () => {
    const uri = 'zowe-ds:/p/MY.JCL/CERTJOB';
    await s.open(uri, 'plaintext', JOB);
    const p = await s.diagnostics(uri);
    assert.deepEqual(
      byCode(p, 'racf/key-size').map((d) => d.range),
      [range(9, 48, 51)],
    );
    assert.equal(byCode(p, 'racf/stream-delimiter').length, 1);
  });

  test('a JCL job without a batch TSO step gets no diagnostics', async () => {
    const uri = 'file:///work/jcl/allocate.jcl';
    const text = [
      "//ALLOC    JOB (ACCT),'ALLOCATE',CLASS=A",
      '//STEP1    EXEC PGM=IEFBR14',
      '//NEWDS    DD DSN=MY.NEW.DATA,DISP=(NEW,CATLG),',
      '//            SPACE=(TRK,(1,1)),UNIT=SYSDA',
      '//SYSIN    DD *',
      '  RACDCERT ID(X) NISTECC SIZE(512)',
      '/*',
      '',
    ].join('\n');
    await s.open(uri, 'jcl', text);
    const p = await s.diagnostics(uri);
    assert.equal(p.version, 1);
    assert.deepEqual(p.diagnostics, [], codes(p));
  });
});

describe('LSP over stdio: zosTls.fips without workspace/configuration', HANG_GUARD, () => {
  let s: Session;

  before(async () => {
    s = await startSession({
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { configuration: false } },
      initializationOptions: { zosTls: { fips: true } },
    });
  });

  after(async () => {
    assert.equal(await s.close(), 0, s.stderr());
  });

  test('from initializationOptions, then from the didChangeConfiguration payload', async () => {
    await s.open(EXEC_URI, 'rexx', EXEC);
    const on = await s.diagnostics(EXEC_URI);
    assert.deepEqual(
      byCode(on, 'racf/fips-key').map((d) => d.range),
      [range(2, 80, 85)],
    );

    // Hand-written settings may say "false" as a string; it means false.
    const off = nextDiagnostics(s, EXEC_URI);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { zosTls: { fips: 'false' } },
    });
    assert.deepEqual(byCode(await off, 'racf/fips-key'), []);

    // Settings without fips fall back to initializationOptions, as zosRelease and rules do.
    const back = nextDiagnostics(s, EXEC_URI);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { zosTls: { rules: {} } },
    });
    assert.equal(byCode(await back, 'racf/fips-key').length, 1);
  });
});

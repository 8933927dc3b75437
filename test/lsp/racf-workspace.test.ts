// The server's RACF workspace index on a real directory: which files it reads (RACF names and
// extension-less members recognised by content; no node_modules, no dot folders, no huge files,
// at most N files), what open documents change, and that only a trusted workspace is read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InitializeParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import { Emitter, FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeRacf } from '../../server/src/service/racf/analyze';
import type { RacfWorkspace } from '../../server/src/service/racf/workspaceFacts';
import { createWorkspaceIndex, followDocuments, indexPlan } from '../../server/src/lsp/workspaceIndex';
import { collectCliWorkspace } from '../../server/src/cli/workspace';
import { collectTargets } from '../../server/src/cli/files';
import type { MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { DidChangeWatchedFilesNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { CLIENT_CAPABILITIES, startSession } from './client';
import { HANG_GUARD, byCode, closeCleanly, nextDiagnostics, textAt } from './session';

const today = new Date(2026, 10, 23);

const CA_JCL = [
  '//CAJOB    JOB (0),CLASS=A',
  '//STEP1    EXEC PGM=IKJEFT01',
  '//SYSTSPRT DD SYSOUT=*',
  '//SYSTSIN  DD *',
  " RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Local CA') SIZE(2048)",
  ' RACDCERT ID(SRV) ADDRING(SrvRing)',
  '/*',
  '',
].join('\n');

const RING_CMDS = [
  "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing) USAGE(CERTAUTH))",
  "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Member CA') RING(MemberRing) USAGE(CERTAUTH))",
  'SETROPTS RACLIST(DIGTRING) REFRESH',
].join('\n');

function tree(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'zos-tls-ws-'));
  const put = (rel: string, text: string | Buffer): void => {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), text);
  };
  put('jobs/ca.jcl', CA_JCL);
  // A PDS member copied without extension, recognised by its content.
  put('members/MEMBERCA', "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('M')) WITHLABEL('Member CA')\n");
  put('members/MEMRING', 'RACDCERT ID(SRV) ADDRING(MemberRing)\n');
  put('members/README', 'Nothing here is a command.\n');
  // Skipped: by name, by folder, by size.
  put('notes.txt', 'RACDCERT ID(SRV) ADDRING(TxtRing)\n');
  put('node_modules/pkg/x.racf', 'RACDCERT ID(SRV) ADDRING(NodeRing)\n');
  put('.history/old.racf', 'RACDCERT ID(SRV) ADDRING(HiddenRing)\n');
  put('big.racf', 'RACDCERT ID(SRV) ADDRING(BigRing)\n' + ' '.repeat(6 * 1024 * 1024));
  return root;
}

const ringNames = (ws: RacfWorkspace): string[] =>
  [...ws.documents.values()].flatMap((d) => d.rings.map((r) => r.name)).sort();
const labelNames = (ws: RacfWorkspace): string[] =>
  [...ws.documents.values()].flatMap((d) => d.labels.map((r) => r.name)).sort();

const unknowns = (text: string, ws: RacfWorkspace, uri: string): string[] =>
  analyzeRacf(text, 'racf', { today, workspace: ws, documentUri: uri })
    .findings.filter((f) => /^racf\/(ring|label|signwith)-unknown$/.test(f.rule))
    .map((f) => `${f.rule} ${f.range.start.line + 1} ${f.severity}`)
    .sort();

test('scan: RACF files and recognised members; no node_modules, dot folders or files over 5 MB', async () => {
  const root = tree();
  try {
    const index = createWorkspaceIndex();
    const result = await index.scan([pathToFileURL(root).href]);
    assert.deepEqual(result, { indexed: 3, truncated: false });
    const ws = index.workspace();
    assert.deepEqual(ringNames(ws), ['MemberRing', 'SrvRing']);
    assert.deepEqual(labelNames(ws), ['Local CA', 'Member CA']);
    // A job of the workspace, checked against it: everything it names is created elsewhere.
    const uri = pathToFileURL(path.join(root, 'jobs/ring.racf')).href;
    assert.deepEqual(unknowns(RING_CMDS, ws, uri), []);
    // A ring only the skipped files add stays unknown (information: it may exist in RACF).
    assert.deepEqual(unknowns("RACDCERT ID(SRV) CONNECT(LABEL('x') RING(NodeRing))", ws, uri), [
      'racf/label-unknown 1 information',
      'racf/ring-unknown 1 information',
    ]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('scan: at most the file limit, in path order, and says it stopped', async () => {
  const root = tree();
  try {
    const index = createWorkspaceIndex({ maxFiles: 2 });
    // Candidates in path order: big.racf (too big), jobs/ca.jcl, members/MEMBERCA, ...
    const result = await index.scan([pathToFileURL(root).href]);
    assert.deepEqual(result, { indexed: 1, truncated: true });
    assert.deepEqual(ringNames(index.workspace()), ['SrvRing']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('open documents: their text wins over the file; closing reads the file again; generation moves', async () => {
  const root = tree();
  try {
    const index = createWorkspaceIndex();
    await index.scan([pathToFileURL(root).href]);
    const g0 = index.workspace().generation;
    const caUri = pathToFileURL(path.join(root, 'jobs/ca.jcl')).href;
    // VS Code's form of the same uri: the same document.
    const edited = CA_JCL.replace('ADDRING(SrvRing)', 'ADDRING(NewRing)');
    assert.equal(index.updateDocument({ uri: caUri.replace('/jobs/', '/%6Aobs/'), text: edited }), true);
    assert.deepEqual(ringNames(index.workspace()), ['MemberRing', 'NewRing']);
    assert.ok(index.workspace().generation > g0);
    // Moving a command to another line creates nothing new: no change, no re-check.
    let updates = 0;
    index.onDidUpdate(() => updates++);
    assert.equal(
      index.updateDocument({ uri: caUri, text: edited.replace('//SYSTSIN', '//*\n//SYSTSIN') }),
      false,
    );
    // ... but hovers get the new line.
    assert.equal(updates, 1);
    const moved = [...index.workspace().documents.values()].flatMap((d) => d.rings);
    assert.equal(moved.find((r) => r.name === 'NewRing')?.range.start.line, 6);
    // Closed without saving: the file on disk counts again.
    assert.equal(await index.closeDocument(caUri), true);
    assert.deepEqual(ringNames(index.workspace()), ['MemberRing', 'SrvRing']);
    // A document outside the folders, of a language the client names, counts while open.
    assert.equal(
      index.updateDocument({
        uri: 'untitled:Untitled-1',
        text: 'RACDCERT ID(SRV) ADDRING(Scratch)',
        languageId: 'racf',
      }),
      true,
    );
    assert.ok(ringNames(index.workspace()).includes('Scratch'));
    assert.equal(await index.closeDocument('untitled:Untitled-1'), true);
    assert.ok(!ringNames(index.workspace()).includes('Scratch'));
    // AT-TLS and other text create nothing.
    assert.equal(index.updateDocument({ uri: 'file:///x/p.ttls', text: 'TTLSRule r {}' }), false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('untrusted workspace: nothing read from disk, only open documents count', async () => {
  const untrusted = {
    processId: null,
    rootUri: null,
    capabilities: {},
    workspaceFolders: [
      { uri: 'file:///ws', name: 'ws' },
      { uri: 'zowe-ds:/prof', name: 'z' },
    ],
    initializationOptions: { trusted: false, zosTls: {} },
  } satisfies InitializeParams;
  const dynamic = { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } };
  assert.deepEqual(indexPlan({ ...untrusted, capabilities: dynamic }), {
    trusted: false,
    folders: ['file:///ws'],
    watch: false,
  });
  assert.deepEqual(indexPlan({ ...untrusted, initializationOptions: undefined }), {
    trusted: true,
    folders: ['file:///ws'],
    watch: false,
  });
  assert.equal(
    indexPlan({ ...untrusted, initializationOptions: undefined, capabilities: dynamic }).watch,
    true,
  );
  assert.deepEqual(indexPlan({ ...untrusted, workspaceFolders: null, rootUri: 'file:///root' }).folders, [
    'file:///root',
  ]);
  // The server never calls scan then; closing an open document does not read its file either.
  const root = tree();
  try {
    const index = createWorkspaceIndex();
    const caUri = pathToFileURL(path.join(root, 'jobs/ca.jcl')).href;
    index.updateDocument({ uri: caUri, text: CA_JCL });
    assert.deepEqual(ringNames(index.workspace()), ['SrvRing']);
    await index.closeDocument(caUri);
    assert.deepEqual(ringNames(index.workspace()), []);
    // Nor do file events.
    assert.equal(await index.filesChanged([{ uri: caUri, type: FileChangeType.Created }]), false);
    assert.deepEqual(ringNames(index.workspace()), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('followDocuments: open, change, save and close keep the index current; one re-check per burst', async () => {
  const open = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  const change = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  const save = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  const close = new Emitter<TextDocumentChangeEvent<TextDocument>>();
  const index = createWorkspaceIndex();
  let rechecks = 0;
  followDocuments(
    index,
    {
      onDidOpen: open.event,
      onDidChangeContent: change.event,
      onDidSave: save.event,
      onDidClose: close.event,
    },
    () => rechecks++,
    20,
  );
  const doc = (version: number, ring: string): TextDocument =>
    TextDocument.create('file:///ws/a.racf', 'racf', version, `RACDCERT ID(SRV) ADDRING(${ring})`);
  open.fire({ document: doc(1, 'R') });
  change.fire({ document: doc(2, 'Ri') });
  change.fire({ document: doc(3, 'Rin') });
  save.fire({ document: doc(3, 'Rin') });
  assert.deepEqual(ringNames(index.workspace()), ['Rin']);
  await new Promise((r) => setTimeout(r, 60));
  assert.equal(rechecks, 1);
  close.fire({ document: doc(3, 'Rin') });
  await new Promise((r) => setTimeout(r, 60));
  assert.deepEqual(ringNames(index.workspace()), []);
  assert.equal(rechecks, 2);
});

test('CLI: the files checked together are the workspace', () => {
  const root = tree();
  try {
    const { targets } = collectTargets([root], root);
    const ws = collectCliWorkspace(targets);
    // The CLI checks what it is given, .txt included when recognised; node_modules and dot
    // folders are not walked.
    assert.deepEqual(ringNames(ws), ['BigRing', 'MemberRing', 'SrvRing', 'TxtRing']);
    const uri = pathToFileURL(path.join(root, 'jobs/ring.racf')).href;
    assert.deepEqual(unknowns(RING_CMDS, ws, uri), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('files changed on disk: created and changed ones read, deleted ones (and folders) dropped, open ones left alone', async () => {
  const root = tree();
  try {
    const index = createWorkspaceIndex();
    await index.scan([pathToFileURL(root).href]);
    let rechecks = 0;
    index.onDidChange(() => rechecks++);
    const uri = (rel: string): string => pathToFileURL(path.join(root, rel)).href;
    const { Created, Changed, Deleted } = FileChangeType;
    writeFileSync(path.join(root, 'jobs/new.racf'), 'RACDCERT ID(SRV) ADDRING(NewRing)\n');
    writeFileSync(path.join(root, 'jobs/skip.txt'), 'RACDCERT ID(SRV) ADDRING(TxtRing)\n');
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, '.git/x.racf'), 'RACDCERT ID(SRV) ADDRING(GitRing)\n');
    assert.equal(
      await index.filesChanged([
        { uri: uri('jobs/new.racf'), type: Created },
        { uri: uri('jobs/skip.txt'), type: Created },
        { uri: uri('.git/x.racf'), type: Created },
        { uri: 'file:///elsewhere/y.racf', type: Created },
      ]),
      true,
    );
    assert.deepEqual(ringNames(index.workspace()), ['MemberRing', 'NewRing', 'SrvRing']);
    // An extension-less member, changed.
    writeFileSync(path.join(root, 'members/MEMRING'), 'RACDCERT ID(SRV) ADDRING(Ring2)\n');
    assert.equal(await index.filesChanged([{ uri: uri('members/MEMRING'), type: Changed }]), true);
    assert.deepEqual(ringNames(index.workspace()), ['NewRing', 'Ring2', 'SrvRing']);
    // An open document wins over its file, whatever happens on disk.
    index.updateDocument({ uri: uri('jobs/new.racf'), text: 'RACDCERT ID(SRV) ADDRING(OpenRing)' });
    writeFileSync(path.join(root, 'jobs/new.racf'), 'RACDCERT ID(SRV) ADDRING(DiskRing)\n');
    assert.equal(await index.filesChanged([{ uri: uri('jobs/new.racf'), type: Changed }]), false);
    assert.equal(await index.filesChanged([{ uri: uri('jobs/new.racf'), type: Deleted }]), false);
    assert.deepEqual(ringNames(index.workspace()), ['OpenRing', 'Ring2', 'SrvRing']);
    // A deleted folder takes what was under it.
    rmSync(path.join(root, 'members'), { recursive: true });
    assert.equal(await index.filesChanged([{ uri: uri('members'), type: Deleted }]), true);
    assert.deepEqual(labelNames(index.workspace()), ['Local CA']);
    assert.deepEqual(ringNames(index.workspace()), ['OpenRing', 'SrvRing']);
    // A file that vanished before it was read counts as gone.
    assert.equal(await index.filesChanged([{ uri: uri('jobs/ca.jcl'), type: Changed }]), false);
    rmSync(path.join(root, 'jobs/ca.jcl'));
    assert.equal(await index.filesChanged([{ uri: uri('jobs/ca.jcl'), type: Changed }]), true);
    assert.deepEqual(ringNames(index.workspace()), ['OpenRing']);
    // One per document whose facts changed (the open one and both members included); the
    // server's followDocuments turns a burst into one re-check.
    assert.equal(rechecks, 6);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test(
  'LSP: hover names the other file; a file written on disk changes the diagnostics of the open document',
  HANG_GUARD,
  async () => {
    const root = tree();
    const s = await startSession({
      capabilities: {
        ...CLIENT_CAPABILITIES,
        workspace: { ...CLIENT_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
      },
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }],
    });
    try {
      const uri = pathToFileURL(path.join(root, 'jobs/ring.racf')).href;
      const text = [
        "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing) USAGE(CERTAUTH))",
        'RACDCERT ID(SRV) LISTRING(LateRing)',
      ].join('\n');
      await s.open(uri, 'racf', text);
      const rings = (p: PublishDiagnosticsParams): string[] =>
        byCode(p, 'racf/ring-unknown').map((d) => textAt(text, d.range));
      // Once the scan is in, only LateRing is unknown.
      await s.diagnostics(
        uri,
        (p) => rings(p).join() === 'LateRing' && byCode(p, 'racf/label-unknown').length === 0,
      );
      assert.deepEqual(
        s.registrations
          .filter((r) => r.method === DidChangeWatchedFilesNotification.method)
          .map((r) => r.registerOptions),
        [{ watchers: [{ globPattern: '**/*' }] }],
      );
      const h = await s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 45 },
      });
      const md = (h?.contents as MarkupContent).value;
      assert.match(md, /Not created in this document, but in `ca\.jcl` \(line 5\)/);
      assert.match(md, /it creates `'Local CA'` for `CERTAUTH`/);
      const file = path.join(root, 'jobs/late.jcl');
      const late = pathToFileURL(file).href;
      writeFileSync(file, CA_JCL.replace('ADDRING(SrvRing)', 'ADDRING(LateRing)'));
      await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: late, type: FileChangeType.Created }],
      });
      await s.diagnostics(uri, (p) => rings(p).length === 0);
      rmSync(file);
      await s.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: late, type: FileChangeType.Deleted }],
      });
      await nextDiagnostics(s, uri).then((p) => assert.deepEqual(rings(p), ['LateRing']));
    } finally {
      await closeCleanly(s);
      rmSync(root, { recursive: true, force: true });
    }
  },
);

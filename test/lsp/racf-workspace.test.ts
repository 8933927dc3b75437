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
import { Emitter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeRacf } from '../../server/src/service/racf/analyze';
import type { RacfWorkspace } from '../../server/src/service/racf/workspaceFacts';
import { createWorkspaceIndex, followDocuments, indexPlan } from '../../server/src/lsp/workspaceIndex';
import { collectCliWorkspace } from '../../server/src/cli/workspace';
import { collectTargets } from '../../server/src/cli/files';

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
    const g1 = index.workspace().generation;
    assert.equal(
      index.updateDocument({ uri: caUri, text: edited.replace('//SYSTSIN', '//*\n//SYSTSIN') }),
      false,
    );
    assert.equal(index.workspace().generation, g1);
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
  assert.deepEqual(indexPlan(untrusted), { trusted: false, folders: ['file:///ws'] });
  assert.deepEqual(indexPlan({ ...untrusted, initializationOptions: undefined }), {
    trusted: true,
    folders: ['file:///ws'],
  });
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

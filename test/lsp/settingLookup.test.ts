// workspaceSettingLookup (issue 6): the trace viewer's lookup over the open documents, the Liberty
// config reader and the RACF files the workspace index holds — open text wins over the file, and
// nothing is read until a finding asks.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { workspaceSettingLookup } from '../../server/src/lsp/settingLookup';
import { createConfigFiles } from '../../server/src/lsp/configFiles';
import { createWorkspaceIndex } from '../../server/src/lsp/workspaceIndex';

const JOB = `RACDCERT ID(WEBSRV) ADDRING(WebRing)
RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Web') RING(WebRing))
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBSRV) ACCESS(READ)
`;

function docs(list: TextDocument[]) {
  return { get: (uri: string) => list.find((d) => d.uri === uri), all: () => list };
}

test('open documents, an include through the config reader, and indexed RACF files on disk', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-lsp-lookup-'));
  try {
    const jobFile = path.join(dir, 'ring.jcl');
    writeFileSync(jobFile, `//RING JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n${JOB}/*\n`);
    writeFileSync(path.join(dir, 'tls.xml'), '<server>\n  <ssl id="s" sslProtocol="TLSv1.3"/>\n</server>\n');
    const serverUri = pathToFileURL(path.join(dir, 'server.xml')).href;
    const open = docs([
      TextDocument.create(serverUri, 'xml', 1, '<server>\n  <include location="tls.xml"/>\n</server>\n'),
      TextDocument.create('untitled:Untitled-1', 'attls', 1, 'TTLSGroupAction g\n{\n  FIPS140 On\n}\n'),
      TextDocument.create('file:///tmp/big.trc', 'plaintext', 1, 'EZD1287I TTLS Error RC: 5001\n'),
    ]);
    const index = createWorkspaceIndex();
    await index.scan([pathToFileURL(dir).href]);
    const look = workspaceSettingLookup(
      open,
      index,
      createConfigFiles(open, () => true),
    );
    assert.deepEqual(look('attls-parameter', 'FIPS140'), [
      { uri: 'untitled:Untitled-1', line: 2, value: 'On' },
    ]);
    assert.deepEqual(look('liberty-attribute', 'ssl.sslProtocol'), [
      { uri: pathToFileURL(path.join(dir, 'tls.xml')).href, line: 1, value: 'TLSv1.3' },
    ]);
    const jobUri = pathToFileURL(jobFile).href;
    assert.deepEqual(
      look('racf-keyword', 'CONNECT').map((s) => [s.uri, s.line]),
      [[jobUri, 4]],
    );
    assert.deepEqual(
      look('racf-keyword', 'IRR.DIGTCERT.LISTRING').map((s) => [s.uri, s.line]),
      [[jobUri, 5]],
    );

    // The job open with unsaved edits: its text, not the file's, and the file once only.
    const edited = TextDocument.create(
      jobUri,
      'jcl',
      2,
      `//RING JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSIN DD *\n\n${JOB}/*\n`,
    );
    const look2 = workspaceSettingLookup(docs([edited]), index);
    assert.deepEqual(
      look2('racf-keyword', 'CONNECT').map((s) => [s.uri, s.line]),
      [[jobUri, 5]],
    );
    // Built when first asked: a lookup made before the file went away reads nothing of it.
    const late = workspaceSettingLookup(docs([]), index);
    rmSync(jobFile);
    assert.deepEqual(late('racf-keyword', 'CONNECT'), []);
    // No index: the open documents only.
    assert.deepEqual(workspaceSettingLookup(docs([]))('racf-keyword', 'CONNECT'), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

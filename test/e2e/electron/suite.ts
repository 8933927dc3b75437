// Runs INSIDE a real VS Code desktop (extension host), started by run.ts through @vscode/test-electron.
// Issue 7's scenarios through the `vscode` API, with the same files and expectations as the
// code-server suite (test/e2e/code-server.test.ts), which proves them by what the workbench shows.
// The workspace is run.ts's copy of test/fixtures/e2e plus examples/ and a trace.
// No mocha: each scenario runs in turn, failures are collected, and run() rejects naming them all.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const ws = process.env.ZOS_TLS_E2E_WORKSPACE ?? '';
const SOURCE = 'zos-tls';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function has(ds: readonly vscode.Diagnostic[], rule: string, message?: RegExp): boolean {
  return ds.some((d) => codeOf(d) === rule && (!message || message.test(d.message)));
}

function uriOf(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(ws, relative));
}

async function open(relative: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uriOf(relative));
  await vscode.window.showTextDocument(doc);
  return doc;
}

/**
 * Resolves with `probe()` once it is defined: checked now and at each `event`, never by sleeping.
 * On timeout the rejection says what was awaited and what `got()` shows then.
 */
function until<T>(
  event: vscode.Event<unknown>,
  probe: () => T | undefined,
  what: string,
  got: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const value = probe();
      if (value !== undefined) {
        sub.dispose();
        clearTimeout(timer);
        resolve(value);
      }
    };
    const sub = event(check);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${what}: not within ${timeoutMs} ms; got ${got()}`));
    }, timeoutMs);
    check();
  });
}

/** The document's diagnostics once `ready` accepts them. */
function diagnosticsFor(
  uri: vscode.Uri,
  ready: (ds: readonly vscode.Diagnostic[]) => boolean,
): Promise<readonly vscode.Diagnostic[]> {
  return until(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return ready(ds) ? ds : undefined;
    },
    `matching diagnostics for ${uri.fsPath}`,
    () => JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`)),
  );
}

function languageBecomes(doc: vscode.TextDocument, language: string): Promise<true> {
  // A language change reopens the document: the new one has the same URI.
  const current = (): vscode.TextDocument | undefined =>
    vscode.workspace.textDocuments.find((d) => d.uri.toString() === doc.uri.toString());
  return until(
    vscode.workspace.onDidOpenTextDocument,
    () => (current()?.languageId === language ? true : undefined),
    `${doc.uri.fsPath} recognised as ${language}`,
    () => current()?.languageId ?? '(closed)',
  );
}

/** The position `offset` characters into the first occurrence of `needle` (found, not hard-coded). */
function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${doc.uri.fsPath}`);
  return doc.positionAt(at + offset);
}

function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle).line;
}

/** Every name in the outline, children included (either shape the command may return). */
function outlineNames(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  return symbols.flatMap((s) => [s.name, ...('children' in s ? outlineNames(s.children) : [])]);
}

async function outline(doc: vscode.TextDocument): Promise<string[]> {
  const symbols =
    (await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[]>(
      'vscode.executeDocumentSymbolProvider',
      doc.uri,
    )) ?? [];
  return outlineNames(symbols);
}

async function hoverText(doc: vscode.TextDocument, at: vscode.Position): Promise<string> {
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** The line a definition request lands on, and the file. */
async function definitionOf(
  doc: vscode.TextDocument,
  at: vscode.Position,
): Promise<{ uri: vscode.Uri; line: number }> {
  const found =
    (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      doc.uri,
      at,
    )) ?? [];
  const first = found[0];
  assert.ok(first, `no definition at ${doc.uri.fsPath}:${at.line + 1}:${at.character + 1}`);
  return 'targetUri' in first
    ? { uri: first.targetUri, line: (first.targetSelectionRange ?? first.targetRange).start.line }
    : { uri: first.uri, line: first.range.start.line };
}

async function revert(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(
    vscode.workspace.onDidChangeTextDocument,
    () => (doc.isDirty ? undefined : true),
    `${doc.uri.fsPath} reverted`,
    () => 'still dirty',
  );
}

const scenarios: { name: string; body: () => Promise<void> }[] = [];
function scenario(name: string, body: () => Promise<void>): void {
  scenarios.push({ name, body });
}

scenario('1. an AT-TLS policy: attls/ rule ids from zos-tls, and its outline', async () => {
  const doc = await open('broken-policy.ttls');
  assert.equal(doc.languageId, 'attls');
  const ds = await diagnosticsFor(
    doc.uri,
    (d) => has(d, 'attls/syntax') && has(d, 'attls/unresolved-ref', /e2eMissingGroup/),
  );
  assert.ok(
    ds.every((d) => d.source === SOURCE),
    JSON.stringify(ds.map((d) => d.source)),
  );
  const names = await outline(doc);
  console.log(
    `[zos-tls e2e] broken-policy.ttls: ${ds.map(codeOf).join(', ')}; outline ${JSON.stringify(names)}`,
  );
  assert.ok(
    names.some((n) => n.includes('e2eRule')),
    JSON.stringify(names),
  );
});

scenario('1. a file without extension is recognised as AT-TLS from its content', async () => {
  const doc = await open('POLICY1');
  await languageBecomes(doc, 'attls');
  await diagnosticsFor(doc.uri, (d) => has(d, 'attls/unresolved-ref', /noExtensionMissingGroup/));
});

scenario(
  '1. a RACDCERT job: racf/ rule ids, the ring added by RINGSETUP.racf known, an outline',
  async () => {
    const doc = await open('CERTJOB.jcl');
    // A trusted workspace reads RINGSETUP.racf, which adds E2ESharedRing: waited for, as the index may
    // arrive after the first diagnostics.
    const ds = await diagnosticsFor(
      doc.uri,
      (d) =>
        has(d, 'racf/weak-key', /SIZE\(1024\)/) &&
        has(d, 'racf/ring-unknown', /E2EMissing/) &&
        !has(d, 'racf/ring-unknown', /E2ESharedRing/),
    );
    assert.ok(ds.every((d) => d.source === SOURCE));
    const names = await outline(doc);
    console.log(`[zos-tls e2e] CERTJOB.jcl: ${ds.map(codeOf).join(', ')}; outline ${JSON.stringify(names)}`);
    assert.ok(
      names.some((n) => /ADDRING/.test(n)),
      JSON.stringify(names),
    );
  },
);

scenario('1. a Liberty server.xml: liberty/ rule id, the include read, an outline', async () => {
  const doc = await open('e2eliberty/server.xml');
  const ds = await diagnosticsFor(
    doc.uri,
    (d) => has(d, 'liberty/keyring-type-mismatch', /e2eTrust/) && !has(d, 'liberty/unresolved-ref'),
  );
  assert.ok(ds.every((d) => d.source === SOURCE));
  assert.ok(has(ds, 'liberty/keyring-type-mismatch', /JCERACFKS/));
  const names = await outline(doc);
  console.log(`[zos-tls e2e] server.xml: ${ds.map(codeOf).join(', ')}; outline ${JSON.stringify(names)}`);
  assert.ok(
    names.some((n) => n.includes('defaultSSLConfig')),
    JSON.stringify(names),
  );
});

scenario('2. hovers: a cipher code, 8/BFE in a JCL comment, a keyStoreRef', async () => {
  const policy = await open('examples/attls/tn3270-clean.ttls');
  assert.match(
    await hoverText(policy, positionOf(policy, 'V3CipherSuites4Char 1301', 'V3CipherSuites4Char 13'.length)),
    /TLS_AES_128_GCM_SHA256/,
  );
  const job = await open('CERTJOB.jcl');
  assert.match(await hoverText(job, positionOf(job, '8/BFE', 1)), /not approved for ICSF FIPS/);
  const xml = await open('e2eliberty/server.xml');
  const ref = await hoverText(xml, positionOf(xml, 'keyStoreRef="e2eRing"', 'keyStoreRef="e2e'.length));
  console.log(`[zos-tls e2e] hover on keyStoreRef: ${ref}`);
  assert.match(ref, /Defined in tls-keystores\.xml/);
  assert.match(ref, /safkeyring:\/\/\/E2ERing/);
});

scenario('3. the preferred quick fix for the Liberty type mismatch changes the line', async () => {
  const doc = await open('e2eliberty/server.xml');
  const ds = await diagnosticsFor(doc.uri, (d) => has(d, 'liberty/keyring-type-mismatch'));
  const mismatch = ds.find((d) => codeOf(d) === 'liberty/keyring-type-mismatch')!;
  const line = lineOf(doc, '<keyStore id="e2eTrust"');
  assert.match(doc.lineAt(line).text, /type="JKS"/);
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      mismatch.range,
    )) ?? [];
  const fix = actions.find(
    (a): a is vscode.CodeAction => (a as vscode.CodeAction).isPreferred === true && /JCERACFKS/.test(a.title),
  );
  assert.ok(fix?.edit, `no preferred JCERACFKS fix among ${JSON.stringify(actions.map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the fix');
  assert.match(doc.lineAt(line).text, /type="JCERACFKS"/);
  await diagnosticsFor(doc.uri, (d) => !has(d, 'liberty/keyring-type-mismatch'));
  await revert(doc);
});

scenario('4. completion in a .racf file offers the certificate snippet, and it inserts the job', async () => {
  const doc = await open('NEWCERT.racf');
  assert.equal(doc.languageId, 'racf');
  const typed = 'racdcert-server';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, doc.lineAt(0).range.end, `\n${typed}`);
  assert.ok(await vscode.workspace.applyEdit(edit));
  const end = new vscode.Position(1, typed.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>(
    'vscode.executeCompletionItemProvider',
    doc.uri,
    end,
  );
  const labelOf = (i: vscode.CompletionItem): string =>
    typeof i.label === 'string' ? i.label : i.label.label;
  const item = list?.items.find((i) => labelOf(i) === typed);
  assert.ok(item, `no ${typed} among ${JSON.stringify(list?.items.map(labelOf) ?? [])}`);
  assert.ok(item.insertText instanceof vscode.SnippetString, 'the completion is not a snippet');
  const editor = await vscode.window.showTextDocument(doc);
  assert.ok(await editor.insertSnippet(item.insertText, new vscode.Range(1, 0, 1, typed.length)));
  const text = doc.getText();
  assert.match(text, /RACDCERT GENCERT ID\(TCPIP\)/);
  assert.match(text, /SUBJECTSDN\(CN\('server\.example\.com'\)/);
  await revert(doc);
});

scenario('5. go to definition of an AT-TLS Ref and of a RACF key ring label', async () => {
  const policy = await open('examples/attls/tn3270-clean.ttls');
  const ref = 'TTLSEnvironmentActionRef TN3270Env';
  const attls = await definitionOf(policy, positionOf(policy, ref, ref.length - 3));
  assert.equal(attls.uri.toString(), policy.uri.toString());
  assert.equal(attls.line, lineOf(policy, 'TTLSEnvironmentAction TN3270Env'));

  const job = await open('CERTJOB.jcl');
  const connect = "CONNECT(ID(TCPIP) LABEL('E2E Server')";
  const racf = await definitionOf(job, positionOf(job, connect, connect.length - 5));
  assert.equal(racf.uri.toString(), job.uri.toString());
  assert.equal(racf.line, lineOf(job, "WITHLABEL('E2E Server')"));
});

scenario('6. zosTls.openTraceViewer exists and a trace opens in the trace viewer', async () => {
  const commands = await vscode.commands.getCommands(true);
  assert.ok(commands.includes('zosTls.openTraceViewer'), 'zosTls.openTraceViewer is not registered');
  const trace = uriOf('null-cert-chain.trc');
  await vscode.commands.executeCommand('vscode.openWith', trace, 'zosTls.traceViewer');
  // The extension host learns of the new tab by an event that may come after the command returns.
  const active = (): unknown => vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  await until(
    vscode.window.tabGroups.onDidChangeTabs,
    () => {
      const input = active();
      return input instanceof vscode.TabInputCustom &&
        input.viewType === 'zosTls.traceViewer' &&
        input.uri.toString() === trace.toString()
        ? true
        : undefined;
    },
    'the trace viewer as the active tab',
    () => JSON.stringify(active()),
  );
});

scenario(
  '7. zosTls.zosRelease 3.2 in the workspace clears attls/tls13-fips-unsupported, and back',
  async () => {
    const doc = await open('examples/attls/tls13-fips.ttls');
    await diagnosticsFor(doc.uri, (d) => has(d, 'attls/tls13-fips-unsupported'));
    const config = vscode.workspace.getConfiguration('zosTls');
    await config.update('zosRelease', '3.2', vscode.ConfigurationTarget.Workspace);
    try {
      // The other finding stays: the file was re-checked, not emptied.
      await diagnosticsFor(
        doc.uri,
        (d) => !has(d, 'attls/tls13-fips-unsupported') && has(d, 'attls/fips-chacha20'),
      );
    } finally {
      await config.update('zosRelease', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await diagnosticsFor(doc.uri, (d) => has(d, 'attls/tls13-fips-unsupported'));
  },
);

scenario('8. the workspace is trusted here, so other workspace files are read', async () => {
  // run.ts passes --disable-workspace-trust. Restricted Mode (diagnostics still shown, no other file
  // read, commands safe) is covered by the code-server suite's scenario 8.
  assert.equal(vscode.workspace.isTrusted, true);
  const doc = await open('CERTJOB.jcl');
  await diagnosticsFor(
    doc.uri,
    (d) => has(d, 'racf/ring-unknown', /E2EMissing/) && !has(d, 'racf/ring-unknown', /E2ESharedRing/),
  );
});

export async function run(): Promise<void> {
  assert.ok(ws, 'ZOS_TLS_E2E_WORKSPACE is not set');
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'zos-tls');
  assert.ok(ext, 'the zos-tls extension is not loaded');
  const failed: string[] = [];
  for (const s of scenarios) {
    const start = Date.now();
    try {
      await s.body();
      console.log(`[zos-tls e2e] ok ${s.name} (${Date.now() - start} ms)`);
    } catch (e) {
      console.error(
        `[zos-tls e2e] FAILED ${s.name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
      );
      failed.push(s.name);
    }
  }
  console.log(`[zos-tls e2e] ${scenarios.length - failed.length}/${scenarios.length} scenarios passed`);
  if (failed.length > 0) {
    throw new Error(`${failed.length} scenario(s) failed: ${failed.join('; ')}`);
  }
}

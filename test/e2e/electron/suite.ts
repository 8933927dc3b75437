// Runs INSIDE a real VS Code desktop (extension host), started by run.ts through @vscode/test-electron.
// The same checks as the code-server suite, through the `vscode` API: our diagnostics arrive with
// our rule ids, and a file without extension is recognised from its content.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const fixtures = process.env.ZOS_TLS_FIXTURES ?? '';

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

/** Resolves with the document's diagnostics once `ready` accepts them; no sleeps. */
function diagnosticsFor(
  uri: vscode.Uri,
  ready: (ds: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 30_000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (ready(ds)) {
        sub.dispose();
        clearTimeout(timer);
        resolve(ds);
        return true;
      }
      return false;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) {
        check();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`);
      reject(
        new Error(
          `no matching diagnostics for ${uri.toString()} within ${timeoutMs} ms; got ${JSON.stringify(got)}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

function languageBecomes(uri: vscode.Uri, language: string, timeoutMs = 30_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const find = (): vscode.TextDocument | undefined =>
      vscode.workspace.textDocuments.find(
        (d) => d.uri.toString() === uri.toString() && d.languageId === language,
      );
    const sub = vscode.workspace.onDidOpenTextDocument(() => {
      if (find()) {
        sub.dispose();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`${uri.toString()} did not become '${language}' within ${timeoutMs} ms`));
    }, timeoutMs);
    if (find()) {
      sub.dispose();
      clearTimeout(timer);
      resolve();
    }
  });
}

export async function run(): Promise<void> {
  assert.ok(fixtures, 'ZOS_TLS_FIXTURES is not set');
  const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'zos-tls');
  assert.ok(ext, 'the zos-tls extension is not loaded');

  const broken = vscode.Uri.file(path.join(fixtures, 'broken-policy.ttls'));
  const doc = await vscode.workspace.openTextDocument(broken);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'attls');
  const ds = await diagnosticsFor(broken, (d) => d.some((x) => codeOf(x) === 'attls/syntax'));
  assert.ok(ds.some((d) => codeOf(d) === 'attls/unresolved-ref' && /e2eMissingGroup/.test(d.message)));
  assert.ok(ds.every((d) => d.source === 'zos-tls'));
  console.log(`[zos-tls e2e] ${broken.fsPath}: ${ds.map(codeOf).join(', ')}`);

  const noExt = vscode.Uri.file(path.join(fixtures, 'POLICY1'));
  const plain = await vscode.workspace.openTextDocument(noExt);
  await vscode.window.showTextDocument(plain);
  await languageBecomes(noExt, 'attls');
  await diagnosticsFor(noExt, (d) => d.some((x) => codeOf(x) === 'attls/unresolved-ref'));
  console.log(`[zos-tls e2e] ${noExt.fsPath}: detected as attls`);
}

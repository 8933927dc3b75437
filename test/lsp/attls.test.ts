// The LSP wiring, proven over the real transport: `node dist/server.js --stdio` as a child process,
// spoken to with vscode-languageserver-protocol the way an editor does.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  MarkupContent,
  PublishDiagnosticsParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  TextDocumentSyncKind,
} from 'vscode-languageserver-protocol/node';
import type { EffectivePolicyResult } from '../../server/src/protocol';
import { EFFECTIVE_POLICY_METHOD } from '../../server/src/protocol';
import { decodeIbm1047 } from '../../server/src/service/text/decode';
import type { Session } from './client';
import { CLIENT_CAPABILITIES, startSession } from './client';
import { byCode, closeCleanly, HANG_GUARD, nextDiagnostics, range, textAt } from './session';
import { ROOT } from './serverBundle';

const fixture = (name: string): string =>
  readFileSync(path.join(ROOT, 'test', 'fixtures', 'lsp', name), 'utf8');

const POLICY_URI = 'file:///work/policies/policy-problems.attls';
const POLICY = fixture('policy-problems.attls');

/** The IBM-1047 bytes of `text`, as VS Code shows them when it decodes them as UTF-8. */
function ebcdicShownAsUtf8(text: string): string {
  const table = decodeIbm1047(Uint8Array.from({ length: 256 }, (_, i) => i));
  const bytes = Uint8Array.from([...text].map((c) => (c === '\n' ? 0x15 : table.indexOf(c))));
  return new TextDecoder('utf-8').decode(bytes);
}

describe('LSP over stdio: an AT-TLS policy', HANG_GUARD, () => {
  let s: Session;
  let first: PublishDiagnosticsParams;

  before(async () => {
    s = await startSession({
      // Settings at start: the workspace/configuration answer (null here) refines these.
      initializationOptions: { zosTls: { zosRelease: '3.1', rules: { 'attls/syntax': 'warning' } } },
    });
    await s.open(POLICY_URI, 'attls', POLICY);
    first = await s.diagnostics(POLICY_URI);
  });

  after(() => closeCleanly(s));

  test('initialize announces every feature with incremental sync', () => {
    const c = s.initializeResult.capabilities;
    assert.deepEqual(c.textDocumentSync, {
      openClose: true,
      change: TextDocumentSyncKind.Incremental,
      save: { includeText: false },
    });
    assert.equal(c.hoverProvider, true);
    assert.ok(c.completionProvider);
    assert.equal(c.definitionProvider, true);
    assert.equal(c.referencesProvider, true);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.ok(c.documentSymbolProvider);
    assert.equal(c.foldingRangeProvider, true);
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.equal(s.initializeResult.serverInfo?.name, 'zos-tls');
  });

  test('didOpen publishes at once, with rule ids, source, links and exact ranges', () => {
    assert.equal(first.version, 1);
    for (const d of first.diagnostics) {
      assert.equal(d.source, 'zos-tls');
      assert.match(String(d.code), /^[a-z]+\/[a-z0-9-]+$/);
      assert.match(d.codeDescription?.href ?? '', /^https:\/\//, `${d.code} has no codeDescription.href`);
      assert.ok(d.data !== undefined, 'data carries what code actions need');
    }
    const [stray] = byCode(first, 'attls/syntax');
    assert.ok(stray, `attls/syntax expected, got ${first.diagnostics.map((d) => d.code).join(', ')}`);
    assert.deepEqual(stray.range, range(27, 0, 1));
    // zosTls.rules from initializationOptions: attls/syntax is an error by default.
    assert.equal(stray.severity, DiagnosticSeverity.Warning);
    const [unresolved] = byCode(first, 'attls/unresolved-ref');
    assert.ok(
      unresolved,
      `attls/unresolved-ref expected, got ${first.diagnostics.map((d) => d.code).join(', ')}`,
    );
    assert.deepEqual(unresolved.range, range(12, 21, 31));
    assert.equal(textAt(POLICY, unresolved.range), 'grpMissing');
    assert.equal(unresolved.severity, DiagnosticSeverity.Error);
    for (const d of first.diagnostics) {
      for (const r of d.relatedInformation ?? []) {
        assert.equal(r.location.uri, POLICY_URI);
      }
    }
  });

  test('hover on the TTLSRule keyword explains it in markdown', async () => {
    const h: Hover | null = await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 1, character: 3 },
    });
    assert.ok(h, 'hover expected');
    const contents = h.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /TTLSRule/);
  });

  test('completion offers the parameters of the statement and the names a Ref can take', async () => {
    const params = (await s.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 4, character: 4 },
    })) as CompletionItem[];
    assert.ok(Array.isArray(params));
    const direction = params.find((i) => i.label === 'Direction');
    assert.ok(direction, 'Direction is a TTLSRule parameter');
    assert.equal((direction.textEdit as TextEdit | undefined)?.range.start.line, 4);
    const names = (await s.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 5, character: 21 },
    })) as CompletionItem[];
    assert.ok(
      names.some((i) => i.label === 'grp'),
      `the TTLSGroupAction names, got ${names.map((i) => i.label).join(', ')}`,
    );
  });

  test('definition of TTLSGroupActionRef grp is the TTLSGroupAction grp header', async () => {
    const defs = (await s.connection.sendRequest(DefinitionRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 5, character: 22 },
    })) as Location[];
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, POLICY_URI);
    assert.equal(defs[0].range.start.line, 15);
    assert.match(POLICY.split('\n')[15], /^TTLSGroupAction grp\b/);
  });

  test('references of grp: the declaration and the Ref', async () => {
    const refs = (await s.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 15, character: 17 },
      context: { includeDeclaration: true },
    })) as Location[];
    assert.deepEqual(
      refs.map((r) => [r.uri, r.range.start.line]).sort(),
      [
        [POLICY_URI, 15],
        [POLICY_URI, 5],
      ].sort(),
    );
    const withoutDecl = (await s.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 15, character: 17 },
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(
      withoutDecl.map((r) => r.range),
      [range(5, 21, 24)],
    );
  });

  test('prepareRename and rename change the name and every Ref to it', async () => {
    const prepared = await s.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 5, character: 22 },
    });
    assert.deepEqual(prepared, { range: range(5, 21, 24), placeholder: 'grp' });
    const edit = (await s.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 5, character: 22 },
      newName: 'grpWeb',
    })) as WorkspaceEdit;
    const edits = edit.changes?.[POLICY_URI] ?? [];
    assert.deepEqual(
      edits.map((e) => [e.range.start.line, textAt(POLICY, e.range), e.newText]).sort(),
      [
        [15, 'grp', 'grpWeb'],
        [5, 'grp', 'grpWeb'],
      ].sort(),
    );
    // A name Policy Agent would misread is refused with the reason, which the editor shows.
    await assert.rejects(
      s.connection.sendRequest(RenameRequest.type, {
        textDocument: { uri: POLICY_URI },
        position: { line: 5, character: 22 },
        newName: 'bad name',
      }),
      (e: Error) => e.message.length > 0 && !/unhandled|internal/i.test(e.message),
    );
    // Nothing to rename on a keyword: the editor says so instead of renaming.
    const none = await s.connection.sendRequest(PrepareRenameRequest.type, {
      textDocument: { uri: POLICY_URI },
      position: { line: 4, character: 3 },
    });
    assert.equal(none, null);
  });

  test('documentSymbol is hierarchical: statements with their parameters', async () => {
    const symbols = (await s.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: POLICY_URI },
    })) as DocumentSymbol[];
    assert.ok(Array.isArray(symbols));
    const names = symbols.map((x) => x.name);
    for (const [i, name] of ['webServer', 'batchServer', 'grp', 'env'].entries()) {
      assert.ok(names[i]?.includes(name), `symbol ${i} should name ${name}, got ${names.join(' | ')}`);
    }
    for (const x of symbols) {
      assert.ok(x.selectionRange && x.range && typeof x.kind === 'number' && Array.isArray(x.children));
    }
    assert.ok(symbols[3].children?.some((c) => c.name.includes('TTLSKeyringParms')));
  });

  test('foldingRange folds each statement block', async () => {
    const folds = (await s.connection.sendRequest(FoldingRangeRequest.type, {
      textDocument: { uri: POLICY_URI },
    })) as FoldingRange[];
    assert.ok(Array.isArray(folds));
    for (const [start, end] of [
      [1, 7],
      [19, 26],
    ]) {
      assert.ok(
        folds.some(
          (f) =>
            (f.startLine === start || f.startLine === start + 1) && f.endLine >= end - 1 && f.endLine <= end,
        ),
        `a fold for lines ${start}–${end} expected, got ${JSON.stringify(folds)}`,
      );
    }
  });

  test('codeAction: the finding\'s own fix, and "Disable <rule> for this line"', async () => {
    const [stray] = byCode(first, 'attls/syntax');
    const actions = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: POLICY_URI },
      range: range(27, 0, 0),
      context: { diagnostics: [stray] },
    })) as CodeAction[];
    const remove = actions.find((a) => a.title === "Remove the extra '}'");
    assert.ok(remove, `quick fix expected, got ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(remove.kind, 'quickfix');
    assert.deepEqual(remove.diagnostics, [stray]);
    assert.deepEqual(remove.edit?.changes?.[POLICY_URI], [{ range: range(27, 0, 1), newText: '' }]);
    const disable = actions.find((a) => a.title === 'Disable attls/syntax for this line');
    assert.ok(disable);
    assert.equal(disable.kind, 'quickfix');
    assert.deepEqual(disable.edit?.changes?.[POLICY_URI], [
      { range: range(27, 0, 0), newText: '# zos-tls-disable-next-line attls/syntax\n' },
    ]);

    const [unresolved] = byCode(first, 'attls/unresolved-ref');
    const forRef = (await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: POLICY_URI },
      range: unresolved.range,
      context: { diagnostics: [unresolved] },
    })) as CodeAction[];
    assert.ok(forRef.some((a) => a.title === 'Disable attls/unresolved-ref for this line'));
    assert.ok(
      forRef.some(
        (a) => a.title !== 'Disable attls/unresolved-ref for this line' && a.edit?.changes?.[POLICY_URI],
      ),
      `the rule's own fix expected, got ${forRef.map((a) => a.title).join(' | ')}`,
    );
    for (const a of forRef) {
      assert.deepEqual(a.diagnostics, [unresolved]);
    }
  });

  test('codeAction ignores diagnostics of other tools and kinds that are not asked for', async () => {
    const [stray] = byCode(first, 'attls/syntax');
    const foreign = { ...stray, source: 'other-linter' };
    assert.deepEqual(
      await s.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: POLICY_URI },
        range: stray.range,
        context: { diagnostics: [foreign] },
      }),
      [],
    );
    assert.deepEqual(
      await s.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: POLICY_URI },
        range: stray.range,
        context: { diagnostics: [stray], only: ['source'] },
      }),
      [],
    );
  });

  test('zosTls/effectivePolicy returns the policy as text; null for other documents', async () => {
    const result = await s.connection.sendRequest<EffectivePolicyResult | null>(EFFECTIVE_POLICY_METHOD, {
      uri: POLICY_URI,
    });
    assert.ok(result && typeof result.text === 'string');
    assert.match(result.text, /webServer/);
    assert.match(result.text, /batchServer/);
    assert.equal(
      await s.connection.sendRequest(EFFECTIVE_POLICY_METHOD, { uri: 'file:///not/open.attls' }),
      null,
    );
  });

  test('didChange (incremental) re-validates: the removed brace takes its diagnostic along', async () => {
    const published = s.diagnostics(POLICY_URI, (p) => p.version === 2);
    await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: POLICY_URI, version: 2 },
      contentChanges: [{ range: range(27, 0, 1), text: '' }],
    });
    const p = await published;
    assert.deepEqual(byCode(p, 'attls/syntax'), []);
    assert.deepEqual(
      byCode(p, 'attls/unresolved-ref').map((d) => d.range),
      [range(12, 21, 31)],
    );
  });

  test('a configuration change re-validates; a rule set to off disappears, junk values are ignored', async () => {
    s.workspaceSettings.zosTls = {
      zosRelease: 'banana',
      rules: { 'attls/unresolved-ref': 'off', 'attls/obsolete-protocol': 'loud', 'not a rule': 'off' },
    };
    const published = nextDiagnostics(s, POLICY_URI);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const p = await published;
    assert.equal(p.version, 2);
    assert.deepEqual(byCode(p, 'attls/unresolved-ref'), []);
    const warnings = s.logs.filter((l) => l.type === 2).map((l) => l.message);
    assert.ok(
      warnings.some((w) => w.includes('banana')),
      `a warning about the release, got ${warnings.join('\n')}`,
    );
    assert.ok(warnings.some((w) => w.includes('loud')));

    // Back on: the finding returns.
    s.workspaceSettings.zosTls = { rules: {} };
    const again = nextDiagnostics(s, POLICY_URI);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal(byCode(await again, 'attls/unresolved-ref').length, 1);
  });

  test('a Zowe data set member opened as plaintext is recognised as AT-TLS by its name', async () => {
    // No statement the content sniffing knows starts a line here: only the member name TTLSPOL tells.
    const text = 'PortRange webPorts\n{\n  Port 443\n}\n}\n';
    const plainUri = 'file:///work/notes/ports.txt';
    const zoweUri = 'zowe-ds:/lpar1/SYS1.TCPPARMS%28TTLSPOL%29';
    await s.open(plainUri, 'plaintext', text);
    await s.open(zoweUri, 'plaintext', text);
    const p = await s.diagnostics(zoweUri);
    assert.deepEqual(
      byCode(p, 'attls/syntax').map((d) => d.range),
      [range(4, 0, 1)],
    );
    // Messages are handled in order, so the plain text file had its turn: it got nothing.
    assert.ok(!s.published.some((x) => x.uri === plainUri), 'no diagnostics for a document that is not ours');
    assert.equal(
      await s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: plainUri },
        position: { line: 0, character: 1 },
      }),
      null,
    );
  });

  test('an EBCDIC file shown as UTF-8 gets file/unreadable and nothing else', async () => {
    const uri = 'zowe-ds:/lpar1/SYS1.TCPPARMS%28TTLSPOL2%29';
    await s.open(uri, 'plaintext', ebcdicShownAsUtf8(POLICY));
    const p = await s.diagnostics(uri);
    assert.deepEqual(
      p.diagnostics.map((d) => [d.code, d.severity, d.source, d.range]),
      [['file/unreadable', DiagnosticSeverity.Error, 'zos-tls', range(0, 0, 0)]],
    );
    assert.match(p.diagnostics[0].codeDescription?.href ?? '', /^https:\/\//);
    const message = p.diagnostics[0].message;
    assert.match(typeof message === 'string' ? message : message.value, /EBCDIC/);
  });

  test("didClose clears the document's diagnostics", async () => {
    const cleared = nextDiagnostics(s, POLICY_URI);
    await s.connection.sendNotification(DidCloseTextDocumentNotification.type, {
      textDocument: { uri: POLICY_URI },
    });
    assert.deepEqual((await cleared).diagnostics, []);
  });
});

describe('LSP over stdio: settings without workspace/configuration', HANG_GUARD, () => {
  let s: Session;
  const uri = 'file:///work/policies/tls13-fips.attls';
  const text = fixture('tls13-fips.attls');

  before(async () => {
    s = await startSession({
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { configuration: false } },
      initializationOptions: { zosTls: { zosRelease: '3.2' } },
    });
  });

  after(async () => {
    assert.equal(await s.close(), 0);
  });

  test('zosTls.zosRelease from initializationOptions, then from the didChangeConfiguration payload', async () => {
    await s.open(uri, 'attls', text);
    // z/OS 3.2 negotiates TLS 1.3 under FIPS 140: no finding.
    const on32 = await s.diagnostics(uri);
    assert.deepEqual(byCode(on32, 'attls/tls13-fips-unsupported'), []);

    const on31 = nextDiagnostics(s, uri);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { zosTls: { zosRelease: '3.1' } },
    });
    const [d] = byCode(await on31, 'attls/tls13-fips-unsupported');
    assert.ok(d, 'z/OS 3.1 cannot do TLS 1.3 with FIPS140 On');
    assert.equal(d.range.start.line, 25);

    // Junk is ignored: the release stays as initializationOptions said (3.2), no crash.
    const junk = nextDiagnostics(s, uri);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { zosTls: { zosRelease: 31, rules: 'all off' } },
    });
    assert.deepEqual(byCode(await junk, 'attls/tls13-fips-unsupported'), []);
  });
});

// Across the workspace (issue 3): what one document creates satisfies another document's SIGNWITH,
// CONNECT label and CONNECT/REMOVE/LISTRING ring — same owner, case-exact name; what nothing
// creates is information when nothing suggests a mistake, a warning when the file shows one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRacf } from '../../../server/src/service/racf/analyze';
import type { RacfLanguage } from '../../../server/src/service/racf/model';
import type { RacfFacts, RacfWorkspace } from '../../../server/src/service/racf/workspaceFacts';
import {
  collectRacfFacts,
  createRacfWorkspace,
  documentKey,
  documentName,
  excluding,
  racfFactsOf,
  searchWorkspace,
} from '../../../server/src/service/racf/workspaceFacts';
import type { Finding } from '../../../server/src/service/types';
import { apply } from './rules-cross/helpers';

const today = new Date(2026, 10, 23);
const UNKNOWN = ['racf/signwith-unknown', 'racf/label-unknown', 'racf/ring-unknown'];

const CA_JOB = [
  "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Local CA') SIZE(2048)",
  "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) WITHLABEL('Srv Cert') SIZE(2048) SIGNWITH(CERTAUTH LABEL('Local CA'))",
  'RACDCERT ID(SRV) ADDRING(SrvRing)',
  'SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH',
].join('\n');

const RING_JOB = [
  "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing) USAGE(CERTAUTH))",
  "RACDCERT ID(SRV) CONNECT(LABEL('Srv Cert') RING(SrvRing) DEFAULT)",
  "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('mq')) SIZE(2048) SIGNWITH(CERTAUTH LABEL('Local CA'))",
  'RACDCERT ID(SRV) LISTRING(SrvRing)',
  "RACDCERT ID(SRV) REMOVE(RING(SrvRing) LABEL('Srv Cert'))",
  'SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH',
].join('\n');

function workspaceOf(docs: Record<string, string>, language: RacfLanguage = 'racf'): RacfWorkspace {
  return createRacfWorkspace(Object.entries(docs).map(([uri, text]) => racfFactsOf(uri, text, language)));
}

function unknowns(
  text: string,
  workspace: RacfWorkspace | undefined,
  uri = 'file:///ws/ring.racf',
  language: RacfLanguage = 'racf',
): Finding[] {
  return analyzeRacf(text, language, { today, workspace, documentUri: uri }).findings.filter((f) =>
    UNKNOWN.includes(f.rule),
  );
}

/** "rule line severity", sorted: the order of the rules is not the point. */
const summary = (fs: Finding[]): string[] =>
  fs.map((f) => `${f.rule} ${f.range.start.line + 1} ${f.severity}`).sort();

test('facts: the labels and rings a document creates, per owner, with their ranges', () => {
  const facts = racfFactsOf('file:///ws/ca.racf', CA_JOB, 'racf');
  assert.deepEqual(
    facts.labels.map((l) => `${l.owner.kind === 'ID' ? l.owner.id : l.owner.kind}:${l.name}`),
    ['CERTAUTH:Local CA', 'SRV:Srv Cert'],
  );
  assert.deepEqual(
    facts.rings.map((r) => `${r.owner.kind === 'ID' ? r.owner.id : r.owner.kind}:${r.name}`),
    ['SRV:SrvRing'],
  );
  assert.equal(facts.labels[0].uri, 'file:///ws/ca.racf');
  assert.deepEqual(facts.labels[0].range.start, { line: 0, character: 57 });
  assert.deepEqual(facts.rings[0].range.start, { line: 2, character: 25 });
  // The same facts from a full analysis (what an editor has at hand for an open document).
  assert.deepEqual(collectRacfFacts('file:///ws/ca.racf', analyzeRacf(CA_JOB, 'racf', { today })), facts);
  // ADD, IMPORT, REKEY and ALTER NEWLABEL create labels too; JCL streams are read as the analysis does.
  const more = racfFactsOf(
    'x',
    [
      '//J JOB',
      '//S EXEC PGM=IKJEFT01',
      '//SYSTSIN DD *',
      " RACDCERT ID(A) ADD('X.P12') WITHLABEL('one') PASSWORD('p')",
      " RACDCERT ID(A) REKEY(LABEL('one')) WITHLABEL('two')",
      " RACDCERT ID(A) ALTER(LABEL('two')) NEWLABEL('three')",
      '/*',
    ].join('\n'),
    'jcl',
  );
  assert.deepEqual(
    more.labels.map((l) => l.name),
    ['one', 'two', 'three'],
  );
});

test('satisfied across documents: SIGNWITH, CONNECT labels and CONNECT/REMOVE/LISTRING rings', () => {
  // Alone, every reference is unknown: information, as nothing suggests a typo.
  assert.deepEqual(summary(unknowns(RING_JOB, undefined)), [
    'racf/label-unknown 1 information',
    'racf/label-unknown 2 information',
    'racf/ring-unknown 1 information',
    'racf/signwith-unknown 3 information',
  ]);
  const ws = workspaceOf({ 'file:///ws/ca.racf': CA_JOB, 'file:///ws/ring.racf': RING_JOB });
  assert.deepEqual(unknowns(RING_JOB, ws), []);
});

test('what nothing creates: information, with the workspace named in the message', () => {
  const ws = workspaceOf({ 'file:///ws/ca.racf': CA_JOB });
  const text = [
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Partner Root') RING(SrvRing))",
    "RACDCERT ID(SRV) CONNECT(LABEL('Srv Cert') RING(OtherRing))",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('mq')) SIGNWITH(CERTAUTH LABEL('Partner CA'))",
  ].join('\n');
  const fs = unknowns(text, ws);
  assert.deepEqual(summary(fs), [
    'racf/label-unknown 1 information',
    'racf/ring-unknown 2 information',
    'racf/signwith-unknown 3 information',
  ]);
  for (const f of fs) {
    assert.match(f.message, /nor any other file of the workspace/);
    assert.match(f.message, /may already exist in RACF/);
  }
  // Without a workspace the message speaks of the file only.
  assert.doesNotMatch(unknowns(text, undefined)[0].message, /workspace/);
});

test('evidence of a mistake in the file keeps a warning, the workspace notwithstanding', () => {
  const ws = workspaceOf({ 'file:///ws/ca.racf': CA_JOB });
  // Near-miss labels and rings of this file.
  const near = [
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('Server Cert')",
    'RACDCERT ID(SRV) ADDRING(MainRing)',
    "RACDCERT ID(SRV) CONNECT(LABEL('Sever Cert') RING(MainRng))",
  ].join('\n');
  assert.deepEqual(summary(unknowns(near, ws)), [
    'racf/label-unknown 3 warning',
    'racf/ring-unknown 3 warning',
  ]);
  // Case-only in this file.
  const cased = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Root CA')",
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('ROOT CA'))",
  ].join('\n');
  assert.deepEqual(summary(unknowns(cased, ws)), ['racf/signwith-unknown 2 warning']);
  // Created only later in this stream: warning even though another job creates the same label and
  // ring (this job means to create them, too late; the other job's copy would make that fail).
  const later = [
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing))",
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Local CA')",
    'RACDCERT ID(SRV) ADDRING(SrvRing)',
  ].join('\n');
  const fs = unknowns(later, ws);
  assert.deepEqual(summary(fs), ['racf/label-unknown 1 warning', 'racf/ring-unknown 1 warning']);
  assert.match(fs.find((f) => f.rule === 'racf/label-unknown')!.message, /only later, on line 2/);
  // A label this file creates for another owner (CERTAUTH) connected as the ring owner's.
  const owner = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA')",
    'RACDCERT ID(SRV) ADDRING(R)',
    "RACDCERT ID(SRV) CONNECT(LABEL('My CA') RING(R))",
  ].join('\n');
  const [o] = unknowns(owner, ws);
  assert.equal(o.severity, 'warning');
  assert.match(o.message, /creates 'My CA' for CERTAUTH on line 1/);
});

test('case-exact names: another document with the name in another case is a mistake, and fixable', () => {
  const ws = workspaceOf({ 'file:///ws/ca.racf': CA_JOB });
  const text = [
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('LOCAL CA') RING(srvring))",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('mq')) SIGNWITH(CERTAUTH LABEL('local ca'))",
  ].join('\n');
  const fs = unknowns(text, ws);
  assert.deepEqual(summary(fs), [
    'racf/label-unknown 1 warning',
    'racf/ring-unknown 1 warning',
    'racf/signwith-unknown 2 warning',
  ]);
  const byRule = (id: string): Finding => fs.find((f) => f.rule === id)!;
  assert.match(
    byRule('racf/label-unknown').message,
    /ca\.racf creates 'Local CA' for that owner: labels are case-sensitive/,
  );
  assert.match(
    byRule('racf/ring-unknown').message,
    /ca\.racf adds the ring SrvRing for that owner: ring names are case-sensitive/,
  );
  let fixed = text;
  // From the end of the text backwards, so the ranges of the findings not yet applied still hold.
  const order = [...fs].sort(
    (a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character,
  );
  for (const f of order) {
    const fix = f.fixes!.find((x) => x.isPreferred)!;
    fixed = apply(fixed, fix);
  }
  assert.deepEqual(unknowns(fixed, ws), []);
});

test('owners: exactly the same owner satisfies (user IDs in any case); the issuer is nobody in particular', () => {
  const ws = workspaceOf({ 'file:///ws/ca.racf': CA_JOB });
  // ID(srv) is ID(SRV): user IDs are not case-sensitive.
  assert.deepEqual(unknowns("RACDCERT ID(srv) CONNECT(LABEL('Srv Cert') RING(SrvRing))", ws), []);
  // Another user's ring of the same name, a SITE certificate of the CA's label: not satisfied, and
  // nothing in this file suggests a mistake (a ring name is often reused per user).
  const other = [
    "RACDCERT ID(WEB) CONNECT(LABEL('Srv Cert') RING(SrvRing))",
    "RACDCERT ID(WEB) CONNECT(SITE LABEL('Local CA') RING(SrvRing))",
  ].join('\n');
  assert.deepEqual(summary(unknowns(other, ws)), [
    'racf/label-unknown 1 information',
    'racf/label-unknown 2 information',
    'racf/ring-unknown 1 information',
  ]);
  // With no ID(...) the owner is the job's user: another job's ID(SRV) ring says nothing about it,
  // but another job that also writes no ID(...) is taken as the same issuer.
  const selfUse = "RACDCERT CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing))";
  assert.deepEqual(summary(unknowns(selfUse, ws)), ['racf/ring-unknown 1 information']);
  const selfWs = workspaceOf({
    'file:///ws/ca.racf': CA_JOB,
    'file:///ws/self.racf': 'RACDCERT ADDRING(SrvRing)',
  });
  assert.deepEqual(unknowns(selfUse, selfWs), []);
});

test("a document's own entry in the workspace is skipped; symbolic names elsewhere satisfy nothing", () => {
  // The workspace holds an older text of this very document that still created the ring.
  const uri = 'file:///ws/ring.racf';
  const old = 'RACDCERT ID(SRV) ADDRING(SrvRing)';
  const now = "RACDCERT ID(SRV) CONNECT(LABEL('x') RING(SrvRing))";
  const ws = workspaceOf({ [uri]: old });
  assert.deepEqual(summary(unknowns(now, ws, uri)).slice(-1), ['racf/ring-unknown 1 information']);
  // The uri may arrive in another form (VS Code escapes the drive colon): still this document.
  const win = workspaceOf({ 'file:///C:/jobs/ring%20job.jcl': old });
  assert.deepEqual(
    summary(unknowns(now, win, 'file:///c%3A/jobs/ring job.jcl')).filter((s) => s.startsWith('racf/ring')),
    ['racf/ring-unknown 1 information'],
  );
  assert.deepEqual(
    unknowns(now, win, 'file:///c%3A/jobs/other.jcl').filter((f) => f.rule === 'racf/ring-unknown'),
    [],
  );
  // A template's symbolic label or ring (&RING.) may become anything: it satisfies nothing elsewhere.
  const sym = workspaceOf({ 'file:///ws/t.racf': 'RACDCERT ID(SRV) ADDRING(&RING.)' });
  assert.equal(unknowns(now, sym).filter((f) => f.rule === 'racf/ring-unknown').length, 1);
});

test('workspace values: keys, names, lookups, replacement and generation', () => {
  assert.equal(documentKey('file:///c%3A/x%20y.jcl'), documentKey('file:///C:/x y.jcl'));
  assert.notEqual(documentKey('file:///a/X.jcl'), documentKey('file:///a/x.jcl'));
  assert.equal(documentKey('zowe-ds:/p/SYS1.JCL(%GOOD'), 'zowe-ds:/p/SYS1.JCL(%GOOD');
  assert.equal(documentName('file:///c%3A/jobs/ring%20job.jcl'), 'ring job.jcl');
  assert.equal(documentName('zowe-ds:/prof/SYS1.JCL/CERTJOB'), 'CERTJOB');
  const a: RacfFacts = racfFactsOf('file:///ws/a.racf', 'RACDCERT ID(SRV) ADDRING(One)', 'racf');
  const a2: RacfFacts = racfFactsOf('file:///ws/a.racf', 'RACDCERT ID(SRV) ADDRING(Two)', 'racf');
  const ws = createRacfWorkspace([a, a2], 7);
  assert.equal(ws.generation, 7);
  assert.equal(ws.documents.size, 1);
  const srv = { kind: 'ID' as const, id: 'SRV', symbolic: false };
  assert.equal(searchWorkspace(ws, 'ring', srv, 'One').found, undefined);
  assert.equal(searchWorkspace(ws, 'ring', srv, 'Two').found?.name, 'Two');
  assert.equal(searchWorkspace(ws, 'ring', srv, 'TWO').caseOnly?.name, 'Two');
  assert.deepEqual(searchWorkspace(ws, 'label', srv, 'Two'), { caseOnly: undefined });
  assert.deepEqual(searchWorkspace(excluding(ws, 'file:///ws/a.racf'), 'ring', srv, 'Two'), {
    caseOnly: undefined,
  });
  assert.deepEqual(searchWorkspace(undefined, 'ring', srv, 'Two'), {});
});

test('user settings still decide: a rule set to error stays error, off stays off', () => {
  const text = "RACDCERT ID(SRV) CONNECT(LABEL('Nowhere') RING(Nowhere))";
  const fs = analyzeRacf(text, 'racf', {
    today,
    rules: { 'racf/label-unknown': 'error', 'racf/ring-unknown': 'off' },
  }).findings.filter((f) => UNKNOWN.includes(f.rule));
  assert.deepEqual(summary(fs), ['racf/label-unknown 1 error']);
});

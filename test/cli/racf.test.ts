// `zos-tls check` on RACDCERT commands end to end: the built bundle (dist/cli.js) run as a child
// process on a JCL job, a REXX exec and a RACF command file, with and without --fips, and on the
// shared corpus of real jobs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './runCli';
import type { JsonDiagnostic, Run } from './runCli';

const CORPUS = '/work/shared/corpus/racdcert';

interface JsonFile {
  path: string;
  language: string | null;
  diagnostics: JsonDiagnostic[];
}

function json(r: Run): JsonFile[] {
  const out = JSON.parse(r.stdout) as { version: number; files: JsonFile[] };
  assert.equal(out.version, 1);
  assert.ok(Array.isArray(out.files));
  return out.files;
}

/** `[rule, line, startCharacter, endCharacter]` of each diagnostic, for exact comparisons. */
function where(f: JsonFile | undefined, rule: string): [number, number, number][] {
  assert.ok(f, 'file expected in the report');
  return f.diagnostics
    .filter((d) => d.rule === rule)
    .map((d) => [d.range.start.line, d.range.start.character, d.range.end.character]);
}

const JOB = [
  "//CERTJOB  JOB (ACCT),'MAKE CERTS',CLASS=A,MSGCLASS=X",
  '//STEP1    EXEC PGM=IKJEFT01',
  '//SYSTSPRT DD SYSOUT=*',
  '//SYSTSIN  DD *',
  "  RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web.example.com')) -",
  "           WITHLABEL('Web Server') NISTECC SIZE(512) -",
  '           KEYUSAGE(HANDSHAKE) NOTAFTER(DATE(2030-12-31))',
  '/* the ring',
  "  RACDCERT ID(WEBSRV) CONNECT(LABEL('Web Server') RING(WebRing))",
  '  SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH',
  '/*',
  '',
].join('\n');

const EXEC = [
  '/* REXX - a client certificate for mutual TLS */',
  'ADDRESS TSO',
  "\"RACDCERT ID(CLIENT1) GENCERT SUBJECTSDN(CN('client1')) WITHLABEL('Client One') BPECC SIZE(256)\"",
  '"SETROPTS RACLIST(DIGTCERT) REFRESH"',
  '',
].join('\n');

const COMMANDS = [
  '/* Key ring for the server */',
  'RACDCERT ID(SRV) ADDRING(SrvRing)',
  "RACDCERT ID(SRV) CONNECT(ID(SRV) LABEL('Missing') RING(SrvRing) USAGE(PERSONAL))",
  'SETROPTS RACLIST(DIGTRING) REFRESH',
  '',
].join('\n');

describe('zos-tls check on RACF commands', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-racf-'));
    writeFileSync(path.join(dir, 'certjob.jcl'), JOB);
    writeFileSync(path.join(dir, 'clientcert.rexx'), EXEC);
    writeFileSync(path.join(dir, 'ring.racf'), COMMANDS);
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('json: languages jcl, rexx and racf, racf/* findings at exact ranges', () => {
    const r = run(['check', dir, '--format', 'json']);
    // racf/stream-delimiter is an error: the `/*` in column 1 ends the SYSTSIN data.
    assert.equal(r.status, 1, r.stderr);
    const files = json(r);
    const of = (name: string): JsonFile | undefined => files.find((f) => path.basename(f.path) === name);
    assert.deepEqual(files.map((f) => [path.basename(f.path), f.language]).sort(), [
      ['certjob.jcl', 'jcl'],
      ['clientcert.rexx', 'rexx'],
      ['ring.racf', 'racf'],
    ]);
    for (const f of files) {
      for (const d of f.diagnostics) {
        assert.match(d.rule, /^racf\/[a-z0-9-]+$/, `${f.path}: ${d.rule}`);
      }
    }
    const job = of('certjob.jcl');
    assert.deepEqual(where(job, 'racf/key-size'), [[5, 48, 51]]);
    assert.deepEqual(where(job, 'racf/stream-delimiter'), [[7, 0, 11]]);
    assert.deepEqual(where(job, 'racf/ring-unknown'), [[8, 55, 62]]);
    assert.equal(job?.diagnostics.find((d) => d.rule === 'racf/stream-delimiter')?.severity, 'error');
    assert.deepEqual(where(of('ring.racf'), 'racf/label-unknown'), [[2, 39, 48]]);
    // FIPS mode is off unless asked for.
    assert.deepEqual(of('clientcert.rexx')?.diagnostics, []);
  });

  test('--fips reports the Brainpool key in the REXX exec (racf/fips-key)', () => {
    const r = run(['check', dir, '--format', 'json', '--fips']);
    assert.equal(r.status, 1, r.stderr);
    const exec = json(r).find((f) => path.basename(f.path) === 'clientcert.rexx');
    assert.deepEqual(where(exec, 'racf/fips-key'), [[2, 80, 85]]);
    // --rule still applies on top of --fips.
    const off = run([
      'check',
      path.join(dir, 'clientcert.rexx'),
      '--format',
      'json',
      '--fips',
      '--rule=racf/fips-key=off',
    ]);
    assert.equal(off.status, 0, off.stderr);
    assert.deepEqual(json(off)[0].diagnostics, []);
  });

  test('--fips is documented and takes no value', () => {
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /--fips\s+.*FIPS/);
    assert.match(h.stdout, /racf\/fips-key/);
    const bad = run(['check', dir, '--fips=yes']);
    assert.equal(bad.status, 2);
    assert.equal(bad.stdout, '');
    assert.match(bad.stderr, /--fips takes no value/);
    assert.match(bad.stderr, /Usage:/);
  });

  test('the RACDCERT corpus: json, every job, exec and command file checked, no crash', (t) => {
    if (!existsSync(CORPUS)) {
      t.skip(`${CORPUS} is absent: the shared RACDCERT corpus is not on this machine`);
      return;
    }
    for (const extra of [[], ['--fips']]) {
      const r = run(['check', CORPUS, '--format', 'json', ...extra]);
      // The corpus holds real mistakes (racf/syntax and others are errors): exit 1, not 2 (I/O).
      assert.equal(r.status, 1, `${extra.join(' ')}\n${r.stderr}`);
      assert.doesNotMatch(r.stderr, /^error:/m);
      const files = json(r);
      const checked = new Set(files.map((f) => path.basename(f.path)));
      for (const name of readdirSync(CORPUS).filter((n) => n !== 'SOURCES.md')) {
        assert.ok(checked.has(name), `${name} was not checked (stderr: ${r.stderr})`);
      }
      for (const f of files) {
        assert.ok(['jcl', 'rexx', 'racf'].includes(f.language ?? ''), `${f.path}: ${f.language}`);
        for (const d of f.diagnostics) {
          assert.match(d.rule, /^racf\/[a-z0-9-]+$/, `${f.path}: ${d.rule}`);
        }
      }
      assert.ok(
        files.some((f) => f.diagnostics.length > 0),
        'the corpus has findings',
      );
    }
  });
});

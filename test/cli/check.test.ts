// `zos-tls check` end to end: the built bundle (dist/cli.js) run as a child process, as users and
// CI run it. Temp files hold the cases the examples do not (encodings, binary, huge lines, CRLF).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Log } from 'sarif';
import { decodeIbm1047 } from '../../server/src/service/text/decode';
import { root, run } from './runCli';
import type { JsonDiagnostic, Run } from './runCli';

const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

interface JsonReport {
  version: number;
  files: { path: string; language: string | null; diagnostics: JsonDiagnostic[] }[];
}

/** Parses stdout as exactly one JSON object of the documented shape. */
function json(r: Run): JsonReport {
  const out = JSON.parse(r.stdout) as JsonReport;
  assert.equal(typeof out, 'object');
  assert.equal(out.version, 1);
  assert.ok(Array.isArray(out.files));
  for (const f of out.files) {
    assert.equal(typeof f.path, 'string');
    assert.ok(f.language === null || typeof f.language === 'string');
    for (const d of f.diagnostics) {
      assert.deepEqual(Object.keys(d).sort(), ['message', 'range', 'rule', 'severity']);
      assert.match(d.rule, /^[a-z]+\/[a-z0-9-]+$/);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity), d.severity);
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(
          Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0,
        );
      }
    }
  }
  return out;
}

/** Text as IBM-1047 bytes: the reverse of the service's decoding table, newlines as NL (0x15). */
function toIbm1047(text: string): Buffer {
  const table = decodeIbm1047(Uint8Array.from({ length: 256 }, (_, i) => i));
  const reverse = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    if (!reverse.has(table[b])) {
      reverse.set(table[b], b);
    }
  }
  return Buffer.from(
    [...text].map((c) => {
      const b = reverse.get(c);
      assert.ok(b !== undefined, `no IBM-1047 byte for ${JSON.stringify(c)}`);
      return b;
    }),
  );
}

// A small policy with one known error: the Ref names 'envTN3270', the statement is 'env~TN3270'.
// Line 7 (1-based), column 28: the reference value.
const POLICY = [
  'TTLSRule TN3270Rule',
  '{',
  '  LocalPortRange 992',
  '  Direction Inbound',
  '  Priority 255',
  '  TTLSGroupActionRef grpTN3270',
  '  TTLSEnvironmentActionRef envTN3270',
  '}',
  'TTLSGroupAction grpTN3270',
  '{',
  '  TTLSEnabled On',
  '}',
  'TTLSEnvironmentAction env~TN3270',
  '{',
  '  HandshakeRole Server',
  '  TTLSKeyringParms',
  '  {',
  '    Keyring TCPIP/TTLSRing',
  '  }',
  '  TTLSCipherParms',
  '  {',
  '    V3CipherSuites4Char 13011302C02FC030',
  '  }',
  '  TTLSEnvironmentAdvancedParms',
  '  {',
  '    TLSv1 Off',
  '    TLSv1.1 Off',
  '    TLSv1.2 On',
  '    TLSv1.3 On',
  '  }',
  '}',
  '',
].join('\n');
const REF_LINE = 6; // 0-based
const REF_CHAR = 27; // 0-based

function unresolved(d: JsonDiagnostic[]): JsonDiagnostic[] {
  return d.filter((x) => x.rule === 'attls/unresolved-ref');
}

let tmp = '';
before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-cli-'));
});
after(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function write(name: string, content: string | Buffer): string {
  const file = path.join(tmp, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe('the bundled examples', () => {
  test('text: file:line:col: severity rule message, 1-based, and exit 1 (the examples hold errors)', () => {
    const r = run(['check', 'examples']);
    assert.equal(r.status, 1, r.stderr);
    const lines = r.stdout.trimEnd().split('\n');
    const summary = lines.pop() ?? '';
    assert.match(summary, /^5 files checked: \d+ errors?, /);
    for (const line of lines) {
      assert.match(
        line,
        /^examples\/(attls|liberty)\/[\w.-]+:\d+:\d+: (error|warning|information|hint) [a-z]+\/[a-z0-9-]+ \S/,
      );
    }
    assert.ok(
      lines.some((l) => l.startsWith('examples/attls/server-policy.ttls:34:22: error attls/unresolved-ref ')),
      r.stdout,
    );
    // The Liberty example's deliberate mistake: keyStoreRef misses the key store's id by case.
    assert.ok(
      lines.some((l) => l.startsWith('examples/liberty/server.xml:21:43: error liberty/unresolved-ref ')),
      r.stdout,
    );
  });

  test('json: exactly one object of the documented shape, paths as found', () => {
    const out = json(run(['check', 'examples', '--format', 'json']));
    assert.deepEqual(
      out.files.map((f) => f.path),
      [
        ...['pagent.conf', 'server-policy.ttls', 'tls13-fips.ttls', 'tn3270-clean.ttls'].map((f) =>
          path.join('examples/attls', f),
        ),
        path.join('examples/liberty', 'server.xml'),
      ],
    );
    assert.deepEqual(
      out.files.map((f) => f.language),
      ['attls', 'attls', 'attls', 'attls', 'xml'],
    );
    const server = out.files.find((f) => f.path.endsWith('server-policy.ttls'));
    assert.deepEqual(unresolved(server?.diagnostics ?? [])[0]?.range, {
      start: { line: 33, character: 21 },
      end: { line: 33, character: 30 },
    });
  });

  test('the clean example has no error and exits 0', () => {
    const r = run(['check', 'examples/attls/tn3270-clean.ttls', '--format', 'json']);
    const errors = json(r).files[0].diagnostics.filter((d) => d.severity === 'error');
    assert.deepEqual(errors, []);
    assert.equal(r.status, 0, r.stderr);
  });

  test('sarif: SARIF 2.1.0 with rules, help links and 1-based regions', () => {
    const r = run(['check', 'examples', '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema ?? '', /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const runs0 = log.runs[0];
    const driver = runs0.tool.driver;
    assert.equal(driver.name, 'zos-tls');
    assert.equal(driver.version, pkg.version);
    assert.match(driver.informationUri ?? '', /^https?:\/\//);
    const rules = driver.rules ?? [];
    assert.ok(rules.length > 0);
    for (const rule of rules) {
      assert.match(rule.helpUri ?? '', /^https?:\/\//, rule.id);
      assert.ok(rule.shortDescription?.text, rule.id);
      assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration?.level ?? ''), rule.id);
    }
    const ids = new Set(rules.map((x) => x.id));
    const results = runs0.results ?? [];
    for (const res of results) {
      assert.ok(ids.has(res.ruleId ?? ''), `${res.ruleId} has no rule entry`);
      assert.ok(['error', 'warning', 'note'].includes(res.level ?? ''));
      const region = res.locations?.[0]?.physicalLocation?.region;
      assert.ok(region && (region.startLine ?? 0) >= 1 && (region.startColumn ?? 0) >= 1);
    }
    const ref = results.find((x) => x.ruleId === 'attls/unresolved-ref');
    const loc = ref?.locations?.[0]?.physicalLocation;
    assert.equal(loc?.artifactLocation?.uri, 'examples/attls/server-policy.ttls');
    assert.deepEqual(loc?.region, { startLine: 34, startColumn: 22, endLine: 34, endColumn: 31 });
    assert.equal(ref?.level, 'error');
  });
});

describe('options and exit codes', () => {
  test('--help and --version', () => {
    const h = run(['--help']);
    assert.equal(h.status, 0);
    assert.match(h.stdout, /Usage: zos-tls check/);
    const v = run(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), pkg.version);
  });

  test('usage problems exit 2 with a message and the usage on stderr', () => {
    for (const [args, message] of [
      [[], /no command/],
      [['check'], /at least one file/],
      [['check', 'examples', '--frobnicate'], /unknown option '--frobnicate'/],
      [['check', 'examples', '--zos', '3.3'], /--zos must be one of 2\.4, 2\.5, 3\.1, 3\.2/],
      [['check', 'examples', '--zos=2.3'], /--zos must be one of/],
      [['check', 'examples', '--format', 'xml'], /--format must be one of text, json, sarif/],
      [['check', 'examples', '--rule', 'attls/unresolved-rev=off'], /did you mean 'attls\/unresolved-ref'/],
      [
        ['check', 'examples', '--rule', 'attls/unresolved-ref=fatal'],
        /off, error, warning, information, hint/,
      ],
      [['check', 'examples', '--rule'], /needs a value/],
      [['lint', 'examples'], /unknown command 'lint'/],
    ] as const) {
      const r = run([...args]);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '', args.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Usage:/);
    }
  });

  test('a missing file is an I/O problem: exit 2, message on stderr', () => {
    const r = run(['check', 'examples/attls/nope.ttls']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /examples\/attls\/nope\.ttls: no such file or directory/);
  });

  test('--rule id=off removes the finding, id=warning lowers it, and the exit code follows', () => {
    write('rules/policy.ttls', POLICY);
    const base = run(['check', 'policy.ttls', '--format', 'json'], path.join(tmp, 'rules'));
    const found = unresolved(json(base).files[0].diagnostics);
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'error');
    assert.equal(base.status, 1);

    const off = run(
      ['check', 'policy.ttls', '--format', 'json', '--rule', 'attls/unresolved-ref=off'],
      path.join(tmp, 'rules'),
    );
    assert.deepEqual(unresolved(json(off).files[0].diagnostics), []);

    const warn = run(
      ['check', 'policy.ttls', '--format=json', '--rule=attls/unresolved-ref=warning'],
      path.join(tmp, 'rules'),
    );
    const lowered = unresolved(json(warn).files[0].diagnostics);
    assert.equal(lowered[0].severity, 'warning');
    if (json(warn).files[0].diagnostics.every((d) => d.severity !== 'error')) {
      assert.equal(warn.status, 0);
    }
  });

  test('--zos changes the release the rules check against', () => {
    // TLS 1.3 with FIPS 140 is an error up to z/OS 3.1 and supported on 3.2.
    const fips = (args: string[]): JsonDiagnostic[] =>
      json(
        run(['check', 'examples/attls/tls13-fips.ttls', '--format', 'json', ...args]),
      ).files[0].diagnostics.filter((d) => d.rule === 'attls/tls13-fips-unsupported');
    assert.equal(fips(['--zos', '3.2']).length, 0);
    assert.equal(fips(['--zos', '3.1']).length, fips([]).length);
  });
});

describe('files and directories', () => {
  test('a directory walk finds policies by name and by content and skips the rest silently', () => {
    write('walk/policy.ttls', POLICY);
    write('walk/TTLSPOL', POLICY); // no extension: recognised by its TTLSRule statements
    write('walk/notes.txt', 'Ask the network team about port 992.\n');
    write('walk/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
    write('walk/node_modules/dep/x.ttls', POLICY);
    write('walk/.git/x.ttls', POLICY);
    write('walk/.backup/x.ttls', POLICY);
    write('walk/sub/pagent.conf', 'TcpImage TCPIP /etc/pagent/TCPIP.image FLUSH PURGE\n');
    const r = run(['check', 'walk', '--format', 'json'], tmp);
    assert.equal(r.stderr, '');
    assert.deepEqual(
      json(r).files.map((f) => f.path),
      [
        path.join('walk', 'TTLSPOL'),
        path.join('walk', 'policy.ttls'),
        path.join('walk', 'sub', 'pagent.conf'),
      ],
    );
    assert.equal(r.status, 1);
  });

  test('a file named explicitly that is not recognised gets a note; exit 2 only when nothing was checked', () => {
    write('explicit/notes.txt', 'Ask the network team about port 992.\n');
    write('explicit/policy.ttls', POLICY);
    const both = run(['check', 'notes.txt', 'policy.ttls'], path.join(tmp, 'explicit'));
    assert.match(both.stderr, /note: notes\.txt skipped: it is not a file zos-tls recognises/);
    assert.equal(both.status, 1);
    const alone = run(['check', 'notes.txt'], path.join(tmp, 'explicit'));
    assert.match(alone.stderr, /notes\.txt skipped/);
    assert.match(alone.stderr, /no file could be checked/);
    assert.equal(alone.status, 2);
  });

  test('a file named twice, or named and inside a directory given, is checked once', () => {
    const out = json(
      run(['check', 'examples', 'examples/attls/tls13-fips.ttls', './examples', '--format', 'json']),
    );
    // The four AT-TLS examples and the Liberty one, each once.
    assert.equal(out.files.length, 5);
  });

  test('absolute paths are reported as given', () => {
    const file = write('abs/policy.ttls', POLICY);
    const out = json(run(['check', file, '--format', 'json']));
    assert.equal(out.files[0].path, file);
  });

  test('an EBCDIC (IBM-1047) policy is decoded, said so on stderr, and checked like its UTF-8 twin', () => {
    write('ebcdic/utf8.ttls', POLICY);
    write('ebcdic/TTLSPOL.ttls', toIbm1047(POLICY));
    const cwd = path.join(tmp, 'ebcdic');
    const utf8 = run(['check', 'utf8.ttls', '--format', 'json'], cwd);
    const ebcdic = run(['check', 'TTLSPOL.ttls', '--format', 'json'], cwd);
    assert.match(ebcdic.stderr, /note: TTLSPOL\.ttls decoded as IBM-1047 \(EBCDIC\)/);
    assert.equal(utf8.stderr, '');
    assert.deepEqual(json(ebcdic).files[0].diagnostics, json(utf8).files[0].diagnostics);
    assert.deepEqual(unresolved(json(ebcdic).files[0].diagnostics)[0].range.start, {
      line: REF_LINE,
      character: REF_CHAR,
    });
    assert.equal(ebcdic.status, utf8.status);
  });

  test('a binary file gets one file/unreadable diagnostic, not a crash', () => {
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) {
      bytes[i] = (i * 7919) % 256;
    }
    write('binary/policy.ttls', bytes);
    write('binary/dump.bin', bytes);
    const r = run(['check', 'policy.ttls', 'dump.bin', '--format', 'json'], path.join(tmp, 'binary'));
    const out = json(r);
    assert.equal(out.files.length, 2);
    for (const f of out.files) {
      assert.deepEqual(
        f.diagnostics.map((d) => [d.rule, d.severity]),
        [['file/unreadable', 'error']],
      );
    }
    assert.equal(r.status, 1);
    const off = run(['check', 'policy.ttls', '--rule', 'file/unreadable=off'], path.join(tmp, 'binary'));
    assert.equal(off.status, 0, off.stderr);
  });

  test('a 1 MB single line does not crash or hang', () => {
    const long = POLICY.replace('  Priority 255', `  Priority 255 # ${'x'.repeat(1024 * 1024)}`);
    write('long/policy.ttls', long);
    write(
      'long/value.ttls',
      `${POLICY}TTLSCipherParms c1\n{\n  V3CipherSuites4Char ${'C02F'.repeat(256 * 1024)}\n}\n`,
    );
    const r = run(['check', 'policy.ttls', 'value.ttls', '--format', 'json'], path.join(tmp, 'long'));
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(json(r).files.length, 2);
    assert.deepEqual(unresolved(json(r).files[0].diagnostics)[0].range.start, {
      line: REF_LINE,
      character: REF_CHAR,
    });
  });

  test('CRLF line ends give the same lines and columns as LF', () => {
    write('crlf/lf.ttls', POLICY);
    write('crlf/crlf.ttls', POLICY.replace(/\n/g, '\r\n'));
    const cwd = path.join(tmp, 'crlf');
    const lf = run(['check', 'lf.ttls'], cwd);
    const crlf = run(['check', 'crlf.ttls'], cwd);
    assert.equal(crlf.stdout.replaceAll('crlf.ttls', 'lf.ttls'), lf.stdout);
    assert.match(
      crlf.stdout,
      new RegExp(`^crlf\\.ttls:${REF_LINE + 1}:${REF_CHAR + 1}: error attls/unresolved-ref `, 'm'),
    );
  });

  test('columns are UTF-16 code units: a character outside the BMP counts as two', () => {
    // The Ref names 'env\u{1F512}TN3270' (a padlock, two UTF-16 units): the range ends 11 units on.
    write('utf16/policy.ttls', POLICY.replace('ActionRef envTN3270', 'ActionRef env\u{1F512}TN3270'));
    const out = json(run(['check', 'policy.ttls', '--format', 'json'], path.join(tmp, 'utf16')));
    assert.deepEqual(unresolved(out.files[0].diagnostics)[0].range, {
      start: { line: REF_LINE, character: REF_CHAR },
      end: { line: REF_LINE, character: REF_CHAR + 11 },
    });
  });

  test('a file over 50 MB is checked in part with a file/too-large warning; over 1 GB is refused', () => {
    const pad = `# ${'padding for the size test '.repeat(3)}\n`;
    write('size/big.ttls', POLICY + pad.repeat(Math.ceil((51 * 1024 * 1024) / pad.length)));
    const big = run(['check', 'big.ttls', '--format', 'json'], path.join(tmp, 'size'));
    const rules = json(big).files[0].diagnostics.map((d) => d.rule);
    assert.ok(rules.includes('file/too-large'), rules.join());
    assert.ok(rules.includes('attls/unresolved-ref'), rules.join());
    rmSync(path.join(tmp, 'size/big.ttls'));

    // Sparse where the file system allows it, so the test does not write a gigabyte.
    const huge = write('size/huge.ttls', '');
    truncateSync(huge, 1024 * 1024 * 1024 + 1);
    const r = run(['check', 'huge.ttls'], path.join(tmp, 'size'));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.ttls: the file is larger than 1 GB/);
    rmSync(huge);
  });
});

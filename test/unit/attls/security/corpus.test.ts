// The security rules over the real policies of shared/corpus/attls: the known defects of
// SOURCES.md must be reported, and every other finding of these rules must be listed here with
// the reason it is right. Anything unlisted fails the test: fix the rule, or justify the finding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';
import { securityRules } from '../../../../server/src/service/attls/rules/security';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/attls');
const MINE = new Set(securityRules.map((r) => r.id));

type Expected = [rule: string, line: number, why: string];

// Lines are 1-based, as in an editor.
const EXPECTED: Record<string, Expected[]> = {
  'colinpaicemq-ATTLS-Client-PAGENTTN.conf': [
    ['attls/constant-in-4char', 427, 'SOURCES: constant TLS_CHACHA20_POLY1305_SHA256 on V3CipherSuites4Char'],
    ['attls/constant-in-4char', 428, 'SOURCES: constant TLS_ECDH_RSA_... on V3CipherSuites4Char'],
    ['attls/constant-in-4char', 429, 'SOURCES: constant TLS_ECDH_RSA_... on V3CipherSuites4Char'],
    ['attls/constant-in-4char', 430, 'SOURCES: constant TLS_ECDH_ECDSA_... on V3CipherSuites4Char'],
    ['attls/malformed-cipher-string', 430, "SOURCES: the stray token 'C02'"],
    ['attls/shadowed-rule', 12, 'SOURCES: COLATTLJ shadows COLATTLS'],
    [
      'attls/obsolete-protocol',
      116,
      'extra, justified: CSSMTPEnvironment turns only TLSv1.1 Off, so TLSv1 stays On by default for CSSMTPRule',
    ],
    [
      'attls/obsolete-protocol',
      305,
      "extra, justified: AZFEnvAdvMutual has '# TLSv1 Off' commented out under its own '# default for tlsv1 is on'",
    ],
  ],
  'colinpaicemq-EasyAT-TLS-attls.conf': [
    ['attls/obsolete-protocol', 41, 'SOURCES: TLSv1 On in a connection block (CAZFMutAuthRule)'],
    ['attls/obsolete-protocol', 147, 'SOURCES: TLSv1 On in a connection block (CCPJES2OUT)'],
    ['attls/obsolete-protocol', 277, 'SOURCES: TLSv1 On in a connection block (CCSSMTPRule)'],
    // The generated connection blocks turn TLSv1.1 Off but never TLSv1, and the environments set no
    // protocol: TLSv1 stays On by default (reported once per environment, at its name).
    ['attls/obsolete-protocol', 13, 'extra, justified: TLSv1 on by default for AZFClientRule'],
    ['attls/obsolete-protocol', 86, 'extra, justified: TLSv1 on by default for AZFSrvAuthRule'],
    ['attls/obsolete-protocol', 120, 'extra, justified: TLSv1 on by default for CPJES2IN'],
    ['attls/obsolete-protocol', 198, 'extra, justified: TLSv1 on by default for COLATTLJ'],
    ['attls/obsolete-protocol', 246, 'extra, justified: TLSv1 on by default for COLATTLS'],
    ['attls/obsolete-protocol', 318, 'extra, justified: TLSv1 on by default for DEFAULTRULE12'],
    ['attls/obsolete-protocol', 348, 'extra, justified: TLSv1 on by default for DEFAULTRULE13'],
    ['attls/obsolete-protocol', 388, 'extra, justified: TLSv1 on by default for GPMSERVE'],
    [
      'attls/tls13-without-suite',
      345,
      'extra, justified: CDEFAULTRULE13 turns TLSv1.3 On and no level codes a cipher list (default list has no 13xx)',
    ],
    [
      'attls/shadowed-rule',
      360,
      'extra, justified: DEFAULTRULE12 and DEFAULTRULE13 are both LocalPortRange 9999-9999, Direction Both, Priority 1; ...12 sorts first',
    ],
  ],
  'ibm-zos-debugger-docs-pagent.ttls.conf': [
    [
      'attls/tls12-off-by-default',
      13,
      'SOURCES: protocol defaults left in force (TLSv1.2 On is commented out)',
    ],
    [
      'attls/obsolete-protocol',
      13,
      'SOURCES: TLSv1 and TLSv1.1 on by default (the file says so in a comment)',
    ],
  ],
  'zowe-docs-site-configuration-at-tls-full-example.conf': [
    [
      'attls/shadowed-rule',
      138,
      'extra, justified: ApimlClientRule (remote 7554-7559, Jobname ZWEA*, Outbound) precedes and contains ApimlZLUXClientRule (remote 7556, ZWEAAG*)',
    ],
  ],
  // pj892031: ChaCha20 and TLS 1.3 are on, but FIPS140 is not coded (Off) and the list holds 1301/1302,
  // so neither fips-chacha20 nor tls13-without-suite nor tls13-fips-unsupported applies.
  'pj892031-attls.conf': [],
};

test('security rules on the real corpus: the known defects, and nothing unjustified', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.conf'));
  assert.ok(files.length >= 10);
  for (const file of files) {
    // latin1: one file holds a stray 0xB8 byte in a comment (SOURCES.md, Fidelity).
    const text = readFileSync(path.join(CORPUS, file), 'latin1');
    const got = analyzeAttls(text, { release: '3.1' })
      .findings.filter((f) => MINE.has(f.rule))
      .map((f) => `${f.rule}@${f.range.start.line + 1}`)
      .sort();
    const want = (EXPECTED[file] ?? []).map(([rule, line]) => `${rule}@${line}`).sort();
    assert.deepEqual(got, want, file);
  }
});

test('PAGENTTN: the ChaCha20-only TLS13 list of environment TNEA is never in effect', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  // TNCA's TTLSCipherParmsRef TLS13TLS12 replaces TNEA's TLS13 for every rule, TLS 1.3 is Off at the
  // connection level and no group sets FIPS140: so no ChaCha20/FIPS or TLS 1.3 finding is due, on any release.
  const text = readFileSync(path.join(CORPUS, 'colinpaicemq-ATTLS-Client-PAGENTTN.conf'), 'latin1');
  for (const release of ['2.4', '3.1', '3.2'] as const) {
    const rules = analyzeAttls(text, { release }).findings.map((f) => f.rule);
    for (const id of ['attls/fips-chacha20', 'attls/tls13-without-suite', 'attls/tls13-fips-unsupported']) {
      assert.ok(!rules.includes(id), `${id} on ${release}`);
    }
  }
});

test('every V2CipherSuites line of the corpus is reported as weak', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  // SOURCES.md lists V2CipherSuites for the Zowe v2 example; the stored block has none, so this
  // counts lines rather than assuming they exist.
  for (const file of readdirSync(CORPUS).filter((f) => f.endsWith('.conf'))) {
    const text = readFileSync(path.join(CORPUS, file), 'latin1');
    const v2Lines = text.split(/\r?\n/).filter((l) => /^\s*V2CipherSuites\b/i.test(l)).length;
    const reported = analyzeAttls(text).findings.filter(
      (f) => f.rule === 'attls/weak-cipher' && /V2CipherSuites/.test(f.message),
    ).length;
    assert.equal(reported, v2Lines, file);
  }
});

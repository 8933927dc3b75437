// Runs every real policy in shared/corpus/attls through the analyser and checks that the structural
// rules report exactly the known defects of SOURCES.md, plus the listed, justified extra findings.
// A finding not listed here is a false error: fix the rule, do not add it to the list unjustified.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';
import { structuralRules } from '../../../../server/src/service/attls/rules/structural';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/attls');
const MINE = new Set(structuralRules.map((r) => r.id));

/** file → 'line rule' entries (1-based line). Each entry is a SOURCES.md defect or says why it is right. */
const EXPECTED: Record<string, string[]> = {
  'colinpaicemq-ATTLS-Client-PAGENTTN.conf': [
    '255 attls/bad-value', // SOURCES: RemoteAddr 6793 (warning variant)
    '293 attls/inline-and-ref', // SOURCES: AZFEnvAction1Client Ref + inline TTLSEnvironmentAdvancedParms
    '379 attls/repeated-parameter', // SOURCES: eAdvAZFClient repeats TLSv1 Off
    '380 attls/repeated-parameter', // … TLSv1.1 Off
    '381 attls/repeated-parameter', // … TLSv1.2 On
    '98 attls/unused-definition', // SOURCES: TNESigParms2 never referenced
    '396 attls/unused-definition', // SOURCES: AZFConnAdvParms1ACON (its only user is commented out)
    // Extra, justified: every 'Trace 255' is above 7, which is what attls/trace-verbose (information) is for.
    '28 attls/trace-verbose',
    '86 attls/trace-verbose',
    '277 attls/trace-verbose',
    '286 attls/trace-verbose',
    '295 attls/trace-verbose',
    '311 attls/trace-verbose',
    '319 attls/trace-verbose',
    '327 attls/trace-verbose',
    '342 attls/trace-verbose',
  ],
  'colinpaicemq-EasyAT-TLS-attls.conf': [
    // Extra, justified: 'Trace 255' in each generated group action (above 7, information).
    '24 attls/trace-verbose',
    '63 attls/trace-verbose',
    '97 attls/trace-verbose',
    '131 attls/trace-verbose',
    '166 attls/trace-verbose',
    '213 attls/trace-verbose',
    '261 attls/trace-verbose',
    '403 attls/trace-verbose',
  ],
  'ibm-docs-zos-v2r1-pbn_pol_types_attls-example.conf': [
    '49 attls/syntax', // SOURCES: 'PortGroup2' lacks its statement keyword
    '6 attls/unresolved-ref', // SOURCES: RemotePortGroupRef portGroup2 (points at the PortGroup2 block)
    '10 attls/unresolved-ref', // SOURCES: TTLSGroupActionRef ttlsAction7
  ],
  'ibm-zos-debugger-docs-pagent.conf': [],
  'ibm-zos-debugger-docs-pagent.ttls.conf': [
    '13 attls/syntax', // SOURCES: act_zOS_Debugger_Debug_Manager never closed — reported once, no cascade
  ],
  'pj892031-attls.conf': [
    '98 attls/duplicate-name', // SOURCES: ConnectionAdvancedParms twice
    '103 attls/duplicate-name', // SOURCES: ServerEnvironmentAction twice
    '108 attls/duplicate-name', // SOURCES: EnvironmentAdvancedParms twice
    '113 attls/duplicate-name', // SOURCES: ServerConnectionAction twice
    '103 attls/environment-incomplete', // SOURCES: the second ServerEnvironmentAction has no keyring
    '27 attls/placeholder', // SOURCES: Keyring RINGID
  ],
  'softwareag-bsa-PAGNTCFG-pagent.conf': [],
  'zowe-docs-site-configuration-at-tls-full-example.conf': [],
  'zowe-docs-site-configuring-at-tls-for-zowe-server-full-example.conf': [
    // Extra, justified: CertificateLabel with no value — information only (SOURCES: deliberate, no error).
    '179 attls/bad-value',
  ],
  'zowe-docs-site-mvd-configuration-zss.conf': [
    '29 attls/unresolved-ref', // SOURCES: cipherZSS vs cipher~ZSS
    // Extra, justified: cipher~ZSS really is referenced by nothing (the Ref misspells it); the message says so.
    '45 attls/unused-definition',
    '5 attls/placeholder', // SOURCES: [zss_port]
    '39 attls/placeholder', // SOURCES: [personal_label]
    '43 attls/placeholder', // SOURCES: [ring_name]
  ],
};

test('structural rules report exactly the known corpus defects', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const files = readdirSync(CORPUS).filter((f) => f.endsWith('.conf'));
  assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort(), 'a corpus file is not listed here');
  for (const f of files) {
    // latin1: one corpus file holds a non-UTF-8 byte; every other byte is ASCII.
    const text = readFileSync(path.join(CORPUS, f), 'latin1');
    const got = analyzeAttls(text, { release: '3.1' })
      .findings.filter((x) => MINE.has(x.rule))
      .map((x) => `${x.range.start.line + 1} ${x.rule}`);
    assert.deepEqual(got.sort(), [...EXPECTED[f]].sort(), f);
  }
});

test('the specific corpus findings carry the expected details', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const read = (f: string): ReturnType<typeof analyzeAttls>['findings'] =>
    analyzeAttls(readFileSync(path.join(CORPUS, f), 'latin1')).findings;
  const zss = read('zowe-docs-site-mvd-configuration-zss.conf').find(
    (x) => x.rule === 'attls/unresolved-ref',
  )!;
  assert.equal(zss.fixes?.[0].edits[0].newText, 'cipher~ZSS');
  assert.equal(zss.fixes?.[0].isPreferred, true);
  const addr = read('colinpaicemq-ATTLS-Client-PAGENTTN.conf').find((x) => x.rule === 'attls/bad-value')!;
  assert.equal(addr.severity, 'warning');
  assert.match(addr.message, /0\.0\.26\.137/);
  const label = read('zowe-docs-site-configuring-at-tls-for-zowe-server-full-example.conf').find(
    (x) => x.rule === 'attls/bad-value',
  )!;
  assert.equal(label.severity, 'information');
  const pg = read('ibm-docs-zos-v2r1-pbn_pol_types_attls-example.conf').find(
    (x) => x.rule === 'attls/unresolved-ref' && x.range.start.line === 5,
  )!;
  assert.match(pg.message, /PortGroup portGroup2/);
});

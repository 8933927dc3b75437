// The RACF pipeline end to end (carrier → TSO parser → model → rules → suppressions) on JCL, REXX
// and command files, and every file of the RACDCERT corpus against its SOURCES.md checker notes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeRacf } from '../../../server/src/service/racf/analyze';
import { detectRacfLanguage } from '../../../server/src/service/racf/detect';
import { RULE_CATALOGUE } from '../../../server/src/service/ruleCatalogue.generated';
import { RACF_RULES } from '../../../server/src/service/racf/rules';
import { createRacfWorkspace, racfFactsOf } from '../../../server/src/service/racf/workspaceFacts';
import type { Finding } from '../../../server/src/service/types';

const today = new Date(2026, 10, 23);
const rulesAt = (text: string, language: 'jcl' | 'rexx' | 'racf', o = {}): string[] =>
  analyzeRacf(text, language, { today, ...o }).findings.map((f) => `${f.rule} ${f.range.start.line + 1}`);

test('every catalogued racf/* rule is implemented exactly once, with a link', () => {
  const catalogued = RULE_CATALOGUE.filter((r) => r.id.startsWith('racf/')).map((r) => r.id);
  assert.deepEqual(RACF_RULES.map((r) => r.id).sort(), [...catalogued].sort());
  for (const r of RACF_RULES) {
    assert.match(r.href, /^https?:\/\//, r.id);
  }
});

const JCL = [
  '//RACFJOB  JOB (0),CLASS=A',
  '//STEP1    EXEC PGM=IKJEFT01',
  '//SYSTSPRT DD SYSOUT=*',
  '//SYSTSIN  DD *',
  " RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) WITHLABEL('Srv') -",
  "   SIZE(2048) SIGNWITH(CERTAUTH LABEL('Local CA'))",
  ' RACDCERT ID(SRV) ADDRING(SrvRing)',
  " RACDCERT ID(SRV) CONNECT(LABEL('Srv') RING(SrvRing) DEFAULT)",
  ' PERMIT IRR.DIGTRING.LIST CLASS(FACILITY) ID(SRV) ACCESS(READ)',
  ' SETROPTS RACLIST(DIGTCERT DIGTRING FACILITY) REFRESH',
  '/*',
  '',
].join('\n');

test('JCL: findings of the cross-command rules with document lines; //* suppresses the next line', () => {
  assert.deepEqual(rulesAt(JCL, 'jcl'), [
    'racf/signwith-unknown 6',
    'racf/ring-access 8',
    'racf/unknown-resource 9',
  ]);
  const { model } = analyzeRacf(JCL, 'jcl', { today });
  assert.equal(model.streams.length, 1);
  assert.equal(model.racf.length, 5);
  assert.equal(model.certificates[0].label?.text, 'Srv');
  // A JCL comment statement cannot sit inside the SYSTSIN data; a TSO comment can.
  const suppressed = JCL.replace(
    ' PERMIT IRR.DIGTRING',
    ' /* zos-tls-disable-next-line racf/unknown-resource */\n PERMIT IRR.DIGTRING',
  );
  assert.deepEqual(rulesAt(suppressed, 'jcl'), ['racf/signwith-unknown 6', 'racf/ring-access 8']);
  const beforeStep = JCL.replace('//SYSTSIN', '//* zos-tls-disable-file racf/ring-access\n//SYSTSIN');
  assert.deepEqual(rulesAt(beforeStep, 'jcl'), ['racf/signwith-unknown 7', 'racf/unknown-resource 10']);
});

test('options: rule settings switch rules off or change severity; release, today and FIPS reach the model', () => {
  const { findings, model } = analyzeRacf(JCL, 'jcl', {
    today,
    fips: true,
    release: '2.5',
    rules: { 'racf/ring-access': 'off', 'racf/signwith-unknown': 'error' },
  });
  assert.deepEqual(
    findings.map((f) => `${f.rule} ${f.severity}`),
    ['racf/signwith-unknown error', 'racf/unknown-resource error'],
  );
  assert.equal(model.fips, true);
  assert.equal(model.release, '2.5');
  assert.equal(model.today, today);
});

test('REXX: literal commands are checked, variable-built ones are not; /* */ comments suppress', () => {
  const rexx = [
    '/* REXX */',
    'address tso',
    '"RACDCERT ID(SRV) ADDRING(Ring)"',
    '/* zos-tls-disable-next-line racf/label-unknown */',
    '"RACDCERT ID(SRV) CONNECT(LABEL(\'Elsewhere\') RING(Ring) USAGE(CERTAUTH))"',
    '"RACDCERT ID("user") CONNECT(LABEL(\'x\') RING(Nowhere))"',
    '"SETROPTS RACLIST(DIGTRING) REFRESH"',
    'exit 0',
  ].join('\n');
  assert.deepEqual(rulesAt(rexx, 'rexx'), []);
  assert.deepEqual(
    rulesAt(rexx.replace('/* zos-tls-disable-next-line racf/label-unknown */', '/* */'), 'rexx'),
    ['racf/label-unknown 5'],
  );
});

test('plain command file: TSO comments suppress; disable-line on the offending line', () => {
  const text = [
    'RACDCERT ID(A) ADDRING(R)',
    'RACDCERT ID(A) ADDRING(R) /* zos-tls-disable-line racf/duplicate */',
    'SETROPTS RACLIST(DIGTRING) REFRESH',
  ].join('\n');
  assert.deepEqual(rulesAt(text, 'racf'), []);
  assert.deepEqual(rulesAt(text.replace(' /* zos-tls-disable-line racf/duplicate */', ''), 'racf'), [
    'racf/duplicate 2',
  ]);
  assert.deepEqual(rulesAt('', 'racf'), []);
  assert.deepEqual(rulesAt('not a command\n', 'racf'), []);
});

// ---------------------------------------------------------------------------------------------
// Corpus

const dir = path.resolve(__dirname, '../../../../shared/corpus/racdcert');

/**
 * Every finding on every corpus file, as "rule line" (1-based), each with why it is right:
 * "SOURCES" quotes the checker notes' "should report" column; anything else is justified.
 */
const EXPECTED: Record<string, [string, string][]> = {
  'Terriaki-z-OS-Generate-CSR.jcl': [],
  'Terriaki-z-OS-Generate-certificate.jcl': [['racf/missing-refresh 10', 'SOURCES: no DIGTCERT refresh']],
  'colinpaicemq-ATTLS-Client-README-map.txt': [
    ['racf/syntax 1', "SOURCES: DELMAP(LABEL('IBMUSER1Label)) unbalanced apostrophe"],
  ],
  'ibm-wsc-mq-zos-saf-keyrings-ca-gencert.txt': [
    [
      'racf/missing-refresh 1',
      'the block generates a CA and refreshes nothing (harmless if DIGTCERT is not RACLISTed)',
    ],
  ],
  'ibm-wsc-mq-zos-saf-keyrings-server-gencert.txt': [
    [
      'racf/signwith-unknown 6 information',
      "SOURCES: SIGNWITH LABEL('SYSPROG') never created (the CA is 'mqwebCertauth')",
    ],
    ['racf/missing-refresh 1', 'the block generates a certificate and refreshes nothing'],
  ],
  'ibm-wsc-zCONNEE-Wildfire-Workshop-CICSTLS3.jcl': [
    ['racf/syntax 34', "SOURCES: label('CICS Client Cert') default missing ')'"],
    ['racf/syntax 38', "SOURCES: label('CICS Server Cert') missing ')'"],
    ['racf/password-in-clear 11', "password('secret') in the job"],
    ['racf/password-in-clear 14', "password('secret') in the job"],
    ['racf/password-in-clear 17', "password('secret') in the job"],
    ['racf/password-in-clear 20', "password('secret') in the job"],
    ['racf/missing-refresh 43', 'SOURCES: no SETROPTS RACLIST(FACILITY) REFRESH after the PERMITs'],
    ['racf/duplicate 31', "SOURCES: 'CICS CA' connected twice"],
  ],
  'ibm-wsc-zCONNEE-Wildfire-Workshop-MQTLS.jcl': [
    ['racf/syntax 14', 'SOURCES: notafter(date(2022/12/31) missing )'],
    [
      'racf/syntax 42',
      "SOURCES: label('MQ CHIN') default missing ) — reported at the connect( it leaves open",
    ],
    ['racf/bad-value 9', 'SOURCES: slash date'],
    ['racf/bad-value 14', 'SOURCES: slash date'],
    ['racf/bad-value 21', 'SOURCES: slash date'],
    ['racf/validity 9', 'SOURCES: NOTAFTER in the past'],
    ['racf/validity 14', 'SOURCES: NOTAFTER in the past'],
    ['racf/validity 21', 'SOURCES: NOTAFTER in the past'],
    ['racf/password-in-clear 49', 'SOURCES: PASSWORD in clear'],
    [
      'racf/ring-unknown 35 information',
      'SOURCES: ring Liberty.KeyRing created in another job (cross-file: information, it may exist in RACF)',
    ],
    ['racf/ring-unknown 38 information', 'SOURCES: ring zCEE.KeyRing created in another job (cross-file)'],
    ['racf/label-unknown 30 information', "SOURCES: 'Liberty CA' created in another job (cross-file)"],
    ['racf/label-unknown 33 information', "SOURCES: 'zCEE CA' created in another job (cross-file)"],
    ['racf/missing-refresh 7', 'SOURCES: GENCERT without DIGTCERT refresh'],
    [
      'racf/ring-access 42',
      'MQSTC connects its PERSONAL MQ CHIN certificate and the job grants no LISTRING/RDATALIB access',
    ],
  ],
  'ibm-wsc-zCONNEE-Wildfire-Workshop-ZCEETLSS.jcl': [
    ['racf/bad-value 11', 'SOURCES: slash dates'],
    ['racf/bad-value 16', 'SOURCES: slash dates'],
    ['racf/bad-value 21', 'SOURCES: slash dates'],
    ['racf/bad-value 26', 'SOURCES: slash dates'],
    ['racf/validity 11', 'SOURCES: NOTAFTER 2022/12/31 in the past'],
    ['racf/validity 16', 'SOURCES: NOTAFTER 2022/12/31 in the past'],
    ['racf/validity 21', 'SOURCES: NOTAFTER 2022/12/31 in the past'],
    ['racf/validity 26', 'SOURCES: NOTAFTER 2022/12/31 in the past'],
  ],
  'ibm-wsc-zCONNEE-Wildfire-Workshop-ZCJWTR3A.jcl': [
    ['racf/password-in-clear 19', 'SOURCES: passwords in clear'],
    ['racf/password-in-clear 25', 'SOURCES: passwords in clear'],
    ['racf/password-in-clear 51', 'SOURCES: passwords in clear'],
    ['racf/password-in-clear 57', 'SOURCES: passwords in clear'],
    ['racf/missing-refresh 10', 'SOURCES: ring changes refreshed only with DIGTCERT (missing DIGTRING)'],
    [
      'racf/ring-access 37',
      'ATSSERV gets a PERSONAL certificate in OpServer.KS; the job grants no ring access',
    ],
    ['racf/ring-access 69', 'same for RpServer.KS'],
    ['racf/unclosed-comment 6', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 13', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 15', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 21', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 27', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 31', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 39', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 45', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 47', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 53', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 59', 'SOURCES: unterminated /* comment (info)'],
    ['racf/unclosed-comment 63', 'SOURCES: unterminated /* comment (info)'],
  ],
  'lbdyck-racfadm-racgcert.rexx': [],
  'sunil390-zLearning-cheatsheet-add-to-keyring.txt': [
    ['racf/syntax 11', 'SOURCES: PERMIT ... – en dash continuation'],
    ['racf/syntax 25', 'SOURCES: CONNECT(ID(DB2USR1)) - closes CONNECT early'],
    ['racf/label-unknown 4 information', "'IDUG CA CERT' is added nowhere in the notes (may exist in RACF)"],
    ['racf/label-unknown 7 information', "'DBC1CERT' is added nowhere in the notes (may exist in RACF)"],
    ['racf/missing-refresh 1', 'ring changes, no DIGTRING refresh anywhere in the notes'],
    ['racf/missing-refresh 9', 'FACILITY PERMITs, no FACILITY refresh'],
    ['racf/missing-refresh 21', 'ADD, no DIGTCERT refresh'],
    [
      'racf/ring-access 7',
      'the PERMIT meant to grant ring access names IRR.DIGTRING.LIST, which does not exist',
    ],
    ['racf/unknown-resource 11', 'SOURCES: PERMIT IRR.DIGTRING.LIST (no such resource)'],
  ],
  'sunil390-zLearning-cheatsheet-ca-certificate.txt': [
    ['racf/syntax 1', 'SOURCES: – (U+2013) used as continuation'],
    [
      'racf/syntax 2',
      "SUBJECTDSN( never closed: the author wrote no ) after C('UK') (TSO parser corpus test)",
    ],
    ['racf/syntax 5', 'SOURCES: – used as continuation'],
    ['racf/syntax 7', 'SOURCES: – used as continuation'],
    ['racf/syntax 8', 'SOURCES: – used as continuation'],
    ['racf/syntax 11', 'SOURCES: – used as continuation'],
    ['racf/unknown-keyword 2', 'SOURCES: SUBJECTDSN (misspelt SUBJECTSDN)'],
    ['racf/validity 7', 'SOURCES: NOTAFTER 2025-12-31 in the past'],
    ['racf/missing-refresh 1', 'GENCERT, no DIGTCERT refresh'],
  ],
  'sunil390-zLearning-zAlert.rexx': [],
  'sunil390-zLearning-zowe-md-zOSMF-certificates.jcl': [
    ['racf/bad-value 29', 'SOURCES: slash dates'],
    ['racf/bad-value 37', 'SOURCES: slash dates'],
    ['racf/validity 29', 'SOURCES: NOTAFTER 2025/05/17 in the past'],
    ['racf/validity 37', 'SOURCES: NOTAFTER 2025/05/17 in the past'],
    [
      'racf/ring-access 40',
      'IZUSVR gets its PERSONAL certificate; this copy of the job grants no LISTRING/RDATALIB access',
    ],
  ],
  'zeditor01-Z25A-SQLDI-RACFKR00.jcl': [
    ['racf/bad-value 21', 'SOURCES: slash dates'],
    ['racf/bad-value 37', 'SOURCES: slash dates'],
    ['racf/validity 21', 'SOURCES: NOTAFTER 2024/01/01 in the past'],
    ['racf/validity 37', 'SOURCES: NOTAFTER 2024/01/01 in the past'],
    ['racf/missing-refresh 6', 'SOURCES: no DIGTRING refresh'],
    ['racf/missing-refresh 8', 'SOURCES: no DIGTCERT refresh'],
    [
      'racf/duplicate-dn-in-ring 42',
      "SOURCES: CA 'WMLZCACERT' and server 'WMLZCERT_WMLZID' have the identical SUBJECTSDN and both join WMLZRING",
    ],
  ],
  'zeditor01-Z25A-ShopZ-add-trust.txt': [
    ['racf/syntax 4', 'SOURCES: RING((SHOPZ) doubled parenthesis'],
    ['racf/syntax 6', 'SOURCES: RING((SHOPZ) doubled parenthesis'],
    [
      'racf/label-unknown 6 information',
      "'DIGICERT GLOBAL ROOT CA' is added nowhere in the block (may exist in RACF)",
    ],
    ['racf/missing-refresh 1', 'ring changes, no DIGTRING refresh in the block'],
    ['racf/missing-refresh 3', 'ADD, no DIGTCERT refresh in the block'],
    ['racf/default-on-ca 4', 'SOURCES: DEFAULT on CERTAUTH connects'],
    ['racf/default-on-ca 6', 'SOURCES: DEFAULT on CERTAUTH connects'],
  ],
  'zeditor01-Z25A-ShopZ-zosmf-gencert.txt': [
    ['racf/continuation 1', 'SOURCES: written over several lines without continuation characters'],
    ['racf/continuation 4', 'SOURCES: idem'],
    ['racf/continuation 5', 'SOURCES: idem'],
  ],
  'zeditor01-Z25A-ShopZ-zosmf-keyring.txt': [
    ['racf/continuation 5', 'SOURCES: connect split without continuation'],
    [
      'racf/label-unknown 3 information',
      "'zOSMFCA2' is created by the ShopZ gencert block, another file (cross-file)",
    ],
    [
      'racf/label-unknown 5 information',
      "'zOSMFServer2' is created by the ShopZ gencert block, another file (cross-file)",
    ],
    ['racf/missing-refresh 1', 'SOURCES: no DIGTRING refresh'],
    ['racf/ring-access 5', 'izusvr gets its PERSONAL certificate; the block grants no ring access'],
  ],
  'zorow-UKO-addTrustCertificates.rexx': [],
  'zorow-UKO-createCerts.rexx': [],
  'zorow-WLP-wlp-create-ssl-keyring.rexx': [
    ['racf/missing-refresh 21', 'SOURCES: refresh is only FACILITY (no DIGTRING)'],
    ['racf/missing-refresh 26', 'SOURCES: refresh is only FACILITY (no DIGTCERT)'],
    ['racf/ring-access 46', 'the WLP user gets its PERSONAL certificate; the exec grants no ring access'],
  ],
  'zowe-install-packaging-ZWEIKRR1.jcl': [],
  'zowe-install-packaging-ZWEKRING.jcl': [
    [
      'racf/unknown-keyword 261',
      'SOURCES: edit-me placeholder CONNECT(SITE | ID(userid) + (invalid until edited)',
    ],
    [
      'racf/label-unknown 262 information',
      "SOURCES: same edit-me block: LABEL('certlabel') of SITE, a placeholder for an existing certificate",
    ],
    [
      'racf/unclosed-comment 712',
      'SOURCES: TSS section line /* TSS PERMIT(...) ACCESS(CONTROL) has no */ (info)',
    ],
  ],
  'zowe-install-packaging-ZWENOKYR.jcl': [],
};

/**
 * "Should report" items of SOURCES.md that no rule reports, with the reason and who owns it.
 * Kept here so the corpus test documents them; each is a decision for the catalogue owner.
 */
const KNOWN_ISSUES: { file: string; item: string; reason: string }[] = [
  {
    file: 'zorow-UKO-createCerts.rexx, zorow-UKO-addTrustCertificates.rexx',
    item: 'NOTAFTER 2023-12-31 in the past; DEFAULT on nine CERTAUTH connects',
    reason:
      'the commands are built from variables; rules.md says never to report on such fragments, so the REXX carrier (rexx.ts) skips them — SOURCES and rules.md disagree; catalogue owner',
  },
  {
    file: 'SQLDI, zOSMF (IZUSEC-derived)',
    item: 'no SIZE on an RSA certificate (1024 on older systems)',
    reason:
      'racf/weak-key (per-command rules) judges the default size by release; not reported at the default release 3.1',
  },
  {
    file: 'sunil390-zLearning-cheatsheet-add-to-keyring.txt',
    item: "ADD('<data set name>') placeholder",
    reason:
      'issue 3 says template placeholders are left unreported; SOURCES lists it as a defect — catalogue owner',
  },
];

test('corpus: every known gap names its file, the missing item and whose decision it is', () => {
  for (const k of KNOWN_ISSUES) {
    assert.ok(k.file && k.item && k.reason.length > 40, k.item);
  }
});

/** The rules whose severity depends on what the file shows (information when it may exist in RACF). */
const UNKNOWN_RULES = new Set(['racf/signwith-unknown', 'racf/ring-unknown', 'racf/label-unknown']);

/** "rule line", and the severity for the rules whose severity varies. */
function corpusKey(f: Finding): string {
  const key = `${f.rule} ${f.range.start.line + 1}`;
  return UNKNOWN_RULES.has(f.rule) ? `${key} ${f.severity}` : key;
}

/** Lines (1-based) on which nothing may be reported: SOURCES.md "must not report" column. */
const MUST_NOT: Record<string, number[]> = {
  // RACDCERT commands inside a /* ... */ comment block (lines 26-35).
  'sunil390-zLearning-zAlert.rexx': [26, 27, 28, 29, 30, 31, 32, 33, 34, 35],
  // Cert#1 … lines and prose are not commands.
  'sunil390-zLearning-cheatsheet-add-to-keyring.txt': [2, 5, 14, 15, 17, 19, 24],
  // ZCEETLSS: TRUST on GENCERT, SETR RACLIST(DIGTCERT DIGTRING) REFRESH, two /* at the end.
  'ibm-wsc-zCONNEE-Wildfire-Workshop-ZCEETLSS.jcl': [45, 46],
};

test('corpus: no exception; exactly the expected findings, each justified; nothing where SOURCES forbids', (t) => {
  if (!existsSync(dir)) {
    t.skip('../shared/corpus/racdcert not found');
    return;
  }
  const files = readdirSync(dir).filter((f) => f !== 'SOURCES.md');
  assert.deepEqual([...files].sort(), Object.keys(EXPECTED).sort(), 'every corpus file has an entry');
  const sources = readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');
  for (const f of files) {
    assert.ok(sources.includes(f), `${f} is described in SOURCES.md`);
    const text = readFileSync(path.join(dir, f), 'utf8');
    const language = detectRacfLanguage(f, text);
    assert.ok(language, `${f}: a RACF carrier`);
    const { findings } = analyzeRacf(text, language, { today });
    const got = findings.map(corpusKey);
    assert.deepEqual(
      [...got].sort(),
      EXPECTED[f].map(([k]) => k).sort(),
      `${f}:\n${findings.map((x) => `  ${x.rule} ${x.range.start.line + 1}: ${x.message}`).join('\n')}`,
    );
    assert.ok(!findings.some((x) => x.message.includes('failed on this file')), f);
    for (const line of MUST_NOT[f] ?? []) {
      assert.ok(!findings.some((x) => x.range.start.line + 1 === line), `${f}: nothing on line ${line}`);
    }
  }
});

/**
 * The corpus as one workspace: what one file creates satisfies another's reference (SOURCES.md:
 * "created in another job"). Only these findings of the unknown-label/ring rules go away; every
 * other finding is the one the file gets alone.
 */
const SATISFIED_IN_WORKSPACE: Record<string, [string, string][]> = {
  'ibm-wsc-zCONNEE-Wildfire-Workshop-MQTLS.jcl': [
    ['racf/ring-unknown 35 information', 'ZCEETLSS adds Liberty.KeyRing for LIBSERV'],
    ['racf/label-unknown 30 information', "ZCEETLSS creates CERTAUTH 'Liberty CA'"],
  ],
  'sunil390-zLearning-cheatsheet-add-to-keyring.txt': [
    ['racf/label-unknown 4 information', "the CA cheat sheet creates CERTAUTH 'IDUG CA CERT'"],
  ],
  'zeditor01-Z25A-ShopZ-zosmf-keyring.txt': [
    ['racf/label-unknown 3 information', "the ShopZ gencert block creates CERTAUTH 'zOSMFCA2'"],
    ['racf/label-unknown 5 information', "the ShopZ gencert block creates ID(IZUSVR) 'zOSMFServer2'"],
  ],
};

test('corpus as a workspace: another file that creates the label or ring satisfies the reference', (t) => {
  if (!existsSync(dir)) {
    t.skip('../shared/corpus/racdcert not found');
    return;
  }
  const files = readdirSync(dir).filter((f) => f !== 'SOURCES.md');
  const texts = new Map(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
  const workspace = createRacfWorkspace(
    files.map((f) =>
      racfFactsOf(`file:///corpus/${f}`, texts.get(f)!, detectRacfLanguage(f, texts.get(f)!)!),
    ),
  );
  for (const f of files) {
    const text = texts.get(f)!;
    const language = detectRacfLanguage(f, text)!;
    const { findings } = analyzeRacf(text, language, {
      today,
      workspace,
      documentUri: `file:///corpus/${f}`,
    });
    const gone = new Set((SATISFIED_IN_WORKSPACE[f] ?? []).map(([k]) => k));
    for (const k of gone) {
      assert.ok(
        EXPECTED[f].some(([e]) => e === k),
        `${f}: ${k} is a finding of the file alone`,
      );
    }
    assert.deepEqual(
      findings.map(corpusKey).sort(),
      EXPECTED[f]
        .map(([k]) => k)
        .filter((k) => !gone.has(k))
        .sort(),
      f,
    );
    for (const x of findings.filter((y) => UNKNOWN_RULES.has(y.rule))) {
      assert.match(x.message, /nor any other file of the workspace/, f);
    }
  }
});

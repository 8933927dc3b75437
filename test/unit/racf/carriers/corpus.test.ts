// Every file of shared/corpus/racdcert through detection and the carriers: no exception, the streams
// and command lines expected from reading each file, and racf/columns / racf/stream-delimiter
// exactly where SOURCES.md says (it lists no such defect, and names several legal forms that must
// not be reported: sequence numbers in 73-80, indented comments, column-1 comments under DLM=$$, the
// two '/*' that end ZCEETLSS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findCommandStreams } from '../../../../server/src/service/racf/carriers';
import { detectRacfLanguage } from '../../../../server/src/service/racf/detect';
import { SourceText } from '../../../../server/src/service/text/sourceText';

const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/racdcert');

interface Expect {
  kind: 'jcl' | 'rexx' | 'racf';
  streams: number;
  /** Segments holding command text: not blank and not a comment-only line (JCL/plain). */
  commandLines?: number;
  /** REXX: RACF commands built from variables (not streams). */
  skipped?: number;
  /** 'line rule' (1-based) of the carrier problems. */
  problems?: string[];
}

// Counts read off the files: JCL command lines are the non-blank lines of each SYSTSIN data set
// that do not start with '/*' after indentation; ZWEKRING/ZWENOKYR count their RACF, ACF2 and TSS
// streams (SYSTSIN DD DDNAME=&PRODUCT); plain files count non-blank lines.
const EXPECTED: Record<string, Expect> = {
  'Terriaki-z-OS-Generate-CSR.jcl': { kind: 'jcl', streams: 1, commandLines: 2 },
  'Terriaki-z-OS-Generate-certificate.jcl': { kind: 'jcl', streams: 1, commandLines: 7 },
  'colinpaicemq-ATTLS-Client-README-map.txt': { kind: 'racf', streams: 1, commandLines: 6 },
  'ibm-wsc-mq-zos-saf-keyrings-ca-gencert.txt': { kind: 'racf', streams: 1, commandLines: 7 },
  'ibm-wsc-mq-zos-saf-keyrings-server-gencert.txt': { kind: 'racf', streams: 1, commandLines: 7 },
  'ibm-wsc-zCONNEE-Wildfire-Workshop-CICSTLS3.jcl': { kind: 'jcl', streams: 1, commandLines: 25 },
  'ibm-wsc-zCONNEE-Wildfire-Workshop-MQTLS.jcl': { kind: 'jcl', streams: 1, commandLines: 28 },
  'ibm-wsc-zCONNEE-Wildfire-Workshop-ZCEETLSS.jcl': { kind: 'jcl', streams: 1, commandLines: 26 },
  'ibm-wsc-zCONNEE-Wildfire-Workshop-ZCJWTR3A.jcl': { kind: 'jcl', streams: 1, commandLines: 32 },
  // Every command is built from variables (`cmd = "racdcert "certtype…`, `address TSO cmd`).
  'lbdyck-racfadm-racgcert.rexx': { kind: 'rexx', streams: 0, skipped: 0 },
  'sunil390-zLearning-cheatsheet-add-to-keyring.txt': { kind: 'racf', streams: 1, commandLines: 22 },
  'sunil390-zLearning-cheatsheet-ca-certificate.txt': { kind: 'racf', streams: 1, commandLines: 12 },
  // RACDCERT only inside a comment block (SOURCES: not commands).
  'sunil390-zLearning-zAlert.rexx': { kind: 'rexx', streams: 0, skipped: 0 },
  'sunil390-zLearning-zowe-md-zOSMF-certificates.jcl': { kind: 'jcl', streams: 1, commandLines: 14 },
  'zeditor01-Z25A-SQLDI-RACFKR00.jcl': { kind: 'jcl', streams: 1, commandLines: 37 },
  'zeditor01-Z25A-ShopZ-add-trust.txt': { kind: 'racf', streams: 1, commandLines: 5 },
  'zeditor01-Z25A-ShopZ-zosmf-gencert.txt': { kind: 'racf', streams: 1, commandLines: 6 },
  'zeditor01-Z25A-ShopZ-zosmf-keyring.txt': { kind: 'racf', streams: 1, commandLines: 5 },
  // Ten CONNECTs and a LISTRING built with ||SERVER_STC_USER||; only the SETROPTS is literal.
  'zorow-UKO-addTrustCertificates.rexx': { kind: 'rexx', streams: 1, skipped: 11 },
  // Two GENCERTs built from variables; the SETROPTS refresh is literal.
  'zorow-UKO-createCerts.rexx': { kind: 'rexx', streams: 1, skipped: 2 },
  // Eight one-line literals with ${…} placeholders (ADDRING, four GENCERT variants, two CONNECTs, SETROPTS).
  'zorow-WLP-wlp-create-ssl-keyring.rexx': { kind: 'rexx', streams: 8, skipped: 0 },
  'zowe-install-packaging-ZWEIKRR1.jcl': { kind: 'jcl', streams: 5, commandLines: 82 },
  'zowe-install-packaging-ZWEKRING.jcl': { kind: 'jcl', streams: 21, commandLines: 254 },
  'zowe-install-packaging-ZWENOKYR.jcl': { kind: 'jcl', streams: 3, commandLines: 37 },
};

const isCommandLine = (text: string): boolean => {
  const t = text.trim();
  return t !== '' && !t.startsWith('/*');
};

test('carriers over the racdcert corpus: streams, command lines and carrier problems', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const files = readdirSync(CORPUS).filter((f) => f !== 'SOURCES.md');
  assert.deepEqual(files.sort(), Object.keys(EXPECTED).sort(), 'a corpus file is not listed here');
  for (const f of files) {
    const text = readFileSync(path.join(CORPUS, f), 'utf8');
    const exp = EXPECTED[f];
    const kind = detectRacfLanguage(f, text);
    assert.equal(kind, exp.kind, f);
    // Content detection alone (a member with no extension) agrees for the JCL and REXX files.
    if (exp.kind !== 'racf') {
      assert.equal(detectRacfLanguage('MEMBER', text), exp.kind, `${f} by content`);
    }
    const source = new SourceText(text);
    const r = findCommandStreams(source, exp.kind);
    assert.equal(r.streams.length, exp.streams, `${f} streams`);
    if (exp.commandLines !== undefined) {
      const n = r.streams.reduce((a, s) => a + s.segments.filter((g) => isCommandLine(g.text)).length, 0);
      assert.equal(n, exp.commandLines, `${f} command lines`);
    }
    if (exp.skipped !== undefined) {
      assert.equal(r.skipped?.length, exp.skipped, `${f} skipped`);
    }
    assert.deepEqual(
      r.problems.map((p) => `${p.range.start.line + 1} ${p.rule}`),
      exp.problems ?? [],
      `${f} problems`,
    );
    for (const s of r.streams) {
      for (const g of s.segments) {
        const slice = source.lineText(g.line).slice(g.start, g.end);
        if (s.kind === 'rexx-literal') {
          // Equal to the document except for the blank REXX inserts and undoubled quotes.
          assert.ok(
            g.text === ' ' || g.text === slice || g.text === slice.slice(0, -1),
            `${f}:${g.line + 1}`,
          );
        } else {
          assert.equal(g.text, slice, `${f}:${g.line + 1}`);
        }
        if (s.fixedRecords) {
          assert.ok(g.end <= 72, `${f}:${g.line + 1} cut at column 72`);
        }
      }
    }
  }
});

test('corpus: the REXX literals are the commands as TSO receives them', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const read = (f: string): string => readFileSync(path.join(CORPUS, f), 'utf8');
  const cmd = (f: string): string[] =>
    findCommandStreams(new SourceText(read(f)), 'rexx').streams.map((s) =>
      s.segments.map((g) => g.text).join(''),
    );
  assert.deepEqual(cmd('zorow-UKO-createCerts.rexx'), ['SETROPTS RACLIST(DIGTCERT) REFRESH']);
  assert.deepEqual(cmd('zorow-UKO-addTrustCertificates.rexx'), ['SETROPTS RACLIST(DIGTRING) REFRESH']);
  const wlp = cmd('zorow-WLP-wlp-create-ssl-keyring.rexx');
  assert.equal(
    wlp[0],
    'RACDCERT ADDRING(Keyring.WLP.${_workflow-softwareServiceInstanceName}) ID(${instance-WLP_USER})',
  );
  assert.equal(wlp[7], 'SETROPTS RACLIST(FACILITY) REFRESH');
});

test('corpus: ZWEKRING streams are the RACF, ACF2 and TSS data sets of each step', (t) => {
  if (!existsSync(CORPUS)) {
    t.skip('shared/corpus not found');
    return;
  }
  const text = readFileSync(path.join(CORPUS, 'zowe-install-packaging-ZWEKRING.jcl'), 'utf8');
  const r = findCommandStreams(new SourceText(text), 'jcl');
  const dds = r.streams.map((s) => s.step?.ddName);
  assert.deepEqual(
    [
      dds.filter((d) => d === 'RACF').length,
      dds.filter((d) => d === 'ACF2').length,
      dds.filter((d) => d === 'TSS').length,
    ],
    [7, 7, 7],
  );
  // The first RACF stream: the blank line after the DD, the column-1 comment, ADDRING, the refresh.
  assert.deepEqual(
    r.streams[0].segments.map((g) => g.line + 1),
    [192, 193, 194, 195],
  );
  // ACF2's bare '//' line stays data under DLM=$$.
  const acf2 = r.streams.find((s) => s.step?.ddName === 'ACF2');
  assert.ok(acf2?.segments.some((g) => g.text === '//'));
  assert.equal(r.jcl?.symbols.PRODUCT, 'RACF');
});

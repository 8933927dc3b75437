// Every corpus file through the TSO parser with naive stream extraction (JCL: SYSTSIN/DD DATA
// lines, columns 1-72; plain command files: the whole file; REXX is the carrier tests' job).
// The racf/syntax and racf/continuation problems must be exactly the defects SOURCES.md and the
// reference §12 list, plus the extra findings justified below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseCommands } from '../../../../server/src/service/racf/tso';
import { naiveJclStreams, plainStream } from './streams';

const dir = path.resolve(__dirname, '../../../../../shared/corpus/racdcert');

/** file → "rule line:col" (1-based) for every problem expected. */
const EXPECTED: Record<string, string[]> = {
  // "DELMAP(LABEL('IBMUSER1Label))ID(IBMUSER) — unbalanced apostrophe"
  'colinpaicemq-ATTLS-Client-README-map.txt': ['racf/syntax 1:23'],
  // "label('CICS Client Cert') default and label('CICS Server Cert') both missing )"
  'ibm-wsc-zCONNEE-Wildfire-Workshop-CICSTLS3.jcl': ['racf/syntax 34:22', 'racf/syntax 38:22'],
  // "notafter(date(2022/12/31) missing ) (line 14); label('MQ CHIN') default missing ) (line 43)":
  // the second is reported at the connect( it leaves open (line 42).
  'ibm-wsc-zCONNEE-Wildfire-Workshop-MQTLS.jcl': ['racf/syntax 14:17', 'racf/syntax 42:21'],
  // "PERMIT ... – en dash continuation"; "CONNECT(ID(DB2USR1)) - closes CONNECT early".
  'sunil390-zLearning-cheatsheet-add-to-keyring.txt': ['racf/syntax 11:42', 'racf/syntax 25:41'],
  // "– (U+2013) used as continuation on 5 lines". Extra, justified: read as continued, the GENCERT
  // never closes SUBJECTDSN( (the author wrote no ')' after C('UK')), a real defect.
  'sunil390-zLearning-cheatsheet-ca-certificate.txt': [
    'racf/syntax 1:27',
    'racf/syntax 2:5',
    'racf/syntax 5:21',
    'racf/syntax 7:32',
    'racf/syntax 8:31',
    'racf/syntax 11:19',
  ],
  // "RING((SHOPZ) doubled parenthesis → unbalanced (×2)"
  'zeditor01-Z25A-ShopZ-add-trust.txt': ['racf/syntax 4:62', 'racf/syntax 6:77'],
  // "the commands are written over several lines without continuation characters"
  'zeditor01-Z25A-ShopZ-zosmf-gencert.txt': [
    'racf/continuation 1:71',
    'racf/continuation 4:68',
    'racf/continuation 5:72',
  ],
  // "racdcert connect(... label('zOSMFServer2') / default) id(izusvr) split without continuation"
  'zeditor01-Z25A-ShopZ-zosmf-keyring.txt': ['racf/continuation 5:66'],
};

test(
  'corpus: no exception, and exactly the listed syntax and continuation defects',
  { skip: !existsSync(dir) },
  () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.jcl') || f.endsWith('.txt'));
    assert.ok(files.length >= 18);
    for (const f of files) {
      const text = readFileSync(path.join(dir, f), 'utf8');
      const streams = f.endsWith('.jcl') ? naiveJclStreams(text) : [plainStream(text)];
      const got: string[] = [];
      let commands = 0;
      for (const s of streams) {
        const res = parseCommands(s);
        commands += res.commands.length;
        for (const p of res.problems) {
          got.push(`${p.rule} ${p.range.start.line + 1}:${p.range.start.character + 1}`);
          assert.ok(p.message.length > 40, `${f}: message says what to do`);
        }
      }
      assert.ok(commands > 0, `${f}: commands found`);
      assert.deepEqual(got, EXPECTED[f] ?? [], f);
    }
  },
);

test(
  'corpus: ZWEKRING streams parse into RACF, ACF2 and TSS commands without findings',
  { skip: !existsSync(dir) },
  () => {
    const text = readFileSync(path.join(dir, 'zowe-install-packaging-ZWEKRING.jcl'), 'utf8');
    const streams = naiveJclStreams(text);
    const names = new Set<string>();
    for (const s of streams) {
      for (const c of parseCommands(s).commands) {
        names.add(c.canonicalName ?? `-${c.name.upper}`);
      }
    }
    for (const n of ['RACDCERT', 'SETROPTS', 'PERMIT', 'RDEFINE', 'RLIST', '-TSS', '-ACF', '-PROFILE']) {
      assert.ok(names.has(n), n);
    }
  },
);

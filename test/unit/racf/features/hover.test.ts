// Hovers on RACF commands in a JCL SYSTSIN stream, a REXX exec and a command file: exact ranges,
// and the contents of the knowledge renderers (so every fact comes from the reference tables).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { racfHover } from '../../../../server/src/service/racf/hover';
import type { RacfAnalysis } from '../../../../server/src/service/racf/analyze';
import {
  commandMarkdown,
  dateMarkdown,
  facilityResourceMarkdown,
  functionMarkdown,
  irrdMessageMarkdown,
  keySizeMarkdown,
  keywordMarkdown,
} from '../../../../server/src/service/knowledge/racfInfo';
import { JCL, PLAIN, REXX, TODAY, analyze, range } from './fixtures';
import { analyzeRacf } from '../../../../server/src/service/racf/analyze';
import { createRacfWorkspace, racfFactsOf } from '../../../../server/src/service/racf/workspaceFacts';

const jcl = analyze(JCL, 'jcl');
const rexx = analyze(REXX, 'rexx');
const plain = analyze(PLAIN, 'racf');

function hover(a: RacfAnalysis, line: number, character: number): { contents: string; range?: unknown } {
  const h = racfHover(a, { line, character });
  assert.ok(h, `a hover at ${line}:${character}`);
  return h;
}

test('JCL: command name, function, nested keyword', () => {
  assert.deepEqual(hover(jcl, 4, 5), { contents: commandMarkdown('RACDCERT'), range: range(4, 2, 10) });
  assert.deepEqual(hover(jcl, 4, 20), { contents: functionMarkdown('GENCERT'), range: range(4, 20, 27) });
  assert.deepEqual(hover(jcl, 4, 40), {
    contents: keywordMarkdown('GENCERT', 'CN', ['SUBJECTSDN']),
    range: range(4, 39, 41),
  });
  assert.deepEqual(hover(jcl, 5, 25), {
    contents: keywordMarkdown('GENCERT', 'NISTECC'),
    range: range(5, 23, 30),
  });
  // A flag inside CONNECT(...) is CONNECT's nested keyword.
  assert.deepEqual(hover(jcl, 7, 30), {
    contents: keywordMarkdown('CONNECT', 'CERTAUTH', ['CONNECT']),
    range: range(7, 27, 35),
  });
});

test('JCL: SIZE(512) with NISTECC teaches P-521 and the TLS 1.3 tie', () => {
  const h = hover(jcl, 5, 37);
  assert.deepEqual(h, { contents: keySizeMarkdown('NISTECC', 512), range: range(5, 36, 39) });
  assert.match(h.contents, /P-521 is 521 bits/);
  assert.match(h.contents, /0403/);
});

test('dates: days until expiry from model.today, expired dates say so', () => {
  const h = hover(jcl, 5, 60);
  assert.deepEqual(h, {
    contents: dateMarkdown('2030-01-01', '2026-01-01', 'NOTAFTER'),
    range: range(5, 55, 65),
  });
  assert.match(h.contents, /Expires in \*\*1461 days\*\*/);
  assert.match(hover(plain, 3, 50).contents, /Expired 31 days ago/);
});

test('labels: where created, what they are connected to, other uses', () => {
  for (const [line, s, e] of [
    [5, 14, 21],
    [7, 42, 49],
    [10, 33, 40],
  ] as const) {
    const h = hover(jcl, line, s + 1);
    assert.deepEqual(h.range, range(line, s, e));
    assert.match(h.contents, /^\*\*Certificate label\*\* `'My CA'` of `CERTAUTH`/);
    assert.match(h.contents, /Created on line 5 by `RACDCERT GENCERT` \(NISTECC SIZE\(512\)\), self-signed/);
    assert.match(h.contents, /- ring `Ring1` of `ID\(SRV\)` — line 8/);
    assert.match(h.contents, /Also used by: EXPORT \(line 11\)/);
  }
  // SIGNWITH(CERTAUTH LABEL('Root')) in the command file.
  const signed = hover(plain, 3, 28);
  assert.deepEqual(signed.range, range(3, 26, 32));
  assert.match(signed.contents, /Created on line 1 by `RACDCERT GENCERT` \(NISTECC SIZE\(384\)\)/);
  assert.match(signed.contents, /SIGNWITH \(line 3\)/);
  // A label nothing in the document creates.
  const other = analyze("RACDCERT ID(A) CONNECT(LABEL('Gone') RING(R))", 'racf');
  assert.match(hover(other, 0, 31).contents, /Not created in this document/);
});

test('rings: where added, what was connected, RDATALIB access', () => {
  const h = hover(jcl, 7, 58);
  assert.deepEqual(h.range, range(7, 56, 61));
  assert.match(h.contents, /^\*\*Key ring\*\* `Ring1` of `ID\(SRV\)`/);
  assert.match(h.contents, /Added on line 7 by `RACDCERT ADDRING`/);
  assert.match(h.contents, /- `'My CA'` of `CERTAUTH` — line 8/);
  assert.match(h.contents, /Line 10: PERMIT gives `SRV` `ACCESS\(READ\)` to `SRV.Ring1.LST`/);
  const web = hover(plain, 4, 28);
  assert.deepEqual(web.range, range(4, 25, 32));
  assert.match(web.contents, /- `'Root'` of `CERTAUTH` USAGE\(CERTAUTH\) — line 6/);
  assert.match(web.contents, /- `'Web'` of `ID\(WEB\)` DEFAULT — line 7/);
});

test('FACILITY and RDATALIB profiles in PERMIT', () => {
  const f = hover(plain, 7, 10);
  assert.deepEqual(f.range, range(7, 7, 28));
  assert.ok(f.contents.endsWith(facilityResourceMarkdown('IRR.DIGTCERT.LISTRING')));
  assert.match(f.contents, /^This PERMIT gives `WEB` `ACCESS\(READ\)` to `IRR.DIGTCERT.LISTRING`/);
  const r = hover(jcl, 9, 10);
  assert.deepEqual(r.range, range(9, 9, 22));
  assert.match(r.contents, /RDATALIB profile for reading key ring `Ring1` of `SRV`/);
  assert.match(r.contents, /Ring `Ring1` of `ID\(SRV\)` is added on line 7/);
  assert.deepEqual(hover(jcl, 9, 50), {
    contents: keywordMarkdown('PERMIT', 'ACCESS'),
    range: range(9, 47, 53),
  });
});

test('IRRD message ids in comments: TSO, JCL and REXX comments', () => {
  const want = irrdMessageMarkdown('IRRD114I');
  assert.deepEqual(hover(jcl, 8, 45), { contents: want, range: range(8, 41, 49) });
  assert.deepEqual(hover(jcl, 13, 4), { contents: want, range: range(13, 4, 12) });
  assert.deepEqual(hover(rexx, 0, 40), { contents: want, range: range(0, 36, 44) });
  // Not in a comment, or not a message the reference lists: nothing.
  const text = analyze('RACDCERT ID(A) ADDRING(IRRD114I)\n/* IRRD999I */', 'racf');
  assert.equal(racfHover(text, { line: 1, character: 5 }), undefined);
});

test('REXX: keywords, SIZE with RSA, ring names inside literals', () => {
  const size = hover(rexx, 3, 75);
  assert.deepEqual(size, { contents: keySizeMarkdown('RSA', 2048), range: range(3, 74, 78) });
  const ring = hover(rexx, 4, 45);
  assert.deepEqual(ring.range, range(4, 44, 49));
  assert.match(ring.contents, /Added on line 3/);
  assert.match(ring.contents, /- `'Srv'` of `ID\(SRV\)` DEFAULT — line 5/);
  assert.deepEqual(hover(rexx, 3, 70), {
    contents: keywordMarkdown('GENCERT', 'SIZE'),
    range: range(3, 69, 73),
  });
});

test('values of enumerated keywords explain their keyword', () => {
  assert.deepEqual(hover(plain, 1, 30), {
    contents: keywordMarkdown('GENCERT', 'KEYUSAGE'),
    range: range(1, 29, 37),
  });
  assert.deepEqual(hover(plain, 8, 27), {
    contents: keywordMarkdown('SETROPTS', 'RACLIST'),
    range: range(8, 26, 34),
  });
});

test('outside any command: nothing', () => {
  for (const [line, ch] of [
    [0, 3],
    [1, 12],
    [3, 5],
    [12, 0],
    [14, 12],
  ] as const) {
    assert.equal(racfHover(jcl, { line, character: ch }), undefined, `${line}:${ch}`);
  }
  assert.equal(racfHover(rexx, { line: 5, character: 2 }), undefined);
  assert.equal(racfHover(rexx, { line: 99, character: 0 }), undefined);
});

test('names created in another document of the workspace: which document, line, owner, connections', () => {
  const ca = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Local CA')",
    'RACDCERT ID(SRV) ADDRING(SrvRing)',
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing) USAGE(CERTAUTH))",
    'RACDCERT ID(SRV) ADDRING(OddRing)',
  ].join('\n');
  const workspace = createRacfWorkspace([racfFactsOf('file:///ws/jobs/ca%20job.jcl', ca, 'racf')]);
  const text = [
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Local CA') RING(SrvRing))",
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Gone CA') RING(oddring))",
  ].join('\n');
  const a = analyzeRacf(text, 'racf', { today: TODAY, workspace, documentUri: 'file:///ws/ring.racf' });
  const label = hover(a, 0, 45).contents;
  assert.match(
    label,
    /Not created in this document, but in `ca job.jcl` \(line 1\), another document of the workspace: it creates `'Local CA'` for `CERTAUTH`\./,
  );
  assert.match(label, /- ring `SrvRing` of `ID\(SRV\)` USAGE\(CERTAUTH\) — `ca job.jcl` \(line 3\)/);
  const ring = hover(a, 0, 60).contents;
  assert.match(ring, /Not added in this document, but in `ca job.jcl` \(line 2\)/);
  assert.match(ring, /- `'Local CA'` of `CERTAUTH` USAGE\(CERTAUTH\) — `ca job.jcl` \(line 3\)/);
  // Another case only: named, and said not to match.
  assert.match(
    hover(a, 1, 60).contents,
    /Not added in this document\. `ca job.jcl` \(line 4\) adds `OddRing` for that owner, in another case/,
  );
  // Created nowhere in the workspace.
  assert.match(hover(a, 1, 45).contents, /nor in any other document of the workspace: it may exist in RACF/);
  // The document's own (older) facts in the workspace are not "another document".
  const self = analyzeRacf(ca, 'racf', {
    today: TODAY,
    workspace,
    documentUri: 'file:///ws/jobs/ca%20job.jcl',
  });
  assert.match(hover(self, 2, 45).contents, /Created on line 1 by `RACDCERT GENCERT`/);
  assert.doesNotMatch(hover(self, 2, 45).contents, /another document/);
});

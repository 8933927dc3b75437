// The hover text and the JSON form of an explained code: every part the reference has is shown,
// the source is linked and an uncertain entry says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ALL_CODES, codeById } from '../../../server/src/service/knowledge/codes';
import { codeAt } from '../../../server/src/service/codes/recognise';
import {
  codeMarkdown,
  explainAll,
  explainQuery,
  explainText,
} from '../../../server/src/service/codes/explain';

test('the hover shows meaning, causes, fix, related settings and a linked source', () => {
  const hit = codeAt('ICSF service failure: CSFPSKE retCode = 0x8, rsnCode = 0xbfe', 40);
  assert.equal(hit?.entry.id, 'icsf-8-BFE');
  const md = codeMarkdown(hit.entry, hit);
  const e = hit.entry;
  assert.ok(md.includes(e.meaning));
  for (const c of e.causes) {
    assert.ok(md.includes(c), c);
  }
  assert.ok(e.fix && md.includes(e.fix));
  for (const r of e.related) {
    assert.ok(md.includes(r), r);
  }
  assert.match(md, /Read as: return code 8, reason 0xBFE = 3070/);
  assert.match(
    md,
    /\]\(https:\/\/www\.ibm\.com\/docs\/SSLTBW_2\.4\.0\/com\.ibm\.zos\.v2r4\.csfb400\/csfb4879\.htm\)/,
  );
  assert.doesNotMatch(md, /uncertain/);
});

test('every uncertain entry says so in its hover, and no certain one does', () => {
  for (const e of ALL_CODES) {
    assert.equal(/\*\*uncertain\*\*/.test(codeMarkdown(e)), e.uncertain, e.id);
    assert.match(codeMarkdown(e), /Source: /, e.id);
  }
});

test("the JSON form follows the issue's contract", () => {
  const report = explainAll(['8/BFE', 'no code here']);
  assert.equal(report.version, 1);
  assert.equal(report.results.length, 2);
  const [m] = report.results[0].matches;
  assert.equal(report.results[0].query, '8/BFE');
  assert.equal(m.kind, 'icsf-reason');
  assert.equal(m.code, '8/BFE');
  assert.equal(typeof m.title, 'string');
  assert.ok(m.explanation.includes(codeById('icsf-8-BFE')!.meaning));
  assert.deepEqual(m.causes, codeById('icsf-8-BFE')!.causes);
  assert.equal(m.fix, codeById('icsf-8-BFE')!.fix);
  assert.match(m.source ?? '', /^https:\/\//);
  assert.deepEqual(report.results[1].matches, []);
});

test('a bare code answers with every table that lists it; text in context answers only in context', () => {
  const eight = explainQuery('8').matches.map((m) => m.kind);
  assert.ok(eight.includes('gsk-rc') && eight.includes('icsf-reason'), eight.join());
  assert.deepEqual(
    explainQuery('EZD1287I TTLS Error RC: 5003').matches.map((m) => [m.kind, m.code]),
    [
      ['attls-message', 'EZD1287I'],
      ['attls-rc', '5003'],
    ],
  );
  assert.deepEqual(explainQuery('12345').matches, []);
  assert.deepEqual(explainQuery('x'.repeat(1000)).matches, []);
});

test('curl alert numbers are decoded in the hover', () => {
  const hit = codeAt('* TLSv1.3 (IN), TLS alert, internal error (592):', 45);
  assert.equal(hit?.entry.id, 'tls-alert-80');
  assert.match(codeMarkdown(hit.entry, hit), /fatal \(2\) × 256 \+ 80/);
});

test('the text form names each code, its kind and its source', () => {
  const text = explainText(explainAll(['Alert (40)']));
  assert.match(text, /40\s+→\s+handshake_failure \(40\) \(TLS alert\)/);
  assert.match(text, /source: https:\/\/www\.rfc-editor\.org/);
});

// Issue 3: every certificate snippet, expanded with its defaults, passes our own RACF checks with no
// error or warning. Snippets that build on each other (a server certificate signed by the local CA,
// a ring holding both) are checked in the order a user inserts them; the GENREQ flow and the batch
// job stand alone. Each key-size choice of the server certificate is tried.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeRacf } from '../../../server/src/service/racf/analyze';
import type { RacfLanguage } from '../../../server/src/service/racf/model';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
}
const snippets = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../snippets/racf.json'), 'utf8'),
) as Record<string, Snippet>;

/** Expands a body with every placeholder at its default and choice number `choice` (mirrors too). */
function expand(s: Snippet, choice = 0): string {
  const text = Array.isArray(s.body) ? s.body.join('\n') : s.body;
  const values = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+)\|([^}]*)\|\}/g)) {
    const options = m[2].split(',');
    values.set(m[1], options[Math.min(choice, options.length - 1)]);
  }
  for (const m of text.matchAll(/\$\{(\d+):([^{}]*)\}/g)) {
    if (!values.has(m[1])) {
      values.set(m[1], m[2]);
    }
  }
  return text
    .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_m, n: string) => values.get(n) ?? '')
    .replace(/\$\{(\d+):[^{}]*\}/g, (_m, n: string) => values.get(n) ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_m, a?: string, b?: string) => values.get(a ?? b ?? '') ?? '')
    .replace(/\\\$/g, '$');
}

function choices(s: Snippet): number {
  const text = Array.isArray(s.body) ? s.body.join('\n') : s.body;
  return Math.max(1, ...[...text.matchAll(/\$\{\d+\|([^}]*)\|\}/g)].map((m) => m[1].split(',').length));
}

function problems(text: string, language: RacfLanguage): string[] {
  const { findings, model } = analyzeRacf(text, language, { today: new Date('2026-11-23T12:00:00Z') });
  // Not vacuous: the snippet's commands were found and parsed.
  assert.ok(model.racf.length >= 1, `no RACF command found in:\n${text}`);
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.range.start.line + 1}: ${f.rule} ${f.message}`);
}

const byPrefix = (p: string): Snippet => {
  const s = Object.values(snippets).find((x) =>
    (Array.isArray(x.prefix) ? x.prefix : [x.prefix]).includes(p),
  );
  assert.ok(s, `snippet ${p}`);
  return s;
};

test('CA, server and client certificates, ring, permits and export, inserted in order, pass', () => {
  const server = byPrefix('racdcert-server');
  for (let c = 0; c < choices(server); c++) {
    const text = [
      'racdcert-ca',
      'racdcert-server',
      'racdcert-client',
      'racdcert-ring',
      'racf-permit-ring',
      'racdcert-export',
    ]
      .map((p) => expand(byPrefix(p), p === 'racdcert-server' ? c : 0))
      .join('\n');
    assert.deepEqual(problems(text, 'racf'), [], `choice ${c}:\n${text}`);
  }
});

test('the GENREQ flow for an external CA passes on its own', () => {
  const text = expand(byPrefix('racdcert-genreq'));
  assert.deepEqual(problems(text, 'racf'), [], text);
});

test('the complete IKJEFT01 job passes on its own, with every key choice', () => {
  const job = byPrefix('racf-job');
  for (let c = 0; c < choices(job); c++) {
    const text = expand(job, c);
    assert.match(text, /PGM=IKJEFT01/);
    assert.deepEqual(problems(text, 'jcl'), [], `choice ${c}:\n${text}`);
  }
});

// Snippets insert policies; they must pass our own checks on every release, and the grammar must
// stay generated from the same keyword table the checker uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseXml } from '@xml-tools/parser';
import { buildAst } from '@xml-tools/ast';
import type { XMLElement } from '@xml-tools/ast';
import { analyzeAttls } from '../../server/src/service/attls/analyze';
import { ZOS_RELEASES } from '../../server/src/service/types';
import { createLanguageService } from '../../server/src/service';

const root = path.resolve(__dirname, '../..');

/** Expands a snippet body the way an editor does when the user accepts every default (mirrors too). */
function expand(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g)) {
    defaults.set(m[1], m[2]);
  }
  for (const m of text.matchAll(/\$\{(\d+):([^{}]*)\}/g)) {
    defaults.set(m[1], m[2]);
  }
  return text
    .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+):[^{}]*\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(
      /\$\{(\d+)\}|\$(\d+)/g,
      (_m, a: string | undefined, b: string | undefined) => defaults.get(a ?? b ?? '') ?? '',
    )
    .replace(/\\\$/g, '$');
}

type SnippetFile = Record<
  string,
  { prefix: string | string[]; body: string | string[]; description?: string }
>;

const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/attls.json'), 'utf8')) as SnippetFile;

for (const [name, s] of Object.entries(snippets)) {
  if (!/rule|policy/i.test(name)) {
    continue;
  }
  test(`snippet '${name}' produces no finding on any release`, () => {
    const text = expand(s.body);
    assert.ok(/TTLSRule/.test(text));
    for (const release of ZOS_RELEASES) {
      const { findings } = analyzeAttls(text, { release });
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
        [],
        `z/OS ${release}\n${text}`,
      );
    }
  });
}

test('every snippet has a description and a prefix', () => {
  assert.ok(Object.keys(snippets).length >= 3);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.description, name);
    assert.ok(s.prefix.length, name);
  }
});

test('the TextMate grammar is generated from the current keyword table', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'syntaxes/build-attls-grammar.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('the RACF grammars are generated from the current RACDCERT knowledge', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'syntaxes/build-racf-grammars.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('every file the manifest contributes exists, and the JCL grammar is only injected', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: {
      languages: { id: string; configuration?: string }[];
      grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
      snippets: { language: string; path: string }[];
    };
  };
  const c = manifest.contributes;
  for (const p of [
    ...c.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
  ]) {
    assert.ok(existsSync(path.join(root, p)), p);
  }
  // Other extensions own source.jcl: we only inject into it, never register a JCL grammar.
  assert.ok(!c.grammars.some((g) => g.language === 'jcl' || g.scopeName === 'source.jcl'));
  assert.ok(c.grammars.some((g) => g.injectTo?.includes('source.jcl')));
  assert.deepEqual(c.languages.map((l) => l.id).sort(), ['attls', 'jcl', 'racf', 'rexx']);
});

// Liberty snippets (issue 4). The Liberty checker is still being built, so besides "no finding" the
// snippets are held to structural facts taken from the Liberty reference that can fail today.
const libertySnippets = JSON.parse(
  readFileSync(path.join(root, 'snippets/liberty.json'), 'utf8'),
) as SnippetFile;
const libertyRef = JSON.parse(
  readFileSync(path.join(root, 'server/src/service/knowledge/liberty-reference.json'), 'utf8'),
) as {
  keyringUrls: { schemes: Record<string, { type: string }> };
  references: { element: string; attribute: string; targetElement: string }[];
  builtInIds: Record<string, string[]>;
  sslProtocol: { listValues: string[]; weak: string[]; listSeparator: string };
};

/** A snippet is inserted inside <server>; one that is a whole include file brings its own root. */
function asServerXml(expansion: string): string {
  return /<server[\s>]/.test(expansion) ? expansion : `<server>\n${expansion}\n</server>\n`;
}

function elementsOf(xml: string): { elements: XMLElement[]; errors: string[] } {
  const { cst, tokenVector, lexErrors, parseErrors } = parseXml(xml);
  const errors = [
    ...lexErrors.map((e) => `lex: ${e.message}`),
    ...parseErrors.map((e) => `parse: ${e.message}`),
  ];
  const elements: XMLElement[] = [];
  const walk = (e: XMLElement): void => {
    elements.push(e);
    e.subElements.forEach(walk);
  };
  const root = buildAst(cst as Parameters<typeof buildAst>[0], tokenVector).rootElement;
  if (root) {
    walk(root);
  }
  return { elements, errors };
}

const attr = (e: XMLElement, key: string): string | undefined =>
  e.attributes.find((a) => a.key === key)?.value ?? undefined;

/** What in a Liberty configuration fragment breaks the reference's pairing and reference rules. */
function libertyStructureProblems(xml: string): string[] {
  const { elements, errors } = elementsOf(xml);
  const problems = [...errors];
  for (const ks of elements.filter((e) => e.name === 'keyStore')) {
    const location = attr(ks, 'location') ?? '';
    const scheme = /^([a-z]+):\/\//.exec(location)?.[1];
    const expected = scheme === undefined ? undefined : libertyRef.keyringUrls.schemes[scheme]?.type;
    if (expected === undefined) {
      problems.push(`keyStore ${attr(ks, 'id')}: location ${location} is not a SAF key ring URL`);
    } else if (attr(ks, 'type') !== expected) {
      problems.push(
        `keyStore ${attr(ks, 'id')}: ${scheme}:// needs type ${expected}, not ${attr(ks, 'type')}`,
      );
    }
    if (attr(ks, 'fileBased') !== 'false' || attr(ks, 'readOnly') !== 'true') {
      problems.push(`keyStore ${attr(ks, 'id')}: a key ring wants fileBased="false" readOnly="true"`);
    }
  }
  for (const e of elements) {
    for (const a of e.attributes) {
      if (!a.key?.endsWith('Ref') || a.value === null) {
        continue;
      }
      const target = libertyRef.references.find(
        (r) => r.element === e.name && r.attribute === a.key,
      )?.targetElement;
      if (target === undefined) {
        problems.push(`${e.name}@${a.key}: not a reference the Liberty reference knows`);
        continue;
      }
      const defined = elements.some((d) => d.name === target && attr(d, 'id') === a.value);
      if (!defined && !(libertyRef.builtInIds[target] ?? []).includes(a.value)) {
        problems.push(`${e.name}@${a.key}="${a.value}" names no ${target} of this snippet and no built-in`);
      }
    }
  }
  for (const ssl of elements.filter((e) => e.name === 'ssl')) {
    if (
      attr(ssl, 'clientAuthentication') === 'true' &&
      attr(ssl, 'clientAuthenticationSupported') === 'true'
    ) {
      problems.push(
        `ssl ${attr(ssl, 'id')}: clientAuthentication and clientAuthenticationSupported both true`,
      );
    }
    const protocols = attr(ssl, 'sslProtocol');
    for (const p of protocols?.split(libertyRef.sslProtocol.listSeparator) ?? []) {
      if (!libertyRef.sslProtocol.listValues.includes(p) || libertyRef.sslProtocol.weak.includes(p)) {
        problems.push(`ssl ${attr(ssl, 'id')}: sslProtocol entry "${p}" is not a strong list value`);
      }
    }
  }
  const configuresTls = elements.some((e) => ['ssl', 'keyStore', 'sslDefault'].includes(e.name ?? ''));
  const features = elements
    .filter((e) => e.name === 'feature')
    .map((e) => e.textContents.map((c) => c.text).join(''));
  if (configuresTls && !features.some((f) => f.trim() === 'transportSecurity-1.0')) {
    problems.push('TLS configuration without transportSecurity-1.0');
  }
  return problems;
}

test('the Liberty structure check catches a scheme/type mismatch, a dangling reference and both client-auth flags', () => {
  const bad = [
    '<server>',
    '<featureManager><feature>transportSecurity-1.0</feature></featureManager>',
    '<ssl id="s" keyStoreRef="ring" trustStoreRef="nowhere" sslProtocol="TLSv1.2, TLSv1.3"',
    '  clientAuthentication="true" clientAuthenticationSupported="true"/>',
    '<keyStore id="ring" location="safkeyringhw:///R" type="JCERACFKS" fileBased="false" readOnly="true"/>',
    '</server>',
  ].join('\n');
  const problems = libertyStructureProblems(bad);
  assert.equal(problems.length, 4, problems.join('\n'));
  assert.ok(problems.some((p) => /needs type JCECCARACFKS/.test(p)));
  assert.ok(problems.some((p) => /trustStoreRef="nowhere"/.test(p)));
  assert.ok(problems.some((p) => /both true/.test(p)));
  assert.ok(problems.some((p) => /" TLSv1.3"/.test(p)));
  assert.ok(libertyStructureProblems('<server><ssl id="x"').some((p) => /^parse:/.test(p)));
});

test('the Liberty snippets cover key rings, outbound, mutual TLS and the TLS trace', () => {
  const all = Object.values(libertySnippets).map((s) => expand(s.body));
  assert.ok(all.some((t) => /<sslDefault sslRef=/.test(t) && /safkeyring/.test(t)));
  assert.ok(all.some((t) => /outboundSSLRef=/.test(t)));
  assert.ok(all.some((t) => /<outboundConnection host=/.test(t)));
  assert.ok(all.some((t) => /clientAuthentication="true"/.test(t)));
  assert.ok(
    all.some((t) => /traceSpecification="[^"]*com\.ibm\.ws\.security\.\*=all:SSLChannel=all:SSL=all/.test(t)),
  );
  for (const [name, s] of Object.entries(libertySnippets)) {
    assert.ok(s.description, name);
    assert.ok(s.prefix.length, name);
  }
});

/** Every alternative of every choice, one at a time, so no listed scheme/type pair escapes the check. */
function choiceVariants(body: string | string[]): string[] {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const variants: string[] = [text];
  for (const m of text.matchAll(/\$\{(\d+)\|([^}]*)\|\}/g)) {
    for (const option of m[2].split(',').slice(1)) {
      variants.push(text.replace(m[0], `\${${m[1]}|${option}|}`));
    }
  }
  return variants;
}

const liberty = createLanguageService();
for (const [name, s] of Object.entries(libertySnippets)) {
  test(`Liberty snippet '${name}' is well-formed, consistent and gets no error or warning`, () => {
    for (const variant of choiceVariants(s.body)) {
      const xml = asServerXml(expand(variant));
      assert.deepEqual(libertyStructureProblems(xml), [], xml);
      const input = {
        uri: `file:///snippets/${encodeURIComponent(name)}/server.xml`,
        languageId: 'xml',
        text: xml,
      };
      assert.equal(liberty.languageOf(input), 'xml');
      const { findings } = liberty.analyze(input);
      assert.deepEqual(
        findings
          .filter((f) => f.severity === 'error' || f.severity === 'warning')
          .map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
        [],
        xml,
      );
    }
  });
}

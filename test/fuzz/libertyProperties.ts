// Property harness for Liberty server.xml (issue 4): whatever text an editor hands us, and whatever
// the files it includes hold, the facade's analyze and every feature it offers for Liberty must
// return (never throw; no rule may fail internally either), return well-formed results (ranges
// inside the document they name, start ≤ end) and return quickly (≤ 100 ms of CPU per input).
// Used by the fuzz script (many cases) and by a bounded unit test, so a failure found by either
// is reproduced the same way: the seed and the input.
//
// The facade (createLanguageService) is driven, not the Liberty modules one by one: hover,
// completion and navigation for Liberty are wired there as they are written, so a later run of
// this harness covers them without a change here. The facade declines text with NUL or control
// bytes (file/unreadable), so such a case also goes through analyzeLiberty directly: those are
// exactly the bytes the XML parser and the merge must survive.
import path from 'node:path';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import type {
  DocumentInput,
  Finding,
  LanguageService,
  Range,
  VersionedConfigFileReader,
} from '../../server/src/service';
import { analyzeLiberty } from '../../server/src/service/liberty/analyze';
import {
  DEFAULT_INSTANCES,
  KEYRING_SCHEMES,
  LIBERTY_ELEMENTS,
  SSL_PROTOCOL,
  TLS_FEATURES,
} from '../../server/src/service/knowledge/libertyKeywords';
import { CIPHER_SUITES } from '../../server/src/service/knowledge/attlsKeywords';
import {
  CASE_BUDGET_MS,
  Checker,
  checkProperties,
  cpuTimed,
  lineLengths,
  mutate,
  mutationArb,
  placePosition,
  positionsArb,
  quoteText,
  readCorpus,
  startRun,
  stringTextArb,
  timedCheck,
  stackErrorText,
} from './harness';
import type { FuzzSummary, Mutation, RunOptions } from './harness';

export { CASE_BUDGET_MS };
export type { RunOptions };

const CORPUS_DIR =
  process.env.ZOS_TLS_LIBERTY_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/liberty');

/** A server in the standard layout, so ${server.config.dir}, ${wlp.user.dir} and ${shared.config.dir} resolve. */
const USER_DIR = 'file:///fuzz/wlp/usr';
const SERVER_DIR = `${USER_DIR}/servers/s1`;
const SERVER_XML = `${SERVER_DIR}/server.xml`;

/** The real configurations to mutate, read at run time (never copied into the project). */
export function loadCorpus(): { name: string; text: string }[] {
  return readCorpus(CORPUS_DIR, (n) => /\.xml(\.tpl)?$/.test(n));
}

export interface FuzzCase {
  kind: 'string' | 'soup' | 'corpus' | 'multi';
  /** The document analysed (its uri is `uri`). */
  text: string;
  uri: string;
  /** Other files the in-memory reader serves, by URI; undefined: no reader (untrusted workspace). */
  files?: Record<string, string>;
  /** Raw positions; mapped into the document (and a little past line ends) when the case runs. */
  positions: { line: number; character: number }[];
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary, all of it from the Liberty reference the service itself reads

const ELEMENT_NAMES = [
  ...new Set([
    ...LIBERTY_ELEMENTS.keys(),
    ...[...LIBERTY_ELEMENTS.values()].flatMap((e) => [...e.children.keys()]),
    'server',
    'include',
    'variable',
    'featureManager',
    'feature',
  ]),
].sort();

const ATTRIBUTE_NAMES = [
  ...new Set([
    ...[...LIBERTY_ELEMENTS.values()].flatMap((e) => [
      ...e.attributes.keys(),
      ...e.runtimeOnlyAttributes.keys(),
    ]),
    'id',
    'location',
    'optional',
    'onConflict',
    'name',
    'value',
    'defaultValue',
  ]),
].sort();

const ENUM_VALUES = [
  ...new Set(
    [...LIBERTY_ELEMENTS.values()].flatMap((e) =>
      [...e.attributes.values()].flatMap((a) => [
        ...(a.values ?? []).map((v) => v.value),
        ...(a.knownValues ?? []),
        ...(a.default !== undefined ? [a.default] : []),
      ]),
    ),
  ),
].sort();

const KEYRING_URLS = [...KEYRING_SCHEMES.keys()].flatMap((s) => [
  `${s}://RING`,
  `${s}:///Keyring.LIBERTY`,
  `${s}://LIBSERV/Keyring.LIBERTY`,
  `${s}://`,
  `${s}:///`,
  `${s}://a/b/c`,
  `${s.toUpperCase()}://X`,
  `${s}:/bad`,
]);

const PROTOCOLS = [
  ...SSL_PROTOCOL.listValues,
  ...SSL_PROTOCOL.weak,
  ...SSL_PROTOCOL.jvmDefaultValues,
  'TLSv1.2,TLSv1.3',
  'TLSv1.2, TLSv1.3',
  'TLSv1,,TLSv1.3',
  ',',
  'TLSv1.4',
];

const CIPHERS = [
  ...CIPHER_SUITES.map((c) => c.name).filter((_, i) => i % 3 === 0),
  'SSL_RSA_WITH_RC4_128_SHA',
  'TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384',
  'TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384',
  'HIGH',
  'MEDIUM',
  'LOW',
  'CUSTOM',
];

const OTHER_VALUES = [
  ...Object.values(TLS_FEATURES),
  ...DEFAULT_INSTANCES.map((d) => d.id),
  'ssl-1.0',
  'transportSecurity-1.0',
  'zosconnect:zosConnect-2.0',
  'appSecurity-2.0',
  '${server.config.dir}/a.xml',
  '${shared.config.dir}/tls.xml',
  '${wlp.user.dir}/x.xml',
  '${env.KEYSTORE_PASSWORD}',
  '${keystore.password}',
  '${',
  '${a${b}}',
  '${}',
  '{{ .Values.tls.keyring }}',
  '{{',
  '}}',
  '{xor}Lz4sLCgwLTs=',
  '{aes}ARAF',
  'Liberty',
  'true',
  'false',
  'TRUE',
  '9443',
  '-1',
  '*',
  'JCERACFKS',
  'JKS',
  'PKCS12',
  'CWPKI0033E',
  'CWWKO0801E',
  '&amp;',
  '&lt;&gt;',
  '&#x41;',
  '&#0;',
  '&bogus;',
  '',
];

const VALUES = [...ENUM_VALUES, ...KEYRING_URLS, ...PROTOCOLS, ...CIPHERS, ...OTHER_VALUES];

// ---------------------------------------------------------------------------------------------
// Generators

/** Arbitrary strings: printable, full Unicode (surrogate pairs), raw code units and XML's punctuation. */
const stringCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: stringTextArb(
      [
        '<',
        '>',
        '/',
        '!',
        '-',
        '?',
        '=',
        '"',
        "'",
        '&',
        ';',
        '$',
        '{',
        '}',
        ' ',
        '\n',
        '\r',
        '\t',
        '\0',
        'a',
        ':',
      ],
      400,
    ),
    positions: positionsArb,
  })
  .map(({ text, positions }) => ({ kind: 'string' as const, text, uri: SERVER_XML, positions }));

const name = fc.constantFrom(...ELEMENT_NAMES);
const attrName = fc.constantFrom(...ATTRIBUTE_NAMES);
const value = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  // An id another element's …Ref attribute may name: few ids, so references meet their targets.
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'defaultSSLConfig', 'defaultKeyStore', 'k1', 'Ks') },
);
const quote = fc.constantFrom('"', '"', '"', "'", '');

const attribute = fc
  .tuple(attrName, fc.constantFrom('=', '=', '=', ' = ', ''), quote, value, quote)
  .map(([n, eq, q1, v, q2]) => ` ${n}${eq}${q1}${v}${q2}`);

/** A start tag, often complete, sometimes still being typed. */
const startTag = fc
  .tuple(name, fc.array(attribute, { maxLength: 5 }), fc.constantFrom('/>', '>', '>', ' />', '', '<'))
  .map(([n, attrs, end]) => `<${n}${attrs.join('')}${end}`);

const TLS_FEATURES_TAGS = [
  '<featureManager><feature>transportSecurity-1.0</feature></featureManager>',
  '<featureManager><feature>ssl-1.0</feature><feature>zosconnect:zosConnect-2.0</feature></featureManager>',
  '<featureManager><feature></feature></featureManager>',
  '<featureManager><feature>',
];

function soupArb(): fc.Arbitrary<FuzzCase> {
  const token = fc.oneof(
    { weight: 10, arbitrary: startTag },
    { weight: 4, arbitrary: name.map((n) => `</${n}>`) },
    { weight: 2, arbitrary: fc.constantFrom('</server>', '<server>', '<server description="x">') },
    { weight: 2, arbitrary: fc.constantFrom(...TLS_FEATURES_TAGS) },
    { weight: 3, arbitrary: value },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '<',
        '>',
        '</',
        '/>',
        '=',
        '"',
        "'",
        '<!--',
        '-->',
        '<!-- zos-tls-disable-next-line liberty/unresolved-ref -->',
        '<!-- zos-tls-disable-next-line -->',
        '<!-- CWPKI0033E CWWKO0801E -->',
        '<![CDATA[',
        ']]>',
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<!DOCTYPE server>',
        '&',
        '&amp;',
        '\u00a0',
        '\ud800',
        '\ud83d\ude00',
      ),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    // Sizes an editor does meet: a long attribute value, many attributes, deep nesting, and up to
    // 400 ssl elements with unresolved references (~14 KB, 400 findings; the largest corpus file is
    // under 6 KB). Throughput on bigger files is the benchmark's job (10 MB, liberty.bench.ts).
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20000 }).map((n) => `<ssl id="${'x'.repeat(n)}"/>`) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 20, max: 2000 }).map((n) => `<keyStore id="k"${' a="b"'.repeat(n)}/>`),
    },
    { weight: 1, arbitrary: fc.integer({ min: 10, max: 300 }).map((n) => '<ssl>'.repeat(n)) },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 10, max: 400 })
        .map((n) => Array.from({ length: n }, (_, i) => `<ssl id="s${i}" keyStoreRef="k${i}"/>`).join('\n')),
    },
  );
  const sep = fc.constantFrom('', ' ', '\n', '\n', '\n  ', '\r\n', '\r', '\t');
  const prefix = fc.constantFrom(
    '',
    '<server>\n',
    '<server>\n',
    '<?xml version="1.0"?>\n<server>\n',
    '<Server>',
  );
  const suffix = fc.constantFrom('', '</server>\n', '</server>', '\n</server');
  return fc
    .record({
      prefix,
      parts: fc.array(fc.tuple(token, sep), { maxLength: 80 }),
      suffix,
      positions: positionsArb,
      reader: fc.boolean(),
    })
    .map(({ prefix: p, parts, suffix: s, positions, reader }) => ({
      kind: 'soup' as const,
      text: p + parts.map(([t, x]) => t + x).join('') + s,
      uri: SERVER_XML,
      files: reader ? {} : undefined,
      positions,
    }));
}

const insertArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constant('insert' as const),
  at: fc.nat(),
  col: fc.nat(),
  text: fc.oneof(
    fc.constantFrom('<', '>', '"', "'", '/>', '</', '<!--', '-->', '${', '}', '&', '\n<ssl id="a"/>\n'),
    attribute,
    startTag,
  ),
});

function corpusArb(corpus: { name: string; text: string }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.nat({ max: corpus.length - 1 }),
      mutations: fc.array(
        mutationArb(insertArb, ['<', '>', '"', "'", '/', '=', '-', '$', '{', '\n', '\r', '\0']),
        {
          minLength: 1,
          maxLength: 12,
        },
      ),
      asFragment: fc.boolean(),
      reader: fc.boolean(),
      positions: positionsArb,
    })
    .map(({ file, mutations, asFragment, reader, positions }) => {
      const f = corpus[file];
      return {
        kind: 'corpus' as const,
        text: mutations.reduce(mutate, f.text),
        // As the server.xml, or as an include beside one the reader does not have (a fragment).
        uri: asFragment ? `${SERVER_DIR}/${f.name.replace(/\.tpl$/, '')}` : SERVER_XML,
        files: reader ? {} : undefined,
        positions,
        note: `${f.name}${asFragment ? ' (as a fragment)' : ''} after ${JSON.stringify(mutations)}`,
      };
    });
}

/** Where an include may point at file `n` from the server directory, in every form Liberty reads. */
function locationOf(n: string, form: number): string {
  switch (form % 7) {
    case 0:
      return n;
    case 1:
      return `\${server.config.dir}/${n}`;
    case 2:
      return `./sub/../${n}`;
    case 3:
      return `${SERVER_DIR.slice('file://'.length)}/${n}`;
    case 4:
      return `${SERVER_DIR}/${n}`;
    case 5:
      return `\${undefined.var}/${n}`;
    default:
      return `\${shared.config.dir}/../../servers/s1/${n}`;
  }
}

/**
 * A server directory in memory: server.xml, include files that include each other (cycles, self
 * includes, includes of garbage or of missing files), sometimes one deep chain, configDropins,
 * bootstrap.properties and server.env. The case analyses the server.xml or one of the includes
 * (which is then merged from the server.xml that includes it).
 */
function multiArb(): fc.Arbitrary<FuzzCase> {
  const body = fc.array(fc.tuple(startTag, fc.constantFrom('\n', '', ' ')), { maxLength: 12 });
  const include = fc.record({
    target: fc.nat(), // index into the files; past the end: a missing file
    form: fc.nat(),
    optional: fc.constantFrom('', ' optional="true"', ' optional="false"'),
    conflict: fc.constantFrom(
      '',
      ' onConflict="MERGE"',
      ' onConflict="REPLACE"',
      ' onConflict="IGNORE"',
      ' onConflict="x"',
    ),
  });
  const file = fc.record({
    garbage: fc.option(stringTextArb(['<', '>', '"', '/', '\n'], 200), { freq: 5 }),
    body,
    includes: fc.array(include, { maxLength: 4 }),
  });
  return fc
    .record({
      files: fc.array(file, { minLength: 1, maxLength: 8 }),
      chain: fc.option(fc.integer({ min: 10, max: 260 }), { freq: 4 }),
      dropins: fc.array(fc.tuple(fc.constantFrom('defaults', 'overrides'), fc.nat()), { maxLength: 3 }),
      properties: fc.option(
        fc.array(
          fc.constantFrom('keystore.password=secret', 'a=${a}', 'b=${c}', 'c=${b}', '=x', '#c', 'x:y', '\0'),
          {
            maxLength: 6,
          },
        ),
      ),
      analyse: fc.nat(),
      positions: positionsArb,
    })
    .map(({ files, chain, dropins, properties, analyse, positions }) => {
      const names = files.map((_, i) => (i === 0 ? 'server.xml' : `inc${i}.xml`));
      const texts: Record<string, string> = {};
      files.forEach((f, i) => {
        if (f.garbage !== null && i > 0) {
          texts[`${SERVER_DIR}/${names[i]}`] = f.garbage;
          return;
        }
        const incs = f.includes.map(
          (inc) =>
            `<include location="${locationOf(names[inc.target % (names.length + 1)] ?? 'missing.xml', inc.form)}"${inc.optional}${inc.conflict}/>`,
        );
        if (i === 0 && chain !== null) {
          incs.push('<include location="chain0.xml"/>');
        }
        texts[`${SERVER_DIR}/${names[i]}`] =
          `<server>\n${incs.join('\n')}\n${f.body.map(([t, s]) => t + s).join('')}\n</server>\n`;
      });
      if (chain !== null) {
        for (let i = 0; i < chain; i++) {
          // The last link includes the server.xml again: a cycle at the end of a long chain.
          const next = i + 1 < chain ? `chain${i + 1}.xml` : 'server.xml';
          texts[`${SERVER_DIR}/chain${i}.xml`] =
            `<server><include location="${next}"/><keyStore id="c${i}" location="safkeyring://R${i}" type="JCERACFKS"/></server>`;
        }
      }
      const lists: Record<string, string[]> = {};
      for (const [kind, k] of dropins) {
        const dir = `${SERVER_DIR}/configDropins/${kind}`;
        const n = `d${k % 5}.xml`;
        lists[dir] = [...(lists[dir] ?? []), n, 'notxml.txt'];
        texts[`${dir}/${n}`] = texts[`${SERVER_DIR}/${names[k % names.length]}`] ?? '<server/>';
      }
      if (properties !== null) {
        texts[`${SERVER_DIR}/bootstrap.properties`] = properties.join('\n');
        texts[`${SERVER_DIR}/server.env`] = properties.join('\r\n');
      }
      const pick = Object.keys(texts).filter((u) => u.endsWith('.xml'));
      const uri = pick[analyse % pick.length];
      const text = texts[uri];
      return {
        kind: 'multi' as const,
        text,
        uri,
        files: {
          ...texts,
          ...Object.fromEntries(Object.entries(lists).map(([d, l]) => [`${d}/`, l.join('\n')])),
        },
        positions,
        note: `${Object.keys(texts).length} files${chain !== null ? `, chain of ${chain}` : ''}`,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Running a case

/** What runRules reports in place of a rule that threw (server/src/service/rules.ts). */
const RULE_CRASH = /^zos-tls: the check \S+ failed on this file/;

/**
 * The in-memory reader: directory listings are stored under `<dir>/` as lines. It has a generation,
 * as the LSP server's reader does, so the features reuse the analysis as they do in the editor.
 */
function readerOf(files: Record<string, string> | undefined): VersionedConfigFileReader | undefined {
  if (!files) {
    return undefined;
  }
  return {
    generation: 0,
    read: (uri) => (uri.endsWith('/') ? undefined : files[uri]),
    list: (dir) => files[`${dir.replace(/\/$/, '')}/`]?.split('\n'),
  };
}

/**
 * ZOS_TLS_LIBERTY_FUZZ_IN_LINE=1 keeps positions inside their line instead of up to 2 characters
 * past its end (LSP clients may send those; the server must clamp them). Only to explore the rest
 * while a past-the-end bug is open: the fuzz script prints that this mode is on.
 */
export const IN_LINE_POSITIONS = process.env.ZOS_TLS_LIBERTY_FUZZ_IN_LINE === '1';

function placed(
  lens: number[],
  raw: { line: number; character: number },
): { line: number; character: number } {
  const pos = placePosition(lens, raw);
  return IN_LINE_POSITIONS ? { line: pos.line, character: Math.min(pos.character, lens[pos.line]) } : pos;
}

/** Runs one input; returns the CPU ms of our own calls (the checks are not timed). */
export function runInput(service: LanguageService, c: FuzzCase): number {
  const lens = lineLengths(c.text);
  // Typed explicitly so that TypeScript knows check.fail() does not return.
  const check: Checker = new Checker(lens, `${c.kind} case ${c.uri}`);
  const lensOf = new Map<string, number[]>([[c.uri, lens]]);
  /** A location in another file is checked against that file's text. */
  const checkLocation = (uri: string, r: Range, what: string): void => {
    let l = lensOf.get(uri);
    if (!l) {
      const t = c.files?.[uri];
      if (t === undefined) {
        check.fail(`${what}: location in a file the case does not have: ${uri}`);
      }
      l = lineLengths(t);
      lensOf.set(uri, l);
    }
    new Checker(l, `${c.kind} case ${c.uri} → ${uri}`).range(r, what);
  };
  const configFiles = readerOf(c.files);
  const input: DocumentInput = { uri: c.uri, languageId: 'xml', text: c.text, version: 1 };
  const t = { ms: 0 };
  try {
    // The LSP server sets its reader on the service (definition, references and the outline take
    // no options), so the case does the same.
    service.setConfigFiles(configFiles);
    const analysis = cpuTimed(t, () => service.analyze(input));
    check.findings(analysis.findings, RULE_CRASH);
    if (!analysis.liberty) {
      if (!analysis.findings.some((f) => f.rule === 'file/unreadable') && analysis.language === 'xml') {
        check.fail('an xml document got no Liberty analysis');
      }
      // Declined or not taken for Liberty: the parser and the merge must still survive the text.
      check.findings(cpuTimed(t, () => analyzeLiberty(c.text, c.uri, { configFiles })).findings, RULE_CRASH);
    }
    check.symbols(cpuTimed(t, () => service.symbols(input)));
    check.folding(cpuTimed(t, () => service.foldingRanges(input)));
    for (const raw of c.positions) {
      const pos = placed(lens, raw);
      const at = `at ${pos.line}:${pos.character}`;
      const hover = cpuTimed(t, () => service.hover(input, pos));
      if (hover !== undefined) {
        check.text(hover.contents, `hover ${at} contents`);
        if (hover.range) {
          check.range(hover.range, `hover ${at}`);
        }
      }
      check.completions(
        cpuTimed(t, () => service.complete(input, pos)),
        at,
      );
      for (const [i, l] of cpuTimed(t, () => service.definition(input, pos)).entries()) {
        checkLocation(l.uri, l.range, `definition ${at} ${i}`);
      }
      for (const [i, l] of cpuTimed(t, () => service.references(input, pos, true)).entries()) {
        checkLocation(l.uri, l.range, `references ${at} ${i}`);
      }
    }
    // Code actions over the whole document and at a few findings, as an editor asks for the
    // diagnostics under the cursor (each call walks every finding: 5 keep a case linear).
    const whole: Range = {
      start: { line: 0, character: 0 },
      end: { line: lens.length - 1, character: lens[lens.length - 1] },
    };
    const ranges = [whole, ...analysis.findings.slice(0, 5).map((f: Finding) => f.range)];
    for (const [k, r] of ranges.entries()) {
      const actions = cpuTimed(t, () => service.codeActions(input, r, analysis.findings));
      for (const [i, a] of actions.entries()) {
        check.text(a.title, `code action ${k}.${i} title`);
        if (
          a.findingIndex !== undefined &&
          (a.findingIndex < 0 || a.findingIndex >= analysis.findings.length)
        ) {
          check.fail(`code action ${k}.${i}: findingIndex ${a.findingIndex} outside the findings`);
        }
        for (const [uri, edits] of Object.entries(a.edit.changes)) {
          for (const [e, edit] of edits.entries()) {
            checkLocation(uri, edit.range, `code action ${k}.${i} (${a.title}) edit ${e}`);
            if (typeof edit.newText !== 'string') {
              check.fail(`code action ${k}.${i} edit ${e}: newText is not a string`);
            }
          }
        }
      }
    }
  } finally {
    service.forget(c.uri);
    service.setConfigFiles(undefined);
  }
  return t.ms;
}

function describe(c: FuzzCase): string {
  return (
    `${c.kind} case ${c.uri}${c.files ? ` with a reader of ${Object.keys(c.files).length} files` : ''}` +
    `${c.note ? ` [${c.note.slice(0, 400)}]` : ''}: ${quoteText(c.text)} positions ${JSON.stringify(c.positions)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Runner

/**
 * Runs the four properties (arbitrary strings, Liberty XML token soup, mutated corpus files,
 * multi-file server directories) with `numRuns` cases each, from `seed` (random when omitted).
 * Never throws: the summary says what failed, with the seed and counterexample fast-check found.
 */
export function runProperties(numRuns: number, seed?: number, options: RunOptions = {}): FuzzSummary {
  const { budget, summary } = startRun(seed, options);
  const corpus = loadCorpus();
  const service = createLanguageService();
  checkProperties(
    [
      ['arbitrary strings', stringCase],
      ['token soup', soupArb()],
      ['mutated corpus', corpus.length ? corpusArb(corpus) : undefined],
      ['include graphs', multiArb()],
    ],
    {
      numRuns,
      options,
      summary,
      check: timedCheck(summary, budget, (c) => runInput(service, c), describe),
      describe,
      errorText: stackErrorText(6),
    },
  );
  return summary;
}

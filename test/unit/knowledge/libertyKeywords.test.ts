// The Liberty knowledge tables are a typed view of the shared reference: these tests keep the copy
// identical, check every cited source exists, and pin the lookups the server.xml rules rely on
// (references, key ring URLs and types, protocols, ciphers, passwords, features) (issue 4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  BUILT_IN_IDS,
  FILE_KEYSTORE_TYPES,
  KEYRING,
  KEYRING_SCHEMES,
  LIBERTY_ELEMENTS,
  LIBERTY_MESSAGES,
  LIBERTY_REFERENCES,
  LIBERTY_SOURCES,
  SSL_ENABLING_FEATURES,
  analyseSslProtocol,
  classifyCipher,
  enablesSsl,
  featureTls,
  inSecurityLevel,
  isBuiltInId,
  isKeyringUrl,
  isRacfKeystoreType,
  libertyAttribute,
  libertyMessage,
  libertySourceUrl,
  parseKeyringUrl,
  passwordEncodingOf,
  referenceTarget,
  schemesForType,
  splitCipherList,
  sslAliasFailsOnJava11,
  tlsSpelling,
  typeForScheme,
} from '../../../server/src/service/knowledge/libertyKeywords';

const root = path.resolve(__dirname, '../../..');
const shared = path.resolve(root, '../shared/docs');
const copyPath = path.join(root, 'server/src/service/knowledge/liberty-reference.json');
const raw = JSON.parse(readFileSync(copyPath, 'utf8')) as {
  elements: Record<string, { attributes: Record<string, { type?: string }> }>;
  references: { element: string; attribute: string; targetElement: string }[];
  keyringUrls: { schemes: Record<string, { type: string; java11Alias?: string; java8Alias?: string }> };
  messages: { id: string }[];
  features: { transitivelyEnableSsl_OL25006: string[] };
};

test('the Liberty reference copy is identical to shared/docs', (t) => {
  const file = path.join(shared, 'liberty-reference.json');
  if (!existsSync(file)) {
    t.skip('../shared/docs/liberty-reference.json not found');
    return;
  }
  assert.equal(
    readFileSync(copyPath, 'utf8'),
    readFileSync(file, 'utf8'),
    'cp ../shared/docs/liberty-reference.json server/src/service/knowledge/',
  );
});

test('every source id the reference cites is in its source list', () => {
  const text = readFileSync(copyPath, 'utf8');
  const cited = new Set(text.match(/\bS-[A-Z0-9]+(?:-[A-Z0-9]+)*\b/g));
  const missing = [...cited].filter((id) => !LIBERTY_SOURCES.has(id));
  assert.deepEqual(missing, []);
  // The schema and the runtime sources carry the element and attribute facts: they must link.
  for (const id of ['S-XSD', 'S-META', 'S-WSKS', 'S-SSLNLS', 'S-CHNLS', 'S-IBM-ZSSL']) {
    assert.match(LIBERTY_SOURCES.get(id)?.url ?? '', /^https:\/\//, id);
  }
  assert.match(
    libertySourceUrl('S-XSD') ?? '',
    /282950dba3717b1deade7ac1611a03693800e320/,
    'pinned commit kept',
  );
  assert.equal(
    LIBERTY_SOURCES.get('S-CONST')?.url,
    undefined,
    'a class read via the code index has no path to link',
  );
});

test('elements and attributes: every JSON attribute is typed, password types are flagged', () => {
  let count = 0;
  for (const [ename, e] of Object.entries(raw.elements)) {
    const def = LIBERTY_ELEMENTS.get(ename);
    assert.ok(def, ename);
    for (const [aname, a] of Object.entries(e.attributes)) {
      const ad = libertyAttribute(ename, aname);
      assert.ok(ad, `${ename}@${aname}`);
      assert.equal(ad.password, a.type === 'password', `${ename}@${aname} password flag`);
      assert.ok(ad.sources.length > 0, `${ename}@${aname} has a source`);
      count++;
    }
  }
  assert.ok(count >= 40, `only ${count} attributes`);
  assert.equal(libertyAttribute('keyStore', 'password')?.password, true);
  assert.equal(libertyAttribute('keyEntry', 'keyPassword')?.password, true);
  assert.equal(
    libertyAttribute('keyStore', 'provider')?.runtimeOnly,
    true,
    'runtime-only attributes are known',
  );
  assert.equal(libertyAttribute('ssl', 'trustStoreRef')?.effectiveDefault, '${keyStoreRef}');
  assert.deepEqual(
    libertyAttribute('ssl', 'securityLevel')?.values?.map((v) => v.value),
    ['HIGH', 'MEDIUM', 'LOW', 'CUSTOM'],
  );
  assert.equal(libertyAttribute('keyStore', 'id')?.uncertain, true, 'the reference calls this uncertain');
  assert.equal(libertyAttribute('httpEndpoint', 'sslRef'), undefined, 'no sslRef on httpEndpoint');
});

test('references: every JSON entry resolves to its target; zosconnect_* is a wildcard', () => {
  for (const r of raw.references) {
    assert.equal(
      referenceTarget(r.element, r.attribute)?.targetElement,
      r.targetElement,
      `${r.element}@${r.attribute}`,
    );
  }
  assert.equal(referenceTarget('zosconnect_endpointConnection', 'sslCertsRef')?.wildcard, false);
  assert.equal(referenceTarget('zosconnect_someOtherConnection', 'sslCertsRef')?.targetElement, 'ssl');
  assert.equal(referenceTarget('zosconnect_someOtherConnection', 'sslCertsRef')?.wildcard, true);
  assert.equal(referenceTarget('other_endpoint', 'sslCertsRef'), undefined);
  assert.equal(referenceTarget('httpEndpoint', 'sslRef'), undefined);
  assert.equal(
    new Set(LIBERTY_REFERENCES.map((r) => `${r.element}@${r.attribute}`)).size,
    LIBERTY_REFERENCES.length,
    'duplicates in the JSON are listed once',
  );
  assert.ok(isBuiltInId('ssl', 'defaultSSLConfig'));
  assert.ok(isBuiltInId('keyStore', 'defaultKeyStore'));
  assert.ok(!isBuiltInId('ssl', 'defaultKeyStore'));
  assert.equal(BUILT_IN_IDS.size, 2);
});

// The exact pairs issue 4 asks for; the JSON must agree with them both ways.
const PAIRS: [string, string, string][] = [
  ['safkeyring', 'safkeyringjce', 'JCERACFKS'],
  ['safkeyringhw', 'safkeyringjcecca', 'JCECCARACFKS'],
  ['safkeyringhybrid', 'safkeyringjcehybrid', 'JCEHYBRIDRACFKS'],
];

test('key ring scheme ↔ type pairs are exact both ways, Java 8 and Java 11+ spellings', () => {
  for (const [java8, java11, type] of PAIRS) {
    assert.equal(typeForScheme(java8), type, java8);
    assert.equal(typeForScheme(java11), type, java11);
    assert.deepEqual(schemesForType(type), { java8, java11 }, type);
    assert.equal(KEYRING_SCHEMES.get(java8 as 'safkeyring')?.counterpart, java11);
    assert.equal(KEYRING_SCHEMES.get(java11 as 'safkeyring')?.counterpart, java8);
    assert.ok(isRacfKeystoreType(type));
    assert.ok(!isRacfKeystoreType(type.toLowerCase()), 'the runtime compares types case-sensitively');
    assert.equal(schemesForType(type.toLowerCase()), undefined);
    assert.equal(typeForScheme(java8.toUpperCase()), undefined);
  }
  assert.equal(KEYRING_SCHEMES.size, Object.keys(raw.keyringUrls.schemes).length);
  for (const [scheme, s] of Object.entries(raw.keyringUrls.schemes)) {
    assert.equal(typeForScheme(scheme), s.type);
  }
  assert.deepEqual([...FILE_KEYSTORE_TYPES], ['PKCS12', 'JKS', 'JCEKS']);
});

test('parseKeyringUrl: each form of the reference, for every scheme', () => {
  assert.equal(KEYRING.forms.length, 3);
  for (const scheme of KEYRING_SCHEMES.keys()) {
    const own = parseKeyringUrl(`${scheme}:///Liberty.KeyRing`);
    assert.deepEqual(
      { owner: own?.owner, ring: own?.ring, form: own?.form, valid: own?.valid },
      { owner: undefined, ring: 'Liberty.KeyRing', form: 'own-ring', valid: true },
      scheme,
    );
    const other = parseKeyringUrl(`${scheme}://ZCEESRV/Keyring.ZCEE`);
    assert.deepEqual(
      { owner: other?.owner, ring: other?.ring, form: other?.form, valid: other?.valid },
      { owner: 'ZCEESRV', ring: 'Keyring.ZCEE', form: 'owner-ring', valid: true },
      scheme,
    );
    const ringOnly = parseKeyringUrl(`${scheme}://IZUKeyring.IZUDFLT`);
    assert.equal(ringOnly?.owner, undefined, 'two slashes name the ring, not an owner');
    assert.equal(ringOnly?.ring, 'IZUKeyring.IZUDFLT');
    assert.equal(ringOnly?.normalised, `${scheme}:///IZUKeyring.IZUDFLT`);
    assert.equal(ringOnly?.valid, true);
    assert.equal(own?.schemeDef?.type, typeForScheme(scheme));
  }
  assert.equal(parseKeyringUrl('${server.config.dir}/resources/security/key.p12'), undefined);
  assert.equal(parseKeyringUrl('key.jks'), undefined);
  assert.equal(parseKeyringUrl('safkeyring://${RING}')?.valid, true, 'a variable is never called malformed');
});

test('parseKeyringUrl: malformed URLs say what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['safkeyring:/RING', /two slashes/],
    ['safkeyring:RING', /two slashes/],
    ['safkeyring:\\\\RING', /backslash/],
    ['safkeyring://OWNER\\RING', /backslash/],
    ['safkeyring:///', /ring name is empty/],
    ['safkeyring://', /ring name is empty/],
    ['safkeyring://OWNER/', /ring name is empty/],
    ['safkeyring:///MY RING', /blank/],
    ['safkeyring:// OWNER/RING', /blank/],
    [' safkeyring:///RING', /blanks/],
    ['safkeyring:///RING ', /blanks/],
    ['safkeyring:////RING', /start with a letter/],
    ['safkeyringhw:///-ring', /start with a letter/],
  ];
  for (const [url, why] of cases) {
    const k = parseKeyringUrl(url);
    assert.ok(k, `${url} is recognised as a key ring URL`);
    assert.equal(k.valid, false, url);
    assert.match(k.problem ?? '', why, url);
  }
  const upper = parseKeyringUrl('SAFKEYRING:///RING');
  assert.equal(upper?.valid, false);
  assert.equal(upper?.uncertain, true, 'upper-case schemes rest on the patterns only');
});

test("parseKeyringUrl: whatever it accepts matches Liberty's own patterns; random text never throws", () => {
  const two = new RegExp(`^(?:${KEYRING.regexTwoSlashes})$`);
  const three = new RegExp(`^(?:${KEYRING.regexThreeSlashes})$`);
  const alphabet = [
    'safkeyring',
    'safkeyringhw',
    'SAFKEYRING',
    ':',
    '/',
    '//',
    '///',
    '\\',
    ' ',
    'A',
    'ring',
    '.',
    '-',
    '_',
    '${x}',
    '9',
  ];
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  let accepted = 0;
  for (let i = 0; i < 5000; i++) {
    const parts = Array.from(
      { length: 1 + Math.floor(rnd() * 7) },
      () => alphabet[Math.floor(rnd() * alphabet.length)],
    );
    const url = (rnd() < 0.7 ? 'safkeyring:' : '') + parts.join('');
    const k = parseKeyringUrl(url);
    assert.equal(k !== undefined, isKeyringUrl(url), url);
    if (k?.valid && !k.variable) {
      accepted++;
      assert.ok(two.test(url) || three.test(url), `accepted but Liberty's patterns reject: ${url}`);
      assert.notEqual(k.ring, '', url);
    }
  }
  assert.ok(accepted > 10, `only ${accepted} valid URLs generated`);
});

test('sslProtocol: lists, weak values, JVM defaults, blanks after commas', () => {
  const good = analyseSslProtocol('TLSv1.2,TLSv1.3');
  assert.equal(good.kind, 'list');
  assert.deepEqual([good.weak.length, good.notAllowedInList.length, good.spacesAroundCommas], [0, 0, false]);
  assert.deepEqual(
    analyseSslProtocol('TLSv1,TLSv1.2').weak.map((e) => e.value),
    ['TLSv1'],
  );
  const spaced = analyseSslProtocol('TLSv1.2, TLSv1.3');
  assert.equal(spaced.spacesAroundCommas, true);
  assert.equal(spaced.entries[1].offset, 8);
  assert.equal(spaced.entries[1].text, ' TLSv1.3');
  assert.deepEqual(
    analyseSslProtocol('TLSv1.2,SSL_TLSv2').notAllowedInList.map((e) => e.value),
    ['SSL_TLSv2'],
  );
  assert.deepEqual(
    analyseSslProtocol('TLSv1.2,').notAllowedInList.map((e) => e.value),
    [''],
  );
  assert.equal(analyseSslProtocol('TLS').jvmDefault, true);
  assert.equal(analyseSslProtocol('SSL_TLSv2').jvmDefault, true);
  assert.equal(analyseSslProtocol('TLSv1.2').jvmDefault, false);
  assert.equal(analyseSslProtocol(undefined).kind, 'unset');
  assert.equal(analyseSslProtocol('SSLv3').weak.length, 1);
});

test('ciphers: weak classes of the reference, securityLevel filters, SSL_ aliases', () => {
  const sev = (n: string): string[] => classifyCipher(n).map((w) => `${w.severity}:${w.pattern}`);
  assert.deepEqual(sev('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'), []);
  assert.deepEqual(sev('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256'), [], 'SHA-256 MAC is not SHA-1');
  assert.deepEqual(sev('TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA'), ['info:_CBC_SHA']);
  assert.deepEqual(sev('TLS_RSA_WITH_AES_128_GCM_SHA256'), ['info:TLS_RSA_WITH_']);
  assert.ok(sev('SSL_RSA_EXPORT_WITH_RC4_40_MD5').includes('error:EXPORT'));
  assert.ok(sev('SSL_RSA_EXPORT_WITH_RC4_40_MD5').includes('warning:_RC4'));
  assert.ok(sev('SSL_RSA_EXPORT_WITH_RC4_40_MD5').includes('warning:_MD5'));
  assert.ok(sev('TLS_DH_anon_WITH_AES_128_CBC_SHA').includes('error:_anon_'));
  assert.ok(sev('SSL_RSA_WITH_NULL_SHA').includes('error:_NULL_'));
  assert.ok(sev('SSL_RSA_WITH_3DES_EDE_CBC_SHA').includes('warning:_3DES_'));
  assert.ok(sev('TLS_CHACHA20_POLY1305_SHA256').includes('info:CHACHA20'));
  assert.ok(inSecurityLevel('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'HIGH'));
  assert.ok(!inSecurityLevel('SSL_RSA_WITH_3DES_EDE_CBC_SHA', 'HIGH'), 'the code excludes 3DES from HIGH');
  assert.ok(inSecurityLevel('SSL_RSA_WITH_DES_CBC_SHA', 'MEDIUM'));
  assert.ok(inSecurityLevel('SSL_RSA_WITH_NULL_SHA', 'LOW'));
  assert.ok(sslAliasFailsOnJava11('SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'));
  assert.ok(!sslAliasFailsOnJava11('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'));
  assert.equal(tlsSpelling('SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384'), 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  const list = splitCipherList('TLS_AES_128_GCM_SHA256,TLS_AES_256_GCM_SHA384  TLS_CHACHA20_POLY1305_SHA256');
  assert.equal(list.commas, true);
  assert.deepEqual(
    list.names.map((n) => n.offset),
    [0, 23, 47],
  );
});

test('passwords: encodings recognised, anything else is plain', () => {
  assert.equal(passwordEncodingOf('{xor}Lz4sLCgwLTs=').encoding, '{xor}');
  assert.equal(passwordEncodingOf('{aes}ARAtkc').encoding, '{aes}');
  assert.equal(passwordEncodingOf('{hash}ARAAAA').def?.keyStoreOk, false);
  assert.equal(passwordEncodingOf('${keystore_password}').encoding, '${...}');
  assert.equal(passwordEncodingOf('Liberty').encoding, 'plain');
  assert.equal(passwordEncodingOf('{unknown}abc').encoding, 'plain');
});

test('messages and features come from the reference only', () => {
  assert.equal(LIBERTY_MESSAGES.size, raw.messages.length);
  assert.equal(libertyMessage('CWPKI0033E')?.severity, 'E');
  assert.equal(libertyMessage('cwwko0801e')?.id, 'CWWKO0801E');
  assert.equal(libertyMessage('CWPKI9999E'), undefined);
  assert.equal(SSL_ENABLING_FEATURES.size, raw.features.transitivelyEnableSsl_OL25006.length);
  for (const f of SSL_ENABLING_FEATURES) {
    assert.equal(featureTls(f).kind, 'enablesSsl', f);
  }
  assert.equal(featureTls('transportSecurity-1.0').kind, 'transportSecurity');
  assert.equal(featureTls('ssl-1.0').kind, 'ssl');
  assert.equal(featureTls(' SSL-1.0 ').canonical, 'ssl-1.0');
  assert.equal(featureTls('zosconnect:zosconnect-2.0').kind, 'unknown');
  assert.ok(enablesSsl('appSecurity-3.0'));
  assert.ok(!enablesSsl('servlet-4.0'));
});

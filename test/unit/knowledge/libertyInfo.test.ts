// Liberty hovers teach from the reference: every element and attribute has a text with a source
// link, key ring URLs say whose ring and which RACF access, and passwords are never shown (issue 4).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attributeMarkdown,
  elementMarkdown,
  featureMarkdown,
  keyringUrlMarkdown,
  libertyCipherMarkdown,
  libertyMessageMarkdown,
  passwordAttributes,
  passwordMask,
  protocolMarkdown,
} from '../../../server/src/service/knowledge/libertyInfo';
import { LIBERTY_ELEMENTS } from '../../../server/src/service/knowledge/libertyKeywords';
import { cipherByName } from '../../../server/src/service/knowledge/attlsKeywords';

const LINK = /\]\(https:\/\/[^)\s]+\)/;

test('every element and attribute of the reference has a hover with a source link', () => {
  let attrs = 0;
  for (const e of LIBERTY_ELEMENTS.values()) {
    const md = elementMarkdown(e.name);
    assert.match(md, LINK, e.name);
    assert.ok(md.includes(e.label), `${e.name} label`);
    for (const a of [...e.attributes.values(), ...e.runtimeOnlyAttributes.values()]) {
      const amd = attributeMarkdown(e.name, a.name);
      assert.match(amd, LINK, `${e.name}@${a.name}`);
      assert.ok(amd.startsWith(`**${a.name}**`), `${e.name}@${a.name} title`);
      if (a.default !== undefined && a.default !== '') {
        assert.ok(amd.includes(`\`${a.default}\``), `${e.name}@${a.name} shows its default`);
      }
      for (const v of a.values ?? []) {
        assert.ok(amd.includes(`\`${v.value}\``), `${e.name}@${a.name} lists ${v.value}`);
      }
      if (a.referencesElement) {
        assert.ok(amd.includes(`\`<${a.referencesElement}>\``), `${e.name}@${a.name} names its target`);
      }
      if (a.uncertain) {
        assert.match(amd, /uncertain/, `${e.name}@${a.name} is marked uncertain`);
      }
      attrs++;
    }
  }
  assert.ok(attrs >= 45, `only ${attrs} attributes`);
  assert.match(attributeMarkdown('zosconnect_anyConnection', 'sslCertsRef'), /`<ssl>`/);
  assert.match(attributeMarkdown('httpEndpoint', 'sslRef'), /not an attribute/);
  assert.match(elementMarkdown('trustStore', 'ssl'), /a `keyStore`/);
  assert.match(elementMarkdown('ssl'), /defaultSSLConfig/);
});

test('attribute hovers carry the facts their rules rest on', () => {
  assert.match(attributeMarkdown('ssl', 'sslProtocol'), /TLSv1\.2,TLSv1\.3/);
  assert.match(attributeMarkdown('ssl', 'sslProtocol'), /uncertain/, 'blank handling in lists is uncertain');
  assert.match(attributeMarkdown('ssl', 'enabledCiphers'), /blanks, not commas/);
  assert.match(attributeMarkdown('ssl', 'clientAuthenticationSupported'), /required wins/);
  assert.match(attributeMarkdown('ssl', 'verifyHostname'), /CWPKI0063W/);
  assert.match(attributeMarkdown('keyStore', 'password'), /\{hash\}` \| one-way \| \*\*no\*\*/);
  assert.match(
    attributeMarkdown('keyStore', 'type'),
    /`JCECCARACFKS` \| `safkeyringhw:\/\/` \/ `safkeyringjcecca:\/\/`/,
  );
  assert.match(attributeMarkdown('ssl', 'keyStoreRef'), /Required | yes, by the runtime metatype/);
});

test('safkeyring://X names ring X of the server identity, not owner X', () => {
  const md = keyringUrlMarkdown('safkeyring://Liberty.KeyRing');
  assert.match(md, /ring `Liberty\.KeyRing` of \*\*the server's own SAF identity\*\*/);
  assert.match(md, /is the \*\*ring\*\*, not an owner/);
  assert.match(md, /safkeyring:\/\/\/Liberty\.KeyRing/);
  assert.match(md, /IRR\.DIGTCERT\.LISTRING/);
  assert.match(md, /here READ \(own ring\)/);
  assert.match(md, /RDATALIB <server user ID>\.LIBERTY\.KEYRING\.LST/);
  assert.match(md, /type="JCERACFKS"/);
  assert.match(md, LINK);
});

test('safkeyring://OWNER/RING names the owner and the UPDATE access another user’s ring needs', () => {
  const md = keyringUrlMarkdown('safkeyringjcehybrid://zceesrv/Ring1');
  assert.match(md, /owned by user `zceesrv`/);
  assert.match(md, /here UPDATE, unless `zceesrv` is the server's own user ID/);
  assert.match(md, /RDATALIB ZCEESRV\.RING1\.LST/, 'RDATALIB names are upper case');
  assert.match(md, /type="JCEHYBRIDRACFKS"/);
  assert.match(md, /Java 11\+ spelling/);
  assert.match(md, /RACF source: \[R4\]\(https:/, 'the RACF reference supplies the access facts');
});

test('a malformed key ring URL says so, and a file path is not a key ring', () => {
  assert.match(keyringUrlMarkdown('safkeyring:/RING'), /\*\*Malformed:\*\* .*two slashes/);
  assert.match(keyringUrlMarkdown('safkeyring:///'), /ring name is empty/);
  assert.match(keyringUrlMarkdown('/u/liberty/key.p12'), /not a SAF key ring URL/);
});

test('protocol hovers: weak, list rules, uncertain blanks', () => {
  assert.match(protocolMarkdown('TLSv1'), /\*\*Weak:\*\*/);
  assert.match(protocolMarkdown('TLS'), /JVM's defaults/);
  assert.match(protocolMarkdown('SSL_TLSv2', true), /Not allowed in a list.*CWPKI0832E/);
  assert.match(protocolMarkdown(' TLSv1.3', true), /uncertain/);
  assert.match(protocolMarkdown('TLSv1.2', true), /also in FIPS 140-3 mode/);
  assert.match(protocolMarkdown('TLSv1.2'), LINK);
});

test('cipher hovers reuse the shared cipher table under the TLS_ spelling', () => {
  const md = libertyCipherMarkdown('SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  assert.match(md, /Java 11\+ rejects it/);
  assert.match(md, /Write `TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384`/);
  const hex = cipherByName('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384')!.hex4.toUpperCase();
  assert.ok(md.includes(`0x${hex.slice(0, 2)},0x${hex.slice(2)}`), 'IANA code from the shared table');
  assert.match(md, /In the set `securityLevel="HIGH"` selects/);
  assert.match(
    libertyCipherMarkdown('SSL_RSA_EXPORT_WITH_RC4_40_MD5'),
    /\*\*Insecure\*\*: contains `EXPORT`/,
  );
  assert.match(libertyCipherMarkdown('TLS_NO_SUCH_SUITE'), /Not in the shared cipher table/);
});

test('message hovers: CWPKI0033E and CWWKO0801E from the reference; unknown ids are not invented', () => {
  const ks = libertyMessageMarkdown('CWPKI0033E');
  assert.match(ks, /^\*\*CWPKI0033E\*\* \(error\) — Key store/);
  assert.match(ks, /scheme-type mismatch/);
  assert.match(ks, /\[S-SSLNLS: ssl\.nlsprops\]\(https:/);
  const hs = libertyMessageMarkdown('CWWKO0801E');
  assert.match(hs, /Inbound TLS handshake/);
  assert.match(hs, /SSLChannelMessages\.nlsprops/);
  assert.match(libertyMessageMarkdown('CWPKI0999E'), /not a message/);
});

test('feature hovers: transportSecurity-1.0, ssl-1.0, a transitive one, an unknown one', () => {
  assert.match(featureMarkdown('transportSecurity-1.0'), /Superset of ssl-1\.0/);
  assert.match(featureMarkdown('ssl-1.0'), /need `transportSecurity-1\.0` instead/);
  assert.match(featureMarkdown('appSecurity-3.0'), /Enables `ssl-1\.0` transitively/);
  assert.match(featureMarkdown('zosconnect:zosconnect-2.0'), /not known offline/);
  assert.match(featureMarkdown('ssl-1.0'), LINK);
});

test('passwordMask never contains the password and leaks only its kind and length', () => {
  const secrets = [
    'Liberty123',
    'x7#Qz!pw',
    'zcee-ks-2024',
    '{xor}Lz4sLCgwLTs=',
    '{aes}ARAtkcXYZ12',
    '{hash}ARAAAAAB',
    'p4ss${suffix}',
  ];
  for (const s of secrets) {
    const m = passwordMask(s);
    const body = s.replace(/^\{[a-z]+\}/, '');
    assert.ok(!m.includes(body), `mask of ${s.length}-char secret shows it: ${m}`);
    assert.match(m, new RegExp(`${[...s].length} characters`));
  }
  assert.equal(passwordMask('abcdefgh'), passwordMask('zyxwvuts'), 'same kind and length: same mask');
  assert.equal(passwordMask('{xor}AAAAAAAA'), passwordMask('{xor}BBBBBBBB'));
  assert.match(passwordMask('{xor}Lz4sLCgwLTs='), /^\{xor\}••••• \(xor-encoded/);
  assert.equal(
    passwordMask('${keystore_password}'),
    '${keystore_password}',
    'a variable name is not a secret',
  );
  assert.deepEqual(passwordAttributes(), [
    { element: 'keyStore', attribute: 'password' },
    { element: 'keyEntry', attribute: 'keyPassword' },
  ]);
});

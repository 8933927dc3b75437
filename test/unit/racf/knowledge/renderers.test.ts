// Hover texts teach from the reference: these tests pin the facts each renderer must state,
// including the NISTECC SIZE(512) field report of issue 3 and the "uncertain" labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  commandMarkdown,
  dateMarkdown,
  facilityResourceMarkdown,
  functionMarkdown,
  irrdMessageMarkdown,
  keySizeMarkdown,
  keywordMarkdown,
  rdatalibMarkdown,
} from '../../../../server/src/service/knowledge/racfInfo';
import { RACDCERT_FUNCTIONS } from '../../../../server/src/service/knowledge/racfKeywords';

test('keySizeMarkdown: NISTECC 512 is no NIST size; points to 521 and BPECC', () => {
  const md = keySizeMarkdown('NISTECC', 512);
  assert.match(md, /512 is not a NIST prime-curve size/);
  assert.match(md, /SIZE\(521\)/);
  assert.match(md, /P-521/);
  assert.match(md, /BPECC/);
  assert.match(md, /brainpoolP512r1/);
  assert.match(md, /uncertain/, 'rejection vs rounding is not verified');
});

test('keySizeMarkdown: NISTECC 256 is valid and tied to 0403 under TLS 1.3', () => {
  const md = keySizeMarkdown('nistecc', 256);
  assert.match(md, /256 is a valid NISTECC size: secp256r1 \(P-256\)/);
  assert.match(md, /TLS 1\.3/);
  assert.match(md, /P-256 \| `0403` ecdsa_secp256r1_sha256 .*←/);
  assert.match(md, /`0503` ecdsa_secp384r1_sha384/);
  assert.match(md, /`0603` ecdsa_secp521r1_sha512/);
  assert.doesNotMatch(keySizeMarkdown('NISTECC', 384), /0403[^\n]*←/);
  assert.match(keySizeMarkdown('NISTECC', 224), /no ECDSA signature scheme for P-224/);
});

test('keySizeMarkdown: BPECC, RSA and DSA', () => {
  assert.match(keySizeMarkdown('BPECC', 512), /brainpoolP512r1 ←/);
  assert.match(keySizeMarkdown('BPECC', 384), /FIPS: not supported by System SSL in FIPS mode/);
  assert.match(keySizeMarkdown('BPECC', 521), /NISTECC SIZE\(521\)/);
  assert.match(keySizeMarkdown('RSA', 1024), /below the recommended minimum of 2048/);
  assert.match(keySizeMarkdown('PCICC', 4096), /meets the recommended minimum/);
  assert.match(keySizeMarkdown('RSA'), /2048 since z\/OS V2R3, 1024 before \(⚠ \*\*uncertain\*\*\)/);
  assert.match(keySizeMarkdown('DSA', 1000), /not a multiple of 64/);
  assert.match(keySizeMarkdown('EC25519'), /not a key type/);
});

test('dateMarkdown: days until expiry, expired dates and slash forms', () => {
  assert.match(dateMarkdown('2026-12-01', '2026-11-23'), /Expires in \*\*8 days\*\*/);
  assert.match(dateMarkdown('2026-11-23', '2026-11-23'), /Expires today/);
  const past = dateMarkdown('2022/12/31', '2026-11-23');
  assert.match(past, /Expired 1423 days ago/);
  assert.match(past, /IRRD133I/);
  assert.match(past, /slashes.*uncertain/s);
  assert.match(dateMarkdown('2026-02-30', '2026-11-23'), /no such calendar day/);
  assert.match(dateMarkdown('30/05/01', '2026-11-23'), /Not a date in the documented form/);
  assert.match(dateMarkdown('2060-01-01', new Date(Date.UTC(2026, 10, 23))), /1950-2049.*uncertain/s);
  assert.match(dateMarkdown('2026-11-20', '2026-11-23', 'NOTBEFORE'), /Started 3 days ago/);
});

test('facilityResourceMarkdown: access levels as the reference states them', () => {
  const md = facilityResourceMarkdown('irr.digtcert.listring');
  assert.match(md, /READ own ring, UPDATE another user's/);
  assert.match(md, /ACCESS\(READ\)/);
  assert.match(md, /SETROPTS RACLIST\(FACILITY\) REFRESH/);
  assert.match(facilityResourceMarkdown('IRR.DIGTCERT.GENCERT'), /CONTROL SITE\/CERTAUTH/);
  assert.match(facilityResourceMarkdown('IRR.DIGTCERT.GENCERT'), /uncertain/);
  assert.match(facilityResourceMarkdown('IRR.DIGTCERT.REKEY'), /uncertain.*pattern/s);
  const bad = facilityResourceMarkdown('IRR.DIGTRING.LIST');
  assert.match(bad, /not a RACDCERT FACILITY resource/);
  assert.match(bad, /sunil390/);
  assert.match(facilityResourceMarkdown('IRR.DIGTCERT.*'), /SETROPTS GENERIC\(FACILITY\)/);
});

test('rdatalibMarkdown: ring profiles, case rule, private keys', () => {
  const md = rdatalibMarkdown('TCPIP.TTLSRing.LST');
  assert.match(md, /reading key ring `TTLSRing` of `TCPIP`/);
  assert.match(md, /DataGetFirst/);
  assert.match(md, /USAGE PERSONAL/);
  assert.match(md, /\(8,8,8\)/);
  assert.match(rdatalibMarkdown('tcpip.ring.LST'), /not in upper case/);
  assert.match(rdatalibMarkdown('TCPIP.Ring.UPD'), /DataPut/);
  assert.match(rdatalibMarkdown('IRR.RACDCERT.GRANULAR'), /granular/);
  assert.match(rdatalibMarkdown('NOTAPROFILE'), /not an RDATALIB profile form/);
});

test('irrdMessageMarkdown: text and the functions that issue it', () => {
  const md = irrdMessageMarkdown('irrd121i');
  assert.match(md, /A ring name and label name must be specified/);
  assert.match(md, /RACDCERT CONNECT/);
  assert.match(irrdMessageMarkdown('IRRD160I'), /national/);
  assert.match(irrdMessageMarkdown('IRRD999I'), /not a message/);
  assert.equal(irrdMessageMarkdown('IRRD128I').match(/RACDCERT GENCERT/g)?.length, 1);
});

test('functionMarkdown covers every function and marks uncertain ones', () => {
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    const md = functionMarkdown(fn.name);
    assert.match(md, new RegExp(`^\\*\\*RACDCERT ${fn.name}\\*\\*`), fn.name);
    assert.match(md, /Source: /, fn.name);
    assert.equal(/uncertain/.test(md), Boolean(fn.uncertain || fn.authorityUncertain), fn.name);
  }
  assert.match(functionMarkdown('ADDRING'), /SETROPTS RACLIST\(DIGTRING\) REFRESH/);
  assert.match(functionMarkdown('ADDRING'), /IRRD120I/);
  assert.match(functionMarkdown('LISTCHAIN'), /since z\/OS V2R1/);
  assert.match(functionMarkdown('SETR'), /Also written `SETR`/);
  assert.match(commandMarkdown('RALTER'), /uncertain/);
});

test('keywordMarkdown: value form, limits, values, nesting, provenance', () => {
  const label = keywordMarkdown('CONNECT', 'label', ['CONNECT']);
  assert.match(label, /up to 32 characters.*uncertain/);
  assert.match(label, /Required \| yes/);
  assert.match(keywordMarkdown('GENCERT', 'KEYUSAGE'), /ECC: HANDSHAKE DOCSIGN CERTSIGN KEYAGREE/);
  assert.match(keywordMarkdown('EXPORT', 'FORMAT'), /PKCS12DER.*PASSWORD required/);
  assert.match(keywordMarkdown('GENCERT', 'SIZE'), /NISTECC sizes: 192, 224, 256, 384, 521/);
  assert.match(keywordMarkdown('GENCERT', 'IP', ['ALTNAME']), /without apostrophes/);
  assert.match(keywordMarkdown('GENCERT', 'ALTNAME'), /from z\/OS 3\.2/);
  assert.match(keywordMarkdown('GENCERT', 'NOTAFTER'), /23:59:59.*uncertain/s);
  assert.match(keywordMarkdown('GENCERT', 'SIGNWITH'), /Nested keywords \| `CERTAUTH` `SITE` `LABEL`/);
  assert.match(keywordMarkdown('GENCERT', 'CERTAUTH'), /Only one of `ID`, `SITE`, `CERTAUTH`/);
  assert.match(keywordMarkdown('REKEY', 'NOTAFTER'), /entry for RACDCERT GENCERT.*uncertain/s);
  assert.match(keywordMarkdown('UNBIND', 'SEQNUM', ['UNBIND']), /describes it no further/);
  assert.match(keywordMarkdown('GENCERT', 'SUBJECTDSN'), /not a keyword of RACDCERT GENCERT/);
  assert.match(keywordMarkdown('SETR', 'REFRESH'), /Also written \| `REFR`/);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../../server/src/service/attls/analyze';
import { attlsHover } from '../../../server/src/service/attls/hover';
import { walk } from '../../../server/src/service/attls/parser';
import type { Range } from '../../../server/src/service/types';

const POLICY = [
  'TTLSRule r1', // 0
  '{', // 1
  '  LocalPortRange 443', // 2
  '  Direction Inbound', // 3
  '  TTLSGroupActionRef grp', // 4
  '  TTLSEnvironmentActionRef env', // 5
  '  TTLSConnectionActionRef missing', // 6
  '}', // 7
  'TTLSGroupAction grp', // 8
  '{', // 9
  '  TTLSEnabled On', // 10
  '  Trace 255', // 11
  '  FIPS140 Level2', // 12
  '}', // 13
  'TTLSEnvironmentAction env', // 14
  '{', // 15
  '  HandshakeRole ServerWithClientAuth', // 16
  '  TTLSKeyringParms', // 17
  '  {', // 18
  '    Keyring SYSUSER/MyRing', // 19
  '    KeyringPw s3cretPassw0rd', // 20
  '  }', // 21
  '  TTLSCipherParms', // 22
  '  {', // 23
  '    V3CipherSuites TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', // 24
  '    V3CipherSuites 352F', // 25
  '    V3CipherSuites4Char 1301C02FC0FF', // 26
  '  }', // 27
  '  TTLSSignatureParms', // 28
  '  {', // 29
  '    ClientECurves 00230024', // 30
  '    SignaturePairs 04010804', // 31
  '  }', // 32
  '  TTLSEnvironmentAdvancedParms', // 33
  '  {', // 34
  '    TLSv1.2 On', // 35
  '    ClientAuthType PassThru', // 36
  '  }', // 37
  '}', // 38
].join('\n');

const a = analyzeAttls(POLICY);
const hover = (line: number, character: number): { contents: string; range?: Range } => {
  const h = attlsHover(a, { line, character });
  assert.ok(h, `a hover at ${line}:${character}`);
  return h;
};
const range = (line: number, s: number, e: number): Range => ({
  start: { line, character: s },
  end: { line, character: e },
});

test('statement keyword: what it is, where it goes, required parameters, source', () => {
  const h = hover(0, 3);
  assert.match(h.contents, /\*\*TTLSRule\*\*/);
  assert.match(h.contents, /Required parameters: .*Direction.*TTLSGroupActionRef/);
  assert.match(h.contents, /top level/);
  assert.match(h.contents, /https:\/\/www\.ibm\.com\//);
  assert.deepEqual(h.range, range(0, 0, 8));
  const inline = hover(17, 5);
  assert.match(inline.contents, /\*\*TTLSKeyringParms\*\*/);
  assert.match(inline.contents, /inline in TTLSEnvironmentAction/);
  assert.match(inline.contents, /Referenced by: TTLSKeyringParmsRef/);
});

test('parameter keyword: meaning, values, default, release, statement; TLSv1.2 default even on 3.1', () => {
  const h = hover(35, 6);
  assert.match(h.contents, /\*\*TLSv1\.2\*\* — parameter of TTLSEnvironmentAdvancedParms/);
  assert.match(h.contents, /Default: `Off`/);
  assert.match(h.contents, /even on z\/OS 3\.1/);
  assert.match(h.contents, /Also a parameter of: TTLSConnectionAdvancedParms/);
  const fips = hover(12, 3);
  assert.match(fips.contents, /Release: On\/Off in 2\.1/);
  assert.match(fips.contents, /Default: `Off`/);
});

test('enumerated values explain themselves', () => {
  const role = hover(16, 20);
  assert.match(
    role.contents,
    /ServerWithClientAuth\*\* — this side plays the TLS server and asks the client for a certificate/,
  );
  assert.deepEqual(role.range, range(16, 16, 36));
  assert.match(
    hover(36, 22).contents,
    /PassThru\*\* — a client certificate is optional and is not validated/,
  );
  const fips = hover(12, 12);
  assert.match(fips.contents, /Level2\*\* — 112-bit strength/);
  assert.match(fips.contents, /does not support FIPS140 together with TLS 1\.3/);
  assert.match(hover(3, 14).contents, /Inbound\*\* — the rule applies to connections this side accepts/);
});

test('cipher constant: name, IANA code, 2-char code, protocols, FIPS, class, source', () => {
  const h = hover(24, 30);
  assert.match(h.contents, /\*\*TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\*\*/);
  assert.match(h.contents, /`0xC0,0x2F`/);
  assert.match(h.contents, /2-char code \| none/);
  assert.match(h.contents, /TLSv1\.2/);
  assert.match(h.contents, /Strength class \| recommended/);
  assert.match(h.contents, /Source: /);
  assert.deepEqual(h.range, range(24, 19, 56));
});

test('a 2-character piece inside a V3CipherSuites string, with its own range', () => {
  // '    V3CipherSuites 352F': the string starts at column 19; '2F' is columns 21-23.
  const h = hover(25, 22);
  assert.match(h.contents, /\*\*TLS_RSA_WITH_AES_128_CBC_SHA\*\*/);
  assert.match(h.contents, /2-character code `2F` = suite 0x002F/);
  assert.deepEqual(h.range, range(25, 21, 23));
  assert.deepEqual(hover(25, 19).range, range(25, 19, 21));
  assert.match(hover(25, 19).contents, /TLS_RSA_WITH_AES_256_CBC_SHA/);
});

test('a 4-character piece inside a V3CipherSuites4Char string; unknown codes say so', () => {
  // '    V3CipherSuites4Char 1301C02FC0FF': the string starts at column 24.
  const tls13 = hover(26, 25);
  assert.match(tls13.contents, /\*\*TLS_AES_128_GCM_SHA256\*\*/);
  assert.deepEqual(tls13.range, range(26, 24, 28));
  const c02f = hover(26, 30);
  assert.match(c02f.contents, /TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256/);
  assert.deepEqual(c02f.range, range(26, 28, 32));
  const unknown = hover(26, 34);
  assert.match(unknown.contents, /unknown cipher suite/);
  assert.deepEqual(unknown.range, range(26, 32, 36));
});

test('ChaCha20 says why FIPS fails', () => {
  const b = analyzeAttls('TTLSCipherParms c\n{\n  V3CipherSuites TLS_CHACHA20_POLY1305_SHA256\n}\n');
  const h = attlsHover(b, { line: 2, character: 20 });
  assert.match(h?.contents ?? '', /not a NIST-approved algorithm.*8\/BFE/);
});

test('curve codes: name and the decimal-vs-hex trap, per 4-digit piece', () => {
  // '    ClientECurves 00230024': string at column 18.
  const h = hover(30, 19);
  assert.match(h.contents, /\*\*secp256r1\*\*/);
  assert.match(h.contents, /group 23 = 0x0017/);
  assert.match(h.contents, /not 0x0023/);
  assert.deepEqual(h.range, range(30, 18, 22));
  const p384 = hover(30, 23);
  assert.match(p384.contents, /secp384r1/);
  assert.deepEqual(p384.range, range(30, 22, 26));
});

test('signature pairs: hash + signature, default-list membership, 08xx uncertain', () => {
  // '    SignaturePairs 04010804': string at column 19.
  const h = hover(31, 20);
  assert.match(h.contents, /TLS_SIGALG_SHA256_WITH_RSA/);
  assert.match(h.contents, /Hash `04` = SHA-256, signature `01` = RSA/);
  assert.match(h.contents, /In the default SignaturePairs list observed on z\/OS 3\.1/);
  assert.deepEqual(h.range, range(31, 19, 23));
  const pss = hover(31, 24);
  assert.match(pss.contents, /rsa_pss_rsae_sha256/);
  assert.match(pss.contents, /Not in the default SignaturePairs list/);
  assert.match(pss.contents, /uncertain/);
});

test('Trace 255 decodes into its bits, uncertain ones marked', () => {
  const h = hover(11, 9);
  assert.match(h.contents, /\*\*Trace 255\*\*/);
  for (const bit of ['1', '2', '4', '8', '16', '32']) {
    assert.match(h.contents, new RegExp(`^- ${bit}: `, 'm'));
  }
  assert.match(h.contents, /- 1: .*uncertain.*⚠/);
  assert.match(h.contents, /- 64, 128: not described in the reference/);
});

test('Keyring form; password never echoed', () => {
  const k = hover(19, 14);
  assert.match(k.contents, /SAF key ring `MyRing` owned by user `SYSUSER`/);
  assert.doesNotMatch(k.contents, /RACF|READ access|UPDATE/);
  const pw = hover(20, 18);
  assert.doesNotMatch(pw.contents, /s3cret/);
  assert.match(pw.contents, /not shown/);
  const b = analyzeAttls(
    'TTLSKeyringParms k\n{\n  Keyring /etc/x.kdb\n}\nTTLSKeyringParms t\n{\n  Keyring *TOKEN*/TOK1\n}\n',
  );
  assert.match(attlsHover(b, { line: 2, character: 12 })?.contents ?? '', /key database/);
  assert.match(attlsHover(b, { line: 6, character: 12 })?.contents ?? '', /PKCS #11 token named `TOK1`/);
});

test('names: a Ref value resolves (type, line) or says it is unresolved; a statement name shows its users', () => {
  const ok = hover(4, 22);
  assert.match(ok.contents, /\*\*grp\*\* → TTLSGroupAction defined at line 9/);
  assert.match(ok.contents, /TTLSEnabled On/);
  const bad = hover(6, 30);
  assert.match(bad.contents, /unresolved: no TTLSConnectionAction named `missing`/);
  const name = hover(8, 17);
  assert.match(name.contents, /Referenced by: TTLSRule `r1` \(TTLSGroupActionRef, line 5\)/);
});

test('a TTLSRule name shows the effective settings with inherited and default protocols', () => {
  const h = hover(0, 10);
  assert.match(h.contents, /\*\*TTLSRule\*\* `r1` — effective settings/);
  assert.match(
    h.contents,
    /Protocols on \| TLSv1 \*\(default\)\*, TLSv1\.1 \*\(default\)\*, TLSv1\.2 \(environment\)/,
  );
  assert.match(
    h.contents,
    /Protocols off \| SSLv2 \*\(default\)\*, SSLv3 \*\(default\)\*, TLSv1\.3 \*\(default\)\*/,
  );
  assert.match(h.contents, /HandshakeRole \| ServerWithClientAuth \| environment, line 17/);
  assert.match(h.contents, /Keyring \| SYSUSER\/MyRing/);
  assert.match(h.contents, /FIPS140 \| Level2 \| group, line 13/);
  assert.match(h.contents, /Trace \| 255 \| group/);
  assert.match(h.contents, /CtraceClearText \| Off \| \*default\*/);
  assert.match(h.contents, /Cipher list \| TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, /);
  const none = analyzeAttls(
    'TTLSRule r\n{\n  Direction Both\n  LocalPortRange 1\n  TTLSGroupActionRef g\n  TTLSEnvironmentActionRef e\n}\nTTLSGroupAction g\n{\n  TTLSEnabled On\n}\nTTLSEnvironmentAction e\n{\n  HandshakeRole Client\n  TTLSKeyringParms\n  {\n    Keyring ring\n  }\n}\n',
  );
  const h2 = attlsHover(none, { line: 0, character: 9 })?.contents ?? '';
  assert.match(h2, /System SSL default list — contains no TLS 1\.3 suite/);
  assert.match(h2, /No level sets TLSv1\.2, so its default \(Off\) applies/);
});

test('hover never throws at any token of any corpus file', () => {
  const dir = '/work/shared/corpus/attls';
  if (!existsSync(dir)) {
    return;
  }
  let hovers = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.conf'))) {
    const text = readFileSync(path.join(dir, f), 'latin1');
    const b = analyzeAttls(text);
    for (const n of walk(b.model.doc.nodes)) {
      const tokens =
        n.kind === 'block' ? [n.keyword, ...(n.name ? [n.name] : []), ...n.extra] : [n.keyword, ...n.values];
      for (const t of tokens) {
        // Start, every 4th character (each piece of a code string) and end of every token.
        const cols = new Set([t.range.start.character, t.range.end.character]);
        for (let c = t.range.start.character; c < t.range.end.character; c += 4) {
          cols.add(c);
        }
        for (const c of cols) {
          const h = attlsHover(b, { line: t.range.start.line, character: c });
          if (h) {
            hovers++;
            assert.ok(h.contents.length > 0);
            assert.doesNotMatch(
              h.contents,
              /undefined|\[object Object\]|NaN/,
              `${f}:${t.range.start.line + 1}`,
            );
          }
        }
      }
    }
    // Also every position of every line, blank space and comments included.
    for (let line = 0; line < b.model.doc.source.lineCount; line++) {
      const len = b.model.doc.source.lineText(line).length;
      for (let c = 0; c <= len; c += 5) {
        attlsHover(b, { line, character: c });
      }
    }
  }
  assert.ok(hovers > 1000);
});

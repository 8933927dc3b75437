// The recogniser against every written form of every table entry, the real trace lines of
// shared/corpus/traces (every code found, nothing else), ordinary numbers and huge input.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { CodeEntry } from '../../../server/src/service/knowledge/codes';
import { ALL_CODES, CODE_TABLES } from '../../../server/src/service/knowledge/codes';
import { MAX_MATCHES, codeAt, recogniseLine } from '../../../server/src/service/codes/recognise';
import { explainQuery } from '../../../server/src/service/codes/explain';

const found = (text: string): [string, string][] => recogniseLine(text).map((m) => [m.text, m.entry.id]);

/** Asserts `entry` is recognised in `template` with `written` put in place of `§`, on `written`. */
function recognisedIn(template: string, written: string, entry: CodeEntry, covers = written): void {
  assert.ok(template.includes('§') && written.includes(covers), `test setup: ${template} / ${covers}`);
  const at = template.indexOf('§') + written.indexOf(covers);
  const line = template.replace('§', written);
  const hit = recogniseLine(line).find((m) => m.entry.id === entry.id);
  assert.ok(hit, `${entry.id} in ${JSON.stringify(line)}: got ${JSON.stringify(found(line))}`);
  assert.equal(line.slice(hit.start, hit.end), hit.text);
  assert.ok(hit.start <= at && at + covers.length <= hit.end, `${entry.id}: range covers "${covers}"`);
}

describe('every written form of every entry', () => {
  test('as a query of its own (zos-tls explain 402, explain 8/BFE, explain bad_certificate)', () => {
    let forms = 0;
    for (const e of ALL_CODES) {
      for (const f of e.forms) {
        forms++;
        const ids = explainQuery(f).matches.map((m) => m.code + '|' + m.kind);
        assert.ok(
          ids.includes(`${e.code}|${e.kind}`),
          `${e.id}: explain "${f}" gives ${JSON.stringify(ids)}`,
        );
      }
    }
    assert.ok(forms > 1000, `${forms} forms checked`);
  });

  test('TLS alerts in their real shapes (number, name, name(number), OpenSSL and curl wording)', () => {
    for (const e of CODE_TABLES.tlsAlerts) {
      const name = e.title.split(' ')[0];
      const n = String(e.value);
      recognisedIn('SSL alert number §', n, e);
      recognisedIn('TLS Alert (§)', n, e);
      recognisedIn('main, fatal error: §: something', n, e);
      recognisedIn('RECV TLSv1.2 ALERT:  fatal, §', name, e);
      recognisedIn('sent § to peer', `${name}(${n})`, e);
      if (!name.endsWith('_RESERVED')) {
        recognisedIn('error:0A000438:SSL routines::tlsv1 alert §:x', name.replace(/_/g, ' '), e);
      }
      recognisedIn('* TLSv1.3 (IN), TLS alert, some text §:', `(${512 + Number(n)})`, e);
    }
  });

  test('System SSL return codes after RC:, rc=, rc, and CMS status codes in every spelling', () => {
    for (const e of CODE_TABLES.gskReturnCodes) {
      for (const f of e.forms) {
        if (e.code.startsWith('0x')) {
          recognisedIn('Error § from gsk_environment_init', f, e);
        } else if (/^(rc|RC)/.test(f)) {
          recognisedIn('x § y', f, e);
        } else {
          recognisedIn('EZD1286I TTLS Error RC: § Initial Handshake', f, e);
          recognisedIn('return code rc=§ here', f, e);
        }
      }
    }
  });

  test('AT-TLS return codes', () => {
    for (const e of CODE_TABLES.attlsReturnCodes.filter((x) => x.value !== undefined)) {
      for (const f of e.forms) {
        recognisedIn(/RC|rc/.test(f) ? 'EZD1287I TTLS Error § Initial Handshake' : 'TTLS Error RC: §', f, e);
      }
    }
  });

  test('ICSF return/reason pairs in every listed spelling, and the services', () => {
    for (const e of CODE_TABLES.icsf) {
      if (e.reasonCode !== undefined) {
        for (const f of e.forms) {
          recognisedIn('ICSF service failure: CSFPPKS §', f, e);
        }
        const pkcs = `0xC0${e.returnCode!.toString(16).padStart(2, '0')}${e.reasonCode.toString(16).padStart(4, '0')}`;
        recognisedIn('C_Sign returned §', pkcs, e);
      } else if (e.kind === 'icsf-service') {
        recognisedIn('ICSF service failure: § failed', e.code, e);
      }
    }
  });

  test('message ids, Java texts, trace record types, content and handshake types, versions', () => {
    for (const e of [
      ...CODE_TABLES.attlsMessages,
      ...CODE_TABLES.racfMessages,
      ...CODE_TABLES.libertyMessages,
    ]) {
      recognisedIn('[12/1/25] §: some text', e.code, e);
    }
    for (const e of CODE_TABLES.javaErrors) {
      for (const f of e.forms) {
        // The range is the distinctive text (the reference's match), not the placeholders around it.
        recognisedIn('javax.net.ssl.SSLHandshakeException: §', f, e, e.code.replace(/[:\s]+$/, ''));
      }
    }
    for (const e of CODE_TABLES.gskTraceRecordTypes) {
      for (const f of e.forms) {
        recognisedIn(/^0/.test(f) ? 'C01  MESSAGE   §  20:43:45.522449' : 'C01 MESSAGE 0000000F  §', f, e);
      }
    }
    for (const e of CODE_TABLES.handshakeTypes) {
      recognisedIn('* TLSv1.3 (IN), TLS handshake, Something §:', `(${e.value})`, e);
    }
    for (const e of CODE_TABLES.contentTypes) {
      recognisedIn('  Content Type = Something §', `(${e.value})`, e);
      recognisedIn('* TLSv1.2 (IN), TLS header, Something §:', `(${e.value})`, e);
    }
    for (const e of CODE_TABLES.protocolVersions) {
      const name = e.title.replace(/ \(.*/, '');
      recognisedIn(`  Version = ${name} §`, `(0x${e.value!.toString(16)})`, e);
      recognisedIn(`Version: ${name} §`, `(${e.code})`, e);
      recognisedIn('record version = §', e.code, e);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The real traces. For each file: every code in it, in order, as [text as written, entry id], with
// why. What is deliberately NOT a code there is said per file too.

const TRACES = '/work/shared/corpus/traces';

const EXPECTED: Record<string, [string, string][]> = {
  // Two OPERLOG messages of one connection: the message id, AT-TLS RC 5004 (handshake timer) in the
  // first, System SSL rc 406 written right-aligned (`RC:  406`) in the second.
  'attls-syslog/zowe-cli-GetLogsData-operlog-EZD1287I.txt': [
    ['EZD1287I', 'EZD1287I'],
    ['RC: 5004', 'attls-rc-5004'],
    ['EZD1287I', 'EZD1287I'],
    ['RC:  406', 'gsk-406'],
  ],
  // --trace-ascii: one `TLS handshake, Certificate (11)`; the `(0x5)`-style byte counts are sizes.
  'curl-verbose/acme-sh-6256-curl-trace-ascii-certificate.txt': [['Certificate (11)', 'hs-11']],
  // Handshake message types of a TLS 1.3 handshake; `TLS change cipher, Change cipher spec (1)` is
  // the CCS message body, not a handshake or content type, and `(#0)` is curl's connection number.
  'curl-verbose/curl-6796-tls13-google-success.txt': [
    ['Client hello (1)', 'hs-1'],
    ['Server hello (2)', 'hs-2'],
    ['Encrypted Extensions (8)', 'hs-8'],
    ['Certificate (11)', 'hs-11'],
    ['CERT verify (15)', 'hs-15'],
    ['Finished (20)', 'hs-20'],
    ['Finished (20)', 'hs-20'],
  ],
  // TLS 1.2 handshake types (curl calls server_hello_done "Server finished"); `verify result ...
  // (20)` is an X.509 verify code, which no table here holds.
  'curl-verbose/esp32-https-server-88-curl-tls12-verify-result-20.txt': [
    ['Client hello (1)', 'hs-1'],
    ['Server hello (2)', 'hs-2'],
    ['Certificate (11)', 'hs-11'],
    ['Server key exchange (12)', 'hs-12'],
    ['Server finished (14)', 'hs-14'],
    ['Client key exchange (16)', 'hs-16'],
    ['Finished (20)', 'hs-20'],
    ['Finished (20)', 'hs-20'],
  ],
  'curl-verbose/openfaas-faasd-197-curl-tls13-github.txt': [
    ['Client hello (1)', 'hs-1'],
    ['Server hello (2)', 'hs-2'],
    ['Encrypted Extensions (8)', 'hs-8'],
    ['Certificate (11)', 'hs-11'],
    ['CERT verify (15)', 'hs-15'],
    ['Finished (20)', 'hs-20'],
    ['Finished (20)', 'hs-20'],
  ],
  // `TLS header, ... (22)` / `(21)` are record content types (curl's label for 22 is odd); the alert
  // is 592 = fatal × 256 + 80 internal_error, and OpenSSL repeats it as `tlsv1 alert internal error`
  // twice. `curl: (35)` is curl's own exit code.
  'curl-verbose/openssl-19518-curl-alert-internal-error-592.txt': [
    ['Certificate Status (22)', 'ct-22'],
    ['Client hello (1)', 'hs-1'],
    ['Unknown (21)', 'ct-21'],
    ['(592)', 'tls-alert-80'],
    ['internal error', 'tls-alert-80'],
    ['internal error', 'tls-alert-80'],
  ],
  // The SSL_ERROR record: entry id 00000004 and its description. Job, process, thread and the
  // peer's address and port are not codes.
  'gsk-ctrace/ibm-zos-v2r1-sslprog-event-trace-records-full-format.txt': [
    ['00000004', 'gsk-trace-4'],
    ['SSL_ERROR', 'gsk-trace-4'],
  ],
  'gsk-ctrace/insideproducts-ipproblemfinders-gsksrvr-trace-example.txt': [
    ['00000001', 'gsk-trace-1'],
    ['SSL_ENTRY', 'gsk-trace-1'],
    ['00000008', 'gsk-trace-8'],
    ['SSL_INFO', 'gsk-trace-8'],
    ['00000004', 'gsk-trace-4'],
    ['SSL_ERROR', 'gsk-trace-4'],
  ],
  // A hex dump and a cut READ line: no code.
  'jsse-debug/jdk11-style-adoptium-support-1147-hexdump-read.txt': [],
  // Cipher suite ids (0xC02A ...) belong to the cipher tables of the AT-TLS hovers; extension ids
  // (`supported_groups (10)`) are in no table.
  'jsse-debug/jdk11-style-alphagarden-4-part1-clienthello-extensions.txt': [],
  // The exception text and the alert it names.
  'jsse-debug/jdk11-style-alphagarden-4-part2-fatal-alert-handshake-failure.txt': [
    ['Received fatal alert', 'java-received-fatal-alert'],
    ['handshake_failure', 'tls-alert-40'],
  ],
  // A successful ServerHello: a cipher suite id and extension ids, no code.
  'jsse-debug/jdk11-style-rabbitmq-java-client-1280-serverhello-in-app-log.txt': [],
  'jsse-debug/jdk8-style-dependencycheck-2222-invalidated-session.txt': [],
  'jsse-debug/jdk8-style-java-websocket-563-server-keyexchange.txt': [],
  'jsse-debug/jdk8-style-microprofile-rso-165-clienthello.txt': [],
  // Liberty's handshake-failure message and the exception text it carries.
  'liberty-trace/openliberty-13424-trace-CWWKO0801E-session-has-no-psk.txt': [
    ['CWWKO0801E', 'CWWKO0801E'],
    ['Session has no PSK', 'java-session-has-no-psk'],
  ],
  // Ports with a thousands separator (`57,449`) are not codes.
  'liberty-trace/openliberty-25922-message-text-CWWKO0801E-certificate_unknown.txt': [
    ['CWWKO0801E', 'CWWKO0801E'],
    ['Received fatal alert', 'java-received-fatal-alert'],
    ['certificate_unknown', 'tls-alert-46'],
  ],
  'liberty-trace/openliberty-33464-messages-CWWKO0801E-bad_certificate.txt': [
    ['CWWKO0801E', 'CWWKO0801E'],
    ['Received fatal alert', 'java-received-fatal-alert'],
    ['bad_certificate', 'tls-alert-42'],
  ],
  // The second text is the reporter's shortening of the JDK 8 `Unrecognized SSL message, plaintext
  // connection?`: its head still names the entry.
  'liberty-trace/openliberty-9424-message-texts-CWWKO0801E.txt': [
    ['CWWKO0801E', 'CWWKO0801E'],
    ['no cipher suites in common', 'java-no-cipher-suites-in-common'],
    ['CWWKO0801E', 'CWWKO0801E'],
    ['Unrecognized SSL message', 'java-unrecognized-ssl-message-jdk8'],
  ],
  // A successful TLS 1.0 client handshake: no code.
  'liberty-trace/websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt': [],
  // `Verify return code: 18` and `verify error:num=26` are X.509 verify results: no table holds them.
  'openssl-s_client/colinpaicemq-TLSWorkshop-s_client-s_server-output-fragments.txt': [],
  'openssl-s_client/openssl-19518-s_client-msg-error-line-alert-80.txt': [
    ['internal error', 'tls-alert-80'],
    ['80', 'tls-alert-80'],
  ],
  // `error:14094410` is an OpenSSL error code, `Verify return code: 0 (ok)` an X.509 result.
  'openssl-s_client/openssl-2602-s_client-tls13-alert-40.txt': [
    ['handshake failure', 'tls-alert-40'],
    ['40', 'tls-alert-40'],
  ],
  // A session summary: `Verify return code: 18` is X.509, the Master-Key is hex that must stay quiet
  // (it contains `BFE8`, which is no ICSF pair without its `rc/`).
  'openssl-s_client/openssl-3649-s_client-state-tls13-read-R-BLOCK.txt': [],
  'openssl-s_client/openssl-6805-s_client-verify-error-20.txt': [],
  'openssl-s_client/sftcd-openssl-19-s_client-trace-debug-part1-received-record.txt': [
    ['TLS 1.2 (0x303)', 'ver-0x0303'],
  ],
  // Record headers: the version and the (inner) content types. `Finished, Length=32` has no number
  // in parentheses.
  'openssl-s_client/sftcd-openssl-19-s_client-trace-debug-part2-sent-finished.txt': [
    ['TLS 1.2 (0x303)', 'ver-0x0303'],
    ['ChangeCipherSpec (20)', 'ct-20'],
    ['TLS 1.2 (0x303)', 'ver-0x0303'],
    ['ApplicationData (23)', 'ct-23'],
    ['Handshake (22)', 'ct-22'],
  ],
  // SYSTCPIP TELNET and resolver records: entry ids of another component, no TLS code.
  'systcpip-ctrace/ibm-zos-v2r2-ipdiag-ctrace-traceres-record.txt': [],
  'systcpip-ctrace/ibm-zos-v2r2-ipdiag-telnet-ctrace-send-data-to-client.txt': [],
};

describe('the real traces of shared/corpus/traces', () => {
  test('every file has an expectation, and every expectation a file', (t) => {
    if (!existsSync(TRACES)) {
      t.skip(`${TRACES} not found`);
      return;
    }
    const files = readdirSync(TRACES, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) => readdirSync(path.join(TRACES, d.name)).map((f) => `${d.name}/${f}`))
      .sort();
    assert.deepEqual(files, Object.keys(EXPECTED).sort());
  });
  for (const [file, expected] of Object.entries(EXPECTED)) {
    test(file, (t) => {
      const full = path.join(TRACES, file);
      if (!existsSync(full)) {
        t.skip(`${full} not found`);
        return;
      }
      const text = readFileSync(full, 'utf8');
      const matches = recogniseLine(text);
      assert.deepEqual(
        matches.map((m) => [m.text, m.entry.id]),
        expected,
      );
      for (const m of matches) {
        assert.equal(text.slice(m.start, m.end), m.text);
        // The hover finds the same code from any character of it.
        assert.equal(codeAt(text, m.start)?.entry.id, m.entry.id);
        assert.equal(codeAt(text, m.end - 1)?.entry.id, m.entry.id);
      }
    });
  }
});

describe('a code needs its context', () => {
  test('ordinary numbers, dates, ports, sizes and cipher names are not codes', () => {
    for (const line of [
      'listening on port 443, 402 requests, 5004 bytes, 40 users, 8 threads',
      'Date 12/10/2020 and 8/7/20 and 11/14/25, 14:24:28:115',
      'cipher RC4-SHA, RC4_128, DES-CBC3',
      'Process 00020032 Thread 00000002 Handle 7E828198',
      'length = 262, Timeout   : 7200 (sec), Start Time: 1486914407',
      'error 0x0A000438 and error:14094410 and 0x0335',
      'the handshake failed with (40) in the middle and alert-ish 592',
      'an oauth error access_denied and internal_error in JSON',
      'messages EZD9999I and IRRD999I and CWWKO9999E are not in the tables',
      'RC: 9999 and rc=777 are not in the tables',
      'hs_err_pid1234.log and client_hello_count=3',
      'version 1.2 and TLSv1.2 and TLS13 are names, not error codes',
    ]) {
      assert.deepEqual(found(line), [], line);
    }
  });

  test('the generic alert names count with alert context', () => {
    assert.deepEqual(found('Received fatal alert: internal_error'), [
      ['Received fatal alert', 'java-received-fatal-alert'],
      ['internal_error', 'tls-alert-80'],
    ]);
    assert.deepEqual(found('sent internal_error(80)'), [['internal_error(80)', 'tls-alert-80']]);
  });

  test('ICSF pairs win over the System SSL rc their return code also is, and unknown reasons keep the return code', () => {
    assert.deepEqual(found('RC=8 RSN=3070'), [['RC=8 RSN=3070', 'icsf-8-BFE']]);
    const m = recogniseLine('ICSF service failure: CSFPPKS retCode = 0x8, rsnCode = 0x1234');
    assert.deepEqual(
      m.map((x) => x.entry.id),
      ['icsf-svc-CSFPPKS', 'icsf-rc-8'],
    );
    assert.match(m[1].reading ?? '', /not in the table/);
    // Without ICSF context a slash pair of plain digits is a fraction or a date, not a code.
    assert.deepEqual(found('page 8/3070'), []);
    assert.deepEqual(found('ICSF 8/3070'), [['8/3070', 'icsf-8-BFE']]);
  });
});

describe('bounded work', () => {
  test('a huge line of codes is capped', () => {
    const line = 'EZD1287I TTLS Error RC: 5004 retCode = 0x8, rsnCode = 0xbfe handshake_failure '.repeat(
      50_000,
    );
    const m = recogniseLine(line);
    assert.ok(m.length <= MAX_MATCHES, `${m.length} matches`);
    assert.ok(m.length > 100);
  });

  test('pathological text (long identifiers, digits, underscores) finds nothing and ends', () => {
    for (const line of [
      'a_'.repeat(500_000),
      '1'.repeat(1_000_000),
      'rc '.repeat(300_000),
      'TLS handshake, '.repeat(100_000) + 'a'.repeat(100),
      'alert number '.repeat(100_000),
      '8/'.repeat(500_000),
    ]) {
      assert.deepEqual(recogniseLine(line), [], line.slice(0, 12));
    }
  });

  test('codeAt on a huge line finds the code under the offset and nothing far from it', () => {
    const line = 'x'.repeat(5_000_000) + ' Alert (40) ' + 'y'.repeat(5_000_000);
    const m = codeAt(line, 5_000_000 + 8);
    assert.equal(m?.entry.id, 'tls-alert-40');
    assert.equal(m?.start, 5_000_000 + 8);
    assert.equal(codeAt(line, 10), undefined);
    assert.equal(codeAt(line, -1), undefined);
    assert.equal(codeAt(line, line.length + 5), undefined);
  });
});

// Every file of shared/corpus/liberty analysed, with every finding listed and the reason it is
// right. The files are presented under the name and directory they have in their repository
// (SOURCES.md "path in repository"): a file that was a server.xml is analysed as the server.xml of
// its own server directory (a root, not a fragment); the snippets keep their names, so they are
// fragments, as they are in their repositories. The zcee-wildfire files sit together in one
// directory (their repository's xml/), read through one reader, so an id defined in a sibling
// could satisfy a reference — but none of them includes another and there is no server.xml there:
// db2TLS's sslCertsRef="OutboundSSLSettings" (defined in keyringOutbound.xml) stays unresolved and
// is information, never an error (SOURCES: "Fragments … must not produce undefined reference errors").
//
// Adding a rule: add its findings to EXPECTED ("rule line [severity]", 1-based line; severity only
// when it is not the rule's default), each with its reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeLiberty } from '../../../server/src/service/liberty/analyze';
import { catalogueEntry } from '../../../server/src/service/rules';
import type { ConfigFileReader, Finding } from '../../../server/src/service/types';

const dir = path.resolve(__dirname, '../../../../shared/corpus/liberty');

/** Corpus file → its path in the repository it comes from (SOURCES.md). */
const ORIGINAL_PATH: Record<string, string> = {
  'zcee-wildfire-keyring.xml': 'zcee/xml/keyring.xml',
  'zcee-wildfire-keyringMutual.xml': 'zcee/xml/keyringMutual.xml',
  'zcee-wildfire-keyringCurl.xml': 'zcee/xml/keyringCurl.xml',
  'zcee-wildfire-keyringOutbound.xml': 'zcee/xml/keyringOutbound.xml',
  'zcee-wildfire-keyringOutboundMutual.xml': 'zcee/xml/keyringOutboundMutual.xml',
  'zcee-wildfire-opidClient.xml': 'zcee/xml/opidClient.xml',
  'zcee-wildfire-opidJwt.xml': 'zcee/xml/opidJwt.xml',
  'zcee-wildfire-db2TLS.xml': 'zcee/xml/db2TLS.xml',
  'zcee-wildfire-apiRequesterHTTPS.xml': 'zcee/xml/apiRequesterHTTPS.xml',
  'zcee-wildfire-keystore.xml': 'zcee/xml/keystore.xml',
  'zcee-wildfire-atssaf.xml': 'zcee/xml/atssaf.xml',
  'zcee-wildfire-httpEndpoint.xml': 'zcee/xml/httpEndpoint.xml',
  'cics-cbsa-zosconnect-server.xml': 'cbsa/zosconnectserver/server.xml',
  'zosconnect-wola-batch-server.xml': 'wola-batch/server.xml',
  'cics-tg-liberty-sample-server.xml': 'cics-tg/server.xml',
  'mq-container-mqweb-tls.xml.tpl': 'mq/mqweb/tls.xml.tpl',
  'openliberty-ci-docker-snippet-keystore.xml': 'ci.docker/configuration_snippets/keystore.xml',
  'openliberty-ci-docker-snippet-truststore.xml': 'ci.docker/configuration_snippets/truststore.xml',
  'openliberty-ci-docker-snippet-tls.xml': 'ci.docker/configuration_snippets/tls.xml',
  'openliberty-ci-docker-snippet-http-ssl-endpoint.xml':
    'ci.docker/configuration_snippets/http-ssl-endpoint.xml',
  'openliberty-ci-docker-full-server.xml': 'ci.docker/full/server.xml',
  'openliberty-ci-docker-stock-trader-server.xml': 'stock-trader/config/server.xml',
  'openliberty-guide-social-media-login-server.xml': 'guide-social/config/server.xml',
  'openliberty-guide-microprofile-jwt-frontend-server.xml': 'guide-jwt/frontend/config/server.xml',
  'wasdev-ci-docker-oidcProvider-server.xml': 'wasdev/oidcProvider/server.xml',
  'lemminx-liberty-test-custom_server.xml': 'lemminx/sample/custom_server.xml',
};

const EXPECTED: Record<string, [string, string][]> = {
  'zcee-wildfire-keyring.xml': [],
  'zcee-wildfire-keyringMutual.xml': [
    [
      'liberty/client-auth-trust 15 information',
      "SOURCES: 'clientAuthentication=true and clientAuthenticationSupported=true (redundant pair)'; the key ring as trust store is not reported",
    ],
  ],
  'zcee-wildfire-keyringCurl.xml': [],
  'zcee-wildfire-keyringOutbound.xml': [],
  'zcee-wildfire-keyringOutboundMutual.xml': [
    [
      'liberty/client-auth-trust 15 information',
      "SOURCES: mutual TLS inbound with both flags true (lines 15-16): the 'supported' flag is redundant",
    ],
  ],
  'zcee-wildfire-opidClient.xml': [],
  'zcee-wildfire-opidJwt.xml': [],
  'zcee-wildfire-db2TLS.xml': [
    [
      'liberty/unresolved-ref 4 information',
      "SOURCES: sslCertsRef='OutboundSSLSettings' is defined in keyringOutbound.xml, which nothing includes: a fragment, so information",
    ],
  ],
  'zcee-wildfire-apiRequesterHTTPS.xml': [],
  'zcee-wildfire-keystore.xml': [
    ['liberty/password 4', "SOURCES: minimal defaultKeyStore with password='Liberty' (plain-text password)"],
  ],
  'zcee-wildfire-atssaf.xml': [
    ['liberty/password 10', "SOURCES: 'plain-text default key store password' beside zosSecurity-1.0"],
  ],
  'zcee-wildfire-httpEndpoint.xml': [],
  'cics-cbsa-zosconnect-server.xml': [
    [
      'liberty/password 16',
      "SOURCES: 'plain-text key store password' — defaultKeyStore password='Liberty' is a file key store's secret in clear",
    ],
    [
      'liberty/plain-http-open 33',
      "httpPort='30701' beside httpsPort='30702': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
    [
      'liberty/plain-http-open 75',
      "SOURCES: 'requireSecure=false' on zosconnect_zosConnectManager: z/OS Connect accepts API calls over plain HTTP",
    ],
  ],
  'zosconnect-wola-batch-server.xml': [
    [
      'liberty/password 10',
      "SOURCES: 'key store and trust store with plain passwords' — defaultKeyStore password in clear",
    ],
    [
      'liberty/password 12',
      "SOURCES: 'key store and trust store with plain passwords' — defaultTrustStore password in clear",
    ],
    [
      'liberty/plain-http-open 26',
      "SOURCES: 'requireSecure=false' on zosconnect_zosConnectManager: z/OS Connect accepts API calls over plain HTTP",
    ],
    [
      'liberty/plain-http-open 45',
      "httpPort='9080' beside httpsPort='9443': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
  'cics-tg-liberty-sample-server.xml': [
    [
      'liberty/missing-tls-feature 9',
      "SOURCES: 'httpsPort=9443 with only servlet-3.0 and jca-1.6 - no feature enables TLS': no product feature, a root server.xml, so the HTTPS port never opens",
    ],
    [
      'liberty/plain-http-open 9',
      "httpPort='9080' beside httpsPort='9443': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
  'mq-container-mqweb-tls.xml.tpl': [],
  'openliberty-ci-docker-snippet-keystore.xml': [],
  'openliberty-ci-docker-snippet-truststore.xml': [],
  'openliberty-ci-docker-snippet-tls.xml': [],
  'openliberty-ci-docker-snippet-http-ssl-endpoint.xml': [
    [
      'liberty/plain-http-open 5',
      'HTTP_PORT/HTTPS_PORT resolve to their <variable defaultValue> 9080/9443 in the same file: plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate',
    ],
  ],
  'openliberty-ci-docker-full-server.xml': [
    [
      'liberty/weak-protocol 35 information',
      "SOURCES: <ssl id='defaultSSLConfig' trustDefaultCerts='true'/> is the inbound default and sets no sslProtocol: the JVM picks the protocols",
    ],
    [
      'liberty/plain-http-open 28',
      "httpPort='9080' beside httpsPort='9443' in the default template: plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
  'openliberty-ci-docker-stock-trader-server.xml': [
    [
      'liberty/password 31',
      "SOURCES: 'plain passwords' — the JKS defaultKeyStore's password is written in clear",
    ],
    ['liberty/password 34', "SOURCES: 'plain passwords' — validationKeystore's password is written in clear"],
    [
      'liberty/weak-protocol 39 information',
      "sslDefault sslRef='RpSSLConfig' makes this the inbound repertoire and it sets no sslProtocol: the JVM picks the protocols (reference §7, STIG V-250323)",
    ],
    [
      'liberty/plain-http-open 29',
      "httpPort='9080' beside httpsPort='9443' on host='*': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
  'openliberty-guide-social-media-login-server.xml': [
    [
      'liberty/password 26',
      "defaultKeyStore password='changeit' is a real (well-known) password written in clear, not a placeholder",
    ],
    [
      'liberty/weak-protocol 31 information',
      'defaultSSLConfig (the inbound default) sets no sslProtocol: the JVM picks the protocols',
    ],
  ],
  'openliberty-guide-microprofile-jwt-frontend-server.xml': [
    [
      'liberty/password 25',
      "SOURCES: 'plain key store password' (password='secret' on defaultKeyStore); the {xor} user passwords are basicRegistry's, not key store attributes",
    ],
    [
      'liberty/weak-protocol 59 information',
      'defaultSSLConfig is the inbound default (no sslDefault) and sets no sslProtocol: the JVM picks the protocols',
    ],
    [
      'liberty/plain-http-open 22',
      '${http.port}/${https.port} resolve to their <variable defaultValue> 9090/9091: plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate',
    ],
  ],
  'wasdev-ci-docker-oidcProvider-server.xml': [
    [
      'liberty/plain-http-open 2',
      "httpPort='9080' beside httpsPort='9443' on host='*': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
  'lemminx-liberty-test-custom_server.xml': [
    [
      'liberty/plain-http-open 33',
      "httpPort='9080' beside httpsPort='9443': plain HTTP port open beside the HTTPS port on the same httpEndpoint (reference LIB-TLS-014, network hardening): information, the port may be deliberate",
    ],
  ],
};

const corpusFiles = readdirSync(dir).filter((f) => f !== 'SOURCES.md');
const VIRTUAL_ROOT = '/corpus';
const uriOf = (file: string): string => `file://${VIRTUAL_ROOT}/${ORIGINAL_PATH[file]}`;
const byPath = new Map(corpusFiles.map((f) => [`${VIRTUAL_ROOT}/${ORIGINAL_PATH[f]}`, f]));

/** The corpus laid out as in its repositories (read-only, straight from shared/corpus). */
const reader: ConfigFileReader = {
  read(u) {
    const f = byPath.get(decodeURIComponent(u.replace(/^file:\/\//, '')));
    return f === undefined ? undefined : readFileSync(path.join(dir, f), 'latin1');
  },
  list(d) {
    const prefix = decodeURIComponent(d.replace(/^file:\/\//, '')) + '/';
    const names = [...byPath.keys()].filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length));
    return names.length > 0 ? names.filter((n) => !n.includes('/')) : undefined;
  },
};

function analyze(file: string) {
  return analyzeLiberty(readFileSync(path.join(dir, file), 'latin1'), uriOf(file), { configFiles: reader });
}

function label(f: Finding): string {
  const severity = f.severity === catalogueEntry(f.rule)?.severity ? '' : ` ${f.severity}`;
  return `${f.rule} ${f.range.start.line + 1}${severity}`;
}

test('corpus: the table covers exactly the corpus files, each with a repository path', () => {
  assert.deepEqual(Object.keys(EXPECTED).sort(), [...corpusFiles].sort());
  assert.deepEqual(Object.keys(ORIGINAL_PATH).sort(), [...corpusFiles].sort());
  for (const rows of Object.values(EXPECTED)) {
    for (const [, reason] of rows) {
      assert.ok(reason.length > 10, 'every expected finding says why it is right');
    }
  }
});

for (const file of corpusFiles) {
  test(`corpus: ${file}`, () => {
    const a = analyze(file);
    assert.deepEqual(a.findings.map(label).sort(), (EXPECTED[file] ?? []).map(([l]) => l).sort());
    for (const f of a.findings) {
      assert.ok(f.href?.startsWith('https://'), `${f.rule} has a link`);
      assert.ok(!/\binternal\b|failed on this file/.test(f.message), f.message);
    }
    // A file that was a server.xml is a root; everything else in the corpus is a fragment.
    assert.equal(a.model.isFragment, !ORIGINAL_PATH[file].endsWith('/server.xml'));
    assert.ok(
      a.model.document.root?.name === 'server',
      'SOURCES: the root element of every file is <server>',
    );
  });
}

test('corpus: CR-only files give the same findings and positions as their LF form', () => {
  for (const file of ['zcee-wildfire-db2TLS.xml', 'zcee-wildfire-apiRequesterHTTPS.xml']) {
    const raw = readFileSync(path.join(dir, file), 'latin1');
    assert.ok(raw.includes('\r') && !raw.includes('\n'), `${file} is CR-only (SOURCES)`);
    const cr = analyzeLiberty(raw, uriOf(file), { configFiles: reader });
    const lf = analyzeLiberty(raw.replace(/\r/g, '\n'), uriOf(file), { configFiles: reader });
    const crlf = analyzeLiberty(raw.replace(/\r/g, '\r\n'), uriOf(file), { configFiles: reader });
    assert.deepEqual(cr.findings, lf.findings);
    assert.deepEqual(crlf.findings, lf.findings);
    assert.deepEqual(
      cr.model.local().map((e) => e.nameRange),
      lf.model.local().map((e) => e.nameRange),
    );
  }
});

test('corpus: model facts SOURCES.md names hold', () => {
  // full-server: <ssl id="defaultSSLConfig" trustDefaultCerts="true"/> merges with the built-in
  const full = analyze('openliberty-ci-docker-full-server.xml').model;
  assert.equal(full.byId('ssl', 'defaultSSLConfig')!.attr('keyStoreRef')!.value, 'defaultKeyStore');
  assert.equal(full.byId('ssl', 'defaultSSLConfig')!.attr('trustDefaultCerts')!.value, 'true');
  // jwt frontend: TLS only through appSecurity-5.0 / mpJwt-2.1
  const jwt = analyze('openliberty-guide-microprofile-jwt-frontend-server.xml').model;
  assert.equal(jwt.features.ssl, true);
  assert.equal(jwt.features.has('ssl-1.0') || jwt.features.transportSecurity, false);
  // cics-tg: httpsPort with only servlet-3.0 and jca-1.6, no TLS feature
  assert.equal(analyze('cics-tg-liberty-sample-server.xml').model.features.ssl, false);
  // wola-batch: product features unknown to the Open Liberty list
  assert.ok(analyze('zosconnect-wola-batch-server.xml').model.features.product.length > 0);
  // truststore snippet: ${SEC_TLS_TRUSTDEFAULTCERTS} with its <variable defaultValue> in the same file
  const ts = analyze('openliberty-ci-docker-snippet-truststore.xml').model;
  const tdc = ts.byId('ssl', 'defaultSSLConfig')!.attr('trustDefaultCerts')!;
  assert.equal(tdc.unresolved, false);
  assert.equal(tdc.resolved, ts.variables.get('SEC_TLS_TRUSTDEFAULTCERTS')!.value);
  // mq template: Go-template values are unresolved, never judged
  const mq = analyze('mq-container-mqweb-tls.xml.tpl').model;
  assert.equal(mq.byId('ssl', 'thisSSLConfig')!.attr('trustStoreRef')!.unresolved, true);
  // httpEndpoint: ports and host entirely from ${...}
  const ep = analyze('zcee-wildfire-httpEndpoint.xml').model;
  const endpoint = ep.elements('httpEndpoint')[0];
  assert.ok([...endpoint.attributes.values()].some((a) => a.unresolved));
});

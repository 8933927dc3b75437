// curl -v / --trace-ascii parser over every real sample of its corpus folder (trace-formats.md): each event's lines,
// kind, handshake type, direction, side, alert, cipher, protocol and connection key (issue 6).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curlVerboseParser } from '../../../../server/src/service/trace/formats/curlVerbose';
import { CORPUS, itReadsEverySample, parseFile } from './clientTraceRun';

const DIR = `${CORPUS}/curl-verbose`;

const EXPECTED: Record<string, string[]> = {
  'acme-sh-6256-curl-trace-ascii-certificate.txt': ['6 handshake:Certificate received client curl:1'],
  'curl-6796-tls13-google-success.txt': [
    '3 state client curl:#0',
    '9 handshake:ClientHello sent client curl:#0',
    '10 handshake:ServerHello received client curl:#0',
    '11 ccs sent client curl:#0',
    '12 handshake:EncryptedExtensions received client curl:#0',
    '13 handshake:Certificate received client curl:#0',
    '14 handshake:CertificateVerify received client curl:#0',
    '15 handshake:Finished received client curl:#0',
    '16 handshake:Finished sent client curl:#0',
    '17 summary client cipher=TLS_AES_128_GCM_SHA256 v=TLSv1.3 curl:#0',
  ],
  'esp32-https-server-88-curl-tls12-verify-result-20.txt': [
    '8 handshake:ClientHello sent client curl:1',
    '9 handshake:ServerHello received client curl:1',
    '10 handshake:Certificate received client curl:1',
    '11 handshake:ServerKeyExchange received client curl:1',
    '12 handshake:ServerHelloDone received client curl:1',
    '13 handshake:ClientKeyExchange sent client curl:1',
    '14 ccs sent client curl:1',
    '15 handshake:Finished sent client curl:1',
    '16 handshake:Finished received client curl:1',
    '17 summary client cipher=ECDHE-RSA-AES256-GCM-SHA384 v=TLSv1.2 curl:1',
    '19-23 cert client curl:1',
    '24 cert client curl:1',
  ],
  'openfaas-faasd-197-curl-tls13-github.txt': [
    '1 state client curl:#0',
    '8 handshake:ClientHello sent client curl:#0',
    '10 handshake:ServerHello received client curl:#0',
    '12 handshake:EncryptedExtensions received client curl:#0',
    '14 handshake:Certificate received client curl:#0',
    '16 handshake:CertificateVerify received client curl:#0',
    '18 handshake:Finished received client curl:#0',
    '20 ccs sent client curl:#0',
    '22 handshake:Finished sent client curl:#0',
    '24 summary client cipher=TLS_AES_128_GCM_SHA256 v=TLSv1.3 curl:#0',
    '26-31 cert client curl:#0',
    '32 cert client curl:#0',
  ],
  'openssl-19518-curl-alert-internal-error-592.txt': [
    '3 state client curl:#0',
    '8 record sent client curl:#0',
    '10 handshake:ClientHello sent client curl:#0',
    '12 record received client curl:#0',
    '14 alert received client alert=fatal/internal_error/80 curl:#0',
    '16 error local client curl:#0',
    '17 state client curl:#0',
    '18 error local client curl:#0',
  ],
};

describe('curl-verbose parser over the real samples', () => {
  itReadsEverySample(curlVerboseParser, DIR, EXPECTED);

  it('reads alert 592 as fatal (2) x 256 + internal_error (80)', () => {
    const events = parseFile(curlVerboseParser, `${DIR}/openssl-19518-curl-alert-internal-error-592.txt`);
    const alert = events.find((e) => e.kind === 'alert');
    assert.deepEqual(alert?.alert, { level: 'fatal', description: 'internal_error', code: 80 });
  });
});

// openssl s_client parser over every real sample of its corpus folder (trace-formats.md): each event's lines,
// kind, handshake type, direction, side, alert, cipher, protocol and connection key (issue 6).
import { describe } from 'node:test';
import { opensslSClientParser } from '../../../../server/src/service/trace/formats/opensslSClient';
import { CORPUS, itReadsEverySample } from './clientTraceRun';

const DIR = `${CORPUS}/openssl-s_client`;

const EXPECTED: Record<string, string[]> = {
  'colinpaicemq-TLSWorkshop-s_client-s_server-output-fragments.txt': [
    '17 summary client cipher=ECDHE-RSA-AES256-GCM-SHA384 v=TLSv1.2 openssl:1',
    '19 cert client openssl:1',
    '21 cert client openssl:1',
    '24 cert client openssl:1',
    '28 cert client openssl:1',
  ],
  'openssl-19518-s_client-msg-error-line-alert-80.txt': [
    '1 alert received client alert=fatal/internal_error/80 openssl:1',
  ],
  'openssl-2602-s_client-tls13-alert-40.txt': [
    '2 state client openssl:1',
    '3 alert received client alert=fatal/handshake_failure/40 openssl:1',
    '12 summary client openssl:1',
    '28 cert client openssl:1',
  ],
  'openssl-3649-s_client-state-tls13-read-R-BLOCK.txt': [
    '3 summary client cipher=TLS13-AES-256-GCM-SHA384 v=TLSv1.3 openssl:1',
    '21 cert client openssl:1',
    '23 state client openssl:1',
    '24 state client openssl:1',
    '25 handshake:NewSessionTicket received client openssl:1',
  ],
  'openssl-6805-s_client-verify-error-20.txt': ['2 state client openssl:1', '4 cert client openssl:1'],
  'sftcd-openssl-19-s_client-trace-debug-part1-received-record.txt': [],
  'sftcd-openssl-19-s_client-trace-debug-part2-sent-finished.txt': [
    '4 ccs client openssl:1',
    '12-13 handshake:Finished sent client openssl:1',
  ],
};

describe('openssl-s_client parser over the real samples', () => {
  itReadsEverySample(opensslSClientParser, DIR, EXPECTED);
});

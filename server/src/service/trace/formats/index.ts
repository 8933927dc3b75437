// The format parsers by format id: detection picks the format, this map gives its parser.
import type { FormatParser, TraceFormat } from '../types';
import { attlsSyslogParser } from './attlsSyslog';
import { curlVerboseParser } from './curlVerbose';
import { gskCtraceParser } from './gskCtrace';
import { jsseDebugParser } from './jsseDebug';
import { libertyTraceParser } from './libertyTrace';
import { opensslSClientParser } from './opensslSClient';
import { systcpipCtraceParser } from './systcpipCtrace';

export const FORMAT_PARSERS: Partial<Record<TraceFormat, FormatParser>> = {
  'gsk-ctrace': gskCtraceParser,
  'systcpip-ctrace': systcpipCtraceParser,
  'attls-syslog': attlsSyslogParser,
  'jsse-debug': jsseDebugParser,
  'liberty-trace': libertyTraceParser,
  'curl-verbose': curlVerboseParser,
  'openssl-s_client': opensslSClientParser,
};

// The format parsers by format id: detection picks the format, this map gives its parser.
import type { FormatParser, TraceFormat } from '../types';
import { attlsSyslogParser } from './attlsSyslog';
import { gskCtraceParser } from './gskCtrace';
import { systcpipCtraceParser } from './systcpipCtrace';

export const FORMAT_PARSERS: Partial<Record<TraceFormat, FormatParser>> = {
  'gsk-ctrace': gskCtraceParser,
  'systcpip-ctrace': systcpipCtraceParser,
  'attls-syslog': attlsSyslogParser,
};

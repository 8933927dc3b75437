// Shared documents for the RACF feature tests: a JCL job with a SYSTSIN stream, a REXX exec and a
// plain command file, each analysed with a fixed "today" so the date hovers are repeatable.
import { analyzeRacf } from '../../../../server/src/service/racf/analyze';
import type { RacfAnalysis } from '../../../../server/src/service/racf/analyze';
import type { RacfLanguage } from '../../../../server/src/service/racf/model';
import type { Range } from '../../../../server/src/service/types';

export const TODAY = new Date(2026, 0, 1);

export const JCL = [
  '//MKCERT   JOB (0),CLASS=A', // 0
  '//STEP1    EXEC PGM=IKJEFT01', // 1
  '//SYSTSPRT DD SYSOUT=*', // 2
  '//SYSTSIN  DD *', // 3
  "  RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('My CA')) -", // 4
  "    WITHLABEL('My CA') NISTECC SIZE(512) NOTAFTER(DATE(2030-01-01))", // 5
  '  RACDCERT ID(SRV) ADDRING(Ring1)', // 6
  "  RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('My CA') RING(Ring1))", // 7
  '  SETROPTS RACLIST(DIGTRING) REFRESH  /* IRRD114I */', // 8
  '  PERMIT SRV.Ring1.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)', // 9
  "  RACDCERT CERTAUTH EXPORT(LABEL('My CA')) DSN('X.Y')", // 10
  '', // 11
  '/*', // 12
  '//* IRRD114I seen last time', // 13
  '//STEP2    EXEC PGM=IEFBR14', // 14
].join('\n');

export const REXX = [
  '/* REXX: make a server certificate, IRRD114I means the ring is missing */', // 0
  'address tso', // 1
  '"RACDCERT ID(SRV) ADDRING(Ring1)"', // 2
  "\"RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) WITHLABEL('Srv') RSA SIZE(2048)\"", // 3
  '"RACDCERT ID(SRV) CONNECT(LABEL(\'Srv\') RING(Ring1) DEFAULT)"', // 4
  'say "done"', // 5
].join('\n');

export const PLAIN = [
  "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Root')) WITHLABEL('Root') -", // 0
  '  NISTECC SIZE(384) KEYUSAGE(CERTSIGN)', // 1
  "RACDCERT ID(WEB) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web') -", // 2
  "  SIGNWITH(CERTAUTH LABEL('Root')) NOTAFTER(DATE(2025-12-01))", // 3
  'RACDCERT ID(WEB) ADDRING(WebRing)', // 4
  "RACDCERT ID(WEB) CONNECT(CERTAUTH LABEL('Root') RING(WebRing) USAGE(CERTAUTH))", // 5
  "RACDCERT ID(WEB) CONNECT(LABEL('Web') RING(WebRing) DEFAULT)", // 6
  'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEB) ACCESS(READ)', // 7
  'SETROPTS RACLIST(DIGTCERT DIGTRING FACILITY) REFRESH', // 8
].join('\n');

export function analyze(text: string, language: RacfLanguage): RacfAnalysis {
  return analyzeRacf(text, language, { today: TODAY });
}

export const range = (line: number, s: number, e: number): Range => ({
  start: { line, character: s },
  end: { line, character: e },
});

export const show = (r: Range): string =>
  `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

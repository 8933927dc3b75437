// Which of our languages a document is, from its name (path, data set name, member) and content.
// Documents from Zowe Explorer arrive without an extension: zowe-ds:/…/SYS1.TCPPARMS(TTLSPOL).

import { detectRacfLanguage } from './racf/detect';

export type LanguageId = 'attls' | 'racf' | 'jcl' | 'rexx' | 'xml';

const ATTLS_NAME = /\.(attls|ttls)$|pagent[^/\\]*\.conf$|ttls[^/\\]*\.conf$/i;
/** A data set member whose name says Policy Agent: (TTLS…), (PAGENT…), (PAGNT…). */
const ATTLS_MEMBER = /\((?:TTLS|PAGENT|PAGNT|PAGTTLS)[A-Z0-9#@$]*\)$/i;
/** Zowe Explorer v3 writes members as path segments: zowe-ds:/<profile>/<DSN>/<MEMBER>[.ext]. */
const ATTLS_MEMBER_PATH =
  /\/[A-Z#@$][A-Z0-9#@$-]{0,7}(?:\.[A-Z#@$][A-Z0-9#@$-]{0,7})+\/(?:TTLS|PAGENT|PAGNT|PAGTTLS)[A-Z0-9#@$]*(?:\.[a-z0-9]+)?$/i;
const ATTLS_CONTENT =
  /^[ \t]*(TTLSRule|TTLSGroupAction|TTLSEnvironmentAction|TTLSConnectionAction|TTLSKeyringParms|TTLSCipherParms|TTLSConfig|CommonTTLSConfig)\b/im;
const PAGENT_MAIN_CONTENT = /^[ \t]*(TcpImage|PEPInstance)[ \t]+\S+/im;

export function detectLanguage(name: string, text: string | undefined): LanguageId | undefined {
  const base = name.replace(/[?#].*$/, '');
  if (ATTLS_NAME.test(base) || ATTLS_MEMBER.test(base) || ATTLS_MEMBER_PATH.test(base)) {
    return 'attls';
  }
  const head = text?.slice(0, 65536);
  if (head !== undefined && (ATTLS_CONTENT.test(head) || PAGENT_MAIN_CONTENT.test(head))) {
    return 'attls';
  }
  return detectRacfLanguage(base, head ?? '');
}

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

/** How much of a document detection looks at: enough for any prolog, cheap on a 10 MB file. */
const HEAD_CHARS = 65536;
/** The names Liberty gives its configuration (liberty-reference §1): server.xml, configDropins. */
const LIBERTY_NAME = /(?:^|[/\\])server\.xml$/i;
const LIBERTY_DROPIN = /(?:^|[/\\])configDropins[/\\](?:defaults|overrides)[/\\][^/\\]+\.xml$/i;
const XML_NAME = /\.xml$/i;
/** Logs and traces (System SSL, CTRACE, Policy Agent, Liberty): never one of our languages. */
const LOG_NAME = /\.(?:log|trc)$/i;
/** Plain text that is ours only when its text says so (RACF command files are often *.txt). */
const TEXT_NAME = /\.txt$/i;
/** Zowe Explorer's data sets (members, spool-like output in data sets) and z/OS UNIX files. */
const ZOWE_NAME = /^zowe-(?:ds|uss):/i;
/** Editor languages of plain text and logs. */
const PLAIN_LANGUAGES: ReadonlySet<string> = new Set(['plaintext', 'log']);

/**
 * The name of the root element of an XML text, past a byte-order mark, the XML declaration,
 * processing instructions, comments and a DOCTYPE; undefined when the head holds no start tag (an
 * empty or unfinished document). A scan, not a parser: it reads only up to the first element.
 */
export function xmlRootElement(head: string): string | undefined {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i])) {
      i++;
    }
    if (head[i] !== '<') {
      return undefined;
    }
    let close: string | undefined;
    if (head.startsWith('<?', i)) {
      close = '?>';
    } else if (head.startsWith('<!--', i)) {
      close = '-->';
    } else if (head.startsWith('<!', i)) {
      // DOCTYPE, possibly with an internal subset in brackets.
      const bracket = head.indexOf('[', i);
      const gt = head.indexOf('>', i);
      close = bracket !== -1 && (gt === -1 || bracket < gt) ? ']>' : '>';
    }
    if (close === undefined) {
      // The name must be complete: `<serv` typed so far says nothing yet.
      return /^<([A-Za-z_:][-\w.:]*)(?=[\s/>])/.exec(head.slice(i, i + 256))?.[1];
    }
    const end = head.indexOf(close, i + 2);
    if (end === -1) {
      return undefined;
    }
    i = end + close.length;
  }
}

/**
 * A Liberty configuration: named server.xml or lying in configDropins/defaults|overrides, or XML
 * whose root is <server> (an include file, a copy under another name). A name alone is not enough
 * when the text shows another root: Tomcat's conf/server.xml has <Server>, and is none of ours.
 */
function isLiberty(base: string, head: string | undefined): boolean {
  const root = head === undefined ? undefined : xmlRootElement(head);
  if (root !== undefined) {
    return root === 'server';
  }
  return LIBERTY_NAME.test(base) || LIBERTY_DROPIN.test(base);
}

/**
 * The language of a document. `languageId` is the editor's: an `xml` document (whoever provides
 * the language: Red Hat XML, Liberty Tools, VS Code) is ours only as Liberty configuration, and is
 * never taken for an AT-TLS policy or a RACF job because of a line in it; so is a *.xml file.
 */
export function detectLanguage(
  name: string,
  text: string | undefined,
  languageId?: string,
): LanguageId | undefined {
  const base = name.replace(/[?#].*$/, '');
  // A log quotes whatever it logged: a RACDCERT command echoed in job output, a TTLSRule line in a
  // Policy Agent trace. Checking it as a job or a policy would report the quotes as errors.
  if (languageId === 'log' || LOG_NAME.test(base)) {
    return undefined;
  }
  const head = text?.slice(0, HEAD_CHARS);
  if (languageId === 'xml' || XML_NAME.test(base)) {
    return isLiberty(base, head) ? 'xml' : undefined;
  }
  if (ATTLS_NAME.test(base) || ATTLS_MEMBER.test(base) || ATTLS_MEMBER_PATH.test(base)) {
    return 'attls';
  }
  // Before the AT-TLS content test: a Liberty file may well mention TTLSRule in a comment.
  if (head !== undefined && xmlRootElement(head) === 'server') {
    return 'xml';
  }
  if (head !== undefined && (ATTLS_CONTENT.test(head) || PAGENT_MAIN_CONTENT.test(head))) {
    return 'attls';
  }
  return detectRacfLanguage(base, head ?? '');
}

/**
 * A log or plain-text document that is none of our languages (issue 5): `*.log`, `*.trc` and
 * `*.txt` files, and Zowe documents opened as plain text or log. It is not checked; it gets
 * hovers on the codes written in it when zosTls.codes.hover is on. A `*.txt` or a Zowe member
 * that detectLanguage recognises (a RACDCERT command file, SYS1.TCPPARMS(TTLSPOL)) is checked as
 * that language instead: the caller asks detectLanguage first.
 */
export function isPlainTextName(name: string, languageId: string | undefined): boolean {
  const base = name.replace(/[?#].*$/, '');
  if (languageId === 'log' || LOG_NAME.test(base)) {
    return true;
  }
  const plain = languageId === undefined || PLAIN_LANGUAGES.has(languageId);
  return plain && (TEXT_NAME.test(base) || ZOWE_NAME.test(base));
}

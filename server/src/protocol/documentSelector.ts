// Which documents the client hands to the server. Shared by the client (LanguageClientOptions) and
// the server, so the two never disagree.

/** Language ids the extension contributes and the server checks. */
export const LANGUAGE_IDS = ['attls', 'racf', 'jcl', 'rexx'] as const;
export type ZosTlsLanguageId = (typeof LANGUAGE_IDS)[number];

/**
 * Languages other extensions contribute whose documents the server checks when they are ours:
 * `xml` (VS Code's own, Red Hat XML, Liberty Tools) for Liberty server.xml. The server recognises
 * a Liberty document from its name and root element and publishes nothing for other XML; it
 * registers no formatter and repeats no schema check, so it sits beside those extensions.
 */
export const FOREIGN_LANGUAGE_IDS = ['xml'] as const;

/** Every language whose documents go to the server. */
export const SERVED_LANGUAGE_IDS = [...LANGUAGE_IDS, ...FOREIGN_LANGUAGE_IDS] as const;

/** Schemes of local files, new editors, and Zowe Explorer's data set and z/OS UNIX file providers. */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'zowe-ds', 'zowe-uss'] as const;

/** Zowe schemes whose documents are sent whatever their language id (see DOCUMENT_SELECTOR). */
export const ZOWE_SCHEMES = ['zowe-ds', 'zowe-uss'] as const;

/**
 * Local logs, traces and plain text, whatever language the editor gave them: the server hovers on
 * the codes in them (zosTls.codes.hover) and checks none of them, except a *.txt whose text is a
 * RACF command file or a policy (service/languages.ts isPlainTextName).
 */
export const PLAIN_TEXT_PATTERNS = ['**/*.log', '**/*.trc', '**/*.txt'] as const;

export interface DocumentFilterData {
  language?: string;
  scheme?: string;
  pattern?: string;
}

/**
 * Every (scheme, language) pair, plus every document of the Zowe schemes whatever its language:
 * Zowe opens SYS1.TCPPARMS(TTLSPOL) as 'plaintext' because a member name has no extension, and the
 * server recognises it from its name and content (it publishes nothing for documents it does not
 * recognise, so sending the others costs little).
 */
export const DOCUMENT_SELECTOR: readonly DocumentFilterData[] = [
  ...DOCUMENT_SCHEMES.flatMap((scheme) => SERVED_LANGUAGE_IDS.map((language) => ({ scheme, language }))),
  ...ZOWE_SCHEMES.map((scheme) => ({ scheme })),
  ...PLAIN_TEXT_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
];

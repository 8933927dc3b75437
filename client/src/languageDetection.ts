// Gives our languages to documents VS Code opened as plain text: Zowe Explorer data set members
// (SYS1.TCPPARMS(TTLSPOL) or a JCL member have no extension) and z/OS UNIX files such as
// /etc/pagent/TCPIP.policy: `attls` for policies, `jcl`/`rexx`/`racf` for RACF command carriers,
// `xml` (VS Code's own language) for a Liberty server.xml that arrived as plain text.
// The decision itself is the server's detectLanguage (through protocol/), so the editor and the
// checker never disagree about what an AT-TLS policy is; this file only supplies the name.
import * as vscode from 'vscode';
import { DOCUMENT_SCHEMES, SERVED_LANGUAGE_IDS, detectLanguage } from '../../server/src/protocol';

const CANDIDATE_LANGUAGE = 'plaintext';
/** Untitled editors are re-examined while the user types or pastes, at most this often. */
const UNTITLED_DEBOUNCE_MS = 400;

/**
 * The name detectLanguage expects. Zowe Explorer v3 writes a member as
 * `zowe-ds:/<profile>/<DATA.SET>/<MEMBER>[.ext]`; the z/OS form `DATA.SET(MEMBER)` is what the
 * name patterns (TTLS*, PAGENT*) are written for.
 */
export function detectionName(uri: vscode.Uri): string {
  if (uri.scheme === 'zowe-ds') {
    const parts = uri.path.split('/').filter(Boolean);
    if (parts.length >= 3) {
      const member = parts[parts.length - 1].replace(/\.[A-Za-z0-9]+$/, '');
      return `${parts[parts.length - 2]}(${member})`;
    }
    return parts[parts.length - 1] ?? uri.path;
  }
  return uri.path;
}

export function registerLanguageDetection(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
): void {
  const schemes = new Set<string>(DOCUMENT_SCHEMES);
  // Each document is decided once: if the user switches a detected file back to plain text, the
  // reopen event that follows must not switch it again.
  const decided = new Set<string>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const examine = async (document: vscode.TextDocument, final: boolean): Promise<void> => {
    const key = document.uri.toString();
    if (document.languageId !== CANDIDATE_LANGUAGE || !schemes.has(document.uri.scheme) || decided.has(key)) {
      return;
    }
    const language = detectLanguage(detectionName(document.uri), document.getText());
    if (language === undefined || !(SERVED_LANGUAGE_IDS as readonly string[]).includes(language)) {
      // An empty untitled editor says nothing yet; it is decided once it has content.
      if (final || document.getText().trim() !== '') {
        decided.add(key);
      }
      return;
    }
    decided.add(key);
    try {
      await vscode.languages.setTextDocumentLanguage(document, language);
      log.info(`Detected ${language}: ${document.uri.toString(true)}`);
    } catch (e) {
      log.warn(`Could not set the language of ${document.uri.toString(true)}: ${String(e)}`);
    }
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => void examine(d, d.uri.scheme !== 'untitled')),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const d = e.document;
      if (d.uri.scheme !== 'untitled' || d.languageId !== CANDIDATE_LANGUAGE) {
        return;
      }
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      timers.set(
        key,
        setTimeout(() => {
          timers.delete(key);
          void examine(d, false);
        }, UNTITLED_DEBOUNCE_MS),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((d) => {
      const key = d.uri.toString();
      clearTimeout(timers.get(key));
      timers.delete(key);
      // Not removed from `decided`: a language change is a close + open of the same URI.
    }),
    { dispose: () => timers.forEach((t) => clearTimeout(t)) },
  );
  for (const d of vscode.workspace.textDocuments) {
    void examine(d, d.uri.scheme !== 'untitled');
  }
}

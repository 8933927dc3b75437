// Open documents, kept in sync incrementally; the service receives them as plain DocumentInput.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentInput } from '../service';

export type Documents = TextDocuments<TextDocument>;

export function createDocuments(): Documents {
  return new TextDocuments(TextDocument);
}

/**
 * The client's language id goes along: the service trusts 'attls' and otherwise recognises the
 * document from its uri (data set member names) and content, which is how a Zowe member opened as
 * 'plaintext' still gets checked.
 */
export function inputOf(doc: TextDocument): DocumentInput {
  return { uri: doc.uri, languageId: doc.languageId, text: doc.getText(), version: doc.version };
}

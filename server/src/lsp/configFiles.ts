// The files a Liberty document reads besides itself (issue 4): `<include>`d files, configDropins,
// bootstrap.properties, server.env. The service reads no files; this reader gives it the open
// documents first (their unsaved text is what the user sees) and, in a trusted workspace only, the
// files on disk. When an open document that some Liberty analysis read changes, or the server's
// file watcher reports such a file (or a new configDropins entry) changed on disk, the open Liberty
// documents are checked again.
import { statSync } from 'node:fs';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileEvent, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { LanguageService, VersionedConfigFileReader } from '../service';
import { documentKey } from '../service/racf/workspaceFacts';
import { filePathOf, listConfigDir, readConfigFile } from '../cli/configFiles';
import { inputOf } from './documents';

export { MAX_CONFIG_FILE_BYTES } from '../cli/configFiles';

export interface ConfigFiles extends VersionedConfigFileReader {
  /** Whether some analysis read (or looked for) this uri, so that its changes matter to others. */
  isDependency(uri: string): boolean;
  /**
   * Whether a change on disk at this uri may change what the reader returns: a file or directory
   * an analysis read or listed, a new or deleted entry of a listed directory (configDropins), or a
   * folder that holds one of them (deleted or created as a whole).
   */
  affectedBy(uri: string): boolean;
  /** What the reader returns may have changed: analyses made after this read again. */
  changed(): void;
}

export interface OpenDocuments {
  get(uri: string): TextDocument | undefined;
  all(): TextDocument[];
}

/** A uri's documentKey without a trailing slash, as a directory may be spelt with one or not. */
function folderKey(uri: string): string {
  return documentKey(uri).replace(/\/+$/, '');
}

/** What a disk entry looked like when read: a change of it means the files changed. */
function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}

/**
 * `trusted` is asked at each read: it is known only once the client has initialized, and an
 * untrusted workspace reads nothing the user did not open.
 */
export function createConfigFiles(documents: OpenDocuments, trusted: () => boolean): ConfigFiles {
  let generation = 0;
  /** documentKey of every uri an analysis asked for, open or on disk, found or not. */
  const dependencies = new Set<string>();
  /** documentKey of every directory an analysis listed (configDropins/defaults, …/overrides). */
  const listed = new Set<string>();
  /** Disk paths read or listed since the last change, with their stamp at that time. */
  const stamps = new Map<string, string>();

  const openDocument = (uri: string): TextDocument | undefined => {
    const exact = documents.get(uri);
    if (exact) {
      return exact;
    }
    // VS Code spells file uris its own way (file:///c%3A/...); the service builds them with Node.
    const key = documentKey(uri);
    return documents.all().find((d) => documentKey(d.uri) === key);
  };

  const diskPath = (uri: string): string | undefined => {
    const file = trusted() ? filePathOf(uri) : undefined;
    if (file !== undefined && !stamps.has(file)) {
      stamps.set(file, stampOf(file));
    }
    return file;
  };

  return {
    get generation() {
      // A file on disk that changed since it was read (no watcher tells the server): read again.
      for (const [file, stamp] of stamps) {
        if (stampOf(file) !== stamp) {
          generation++;
          stamps.clear();
          break;
        }
      }
      return generation;
    },
    read(uri) {
      dependencies.add(documentKey(uri));
      const open = openDocument(uri);
      if (open) {
        return open.getText();
      }
      const file = diskPath(uri);
      return file === undefined ? undefined : readConfigFile(file);
    },
    list(dirUri) {
      dependencies.add(documentKey(dirUri));
      listed.add(folderKey(dirUri));
      const dir = diskPath(dirUri);
      return dir === undefined ? undefined : listConfigDir(dir);
    },
    isDependency: (uri) => dependencies.has(documentKey(uri)),
    affectedBy: (uri) => {
      const key = folderKey(uri);
      if (dependencies.has(key) || listed.has(key) || listed.has(key.slice(0, key.lastIndexOf('/')))) {
        return true;
      }
      const folder = `${key}/`;
      for (const d of dependencies) {
        if (d.startsWith(folder)) {
          return true;
        }
      }
      return false;
    },
    changed: () => {
      generation++;
      stamps.clear();
    },
  };
}

export interface ConfigDocumentEvents {
  onDidOpen(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
  onDidChangeContent(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
  onDidClose(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
}

export interface FollowedConfigFiles {
  /**
   * Files changed on disk (workspace/didChangeWatchedFiles, from the server's one watcher): when
   * one of them may change what some Liberty analysis read, the open Liberty documents are checked
   * again. Changes of open documents do not count: their text wins over the file.
   */
  filesChanged(changes: readonly FileEvent[]): void;
}

/**
 * Opening, editing or closing a document some analysis read changes what the reader returns
 * (open text wins over the file, and closing falls back to the file), and so does a change on
 * disk: the other open Liberty documents are checked again, debounced like an edit of their own.
 * All of them, not only the one that includes it: the reader cannot tell which analysis asked,
 * and there are few of them.
 */
export function followConfigFiles(
  files: ConfigFiles,
  documents: ConfigDocumentEvents & OpenDocuments,
  service: LanguageService,
  schedule: (uri: string) => void,
): FollowedConfigFiles {
  const recheck = (except?: string): void => {
    files.changed();
    for (const doc of documents.all()) {
      if (doc.uri !== except && service.languageOf(inputOf(doc)) === 'xml') {
        schedule(doc.uri);
      }
    }
  };
  const touched = (e: TextDocumentChangeEvent<TextDocument>): void => {
    if (files.isDependency(e.document.uri)) {
      recheck(e.document.uri);
    }
  };
  documents.onDidOpen(touched);
  documents.onDidChangeContent(touched);
  documents.onDidClose(touched);
  return {
    filesChanged: (changes) => {
      const open = new Set(documents.all().map((d) => documentKey(d.uri)));
      if (changes.some((c) => !open.has(documentKey(c.uri)) && files.affectedBy(c.uri))) {
        recheck();
      }
    },
  };
}

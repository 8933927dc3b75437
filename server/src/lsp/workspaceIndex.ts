// The RACF facts of the workspace for the LSP server: what every RACF job, exec and command file
// creates (labels and rings per owner), so that one job's reference is satisfied by another job
// (issue 3). Files on disk are read only in a trusted workspace — the client declares limited
// support for untrusted ones — and open documents always win over their file on disk.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { InitializeParams } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { MAX_CHECKED_CHARS, detectLanguage } from '../service';
import type { LanguageId } from '../service';
import type { RacfLanguage } from '../service/racf/model';
import type { RacfFacts, RacfWorkspace } from '../service/racf/workspaceFacts';
import { createRacfWorkspace, documentKey, racfFactsOf } from '../service/racf/workspaceFacts';
import { decodeBytes } from '../service/text/decode';

/** A workspace bigger than this is indexed in part: the first files in path order. */
export const MAX_INDEXED_FILES = 2000;
/** Larger files are dumps or listings, not jobs a user edits. */
export const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
/** Names that say RACF carrier; files without an extension are judged by their content. */
const RACF_NAME = /\.(jcl|cntl|rexx|rex|racf)$/i;
/** How long the index waits for edits to settle before the open documents are checked again. */
export const REVALIDATE_DELAY_MS = 300;

export interface IndexLimits {
  maxFiles?: number;
  maxBytes?: number;
}

export interface ScanResult {
  /** RACF documents read from disk. */
  indexed: number;
  /** The file limit was reached: the rest of the workspace was not read. */
  truncated: boolean;
}

export interface OpenText {
  uri: string;
  text: string;
  languageId?: string;
}

export interface WorkspaceIndex {
  /** Reads the RACF files under the workspace folders (file: uris). Only for a trusted workspace. */
  scan(folderUris: readonly string[]): Promise<ScanResult>;
  /** An open document's text (didOpen, didChange, didSave). True when what it creates changed. */
  updateDocument(doc: OpenText): boolean;
  /**
   * A document was closed: its unsaved text no longer counts. In a trusted workspace the file on
   * disk is read again; otherwise it leaves the index. True when the facts changed.
   */
  closeDocument(uri: string): Promise<boolean>;
  /** The current facts (a new value, with a new generation, after each change). */
  workspace(): RacfWorkspace;
  /** Called after the facts of some document changed. */
  onDidChange(listener: () => void): void;
}

/** A file the walk reads: a RACF carrier by name, or a name without extension (a PDS member copy). */
function candidate(name: string): boolean {
  return RACF_NAME.test(name) || !name.includes('.');
}

function racfLanguage(id: LanguageId | undefined): RacfLanguage | undefined {
  return id === 'jcl' || id === 'rexx' || id === 'racf' ? id : undefined;
}

/**
 * Compares what two fact lists create, ranges aside: moving a command to another line changes no
 * finding elsewhere (messages name the other file, not its lines), so it re-checks nothing.
 */
function signature(f: RacfFacts | undefined): string {
  if (!f) {
    return '';
  }
  const names = (list: RacfFacts['labels']): string[] =>
    list.map((c) => `${c.owner.kind === 'ID' ? `ID:${c.owner.id}` : c.owner.kind}|${c.symbolic}|${c.name}`);
  return JSON.stringify([names(f.labels).sort(), names(f.rings).sort()]);
}

/** The whole workspace is trusted unless the client says otherwise. */
export interface IndexPlan {
  trusted: boolean;
  /** The workspace folders' file: uris. */
  folders: string[];
}

export function indexPlan(params: InitializeParams): IndexPlan {
  const options: unknown = params.initializationOptions;
  const trusted = !(
    typeof options === 'object' &&
    options !== null &&
    (options as { trusted?: unknown }).trusted === false
  );
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return { trusted, folders: folders.filter((u) => u.startsWith('file:')) };
}

export function createWorkspaceIndex(limits: IndexLimits = {}): WorkspaceIndex {
  const maxFiles = limits.maxFiles ?? MAX_INDEXED_FILES;
  const maxBytes = limits.maxBytes ?? MAX_INDEXED_BYTES;
  /** documentKey → facts. */
  const facts = new Map<string, RacfFacts>();
  /** Documents the client has open: their text, not the file's, is what counts. */
  const open = new Set<string>();
  /** Whether the files may be read at all (set by scan, which only a trusted workspace calls). */
  let trusted = false;
  let generation = 0;
  let snapshot: RacfWorkspace | undefined;
  const listeners: (() => void)[] = [];

  /** Replaces one document's facts; true (and listeners told) when what it creates changed. */
  const put = (key: string, next: RacfFacts | undefined): boolean => {
    const before = facts.get(key);
    if (next) {
      facts.set(key, next);
    } else {
      facts.delete(key);
    }
    if (signature(before) === signature(next)) {
      return false;
    }
    generation++;
    snapshot = undefined;
    for (const l of listeners) {
      l();
    }
    return true;
  };

  const factsOfText = (uri: string, text: string, languageId?: string): RacfFacts | undefined => {
    const given =
      languageId === 'jcl' || languageId === 'rexx' || languageId === 'racf' ? languageId : undefined;
    const name = (() => {
      try {
        return decodeURIComponent(uri);
      } catch {
        return uri;
      }
    })();
    const checked = text.length > MAX_CHECKED_CHARS ? text.slice(0, MAX_CHECKED_CHARS) : text;
    const language = given ?? racfLanguage(detectLanguage(name, checked));
    return language ? racfFactsOf(uri, checked, language) : undefined;
  };

  /** The facts of a file on disk, or undefined when it is no RACF carrier or cannot be read. */
  const readFacts = async (file: string): Promise<RacfFacts | undefined> => {
    try {
      const st = await stat(file);
      if (!st.isFile() || st.size > maxBytes) {
        return undefined;
      }
      const decoded = decodeBytes(await readFile(file));
      if (decoded.binary) {
        return undefined;
      }
      return factsOfText(pathToFileURL(file).href, decoded.text);
    } catch {
      // Deleted or unreadable since the walk: nothing it creates can be counted on.
      return undefined;
    }
  };

  /** Candidate files under a folder, in path order, skipping node_modules and dot folders. */
  const walk = async (dir: string, out: string[], budget: { left: number }): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (budget.left <= 0) {
        return;
      }
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) {
          await walk(full, out, budget);
        }
      } else if (e.isFile() && candidate(e.name)) {
        out.push(full);
        budget.left--;
      }
    }
  };

  return {
    async scan(folderUris) {
      trusted = true;
      const files: string[] = [];
      const budget = { left: maxFiles + 1 };
      for (const uri of folderUris) {
        let dir: string;
        try {
          dir = fileURLToPath(uri);
        } catch {
          continue;
        }
        await walk(dir, files, budget);
      }
      const truncated = files.length > maxFiles;
      let indexed = 0;
      for (const file of files.slice(0, maxFiles)) {
        const f = await readFacts(file);
        const key = documentKey(pathToFileURL(file).href);
        // An open document's text is newer than its file.
        if (f && !open.has(key)) {
          put(key, f);
          indexed++;
        }
      }
      return { indexed, truncated };
    },
    updateDocument(doc) {
      const key = documentKey(doc.uri);
      open.add(key);
      return put(key, factsOfText(doc.uri, doc.text, doc.languageId));
    },
    async closeDocument(uri) {
      const key = documentKey(uri);
      open.delete(key);
      let file: string | undefined;
      try {
        file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
      } catch {
        file = undefined;
      }
      const fromDisk = trusted && file && candidate(path.basename(file)) ? await readFacts(file) : undefined;
      // Reopened while the file was read: the open text counts.
      return open.has(key) ? false : put(key, fromDisk);
    },
    workspace() {
      snapshot ??= createRacfWorkspace(facts.values(), generation);
      return snapshot;
    },
    onDidChange(listener) {
      listeners.push(listener);
    },
  };
}

/** The document events the index follows (TextDocuments has them all). */
export interface DocumentEvents {
  onDidOpen(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
  onDidChangeContent(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
  onDidSave(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
  onDidClose(listener: (e: TextDocumentChangeEvent<TextDocument>) => void): unknown;
}

/**
 * Keeps the index current from the open documents, and calls `revalidate` (re-check every open
 * document) once the facts have stopped changing for a moment — one re-check for a burst of
 * keystrokes, none for edits that create nothing new.
 */
export function followDocuments(
  index: WorkspaceIndex,
  documents: DocumentEvents,
  revalidate: () => void,
  delayMs = REVALIDATE_DELAY_MS,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  index.onDidChange(() => {
    if (timer !== undefined) {
      clearTimeout(timer);
    }
    timer = setTimeout(() => {
      timer = undefined;
      revalidate();
    }, delayMs);
  });
  const update = (e: TextDocumentChangeEvent<TextDocument>): void => {
    index.updateDocument({
      uri: e.document.uri,
      text: e.document.getText(),
      languageId: e.document.languageId,
    });
  };
  documents.onDidOpen(update);
  documents.onDidChangeContent(update);
  documents.onDidSave(update);
  documents.onDidClose((e) => {
    void index.closeDocument(e.document.uri);
  });
}

// The RACF facts of the workspace for the LSP server: what every RACF job, exec and command file
// creates (labels and rings per owner), so that one job's reference is satisfied by another job
// (issue 3). Files on disk are read only in a trusted workspace — the client declares limited
// support for untrusted ones — and open documents always win over their file on disk.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection, FileEvent, InitializeParams } from 'vscode-languageserver';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import { MAX_CHECKED_CHARS, detectLanguage } from '../service';
import type { LanguageId } from '../service';
import type { RacfLanguage } from '../service/racf/model';
import type { RacfFacts, RacfWorkspace } from '../service/racf/workspaceFacts';
import { createRacfWorkspace, documentKey, racfFactsOf } from '../service/racf/workspaceFacts';
import { decodeBytes } from '../service/text/decode';
import { formatError } from './runSafe';

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
  /**
   * Files changed on disk (workspace/didChangeWatchedFiles): created and changed ones are read
   * again, deleted ones (and whatever was under a deleted folder) leave the index; open documents
   * are left alone, their text wins. Only in a trusted workspace. True when the facts changed.
   */
  filesChanged(changes: readonly FileEvent[]): Promise<boolean>;
  /** The current facts (a new value, with a new generation, after each change, lines included). */
  workspace(): RacfWorkspace;
  /** Called after what some document creates changed: the open documents need a re-check. */
  onDidChange(listener: () => void): void;
  /**
   * Called after any change of the facts, lines and connections included, which only hovers
   * show: the service needs the new workspace, but nothing needs re-checking.
   */
  onDidUpdate(listener: () => void): void;
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
  /** The client takes a dynamic registration of file watchers (and the workspace is trusted). */
  watch: boolean;
}

export function indexPlan(params: InitializeParams): IndexPlan {
  const options: unknown = params.initializationOptions;
  const trusted = !(
    typeof options === 'object' &&
    options !== null &&
    (options as { trusted?: unknown }).trusted === false
  );
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const watch = trusted && params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  return { trusted, folders: folders.filter((u) => u.startsWith('file:')), watch };
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
  const updateListeners: (() => void)[] = [];
  /** The folders scanned (their documentKey), so that watched files outside them are ignored. */
  let roots: string[] = [];
  /** Watched-file events are applied one batch after another, in order. */
  let queue: Promise<unknown> = Promise.resolve();
  /** Inside a scan or a batch of file events, update listeners are told once, at its end. */
  let batching = 0;
  let updated = false;
  const flushUpdates = (): void => {
    if (batching === 0 && updated) {
      updated = false;
      for (const l of updateListeners) {
        l();
      }
    }
  };
  const batch = async <T>(work: () => Promise<T>): Promise<T> => {
    batching++;
    try {
      return await work();
    } finally {
      batching--;
      flushUpdates();
    }
  };

  /** Replaces one document's facts; true (and listeners told) when what it creates changed. */
  const put = (key: string, next: RacfFacts | undefined): boolean => {
    const before = facts.get(key);
    if (next) {
      facts.set(key, next);
    } else {
      facts.delete(key);
    }
    // Lines and connections: a new snapshot for the hovers, no re-check.
    if (JSON.stringify(before) !== JSON.stringify(next)) {
      generation++;
      snapshot = undefined;
      updated = true;
      flushUpdates();
    }
    if (signature(before) === signature(next)) {
      return false;
    }
    for (const l of listeners) {
      l();
    }
    return true;
  };

  /** A watched file the scan would have read: under a folder, outside node_modules and dot folders. */
  const watchedFile = (key: string): string | undefined => {
    const root = roots.find((r) => key.startsWith(r.endsWith('/') ? r : `${r}/`));
    if (!root || !key.startsWith('file:')) {
      return undefined;
    }
    const rel = key
      .slice(root.length)
      .split('/')
      .filter((s) => s !== '');
    if (rel.slice(0, -1).some((d) => d === 'node_modules' || d.startsWith('.'))) {
      return undefined;
    }
    return candidate(rel[rel.length - 1] ?? '') ? key : undefined;
  };

  const applyFileEvents = async (changes: readonly FileEvent[]): Promise<boolean> => {
    let changed = false;
    for (const ev of changes) {
      const key = documentKey(ev.uri);
      if (ev.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event: everything indexed under it goes.
        for (const k of [...facts.keys()]) {
          if ((k === key || k.startsWith(`${key}/`)) && !open.has(k)) {
            changed = put(k, undefined) || changed;
          }
        }
        continue;
      }
      if (open.has(key) || !watchedFile(key)) {
        continue;
      }
      // The scan's limit holds for files that appear later, too.
      if (!facts.has(key) && facts.size >= maxFiles) {
        continue;
      }
      let file: string;
      try {
        file = fileURLToPath(ev.uri);
      } catch {
        continue;
      }
      const f = await readFacts(file);
      // Opened while the file was read: the open text counts.
      if (!open.has(key)) {
        changed = put(key, f) || changed;
      }
    }
    return changed;
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

  const scanFolders = async (folderUris: readonly string[]): Promise<ScanResult> => {
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
  };

  return {
    scan(folderUris) {
      trusted = true;
      roots = folderUris.map(documentKey);
      return batch(() => scanFolders(folderUris));
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
    filesChanged(changes) {
      if (!trusted) {
        return Promise.resolve(false);
      }
      const run = queue.then(() => batch(() => applyFileEvents(changes)));
      queue = run.catch(() => undefined);
      return run;
    },
    workspace() {
      snapshot ??= createRacfWorkspace(facts.values(), generation);
      return snapshot;
    },
    onDidChange(listener) {
      listeners.push(listener);
    },
    onDidUpdate(listener) {
      updateListeners.push(listener);
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

/**
 * Follows RACF files changed on disk through watchers the server registers with the client, not
 * through the client's own `synchronize.fileEvents`: only the server knows whether the workspace
 * was read (trusted) at all, and any LSP client that takes dynamic registration gets it. One
 * watcher, every file: the extension-less PDS member copies the scan reads cannot be told apart by
 * a glob (no glob says "no dot in the name"), nor `.JCL` from `.jcl` on every client, so the
 * server applies the scan's own filter (candidate names, no node_modules or dot folders) to each
 * event — a name test, no I/O, for the events it does not want. `others` hears the same events
 * (the Liberty config-file reader: includes, configDropins, bootstrap.properties, server.env), so
 * that the client keeps one watcher for the server.
 */
export function followWatchedFiles(
  connection: Pick<Connection, 'client' | 'onDidChangeWatchedFiles' | 'console'>,
  index: WorkspaceIndex,
  others: readonly ((changes: readonly FileEvent[]) => void)[] = [],
): void {
  connection.onDidChangeWatchedFiles((params) => {
    for (const listener of others) {
      try {
        listener(params.changes);
      } catch (e) {
        connection.console.error(formatError('zos-tls: following changed files failed', e));
      }
    }
    index
      .filesChanged(params.changes)
      .catch((e: unknown) =>
        connection.console.error(formatError('zos-tls: reading changed files failed', e)),
      );
  });
  connection.client
    .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] })
    .catch((e: unknown) =>
      connection.console.error(formatError('zos-tls: registering the file watcher failed', e)),
    );
}

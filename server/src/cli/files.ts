// File access for `zos-tls check`: walking directories and reading files as bytes. The language
// service reads no files, so everything that touches the disk is here.
import { closeSync, fstatSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_CHECKED_CHARS } from '../service';

/** Files above this size are refused outright: decoding them would not fit in one JS string. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

/**
 * How much of a file we read. The service checks only the first MAX_CHECKED_CHARS UTF-16 units
 * and reports file/too-large when the text is longer; a UTF-8 character takes at most 3 bytes per
 * UTF-16 unit, so this many bytes always decode to more than the limit when the file is larger.
 */
export const READ_CAP_BYTES = 3 * (MAX_CHECKED_CHARS + 1) + 3;

/** Enough of a file to recognise an AT-TLS policy by content (detectLanguage looks at 64 KiB). */
export const HEAD_BYTES = 64 * 1024;

const SKIPPED_DIRS = new Set(['node_modules']);

export interface Target {
  /** The path as the user gave it, or joined onto the directory they gave. */
  display: string;
  absolute: string;
  /** Named on the command line (not found by walking a directory). */
  explicit: boolean;
}

export interface Problem {
  path: string;
  message: string;
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err.message ?? String(e);
  }
}

function walk(dirDisplay: string, dirAbsolute: string, out: Target[], problems: Problem[]): void {
  let entries;
  try {
    entries = readdirSync(dirAbsolute, { withFileTypes: true });
  } catch (e) {
    problems.push({ path: dirDisplay, message: errorText(e) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const display = path.join(dirDisplay, entry.name);
    const absolute = path.join(dirAbsolute, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) {
        walk(display, absolute, out, problems);
      }
    } else if (entry.isFile()) {
      out.push({ display, absolute, explicit: false });
    } else if (entry.isSymbolicLink()) {
      // Linked files are checked; linked directories are not followed, so a link cycle cannot
      // make the walk endless.
      try {
        if (statSync(absolute).isFile()) {
          out.push({ display, absolute, explicit: false });
        }
      } catch {
        // A dangling link in a directory is not the user's question; skip it.
      }
    }
  }
}

/** Expands the command-line paths into files, in a stable order. */
export function collectTargets(
  paths: readonly string[],
  cwd: string,
): { targets: Target[]; problems: Problem[] } {
  const targets: Target[] = [];
  const problems: Problem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let isDir: boolean;
    try {
      const st = statSync(absolute);
      isDir = st.isDirectory();
      if (!isDir && !st.isFile()) {
        problems.push({ path: given, message: 'not a regular file or directory' });
        continue;
      }
    } catch (e) {
      problems.push({ path: given, message: errorText(e) });
      continue;
    }
    if (isDir) {
      walk(given, absolute, targets, problems);
    } else {
      targets.push({ display: given, absolute, explicit: true });
    }
  }
  // A file named twice, or named and also inside a directory given, is checked once (first
  // mention wins, so an explicit name keeps its explicit treatment when it comes first).
  const seen = new Set<string>();
  return { targets: targets.filter((t) => !seen.has(t.absolute) && seen.add(t.absolute)), problems };
}

export interface ReadResult {
  bytes: Uint8Array;
  /** The file held more than `limit` bytes; only the start was read. */
  truncated: boolean;
}

/**
 * Reads at most `limit` bytes without loading the rest, so a huge or growing file costs only
 * what we check. Throws the fs error (the caller turns it into a message).
 */
export function readStart(file: string, limit: number): ReadResult {
  const fd = openSync(file, 'r');
  try {
    const want = Math.min(fstatSync(fd).size, limit);
    const buf = Buffer.allocUnsafe(want + 1);
    let got = 0;
    // Read one byte past `want` to learn whether the file is longer than the limit even when
    // its size changed since fstat.
    while (got < want + 1) {
      const n = readSync(fd, buf, got, want + 1 - got, null);
      if (n === 0) {
        break;
      }
      got += n;
    }
    const truncated = got > limit;
    const bytes = buf.subarray(0, Math.min(got, limit));
    return { bytes: truncated ? trimPartialUtf8(bytes) : bytes, truncated };
  } finally {
    closeSync(fd);
  }
}

/**
 * A cut in the middle of a UTF-8 sequence would make the whole start look like ISO-8859-1, so
 * drop an incomplete sequence at the end. Harmless for EBCDIC and Latin-1 (at most 3 bytes).
 */
export function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) {
      continue;
    }
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? bytes.subarray(0, bytes.length - back) : bytes;
  }
  return bytes;
}

export { errorText };

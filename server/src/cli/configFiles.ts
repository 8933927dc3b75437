// Reading the files a Liberty document names (issue 4): `<include>`d files, configDropins,
// bootstrap.properties, server.env. The service reads no files; the CLI gives it this reader, and
// the LSP server reads the disk through the same functions (behind its open documents and trust).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ConfigFileReader } from '../service';
import { decodeBytes } from '../service/text/decode';

/**
 * Configuration files are a few KB; a larger file under that name is a dump or a log, and is not
 * read (the including document then sees it as missing rather than stall on it).
 */
export const MAX_CONFIG_FILE_BYTES = 10 * 1024 * 1024;

/** The path of a file: uri, or undefined for other schemes (zowe-uss:, untitled:) and bad uris. */
export function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) {
    return undefined;
  }
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * A configuration file's text, decoded as the CLI decodes what it checks (UTF-8, ISO-8859-1, or
 * EBCDIC IBM-1047: server.xml on z/OS UNIX is often untagged EBCDIC). Undefined when it does not
 * exist, is no regular file, is larger than the cap, or is binary.
 */
export function readConfigFile(file: string): string | undefined {
  try {
    const st = statSync(file);
    if (!st.isFile() || st.size > MAX_CONFIG_FILE_BYTES) {
      return undefined;
    }
    const decoded = decodeBytes(readFileSync(file));
    return decoded.binary ? undefined : decoded.text;
  } catch {
    return undefined;
  }
}

/**
 * The names in a directory, sorted; undefined when absent. Files as they are (configDropins/
 * defaults|overrides), sub-directories with a trailing `/` (usr/servers/<name>/, where a shared
 * include's server.xml is looked for), so a reader of .xml names never takes a directory for a file.
 */
export function listConfigDir(dir: string): string[] | undefined {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => (e.isDirectory() ? e.name + '/' : e.name))
      .sort();
  } catch {
    return undefined;
  }
}

/**
 * The CLI's reader: the disk, each file read once per run (a root and each of its includes all
 * read the same server.xml, bootstrap.properties and server.env).
 */
export function createDiskConfigFiles(): ConfigFileReader {
  const texts = new Map<string, string | undefined>();
  const dirs = new Map<string, string[] | undefined>();
  return {
    read(uri) {
      const file = filePathOf(uri);
      if (file === undefined) {
        return undefined;
      }
      if (!texts.has(file)) {
        texts.set(file, readConfigFile(file));
      }
      return texts.get(file);
    },
    list(dirUri) {
      const dir = filePathOf(dirUri);
      if (dir === undefined) {
        return undefined;
      }
      if (!dirs.has(dir)) {
        dirs.set(dir, listConfigDir(dir));
      }
      return dirs.get(dir);
    },
  };
}

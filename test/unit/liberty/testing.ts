// Shared by the Liberty feature tests (hover, completion, navigation): an in-memory reader over
// absolute paths and positions found by searching the text.
import assert from 'node:assert/strict';
import type { ConfigFileReader, Position } from '../../../server/src/service/types';

/** Reads the files of an in-memory tree of absolute paths; lists nothing (no configDropins). */
export function reader(files: Record<string, string>): ConfigFileReader {
  return { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))] };
}

/** The position of the `nth` occurrence of `needle` in `text`, plus `shift` characters. */
export function at(text: string, needle: string, shift = 1, nth = 0): Position {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(needle, i + 1);
  }
  assert.ok(i >= 0, `${needle} not in the text`);
  const before = text.slice(0, i + shift);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

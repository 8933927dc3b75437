// Small readings of merged attribute values shared by the liberty/* rules of the cipher, port and
// feature family. Every helper answers "don't know" (false/undefined) for a value that still holds
// `${…}` or `{{ }}`: such values are never judged (liberty-reference.json meta.conventions).
import type { Range } from '../../types';
import type { LibertyModel, MergedAttribute, XmlElement } from '../model';

/** The attribute is set to true (Liberty booleans: `true`/`false`, matched without case or blanks). */
export function isTrue(a: MergedAttribute | undefined): boolean {
  return a !== undefined && !a.unresolved && a.resolved.trim().toLowerCase() === 'true';
}

export function isFalse(a: MergedAttribute | undefined): boolean {
  return a !== undefined && !a.unresolved && a.resolved.trim().toLowerCase() === 'false';
}

/**
 * A port attribute that opens a listener: a known number other than -1 (S-XSD: -1 disables the
 * port). False when unset or not yet known.
 */
export function portOpen(a: MergedAttribute | undefined): boolean {
  if (a === undefined || a.unresolved) {
    return false;
  }
  return /^\d+$/.test(a.resolved.trim());
}

/**
 * The range of `length` characters at `offset` inside a value written in this document, when the
 * written text is the value itself (no entities, so offsets agree); else the whole value, which is
 * never wrong.
 */
export function valueSubRange(
  model: LibertyModel,
  a: MergedAttribute & { valueRange: Range },
  offset: number,
  length: number,
): Range {
  const whole = a.valueRange;
  const source = model.document.source;
  const start = source.offsetAt(whole.start);
  const end = source.offsetAt(whole.end);
  if (a.value !== a.resolved || source.text.slice(start, end) !== a.value) {
    return whole;
  }
  return { start: source.positionAt(start + offset), end: source.positionAt(start + offset + length) };
}

/** The leading blanks of the line a range starts on (to indent inserted XML like its neighbours). */
export function indentOf(model: LibertyModel, el: XmlElement): string {
  const line = model.document.source.lineText(el.nameRange.start.line);
  return /^[ \t]*/.exec(line)![0];
}

// Readings of merged Liberty configuration shared by the liberty/* rules: booleans and ports,
// key store kinds and types, references, where a rule may report and the edits its fixes make.
// Every helper answers "don't know" (false/undefined) for a value that still holds `${…}` or
// `{{ }}`: such values are never judged (liberty-reference.json meta.conventions).
import type { Range, TextEdit } from '../../types';
import {
  PKCS11_TYPE,
  isKeyringUrl,
  isRacfKeystoreType,
  libertyAttribute,
} from '../../knowledge/libertyKeywords';
import type { ConfigElement, LibertyModel, MergedAttribute, XmlElement } from '../model';

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

/** What a key store is: a SAF key ring, a hardware (PKCS11) store, a file, or not yet known. */
export type KeyStoreKind = 'keyring' | 'pkcs11' | 'file' | 'unknown';

/** The keyStore type value Liberty uses when none is written (S-XSD default, PKCS12). */
export const DEFAULT_KEYSTORE_TYPE: string = libertyAttribute('keyStore', 'type')?.default ?? 'PKCS12';

/**
 * The type as Liberty will read it: the merged attribute when written (undefined value when it
 * holds an unresolved variable), else the schema default.
 */
export function keyStoreType(ks: ConfigElement): { value: string | undefined; attr?: MergedAttribute } {
  const attr = ks.attr('type');
  if (!attr) {
    return { value: DEFAULT_KEYSTORE_TYPE };
  }
  return { value: attr.unresolved ? undefined : attr.resolved.trim(), attr };
}

/** A RACF key store type whatever its case (the case itself is liberty/keyring-filebased's matter). */
export function racfTypeIgnoringCase(type: string | undefined): boolean {
  return type !== undefined && isRacfKeystoreType(type.toUpperCase());
}

/**
 * A key ring is recognised by its location (a `safkeyring…:` URL) or by a RACF type; PKCS11 by its
 * type. A location or type still holding a variable leaves the kind unknown unless the other
 * attribute decides it.
 */
export function keyStoreKind(ks: ConfigElement): KeyStoreKind {
  const location = ks.attr('location');
  if (location && !location.unresolved && isKeyringUrl(location.resolved)) {
    return 'keyring';
  }
  const type = keyStoreType(ks).value;
  if (racfTypeIgnoringCase(type)) {
    return 'keyring';
  }
  if (type !== undefined && type.toUpperCase() === PKCS11_TYPE) {
    return 'pkcs11';
  }
  if (type === undefined || location?.unresolved) {
    return 'unknown';
  }
  return 'file';
}

/** The element a reference attribute names, when its value is known and the id exists. */
export function referenced(
  model: LibertyModel,
  el: ConfigElement,
  attribute: string,
  target: string,
): ConfigElement | undefined {
  const a = el.attr(attribute);
  return a && !a.unresolved ? model.byId(target, a.resolved.trim()) : undefined;
}

/** The first declaration of a merged element written in this document (where a rule may report). */
export function localDeclaration(model: LibertyModel, el: ConfigElement): XmlElement | undefined {
  return el.declarations.find((d) => model.isLocal(d.uri));
}

/** An edit writing ` name="value"` right after the element name (attribute order does not matter). */
export function insertAttribute(decl: XmlElement, name: string, value: string): TextEdit {
  const at = decl.nameRange.end;
  return { range: { start: at, end: at }, newText: ` ${name}="${value}"` };
}

/** An edit replacing an attribute's value, only when the value was written literally (no `${…}`). */
export function replaceValue(
  a: MergedAttribute & { valueRange: Range },
  newText: string,
): TextEdit | undefined {
  return a.value === a.resolved ? { range: a.valueRange, newText } : undefined;
}

/** How a message names an element: `keyStore 'id'`, or `keyStore` (with its position) when id-less. */
export function describe(el: ConfigElement): string {
  const name = el.declaration?.name ?? el.name;
  return el.id !== undefined && !el.idGenerated ? `${name} '${el.id}'` : `${name} (no id)`;
}

/** `'value'`, or `'written' (= 'resolved')` when a variable was substituted. */
export function shown(a: MergedAttribute): string {
  return a.value === a.resolved ? `'${a.value}'` : `'${a.value}' (= '${a.resolved}')`;
}

/** How many ids a message lists before `…`: a message naming thousands of ids helps no one. */
const MAX_LISTED = 5;

/** `'a', 'b', 'c'`, the first few of `ids`, then `, …` when there are more. */
export function quotedIds(ids: readonly string[]): string {
  const listed = ids.slice(0, MAX_LISTED).map((k) => `'${k}'`);
  return `${listed.join(', ')}${ids.length > MAX_LISTED ? ', …' : ''}`;
}

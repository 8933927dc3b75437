// Completion in Liberty server.xml (issue 4): ids after the …Ref attributes (from the merged
// configuration, built-ins and include files included, each with the file it comes from), key
// store types that fit the location, sslProtocol values, cipher suite names, enumerated attribute
// values, and the attribute and nested element names of the TLS elements. Everything offered
// comes from the Liberty reference or the configuration itself.
import type { CompletionEntry, Position } from '../features';
import type { Range } from '../types';
import { CIPHER_SUITES } from '../knowledge/attlsKeywords';
import {
  CIPHERS,
  FILE_KEYSTORE_TYPES,
  KEYSTORE_TYPES,
  LIBERTY_ELEMENTS,
  PKCS11_TYPE,
  SSL_PROTOCOL,
  childElement,
  classifyCipher,
  inSecurityLevel,
  isKeyringUrl,
  isRacfKeystoreType,
  libertyAttribute,
  libertyElement,
  parseKeyringUrl,
  protocolFacts,
  referenceTarget,
} from '../knowledge/libertyKeywords';
import type { LibertyAnalysis } from './analyze';
import type { LibertyModel, XmlElement } from './model';
import type { TypingContext } from './cursor';
import { elementAt, elementType, relativeName, typingContext } from './cursor';

type ValueContext = Extract<TypingContext, { kind: 'attribute-value' }>;

export function libertyComplete(a: LibertyAnalysis, given: Position): CompletionEntry[] {
  // A position past the end of its line means the line's end (LSP); ranges built from it must stay in the line.
  const pos = a.model.document.source.clamp(given);
  const ctx = typingContext(a.model, pos);
  if (!ctx) {
    return [];
  }
  switch (ctx.kind) {
    case 'element-name':
      return elementNames(ctx.parent, ctx.replace);
    case 'attribute-name':
      return attributeNames(a.model, ctx, pos);
    case 'attribute-value':
      return values(a.model, ctx, pos);
  }
}

/** The configuration type of the element being typed, from its parent in the tree. */
function typeAt(model: LibertyModel, name: string, pos: Position): string {
  const parent = enclosing(model, pos);
  return (parent ? childElement(parent.name, name)?.name : undefined) ?? name;
}

/** The element that holds the tag being typed (not the tag itself, which may be in the tree). */
function enclosing(model: LibertyModel, pos: Position): XmlElement | undefined {
  let el = elementAt(model.document, pos);
  while (el && tagHolds(model, el, pos)) {
    el = el.parent;
  }
  return el;
}

/** The cursor is inside the start tag of `el` (so `el` is the element being typed). */
function tagHolds(model: LibertyModel, el: XmlElement, pos: Position): boolean {
  const src = model.document.source;
  const start = src.offsetAt(el.range.start);
  const at = src.offsetAt(pos);
  const gt = src.text.indexOf('>', start);
  return gt < 0 || at <= gt;
}

// ---------------------------------------------------------------------------------------------
// Names

function elementNames(parent: XmlElement | undefined, range: Range): CompletionEntry[] {
  if (!parent) {
    return [];
  }
  if (parent.name === 'server') {
    return [...LIBERTY_ELEMENTS.values()]
      .filter((e) => !isOnlyNested(e.name))
      .map((e) => ({
        label: e.name,
        kind: 'keyword' as const,
        detail: e.label,
        documentation: e.doc,
        range,
      }));
  }
  const def = libertyElement(elementType(parent));
  return [...(def?.children.values() ?? [])].map((c) => ({
    label: c.name,
    kind: 'keyword' as const,
    detail: c.element ? `nested <${c.element}>` : 'nested element',
    documentation: c.doc,
    range,
  }));
}

/** keyEntry and outboundConnection exist only inside another element. */
function isOnlyNested(name: string): boolean {
  return (
    [...LIBERTY_ELEMENTS.values()].some((e) => e.children.has(name)) &&
    name !== 'keyStore' &&
    name !== 'sslOptions'
  );
}

function attributeNames(
  model: LibertyModel,
  ctx: Extract<TypingContext, { kind: 'attribute-name' }>,
  pos: Position,
): CompletionEntry[] {
  const def = libertyElement(typeAt(model, ctx.element, pos));
  if (!def) {
    return [];
  }
  const present = new Set(ctx.present);
  return [...def.attributes.values(), ...def.runtimeOnlyAttributes.values()]
    .filter((a) => !present.has(a.name))
    .map((a) => ({
      label: a.name,
      kind: 'property' as const,
      detail: [a.label, a.default !== undefined ? `default ${a.default}` : undefined]
        .filter(Boolean)
        .join(' · '),
      documentation: a.doc,
      insertText: `${a.name}="$1"`,
      snippet: true,
      range: ctx.replace,
      sortText: `${a.runtimeOnly ? 1 : 0}${a.name}`,
    }));
}

// ---------------------------------------------------------------------------------------------
// Values

function values(model: LibertyModel, ctx: ValueContext, pos: Position): CompletionEntry[] {
  const type = typeAt(model, ctx.element, pos);
  const ref = referenceTarget(ctx.element, ctx.attribute) ?? referenceTarget(type, ctx.attribute);
  if (ref) {
    return ids(model, ref.targetElement, ctx.replace);
  }
  if (type === 'keyStore' && ctx.attribute === 'type') {
    return keystoreTypes(model, ctx);
  }
  if (type === 'ssl' && ctx.attribute === 'sslProtocol') {
    return protocols(ctx);
  }
  if (type === 'ssl' && ctx.attribute === 'enabledCiphers') {
    return ciphers(ctx);
  }
  const def = libertyAttribute(type, ctx.attribute);
  if (def?.values?.length) {
    return def.values.map((v, i) => ({
      label: v.value,
      kind: 'value' as const,
      documentation: v.doc,
      range: ctx.replace,
      sortText: String(i).padStart(3, '0'),
    }));
  }
  if (def?.type === 'booleanType') {
    return ['true', 'false'].map((v) => ({
      label: v,
      kind: 'value' as const,
      detail: def.default !== undefined && def.default === v ? 'default' : undefined,
      range: ctx.replace,
    }));
  }
  return [];
}

/** The ids a reference may name: written ones with their file, then the built-ins. */
function ids(model: LibertyModel, target: string, range: Range): CompletionEntry[] {
  return model
    .elements(target)
    .filter((e) => e.id !== undefined && !e.idGenerated)
    .map((e) => {
      const file = e.uri;
      const detail = e.builtIn
        ? `built-in ${target}${file ? ` (also written in ${relativeName(model.documentUri, file)})` : ''}`
        : `${target} in ${file === model.documentUri || !file ? 'this file' : relativeName(model.documentUri, file)}`;
      return {
        label: e.id!,
        kind: 'reference' as const,
        detail,
        range,
        sortText: `${e.builtIn ? 1 : 0}${e.id}`,
      };
    });
}

/** A key ring URL gets exactly the type its scheme needs; a file path the file types. */
function keystoreTypes(model: LibertyModel, ctx: ValueContext): CompletionEntry[] {
  const written = ctx.others.get('location');
  const location = written !== undefined ? model.resolve(written).text.trim() : undefined;
  let offered: { type: string; why: string }[];
  if (location !== undefined && isKeyringUrl(location)) {
    const k = parseKeyringUrl(location);
    const exact = k?.schemeDef?.type;
    offered = exact
      ? [{ type: exact, why: `the type ${k!.schemeDef!.scheme}:// needs` }]
      : KEYSTORE_TYPES.filter(isRacfKeystoreType).map((t) => ({ type: t, why: 'a RACF key ring type' }));
  } else if (location !== undefined && location !== '') {
    offered = [
      ...FILE_KEYSTORE_TYPES.map((t) => ({ type: t, why: 'file key store' })),
      { type: PKCS11_TYPE, why: 'hardware key store (location: its configuration file; fileBased="false")' },
    ];
  } else {
    offered = KEYSTORE_TYPES.map((t) => ({
      type: t,
      why: isRacfKeystoreType(t) ? 'RACF key ring (location: a safkeyring URL)' : 'key store type',
    }));
  }
  return offered.map((o, i) => ({
    label: o.type,
    kind: 'value' as const,
    detail: o.why,
    range: ctx.replace,
    sortText: String(i).padStart(3, '0'),
  }));
}

/** The entry of a list value the cursor is in: what a completion replaces. */
function listEntryRange(ctx: ValueContext, separator: RegExp): { range: Range; done: Set<string> } {
  const typed = ctx.typed;
  let start = typed.length;
  while (start > 0 && !separator.test(typed[start - 1])) {
    start--;
  }
  const line = ctx.valueStart.line;
  const startChar = ctx.valueStart.character + start;
  const done = new Set(
    typed
      .slice(0, start)
      .split(separator)
      .map((s) => s.trim())
      .filter(Boolean),
  );
  // Only the part typed so far is replaced: text after the cursor may be the next entry.
  const end =
    ctx.replace.end.line === line ? ctx.valueStart.character + typed.length : ctx.replace.end.character;
  return {
    range: { start: { line, character: startChar }, end: { line, character: Math.max(startChar, end) } },
    done,
  };
}

function protocols(ctx: ValueContext): CompletionEntry[] {
  const { range, done } = listEntryRange(ctx, /,/);
  const inList = done.size > 0;
  const list = [...SSL_PROTOCOL.listValues].reverse().filter((v) => !done.has(v));
  const out: CompletionEntry[] = list.map((v, i) => {
    const f = protocolFacts(v);
    return {
      label: v,
      kind: 'value' as const,
      detail: f.weak
        ? 'weak: obsolete protocol'
        : f.allowedInFipsList
          ? 'allowed in FIPS 140-3 lists'
          : undefined,
      range,
      sortText: `${f.weak ? 1 : 0}${i}`,
    };
  });
  if (!inList) {
    // A single value may also be any JSSE name; these leave the versions to the JVM.
    out.push(
      ...SSL_PROTOCOL.jvmDefaultValues.map((v) => ({
        label: v,
        kind: 'value' as const,
        detail: 'single value only: the JVM defaults decide the versions',
        range,
        sortText: `2${v}`,
      })),
    );
  }
  return out;
}

function ciphers(ctx: ValueContext): CompletionEntry[] {
  const { range, done } = listEntryRange(ctx, /[\s,]/);
  const names = new Set<string>([...CIPHERS.tls13Suites, ...CIPHER_SUITES.map((c) => c.name)]);
  const out: CompletionEntry[] = [];
  for (const name of names) {
    if (!name.startsWith('TLS_') || done.has(name)) {
      continue;
    }
    const weak = classifyCipher(name);
    if (weak.some((w) => w.severity !== 'info')) {
      continue; // the reference calls it weak or insecure: not offered
    }
    const high = inSecurityLevel(name, 'HIGH');
    const tls13 = CIPHERS.tls13Suites.includes(name);
    out.push({
      label: name,
      kind: 'constant',
      detail: [
        tls13 ? 'TLS 1.3' : undefined,
        high ? 'in securityLevel HIGH' : undefined,
        ...weak.map((w) => `note: ${w.why ?? w.pattern}`),
      ]
        .filter(Boolean)
        .join(' · '),
      range,
      sortText: `${weak.length ? 1 : 0}${tls13 ? 0 : 1}${name}`,
    });
  }
  return out;
}

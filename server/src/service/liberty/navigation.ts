// Go to definition, references and the outline for Liberty configuration ids (issue 4). Liberty
// merges elements of the same type and id across server.xml, its includes and configDropins, so a
// definition may be in another file and an id may have several declarations; a reference is any
// …Ref attribute whose target type and resolved value match. Results are Locations: the model names
// files by canonical URI, and the document's own URI is given back as the editor spelled it.
import type { DocumentSymbolResult, Location, Position, SymbolKindName } from '../features';
import type { Range } from '../types';
import { libertyElement } from '../knowledge/libertyKeywords';
import type { LibertyAnalysis } from './analyze';
import type { LibertyModel, XmlElement } from './model';
import { MAX_NESTING } from './merge';
import { attrOf, walk } from './xml';
import { elementType, hitAt, refOf } from './cursor';

interface IdTarget {
  type: string;
  id: string;
}

/** The id under the cursor: an `id` value, or the value of a reference attribute. */
function idAt(model: LibertyModel, pos: Position): IdTarget | undefined {
  const hit = hitAt(model, pos);
  if (hit?.kind !== 'value') {
    return undefined;
  }
  const r = model.resolve(hit.attribute.value);
  const id = r.text.trim();
  if (r.unresolved || id === '') {
    return undefined;
  }
  if (hit.attribute.name === 'id') {
    return { type: model.configOf(hit.element)?.name ?? elementType(hit.element), id };
  }
  const ref = refOf(hit.element, hit.attribute.name);
  return ref ? { type: ref.targetElement, id } : undefined;
}

function locate(model: LibertyModel, inputUri: string, uri: string, range: Range): Location {
  return { uri: uri === model.documentUri ? inputUri : uri, range };
}

/** Where the element with that id is written: each declaration's id value (or its name). */
function declarations(model: LibertyModel, t: IdTarget, inputUri: string): Location[] {
  const el = model.byId(t.type, t.id);
  return (el?.declarations ?? []).map((d) =>
    locate(model, inputUri, d.uri, attrOf(d, 'id')?.valueRange ?? d.nameRange),
  );
}

export function libertyDefinition(a: LibertyAnalysis, given: Position, inputUri: string): Location[] {
  // A position past the end of its line means the line's end (LSP); ranges built from it must stay in the line.
  const pos = a.model.document.source.clamp(given);
  const t = idAt(a.model, pos);
  return t ? declarations(a.model, t, inputUri) : includedFile(a.model, pos, inputUri);
}

/** On an <include location>: the file it reads, when it was read. */
function includedFile(model: LibertyModel, pos: Position, inputUri: string): Location[] {
  const hit = hitAt(model, pos);
  if (hit?.kind !== 'value' || hit.element.name !== 'include' || hit.attribute.name !== 'location') {
    return [];
  }
  const inc = model.includes.find((i) => i.element === hit.element);
  const start = { line: 0, character: 0 };
  return inc?.status === 'loaded' && inc.targetUri
    ? [locate(model, inputUri, inc.targetUri, { start, end: start })]
    : [];
}

export function libertyReferences(
  a: LibertyAnalysis,
  given: Position,
  includeDeclaration: boolean,
  inputUri: string,
): Location[] {
  const pos = a.model.document.source.clamp(given);
  const model = a.model;
  const t = idAt(model, pos);
  if (!t) {
    return [];
  }
  const out = includeDeclaration ? declarations(model, t, inputUri) : [];
  for (const doc of model.documents.values()) {
    for (const el of walk(doc.root)) {
      for (const attr of el.attributes) {
        const ref = refOf(el, attr.name);
        if (ref?.targetElement !== t.type) {
          continue;
        }
        const r = model.resolve(attr.value);
        if (!r.unresolved && r.text.trim() === t.id) {
          out.push(locate(model, inputUri, doc.uri, attr.valueRange));
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Outline

const SUMMARY: Record<string, readonly string[]> = {
  ssl: ['keyStoreRef', 'trustStoreRef', 'sslProtocol'],
  keyStore: ['location', 'type'],
  sslDefault: ['sslRef', 'outboundSSLRef'],
  sslOptions: ['sslRef'],
  httpEndpoint: ['httpsPort', 'sslOptionsRef'],
  ldapRegistry: ['sslEnabled', 'sslRef'],
  outboundConnection: ['host', 'port'],
  keyEntry: ['name'],
};

function symbolKind(type: string): SymbolKindName {
  switch (type) {
    case 'ssl':
      return 'class';
    case 'keyStore':
      return 'struct';
    case 'sslDefault':
    case 'sslOptions':
      return 'object';
    default:
      return 'field';
  }
}

function symbolOf(el: XmlElement, depth = 0): DocumentSymbolResult | undefined {
  const type = elementType(el);
  if (el.name === 'include') {
    const loc = attrOf(el, 'location')?.value;
    return {
      name: 'include',
      detail: loc,
      kind: 'namespace',
      range: el.range,
      selectionRange: el.nameRange,
      children: [],
    };
  }
  if (!libertyElement(type)) {
    return undefined;
  }
  const id = attrOf(el, 'id')?.value;
  // Passwords never appear: only the attributes listed above are summarised.
  const detail = (SUMMARY[type] ?? [])
    .map((n) => {
      const v = attrOf(el, n)?.value;
      return v !== undefined ? `${n}=${v}` : undefined;
    })
    .filter(Boolean)
    .join(' · ');
  return {
    name: id ? `${el.name} ${id}` : el.name,
    detail: detail || undefined,
    kind: symbolKind(type),
    range: el.range,
    selectionRange: el.nameRange,
    // As deep as the merged configuration goes (deeper nesting is no configuration, and recursing
    // into 10,000 nested tags overflowed the stack).
    children:
      depth >= MAX_NESTING
        ? []
        : el.children
            .map((c) => symbolOf(c, depth + 1))
            .filter((s): s is DocumentSymbolResult => s !== undefined),
  };
}

/** The TLS elements and includes of this file, with their ids; nested TLS elements below them. */
export function libertySymbols(a: LibertyAnalysis): DocumentSymbolResult[] {
  return (a.model.document.root?.children ?? [])
    .map((el) => symbolOf(el))
    .filter((s): s is DocumentSymbolResult => s !== undefined);
}

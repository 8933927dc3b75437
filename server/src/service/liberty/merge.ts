// The merged Liberty configuration: what the runtime sees once server.xml, its `<include>`s and
// configDropins are read (S-DOC-CFG; liberty-reference.json `mergeRules`). Elements of the same name
// and id are one configuration element whose attributes come from every declaration, the later
// one winning, and each attribute remembers the element that set it so rules and hovers can point
// at the right file. Order, lowest first: the built-in instances (S-DEFINST), configDropins/defaults
// (alphabetical), server.xml with each include read where it stands, configDropins/overrides.
//
// Include conflicts (`onConflict`, S-DOC-CFG): MERGE (default) merges attribute-wise, REPLACE lets
// the included element replace what came before, IGNORE keeps what came before. Conflicts are
// judged against what has been read so far (an approximation: Liberty also weighs elements of the
// including file that follow the include).
//
// Elements without an id: singletons (sslDefault, per the reference) merge by name; any other
// gets its own generated id, as Liberty gives each such factory instance one. A nested element
// that stands for a reference (`<ssl><keyStore/></ssl>`, `<httpEndpoint><sslOptions/>`) becomes an
// element of its own, with a generated id when it has none, and the parent gets the reference
// attribute pointing at it (marked `nested`), as Liberty does.
import type { ConfigFileReader, Range } from '../types';
import { SourceText } from '../text/sourceText';
import {
  DEFAULT_INSTANCES,
  childElement,
  libertyElement,
  referenceTarget,
} from '../knowledge/libertyKeywords';
import type { Resolved } from './variables';
import {
  Variables,
  canonicalUri,
  defineFromElements,
  dirname,
  parseProperties,
  pathToUri,
  resolvePath,
  runtimeDirectories,
  uriToPath,
} from './variables';
import type { XmlDocument, XmlElement } from './xml';
import { attrOf, parseXml } from './xml';

/** One attribute of a merged element: its winning value and where it was written. */
export interface MergedAttribute {
  name: string;
  /** As written (entities decoded), before variables. */
  value: string;
  /** After `${…}` substitution. */
  resolved: string;
  /** Still holds `${…}` or `{{ }}`: never judge this value. */
  unresolved: boolean;
  /** The file that set it; for a built-in, the file of the element that merged with it (if any). */
  uri: string | undefined;
  range: Range | undefined;
  nameRange: Range | undefined;
  valueRange: Range | undefined;
  /** The XML element that set it (undefined for a built-in default). */
  element: XmlElement | undefined;
  /** Supplied by a built-in instance (`defaultSSLConfig`'s keyStoreRef), not written anywhere. */
  builtIn: boolean;
  /** A reference Liberty derives from a nested element (`<ssl><keyStore/>` → keyStoreRef). */
  nested: boolean;
  /** Values this one replaced, earliest first (for hovers: "also set in …"). */
  overridden: MergedAttribute[];
}

export class ConfigElement {
  /** Declarations in merge order (empty for a built-in nobody wrote). */
  readonly declarations: XmlElement[] = [];
  readonly attributes = new Map<string, MergedAttribute>();
  /** Nested configuration elements (keyStore inside ssl, keyEntry, outboundConnection …). */
  readonly children: ConfigElement[] = [];

  constructor(
    /** The element type: `keyStore` also for a nested `<trustStore>`. */
    readonly name: string,
    /** The id Liberty knows it by (generated for id-less factory and nested elements). */
    readonly id: string | undefined,
    readonly idGenerated: boolean,
    /** One of the built-in instances (defaultSSLConfig, defaultKeyStore). */
    readonly builtIn: boolean,
    readonly parent: ConfigElement | undefined,
  ) {}

  attr(name: string): MergedAttribute | undefined {
    return this.attributes.get(name);
  }

  /** The first written declaration (undefined for an unwritten built-in). */
  get declaration(): XmlElement | undefined {
    return this.declarations[0];
  }

  get uri(): string | undefined {
    return this.declaration?.uri;
  }

  /** Where to point at the element: the name of its first declaration. */
  get nameRange(): Range | undefined {
    return this.declaration?.nameRange;
  }

  /** True when some declaration is in the file `uri`. */
  declaredIn(uri: string): boolean {
    const key = canonicalUri(uri);
    return this.declarations.some((d) => canonicalUri(d.uri) === key);
  }
}

export type IncludeStatus =
  | 'loaded'
  /** Target not readable; Liberty fails the server start unless optional="true". */
  | 'missing'
  | 'optional-missing'
  /** Location still holds an unknown `${…}`. */
  | 'unresolved'
  /** Already on the include chain; Liberty would loop, we stop. */
  | 'cycle'
  /** http(s) location: never fetched. */
  | 'remote'
  /** No reader (untrusted workspace, a buffer alone): other files are unknown. */
  | 'unread';

export interface IncludeRecord {
  element: XmlElement;
  location: string;
  resolved: Resolved;
  /** Canonical file: URI of the target, when it could be computed. */
  targetUri: string | undefined;
  optional: boolean;
  onConflict: 'MERGE' | 'REPLACE' | 'IGNORE';
  status: IncludeStatus;
}

export interface MergedConfig {
  /** Canonical URI of the document the merge started from. */
  rootUri: string;
  /** Every document read, by canonical URI, in merge order. */
  documents: Map<string, XmlDocument>;
  includes: IncludeRecord[];
  elements: ConfigElement[];
  variables: Variables;
  /** Feature names from every featureManager, with the element that lists each. */
  features: { name: string; element: XmlElement }[];
}

export interface MergeInput {
  /** The root document's URI and text (the editor's text wins over the reader's). */
  rootUri: string;
  /** Open documents' texts by URI (at least the one being analyzed). */
  texts: Map<string, string>;
  reader: ConfigFileReader | undefined;
  /** Read bootstrap.properties, server.env and configDropins (a real server directory). */
  serverDirectory: boolean;
}

const MAX_DOCUMENTS = 200;
/**
 * Nested configuration elements deeper than this are left out of the merged configuration. Real
 * nesting is a few levels (ssl > keyStore > keyEntry); each level's generated id holds its parent's,
 * so 10,000 nested tags (a 110 KB text, found by the Liberty fuzzer) overflowed the stack and would
 * have built ids of quadratic length. Our own bound, not Liberty's.
 */
export const MAX_NESTING = 32;

type Mode = 'MERGE' | 'REPLACE' | 'IGNORE';

interface Pending {
  el: XmlElement;
  mode: Mode;
}

export function mergeConfiguration(input: MergeInput): MergedConfig {
  const texts = new Map([...input.texts].map(([u, t]) => [canonicalUri(u), t]));
  const rootUri = canonicalUri(input.rootUri);
  const documents = new Map<string, XmlDocument>();
  const includes: IncludeRecord[] = [];
  const variables = new Variables();
  const read = (uri: string): string | undefined => {
    const open = texts.get(uri);
    if (open !== undefined) {
      return open;
    }
    try {
      return input.reader?.read(uri);
    } catch {
      return undefined; // an adapter's I/O error means "cannot be read", never a crash
    }
  };
  const load = (uri: string): XmlDocument | undefined => {
    const known = documents.get(uri);
    if (known) {
      return known;
    }
    if (documents.size >= MAX_DOCUMENTS) {
      return undefined;
    }
    const text = read(uri);
    if (text === undefined) {
      return undefined;
    }
    const doc = parseXml(new SourceText(text), uri);
    documents.set(uri, doc);
    return doc;
  };

  const rootPath = uriToPath(rootUri);
  const serverDir = rootPath !== undefined ? dirname(rootPath) : undefined;
  if (input.serverDirectory && serverDir !== undefined) {
    const env = propertiesFile(pathToUri(serverDir + '/server.env'), false);
    const bootstrap = propertiesFile(pathToUri(serverDir + '/bootstrap.properties'), true);
    const envValues = new Map(env.map((d) => [d.name, d.value]));
    env.forEach((d) => variables.define(d));
    bootstrap.forEach((d) => variables.define(d));
    runtimeDirectories(rootUri, envValues).forEach((d) => variables.define(d));
  }
  // A fragment's directory is not known to be a server's: its ${server.config.dir} stays unknown.

  function propertiesFile(uri: string, properties: boolean) {
    const text = read(uri);
    if (text === undefined) {
      return [];
    }
    const source = new SourceText(text);
    return parseProperties(text, properties).map((p) => ({
      name: p.name,
      value: p.value,
      origin: properties ? ('bootstrap.properties' as const) : ('server.env' as const),
      uri,
      range: {
        start: { line: p.line, character: p.start },
        end: source.lineEnd(p.line),
      },
    }));
  }

  // Pass 1: read the documents in Liberty's order, inlining includes, and collect the top-level
  // elements with the conflict mode their include asked for. Variables are defined as they are
  // met so that an include location may use one defined earlier.
  const pending: Pending[] = [];
  const visit = (doc: XmlDocument, mode: Mode, chain: string[]): void => {
    for (const el of doc.root?.children ?? []) {
      if (!el.complete) {
        continue;
      }
      if (el.name === 'variable') {
        defineFromElements(variables, [el]);
      }
      if (el.name === 'include') {
        include(el, mode, chain);
        continue;
      }
      pending.push({ el, mode });
    }
  };
  const include = (el: XmlElement, outerMode: Mode, chain: string[]): void => {
    const location = attrOf(el, 'location')?.value ?? '';
    const resolved = variables.resolve(location);
    const optional = attrOf(el, 'optional')?.value.trim().toLowerCase() === 'true';
    const conflict = attrOf(el, 'onConflict')?.value.trim().toUpperCase();
    const onConflict: Mode = conflict === 'REPLACE' || conflict === 'IGNORE' ? conflict : 'MERGE';
    const record: IncludeRecord = {
      element: el,
      location,
      resolved,
      targetUri: undefined,
      optional,
      onConflict,
      status: 'unresolved',
    };
    includes.push(record);
    if (resolved.unresolved || location.trim() === '') {
      return;
    }
    const target = resolved.text.trim();
    if (/^https?:/i.test(target)) {
      record.status = 'remote';
      return;
    }
    const fromPath = /^file:/i.test(target) ? uriToPath(target) : undefined;
    const includer = uriToPath(el.uri);
    if (fromPath === undefined && includer === undefined) {
      return; // an untitled buffer: a relative location has no directory to start from
    }
    const targetUri = canonicalUri(
      fromPath !== undefined ? pathToUri(fromPath) : pathToUri(resolvePath(dirname(includer!), target)),
    );
    record.targetUri = targetUri;
    if (chain.includes(targetUri)) {
      record.status = 'cycle';
      return;
    }
    const doc = load(targetUri);
    if (!doc) {
      record.status =
        !input.reader && !texts.has(targetUri) ? 'unread' : optional ? 'optional-missing' : 'missing';
      return;
    }
    record.status = 'loaded';
    // An include nested in a REPLACE/IGNORE include keeps the outer mode unless it sets its own.
    visit(doc, attrOf(el, 'onConflict') ? onConflict : outerMode, [...chain, targetUri]);
  };
  const dropins = (kind: 'defaults' | 'overrides'): void => {
    if (!input.serverDirectory || serverDir === undefined || !input.reader?.list) {
      return;
    }
    const dir = serverDir + '/configDropins/' + kind;
    let names: string[] | undefined;
    try {
      names = input.reader.list(pathToUri(dir));
    } catch {
      names = undefined;
    }
    // Liberty reads configDropins in alphabetical order; only .xml files count.
    for (const name of [...(names ?? [])].filter((n) => n.toLowerCase().endsWith('.xml')).sort()) {
      const uri = canonicalUri(pathToUri(dir + '/' + name));
      if (uri === rootUri) {
        continue;
      }
      const doc = load(uri);
      if (doc) {
        visit(doc, 'MERGE', [rootUri, uri]);
      }
    }
  };

  dropins('defaults');
  const root = load(rootUri);
  if (root) {
    visit(root, 'MERGE', [rootUri]);
  }
  dropins('overrides');

  // Pass 2: merge, now that every variable is known.
  const merger = new Merger(variables);
  for (const d of DEFAULT_INSTANCES) {
    merger.builtIn(d.element, d.id, d.attributes);
  }
  const features: { name: string; element: XmlElement }[] = [];
  for (const { el, mode } of pending) {
    if (el.name === 'featureManager') {
      for (const f of el.children) {
        const text = f.name === 'feature' && f.complete ? featureText(f) : undefined;
        if (text) {
          features.push({ name: text, element: f });
        }
      }
    }
    merger.add(el, undefined, mode);
  }
  return { rootUri, documents, includes, elements: merger.elements, variables, features };
}

/** The value each merged attribute replaced (the chain `overridden` is computed from). */
const replaced = new WeakMap<MergedAttribute, MergedAttribute>();

/**
 * The attribute with `overridden` computed when first read, from a link to the value it replaced.
 * Copying the earlier values into each new one made n declarations of one attribute (one id
 * merged n times, or an attribute written n times in a tag) cost n²: 8,000 took 2 s (issue 4,
 * found by the Liberty fuzzer).
 */
function withOverridden(
  attr: Omit<MergedAttribute, 'overridden'>,
  before: MergedAttribute | undefined,
): MergedAttribute {
  const out = attr as MergedAttribute;
  if (!before) {
    out.overridden = [];
    return out;
  }
  replaced.set(out, before);
  let list: MergedAttribute[] | undefined;
  return Object.defineProperty(out, 'overridden', {
    enumerable: true,
    get: (): MergedAttribute[] => {
      if (!list) {
        list = [];
        for (let p: MergedAttribute | undefined = before; p; p = replaced.get(p)) {
          list.push(p);
        }
        list.reverse();
      }
      return list;
    },
  });
}

function featureText(f: XmlElement): string | undefined {
  return f.text.trim() || undefined;
}

class Merger {
  readonly elements: ConfigElement[] = [];
  private readonly byKey = new Map<string, ConfigElement>();
  /** Top-level id-less elements by type (a search of all elements per sslDefault was O(n²)). */
  private readonly singletons = new Map<string, ConfigElement>();
  private generated = new Map<string, number>();

  constructor(private readonly variables: Variables) {}

  builtIn(name: string, id: string, attributes: Readonly<Record<string, string>>): void {
    const el = new ConfigElement(name, id, false, true, undefined);
    for (const [k, v] of Object.entries(attributes)) {
      el.attributes.set(k, {
        name: k,
        value: v,
        resolved: v,
        unresolved: false,
        uri: undefined,
        range: undefined,
        nameRange: undefined,
        valueRange: undefined,
        element: undefined,
        builtIn: true,
        nested: false,
        overridden: [],
      });
    }
    this.register(el);
  }

  private register(el: ConfigElement): void {
    this.elements.push(el);
    if (el.id !== undefined) {
      this.byKey.set(`${el.name}\u0000${el.id}`, el);
    } else if (!el.parent && !this.singletons.has(el.name)) {
      this.singletons.set(el.name, el);
    }
    el.parent?.children.push(el);
  }

  private nextGenerated(prefix: string): string {
    const n = this.generated.get(prefix) ?? 0;
    this.generated.set(prefix, n + 1);
    return `${prefix}[default-${n}]`;
  }

  add(xml: XmlElement, parent: ConfigElement | undefined, mode: Mode, depth = 0): ConfigElement {
    const childDef = parent ? childElement(parent.name, xml.name) : undefined;
    const type = childDef?.name ?? xml.name;
    const idAttr = attrOf(xml, 'id');
    const writtenId = idAttr ? this.variables.resolve(idAttr.value).text.trim() : '';
    let id: string | undefined;
    let generated = false;
    if (writtenId !== '') {
      id = writtenId;
    } else if (!parent && libertyElement(type)?.singleton) {
      id = undefined;
    } else {
      id = this.nextGenerated(parent ? `${parent.name}[${parent.id ?? ''}]/${xml.name}` : type);
      generated = true;
    }
    const key = `${type}\u0000${id ?? ''}`;
    let target = id !== undefined ? this.byKey.get(key) : this.singleton(type);
    if (target && mode === 'IGNORE') {
      return target;
    }
    if (target && mode === 'REPLACE' && !target.builtIn) {
      target.attributes.clear();
    }
    if (!target) {
      target = new ConfigElement(type, id, generated, false, parent);
      this.register(target);
    }
    target.declarations.push(xml);
    for (const a of xml.attributes) {
      const r = this.variables.resolve(a.value);
      const before = target.attributes.get(a.name);
      target.attributes.set(
        a.name,
        withOverridden(
          {
            name: a.name,
            value: a.value,
            resolved: r.text,
            unresolved: r.unresolved,
            uri: xml.uri,
            range: a.range,
            nameRange: a.nameRange,
            valueRange: a.valueRange,
            element: xml,
            builtIn: false,
            nested: false,
          },
          before,
        ),
      );
    }
    for (const c of xml.children) {
      if (!c.complete || depth >= MAX_NESTING) {
        continue;
      }
      const child = this.add(c, target, 'MERGE', depth + 1);
      const ref = referenceTarget(type, `${c.name}Ref`);
      if (ref && child.id !== undefined && !attrOf(xml, ref.attribute)) {
        target.attributes.set(ref.attribute, {
          name: ref.attribute,
          value: child.id,
          resolved: child.id,
          unresolved: false,
          uri: c.uri,
          range: c.nameRange,
          nameRange: c.nameRange,
          valueRange: c.nameRange,
          element: c,
          builtIn: false,
          nested: true,
          overridden: [],
        });
      }
    }
    return target;
  }

  private singleton(type: string): ConfigElement | undefined {
    return this.singletons.get(type);
  }
}

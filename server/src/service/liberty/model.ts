/**
 * LibertyModel — the one thing the liberty/* rules, hover, completion, definition and code actions
 * read. Built by `buildLibertyModel(text, uri, reader)` (analyzeLiberty returns it as `model`).
 *
 * The configuration is the *merged* one Liberty would run (merge.ts): server.xml + includes +
 * configDropins + the built-in `defaultSSLConfig`/`defaultKeyStore`. A document that is not a
 * server.xml is analysed from the first server.xml found that reads it, directly, transitively or as
 * a configDropins file (rootCandidates: its own directory and up to four above it, then, for a file
 * under usr/shared/config, each usr/servers/<name>/server.xml); otherwise it is a fragment
 * (`isFragment`).
 *
 *   model.document                 this file parsed (XmlDocument: root, comments, source, problems)
 *   model.documentUri / rootUri    canonical file: URIs (this file; the server.xml merged from)
 *   model.isFragment               no root known: reference errors become information
 *   model.complete                 a reader was given and every include was read (false: ids may
 *                                  live in files we lack, so reference findings become information)
 *   model.documents                every file read, by canonical URI
 *   model.includes                 each <include> with its resolved target and status
 *
 *   model.elements('keyStore')     merged ConfigElements of that type (all types when no name)
 *   model.byId('ssl', 'x')         one merged element, built-ins included
 *   model.ids('keyStore')          ids a reference may use (written + built-in, not generated)
 *   model.local('ssl')             the merged elements this file declares (where rules report)
 *   model.configOf(xmlElement)     the merged element an XML element contributes to (hover, go-to)
 *
 *   el.attr('type')                MergedAttribute | undefined:
 *       { value (as written), resolved (after ${…}), unresolved (still ${…} or {{ }}: never judge),
 *         uri, range, nameRange, valueRange (file that set it), element, builtIn, nested, overridden }
 *   el.id, el.idGenerated, el.builtIn, el.declarations (XmlElements), el.children, el.parent
 *   model.isLocal(attr)            set in this file: only then may a rule report on it
 *   model.reportable(attr)         isLocal && written value to judge (not built-in, not unresolved)
 *
 *   model.features                 { entries, has('ssl-1.0'), ssl (reached directly or transitively,
 *                                    OL 25.0.0.6 list), sslVia, transportSecurity, product (z/OS or
 *                                    prefixed product features whose TLS effect is unknown) }
 *   model.variables / model.resolve('${x}/y')   → { text, unresolved }
 *
 * Rules get positions from attributes' ranges (already LSP positions, CR/CRLF-safe). Report only
 * on things `isLocal` says are in this file: the Finding type has no URI, so a range from another
 * file would land on the wrong lines.
 */
import type { ConfigFileReader } from '../types';
import { featureTls } from '../knowledge/libertyKeywords';
import type { ConfigElement, IncludeRecord, MergedAttribute, MergedConfig } from './merge';
import { mergeConfiguration } from './merge';
import type { Resolved, Variables } from './variables';
import { basename, canonicalUri, dirname, pathToUri, uriToPath } from './variables';
import type { XmlDocument, XmlElement } from './xml';
import { parseXml } from './xml';

export type { ConfigElement, IncludeRecord, MergedAttribute } from './merge';
export type { Resolved, VariableDefinition } from './variables';
export type { XmlAttribute, XmlComment, XmlDocument, XmlElement } from './xml';

export interface FeatureEntry {
  name: string;
  /** The `<feature>` element (in whichever file lists it). */
  element: XmlElement;
}

export interface FeatureFacts {
  entries: FeatureEntry[];
  /** Case-insensitive, as Liberty matches feature names. */
  has(name: string): boolean;
  /** ssl-1.0 is enabled: listed, or through transportSecurity-1.0 or a feature that enables it. */
  ssl: boolean;
  /** The feature that enables it (the first one found), for messages. */
  sslVia: string | undefined;
  transportSecurity: boolean;
  /**
   * Product features the Open Liberty list cannot speak for (`prefix:name`, `zos…`, `cicsts…`;
   * reference §11): they may enable TLS, so "no TLS feature" checks must stay quiet.
   */
  product: string[];
}

export class LibertyModel {
  readonly includes: IncludeRecord[];
  readonly variables: Variables;
  readonly features: FeatureFacts;
  readonly complete: boolean;
  private readonly merged: MergedConfig;
  private readonly byType = new Map<string, ConfigElement[]>();
  private readonly byXml = new Map<XmlElement, ConfigElement>();
  private readonly byKey = new Map<string, ConfigElement>();

  constructor(
    readonly documentUri: string,
    readonly document: XmlDocument,
    merged: MergedConfig,
    readonly isFragment: boolean,
    hasReader: boolean,
  ) {
    this.merged = merged;
    this.includes = merged.includes;
    this.variables = merged.variables;
    for (const el of merged.elements) {
      const list = this.byType.get(el.name) ?? [];
      list.push(el);
      this.byType.set(el.name, list);
      if (el.id !== undefined) {
        this.byKey.set(`${el.name}\u0000${el.id}`, el);
      }
      for (const d of el.declarations) {
        this.byXml.set(d, el);
      }
    }
    this.features = featureFacts(merged.features);
    this.complete =
      hasReader && merged.includes.every((i) => i.status === 'loaded' || i.status === 'optional-missing');
  }

  get rootUri(): string {
    return this.merged.rootUri;
  }

  get documents(): ReadonlyMap<string, XmlDocument> {
    return this.merged.documents;
  }

  elements(name?: string): readonly ConfigElement[] {
    return name === undefined ? this.merged.elements : (this.byType.get(name) ?? []);
  }

  byId(name: string, id: string): ConfigElement | undefined {
    return this.byKey.get(`${name}\u0000${id}`);
  }

  ids(name: string): string[] {
    return this.elements(name)
      .filter((e) => e.id !== undefined && !e.idGenerated)
      .map((e) => e.id!);
  }

  local(name?: string): ConfigElement[] {
    return this.elements(name).filter((e) => e.declarations.some((d) => d.uri === this.documentUri));
  }

  configOf(xml: XmlElement): ConfigElement | undefined {
    return this.byXml.get(xml);
  }

  isLocal(x: { uri?: string } | string | undefined): boolean {
    const uri = typeof x === 'string' ? x : x?.uri;
    return uri !== undefined && uri === this.documentUri;
  }

  reportable(
    a: MergedAttribute | undefined,
  ): a is MergedAttribute & { valueRange: NonNullable<MergedAttribute['valueRange']> } {
    return a !== undefined && !a.builtIn && !a.unresolved && a.valueRange !== undefined && this.isLocal(a);
  }

  resolve(text: string): Resolved {
    return this.variables.resolve(text);
  }
}

function featureFacts(entries: FeatureEntry[]): FeatureFacts {
  const lower = new Set(entries.map((e) => e.name.toLowerCase()));
  let sslVia: string | undefined;
  let transportSecurity = false;
  for (const e of entries) {
    const kind = featureTls(e.name).kind;
    if (kind === 'transportSecurity') {
      transportSecurity = true;
    }
    if (kind !== 'unknown' && sslVia === undefined) {
      sslVia = e.name;
    }
  }
  return {
    entries,
    has: (name) => lower.has(name.toLowerCase()),
    ssl: sslVia !== undefined,
    sslVia,
    transportSecurity,
    product: entries.filter((e) => isProductFeature(e.name)).map((e) => e.name),
  };
}

function isProductFeature(name: string): boolean {
  return featureTls(name).kind === 'unknown' && (/:/.test(name) || /^(zos|cicsts)/i.test(name.trim()));
}

/**
 * Builds the model for one document. A server.xml is its own root; another file is merged from
 * the first candidate server.xml (rootCandidates) whose merged configuration reads it, and is a
 * fragment when none does.
 */
export function buildLibertyModel(
  text: string,
  uri: string,
  reader: ConfigFileReader | undefined,
): LibertyModel {
  const here = canonicalUri(uri);
  const texts = new Map([[here, text]]);
  const path = uriToPath(here);
  const fromRoot = (rootUri: string): MergedConfig =>
    mergeConfiguration({ rootUri, texts, reader, serverDirectory: true });

  if (path !== undefined && basename(path).toLowerCase() === 'server.xml') {
    const merged = fromRoot(here);
    return new LibertyModel(here, merged.documents.get(here)!, merged, false, reader !== undefined);
  }
  if (path !== undefined && reader) {
    for (const candidate of rootCandidates(path, reader)) {
      const rootUri = canonicalUri(pathToUri(candidate));
      if (rootUri === here || safeRead(reader, rootUri) === undefined) {
        continue;
      }
      const merged = fromRoot(rootUri);
      const doc = merged.documents.get(here);
      if (doc) {
        return new LibertyModel(here, doc, merged, false, true);
      }
    }
  }
  const merged = mergeConfiguration({ rootUri: here, texts, reader, serverDirectory: false });
  const doc = merged.documents.get(here) ?? parseXml(text, here);
  return new LibertyModel(here, doc, merged, true, reader !== undefined);
}

/**
 * How many directories above the file's own are searched for a server.xml: enough for
 * `${server.config.dir}/includes/tls/x.xml` and configDropins/overrides/x.xml (two), bounded
 * because each candidate costs a merge of its whole configuration.
 */
const LEVELS_UP = 4;
/** Servers tried for a usr/shared/config file (each one merged); the rest stay unsearched. */
const MAX_SERVERS = 20;

/**
 * Where the server.xml reading `path` may be, nearest first: the file's directory and up to
 * LEVELS_UP above it (includes in sub-directories, configDropins/x/), then, for a file under
 * `<wlp.user.dir>/shared/config` (what ${shared.config.dir} names), the server.xml of each
 * `<wlp.user.dir>/servers/<name>/` the reader lists (a lister marks directories with a trailing `/`),
 * alphabetically.
 */
function rootCandidates(path: string, reader: ConfigFileReader): string[] {
  const out: string[] = [];
  let dir = dirname(path);
  for (let up = 0; up <= LEVELS_UP; up++) {
    out.push((dir === '/' ? '' : dir) + '/server.xml');
    if (dir === '/') {
      break;
    }
    dir = dirname(dir);
  }
  const shared = /^(.*)\/shared\/config(\/|$)/.exec(dirname(path));
  if (shared && reader.list) {
    const serversDir = shared[1] + '/servers';
    let names: string[] | undefined;
    try {
      names = reader.list(pathToUri(serversDir));
    } catch {
      names = undefined; // an adapter's I/O error: no server directory is known
    }
    const servers = [...(names ?? [])]
      .filter((n) => n.endsWith('/'))
      .map((n) => n.slice(0, -1))
      .filter((n) => n !== '' && !n.includes('/'))
      .sort()
      .slice(0, MAX_SERVERS);
    out.push(...servers.map((n) => `${serversDir}/${n}/server.xml`));
  }
  return out;
}
function safeRead(reader: ConfigFileReader, uri: string): string | undefined {
  try {
    return reader.read(uri);
  } catch {
    return undefined;
  }
}

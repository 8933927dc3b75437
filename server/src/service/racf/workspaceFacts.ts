// What each RACF document of a workspace creates — certificate labels and key rings, per owner —
// so that a SIGNWITH, CONNECT, REMOVE or LISTRING in one job can be satisfied by another job that
// creates the label or ring (issue 3). Pure data: the adapters (LSP index, CLI) read the files and
// hand the facts in; the rules read them through RacfModel.workspace.
import type { Range } from '../types';
import type { SourceText } from '../text/sourceText';
import type { RacfLanguage, RacfModel, RacfOwner } from './model';
import { sameOwner } from './model';
import { readRacf } from './read';

/** A label or ring name one document creates for an owner. */
export interface CreatedName {
  owner: RacfOwner;
  /** Case-exact, as written (labels and ring names are case-sensitive). */
  name: string;
  /** Holds a JCL symbol or placeholder: its final text is unknown, so it satisfies nothing elsewhere. */
  symbolic: boolean;
  /** The document that creates it, as its adapter names it. */
  uri: string;
  /** The name's range in that document. */
  range: Range;
}

/** What one document creates. */
export interface RacfFacts {
  uri: string;
  /** GENCERT, ADD, IMPORT, REKEY WITHLABEL and ALTER NEWLABEL. */
  labels: CreatedName[];
  /** ADDRING. */
  rings: CreatedName[];
  /**
   * CONNECTs, for hovers only: no rule reads them, so the index does not re-check the open
   * documents when only these change.
   */
  connections?: ConnectedName[];
}

/** A certificate one document connects to a ring (both names as written, non-symbolic). */
export interface ConnectedName {
  ringOwner: RacfOwner;
  ring: string;
  certOwner: RacfOwner;
  label: string;
  usage?: string;
  default: boolean;
  uri: string;
  /** The CONNECT(...) operand in that document. */
  range: Range;
}

/**
 * The facts of many documents, immutable: an adapter builds a new one when a document's facts
 * change. `generation` changes with it, so a cache of analyses can key on it.
 */
export interface RacfWorkspace {
  readonly generation: number;
  /** By documentKey(uri). */
  readonly documents: ReadonlyMap<string, RacfFacts>;
  /** The document being analysed (its documentKey): its own, possibly stale, facts are skipped. */
  readonly self?: string;
  /** lookupKey → the names created, for the lookups below. */
  readonly byName: ReadonlyMap<string, readonly CreatedName[]>;
}

/**
 * One key per file whatever form its uri arrives in: VS Code sends `file:///c%3A/x%20y.jcl` where
 * Node's pathToFileURL gives `file:///C:/x%20y.jcl`. Percent-escapes are decoded and a drive
 * letter lower-cased; anything else is kept (paths on z/OS UNIX and Linux are case-sensitive).
 */
export function documentKey(uri: string): string {
  let u = uri;
  try {
    u = decodeURIComponent(uri);
  } catch {
    // A malformed escape: the uri as given is still a stable key.
  }
  return u.replace(/^file:\/\/\/([A-Za-z]):/, (_m, d: string) => `file:///${d.toLowerCase()}:`);
}

function ownerKey(o: RacfOwner): string {
  // sameOwner: IDs are upper-cased by the model (user IDs are not case-sensitive).
  return o.kind === 'ID' ? `ID:${o.id}` : o.kind;
}

function lookupKey(kind: 'label' | 'ring', owner: RacfOwner, name: string): string {
  // Lower-cased so that a name differing only in case is found too (and reported as a mistake).
  return `${kind}|${ownerKey(owner)}|${name.toLowerCase()}`;
}

/** The labels and rings an analysed document creates. */
export function collectRacfFacts(uri: string, analysis: { model: RacfModel }): RacfFacts {
  const model = analysis.model;
  // As labelLookup's madeLabels: every command that leaves a certificate known by a label.
  const labels: CreatedName[] = model.effects.flatMap((e) =>
    (e.kind === 'certificate' || e.kind === 'relabel') && e.label
      ? [{ owner: e.owner, name: e.label.text, symbolic: e.label.symbolic, uri, range: e.label.range }]
      : [],
  );
  const rings: CreatedName[] = model.rings.flatMap((r) =>
    r.name
      ? [{ owner: r.owner, name: r.name.text, symbolic: r.name.symbolic, uri, range: r.name.range }]
      : [],
  );
  return { uri, labels, rings, connections: collectConnections(uri, model) };
}

/** The CONNECTs whose ring and label are both known text. */
function collectConnections(uri: string, model: RacfModel): ConnectedName[] {
  return model.connections.flatMap((c) =>
    c.ring && c.label && !c.ring.symbolic && !c.label.symbolic
      ? [
          {
            ringOwner: c.ringOwner,
            ring: c.ring.text,
            certOwner: c.certOwner,
            label: c.label.text,
            usage: c.usage?.value,
            default: c.default !== undefined,
            uri,
            range: c.range,
          },
        ]
      : [],
  );
}

/**
 * The facts of a document's text without running the rules: what an index needs for the many
 * files of a workspace that are not open.
 */
export function racfFactsOf(uri: string, text: string | SourceText, language: RacfLanguage): RacfFacts {
  const { model } = readRacf(text, language, { release: '3.1', today: new Date(0), fips: false });
  return collectRacfFacts(uri, { model });
}

/** A workspace of the given documents' facts (a later document with the same key replaces one). */
export function createRacfWorkspace(facts: Iterable<RacfFacts>, generation = 0): RacfWorkspace {
  const documents = new Map<string, RacfFacts>();
  for (const f of facts) {
    documents.set(documentKey(f.uri), f);
  }
  const byName = new Map<string, CreatedName[]>();
  for (const f of documents.values()) {
    for (const [kind, list] of [
      ['label', f.labels],
      ['ring', f.rings],
    ] as const) {
      for (const c of list) {
        if (c.symbolic) {
          continue;
        }
        const k = lookupKey(kind, c.owner, c.name);
        const at = byName.get(k);
        if (at) {
          at.push(c);
        } else {
          byName.set(k, [c]);
        }
      }
    }
  }
  return { generation, documents, byName };
}

/** The same workspace seen from one document: that document's own facts are not consulted. */
export function excluding(workspace: RacfWorkspace, uri: string): RacfWorkspace {
  return { ...workspace, self: documentKey(uri) };
}

export interface WorkspaceSearch {
  /** Another document creates the name for that owner, case-exact: the reference is satisfied. */
  found?: CreatedName;
  /** Another document creates it for that owner in another case only (names are case-sensitive). */
  caseOnly?: CreatedName;
}

/**
 * Looks a label or ring up in the other documents of the workspace, for exactly the owner given
 * (jobs run under different users, so the issuer of one job says nothing about another's).
 */
export function searchWorkspace(
  workspace: RacfWorkspace | undefined,
  kind: 'label' | 'ring',
  owner: RacfOwner,
  name: string,
): WorkspaceSearch {
  if (!workspace) {
    return {};
  }
  const others = (workspace.byName.get(lookupKey(kind, owner, name)) ?? []).filter(
    (c) => documentKey(c.uri) !== workspace.self,
  );
  const found = others.find((c) => c.name === name);
  return found ? { found } : { caseOnly: others[0] };
}

/** How a message names another document: the last segment of its path, decoded. */
export function documentName(uri: string): string {
  const key = documentKey(uri).replace(/[?#].*$/, '');
  const seg = key.split(/[/\\]/).filter((s) => s !== '');
  return seg[seg.length - 1] ?? uri;
}

/**
 * What the other documents of the workspace connect to a ring, or where they connect a
 * certificate: same owner, case-exact names. A scan of every document, for hovers only.
 */
export function connectionsElsewhere(
  workspace: RacfWorkspace | undefined,
  kind: 'label' | 'ring',
  owner: RacfOwner,
  name: string,
): ConnectedName[] {
  if (!workspace) {
    return [];
  }
  const out: ConnectedName[] = [];
  for (const [key, f] of workspace.documents) {
    if (key === workspace.self) {
      continue;
    }
    for (const c of f.connections ?? []) {
      const [o, n] = kind === 'ring' ? [c.ringOwner, c.ring] : [c.certOwner, c.label];
      if (n === name && sameOwner(o, owner)) {
        out.push(c);
      }
    }
  }
  return out;
}

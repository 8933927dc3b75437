// The real workspace lookup behind trace findings' related lines (issue 6): given the AT-TLS
// policies, RACF jobs and Liberty server.xml files a caller holds (open documents, a CLI --config
// directory), where each setting a trace/* rule names is written. It reads the language service's
// own analyses — the AT-TLS parse tree, the RACF command model, the Liberty merged configuration —
// once, into a map; a lookup is then a map read. Pure: the caller brings the texts (and, for
// Liberty includes, a ConfigFileReader).
import { createLanguageService } from '../index';
import type { ConfigFileReader } from '../types';
import type { AttlsModel } from '../attls/model';
import { paramValue } from '../attls/model';
import { walk } from '../attls/parser';
import { maskSecret } from '../attls/effectivePolicy';
import type { RacfModel } from '../racf/model';
import type { Operand, Value } from '../racf/ast';
import { racdcertCall } from '../racf/rules/commandHelpers';
import type { LibertyModel } from '../liberty/model';
import { libertyAttribute } from '../knowledge/libertyKeywords';
import { passwordMask } from '../knowledge/libertyInfo';
import type { SettingKind, SettingLocation, SettingLookup } from './rules/settings';

export interface SettingDocument {
  uri: string;
  text: string;
  languageId?: string;
}

export interface SettingLookupOptions {
  /** How a Liberty server.xml reads its includes and configDropins (the CLI's disk reader, the LSP's). */
  configFiles?: ConfigFileReader;
}

/** A value longer than this is cut in the related message (a cipher list may run to a kilobyte). */
const VALUE_CHARS = 80;

const keyOf = (kind: SettingKind, name: string): string => `${kind}\u0000${name.toLowerCase()}`;

function short(value: string | undefined): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  const v = value.replace(/\s+/g, ' ').trim();
  return v.length > VALUE_CHARS ? `${v.slice(0, VALUE_CHARS - 1)}…` : v;
}

/**
 * Builds the lookup. Documents that are none of our languages are passed over; each one is
 * analysed through the facade, so language detection, the size cap and unreadable text behave as
 * in the editor and `zos-tls check`.
 */
export function createSettingLookup(
  docs: readonly SettingDocument[],
  options: SettingLookupOptions = {},
): SettingLookup {
  const index = new Map<string, SettingLocation[]>();
  const seen = new Set<string>();
  const add = (kind: SettingKind, name: string, uri: string, line: number, value?: string): void => {
    const key = keyOf(kind, name);
    const v = short(value);
    // One place once: a Liberty include read by two given server.xml files, or given itself too.
    const id = `${key}\u0000${uri}\u0000${line}\u0000${v ?? ''}`;
    if (seen.has(id)) {
      return;
    }
    seen.add(id);
    const list = index.get(key) ?? [];
    list.push(v === undefined ? { uri, line } : { uri, line, value: v });
    index.set(key, list);
  };

  const service = createLanguageService();
  // A server.xml merges its includes: reading it first lets an include given on its own be skipped.
  const ordered = [...docs].sort((a, b) => Number(!isServerXml(a.uri)) - Number(!isServerXml(b.uri)));
  const merged = new Set<string>();
  for (const doc of ordered) {
    // languageOf looks at the head only: an open trace or log is passed over before analyze would
    // scan all of its text for unreadable bytes.
    if (merged.has(doc.uri) || service.languageOf(doc) === undefined) {
      continue;
    }
    const analysis = service.analyze(doc, { configFiles: options.configFiles });
    service.forget(doc.uri);
    if (analysis.attls) {
      indexAttls(analysis.attls.model, doc.uri, add);
    } else if (analysis.racf) {
      indexRacf(analysis.racf.model, doc.uri, add);
    } else if (analysis.liberty) {
      indexLiberty(analysis.liberty.model, add);
      for (const uri of analysis.liberty.model.documents.keys()) {
        merged.add(uri);
      }
    }
  }
  // Each list in file order, so the first related line is the first the user meets (a RACF job's
  // RDEFINE before its PERMIT, though the model lists permits first).
  const fileOrder = new Map<string, number>();
  for (const list of index.values()) {
    for (const at of list) {
      if (!fileOrder.has(at.uri)) {
        fileOrder.set(at.uri, fileOrder.size);
      }
    }
  }
  for (const list of index.values()) {
    list.sort((a, b) => fileOrder.get(a.uri)! - fileOrder.get(b.uri)! || a.line - b.line);
  }
  return (kind, name) => index.get(keyOf(kind, name)) ?? [];
}

type Add = (kind: SettingKind, name: string, uri: string, line: number, value?: string) => void;

function isServerXml(uri: string): boolean {
  return /(?:^|[/\\])server\.xml$/i.test(uri);
}

/** Every parameter line, inline blocks included (TTLSCipherParms inside an environment action). */
function indexAttls(model: AttlsModel, uri: string, add: Add): void {
  for (const node of walk(model.doc.nodes)) {
    if (node.kind === 'param') {
      const value = maskSecret(node.keyword.text, paramValue(node)) ?? paramValue(node);
      add('attls-parameter', node.keyword.text, uri, node.keyword.range.start.line, value);
    }
  }
}

/**
 * RACDCERT by function (CONNECT, GENCERT …) at the function keyword, and by each top-level keyword
 * (NISTECC, SIZE, WITHLABEL …) at its own line; PERMIT and RDEFINE/RALTER by profile
 * (IRR.DIGTCERT.LISTRING) and by class (RDATALIB), at the profile's line.
 */
function indexRacf(model: RacfModel, uri: string, add: Add): void {
  for (const cmd of model.racf) {
    const call = racdcertCall(cmd);
    if (!call) {
      continue;
    }
    if (call.fnOperand) {
      add(
        'racf-keyword',
        call.fn.name,
        uri,
        call.fnOperand.keyword.range.start.line,
        subfieldText(call.fnOperand),
      );
    }
    for (const o of call.operands) {
      if (o.name !== undefined) {
        add('racf-keyword', o.name, uri, o.op.keyword.range.start.line, subfieldText(o.op));
      }
    }
  }
  for (const p of model.permits) {
    if (!p.profile) {
      continue;
    }
    const value = [
      p.class ? `CLASS(${p.class})` : undefined,
      p.ids.length ? `ID(${p.ids.map((i) => i.text).join(' ')})` : undefined,
      p.access ? `ACCESS(${p.access})` : undefined,
      p.delete ? 'DELETE' : undefined,
    ]
      .filter((x) => x !== undefined)
      .join(' ');
    const line = p.profile.range.start.line;
    add('racf-keyword', p.profile.text, uri, line, `PERMIT ${value}`.trim());
    if (p.class) {
      add('racf-keyword', p.class, uri, line, `PERMIT ${p.profile.text} ${value}`);
    }
  }
  for (const r of model.resources) {
    if (!r.profile || (r.kind !== 'rdefine' && r.kind !== 'ralter')) {
      continue;
    }
    const what = `${r.kind.toUpperCase()}${r.class ? ` ${r.class}` : ''}`;
    const line = r.profile.range.start.line;
    add('racf-keyword', r.profile.text, uri, line, what);
    if (r.class) {
      add('racf-keyword', r.class, uri, line, `${what} ${r.profile.text}`);
    }
  }
}

const isPasswordKeyword = (o: Operand): boolean => /^PASSW/.test(o.keyword.upper);

/** A subfield as written, continuations joined; a PASSWORD(...) anywhere inside is not shown. */
function subfieldText(op: Operand): string | undefined {
  if (isPasswordKeyword(op)) {
    return undefined;
  }
  return op.open ? `(${op.values.map(valueText).join(' ')})` : undefined;
}

function valueText(v: Value): string {
  if (v.kind === 'word') {
    return v.text;
  }
  if (v.kind === 'quoted') {
    return v.raw;
  }
  if (isPasswordKeyword(v)) {
    return `${v.keyword.text}(********)`;
  }
  return `${v.keyword.text}${v.open ? `(${v.values.map(valueText).join(' ')})` : ''}`;
}

/**
 * The merged configuration's written attributes as `element.attribute` (a nested <trustStore> is a
 * keyStore, as Liberty reads it), in whichever file wrote them; built-in defaults are written nowhere.
 */
function indexLiberty(model: LibertyModel, add: Add): void {
  for (const el of model.elements()) {
    for (const a of el.attributes.values()) {
      if (a.builtIn || a.uri === undefined || a.range === undefined) {
        continue;
      }
      const secret = libertyAttribute(el.name, a.name)?.password || /password/i.test(a.name);
      add(
        'liberty-attribute',
        `${el.name}.${a.name}`,
        a.uri,
        a.range.start.line,
        secret ? passwordMask(a.value) : a.value,
      );
    }
  }
}

// Liberty `${name}` variables: where they come from and what a value becomes once they are
// substituted. Sources, lowest precedence first (Open Liberty docs, "Configuration variables" in
// S-DOC-CFG's server configuration overview): `<variable defaultValue=>`, environment variables
// (here: server.env, the only environment an offline checker can see), bootstrap.properties,
// `<variable value=>`; the directories the runtime sets (`server.config.dir`, …) cannot be
// overridden. A value that still holds `${…}` or a Go-template `{{ }}` after substitution is
// "unresolved": the schema accepts any such value (liberty-reference.json meta.conventions), so no
// rule may call it invalid.
import type { Range } from '../types';
import type { XmlElement } from './xml';
import { attrOf } from './xml';

export interface Resolved {
  /** The value with every variable that is known substituted. */
  text: string;
  /** Still holds `${…}` (an unknown variable) or a template placeholder `{{ … }}`. */
  unresolved: boolean;
}

export type VariableOrigin = 'defaultValue' | 'server.env' | 'bootstrap.properties' | 'variable' | 'runtime';

export interface VariableDefinition {
  name: string;
  value: string;
  origin: VariableOrigin;
  /** The file that defines it (absent for the runtime's directories). */
  uri?: string;
  /** The `value`/`defaultValue` attribute or the properties line. */
  range?: Range;
}

const PRECEDENCE: Record<VariableOrigin, number> = {
  defaultValue: 0,
  'server.env': 1,
  'bootstrap.properties': 2,
  variable: 3,
  runtime: 4,
};

const REFERENCE = /\$\{([^${}]*)\}/g;
const TEMPLATE = /\{\{.*?\}\}/s;
const MAX_DEPTH = 8;

export class Variables {
  private readonly defs = new Map<string, VariableDefinition>();
  private readonly env = new Map<string, VariableDefinition>();

  /** Adds a definition unless one of higher precedence is already there (equal: the later wins). */
  define(def: VariableDefinition): void {
    const old = this.defs.get(def.name);
    if (!old || PRECEDENCE[def.origin] >= PRECEDENCE[old.origin]) {
      this.defs.set(def.name, def);
    }
    if (def.origin === 'server.env') {
      this.env.set(def.name, def);
    }
  }

  /**
   * The definition `${name}` uses. `env.X` reads server.env; a plain name not defined otherwise
   * falls back to the environment as Liberty does, also under its environment spelling
   * (non-alphanumerics as `_`, then upper case: `${my.port}` ← `MY_PORT`).
   */
  get(name: string): VariableDefinition | undefined {
    if (name.startsWith('env.')) {
      return this.env.get(name.slice(4));
    }
    const direct = this.defs.get(name);
    if (direct) {
      return direct;
    }
    const underscored = name.replace(/[^A-Za-z0-9_]/g, '_');
    return this.env.get(underscored) ?? this.env.get(underscored.toUpperCase());
  }

  names(): string[] {
    return [...this.defs.keys()];
  }

  resolve(text: string): Resolved {
    let out = text;
    for (let depth = 0; depth < MAX_DEPTH && out.includes('${'); depth++) {
      let changed = false;
      out = out.replace(REFERENCE, (whole, name: string) => {
        const def = this.get(name.trim());
        if (!def) {
          return whole;
        }
        changed = true;
        return def.value;
      });
      if (!changed) {
        break;
      }
    }
    return { text: out, unresolved: hasReference(out) || TEMPLATE.test(out) };
  }
}

/** `${` with a closing brace later: a reference, even a malformed or nested one. */
function hasReference(text: string): boolean {
  const at = text.indexOf('${');
  return at >= 0 && text.indexOf('}', at) > 0;
}

/** `KEY=VALUE` lines of server.env and bootstrap.properties (`#`/`!` comments; `:` also in properties). */
export function parseProperties(
  text: string,
  properties: boolean,
): { name: string; value: string; line: number; start: number; end: number }[] {
  const out: { name: string; value: string; line: number; start: number; end: number }[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, line) => {
    const trimmed = raw.trimStart();
    if (trimmed === '' || trimmed.startsWith('#') || (properties && trimmed.startsWith('!'))) {
      return;
    }
    const sep = properties ? /[=:]/.exec(trimmed) : /=/.exec(trimmed);
    if (!sep) {
      return;
    }
    const name = trimmed.slice(0, sep.index).trim();
    if (name === '') {
      return;
    }
    let value = trimmed.slice(sep.index + 1).trim();
    if (!properties && /^(["']).*\1$/.test(value)) {
      value = value.slice(1, -1);
    }
    out.push({ name, value, line, start: raw.length - trimmed.length, end: raw.length });
  });
  return out;
}

// ---- file: URIs and paths. The service reads nothing itself; these only compute the names the
// ConfigFileReader is asked for, so one canonical spelling per file keeps documents and cycles
// keyed consistently whatever encoding the editor used.

/** The decoded path of a file: URI (`file:///a%20b/x.xml` → `/a b/x.xml`); undefined for other schemes. */
export function uriToPath(uri: string): string | undefined {
  const m = /^file:\/\/[^/]*(\/.*)?$/i.exec(uri);
  if (!m) {
    return undefined;
  }
  try {
    return normalizePath(decodeURIComponent(m[1] ?? '/'));
  } catch {
    return normalizePath(m[1] ?? '/');
  }
}

export function pathToUri(path: string): string {
  const p = normalizePath(path.replace(/\\/g, '/'));
  return 'file://' + (p.startsWith('/') ? '' : '/') + p.split('/').map(encodeURIComponent).join('/');
}

/** The canonical form of a file: URI (other URIs are returned as they are). */
export function canonicalUri(uri: string): string {
  const p = uriToPath(uri);
  return p === undefined ? uri : pathToUri(p);
}

/** `.` and `..` segments and doubled slashes removed; `..` never climbs above the root. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') {
      continue;
    }
    if (seg === '..') {
      parts.pop();
    } else {
      parts.push(seg);
    }
  }
  return (absolute ? '/' : '') + parts.join('/');
}

export function dirname(path: string): string {
  const p = normalizePath(path);
  const at = p.lastIndexOf('/');
  return at <= 0 ? '/' : p.slice(0, at);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** An absolute path as it is; otherwise joined to `dir`. Windows drive paths count as absolute. */
export function resolvePath(dir: string, location: string): string {
  const loc = location.replace(/\\/g, '/');
  if (loc.startsWith('/')) {
    return normalizePath(loc);
  }
  if (/^[A-Za-z]:\//.test(loc)) {
    return normalizePath('/' + loc);
  }
  return normalizePath(dir + '/' + loc);
}

/**
 * The directories the runtime defines, from where the root server.xml lives. `wlp.user.dir` is
 * known only when the server sits in the standard `<wlp.user.dir>/servers/<name>/` layout.
 * `server.output.dir` equals the config directory unless WLP_OUTPUT_DIR is set (server.env).
 */
export function runtimeDirectories(rootUri: string, serverEnv?: Map<string, string>): VariableDefinition[] {
  const path = uriToPath(rootUri);
  if (path === undefined) {
    return [];
  }
  const configDir = dirname(path);
  const defs: VariableDefinition[] = [{ name: 'server.config.dir', value: configDir, origin: 'runtime' }];
  const outputRoot = serverEnv?.get('WLP_OUTPUT_DIR');
  defs.push({
    name: 'server.output.dir',
    value: outputRoot ? normalizePath(outputRoot + '/' + basename(configDir)) : configDir,
    origin: 'runtime',
  });
  const serversDir = dirname(configDir);
  if (basename(serversDir) === 'servers') {
    const userDir = dirname(serversDir);
    defs.push(
      { name: 'wlp.user.dir', value: userDir, origin: 'runtime' },
      { name: 'shared.config.dir', value: userDir + '/shared/config', origin: 'runtime' },
      { name: 'shared.resource.dir', value: userDir + '/shared/resources', origin: 'runtime' },
      { name: 'shared.app.dir', value: userDir + '/shared/apps', origin: 'runtime' },
    );
  }
  return defs;
}

/** `<variable name= value= defaultValue=>` elements, in the order the merged configuration reads them. */
export function defineFromElements(vars: Variables, elements: Iterable<XmlElement>): void {
  for (const el of elements) {
    const name = attrOf(el, 'name')?.value;
    if (!name) {
      continue;
    }
    const value = attrOf(el, 'value');
    const fallback = attrOf(el, 'defaultValue');
    if (fallback) {
      vars.define({
        name,
        value: fallback.value,
        origin: 'defaultValue',
        uri: el.uri,
        range: fallback.valueRange,
      });
    }
    if (value) {
      vars.define({ name, value: value.value, origin: 'variable', uri: el.uri, range: value.valueRange });
    }
  }
}

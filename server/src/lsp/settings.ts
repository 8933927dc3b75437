// The user's zosTls settings, from initializationOptions, then `workspace/configuration` when the
// client has it, else from the payload of `workspace/didChangeConfiguration`. Whatever arrives is
// validated value by value: a typo in one rule's severity must not switch the other rules off.
import type { Connection, InitializeParams } from 'vscode-languageserver';
import { DidChangeConfigurationNotification } from 'vscode-languageserver';
import type { AnalyzeOptions } from '../service';
import type { RuleSettingValue, ZosReleaseValue, ZosTlsSettings } from '../protocol/settings';
import {
  DEFAULT_ZOS_RELEASE,
  RULE_SETTING_VALUES,
  SETTINGS_SECTION,
  ZOS_RELEASE_VALUES,
} from '../protocol/settings';
import { formatError } from './runSafe';

export function defaultSettings(): ZosTlsSettings {
  return { zosRelease: DEFAULT_ZOS_RELEASE, rules: {} };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const RULE_ID = /^[a-z]+\/[a-z0-9-]+$/;

/**
 * Reads a `zosTls` section. Values that are not allowed are dropped (the default applies); a
 * release may also arrive as a number (2.5) from hand-written JSON. Returns the problems found so
 * that they can be logged once.
 */
export function parseSettings(
  raw: unknown,
  base: ZosTlsSettings = defaultSettings(),
): {
  settings: ZosTlsSettings;
  problems: string[];
} {
  const problems: string[] = [];
  const settings: ZosTlsSettings = {
    zosRelease: base.zosRelease,
    rules: { ...base.rules },
    ...(base.fips !== undefined ? { fips: base.fips } : {}),
    ...(base.codes !== undefined ? { codes: { ...base.codes } } : {}),
  };
  if (raw === undefined || raw === null) {
    return { settings, problems };
  }
  if (!isRecord(raw)) {
    problems.push(`the ${SETTINGS_SECTION} settings are not an object; ignored`);
    return { settings, problems };
  }
  if ('zosRelease' in raw && raw.zosRelease !== undefined && raw.zosRelease !== null) {
    const r = typeof raw.zosRelease === 'number' ? raw.zosRelease.toFixed(1) : raw.zosRelease;
    if (typeof r === 'string' && (ZOS_RELEASE_VALUES as readonly string[]).includes(r.trim())) {
      settings.zosRelease = r.trim() as ZosReleaseValue;
    } else {
      problems.push(
        `zosTls.zosRelease ${JSON.stringify(raw.zosRelease)} is not one of ${ZOS_RELEASE_VALUES.join(', ')}; using ${settings.zosRelease}`,
      );
    }
  }
  if ('rules' in raw && raw.rules !== undefined && raw.rules !== null) {
    if (isRecord(raw.rules)) {
      settings.rules = {};
      for (const [id, value] of Object.entries(raw.rules)) {
        const v = typeof value === 'string' ? value.trim().toLowerCase() : value;
        // 'info' and 'warn' are what eslint users type.
        const normalized = v === 'info' ? 'information' : v === 'warn' ? 'warning' : v;
        if (!RULE_ID.test(id)) {
          problems.push(`zosTls.rules: ${JSON.stringify(id)} is not a rule id (like attls/syntax); ignored`);
        } else if (
          typeof normalized === 'string' &&
          (RULE_SETTING_VALUES as readonly string[]).includes(normalized)
        ) {
          settings.rules[id] = normalized as RuleSettingValue;
        } else {
          problems.push(
            `zosTls.rules[${id}] ${JSON.stringify(value)} is not one of ${RULE_SETTING_VALUES.join(', ')}; ignored`,
          );
        }
      }
    } else {
      problems.push('zosTls.rules is not an object of rule id → severity; ignored');
    }
  }
  if ('fips' in raw && raw.fips !== undefined && raw.fips !== null) {
    // "true"/"false" arrive as strings from hand-written JSON or an environment-driven client config.
    const f = readBoolean(raw.fips);
    if (f === 'invalid') {
      problems.push(
        `zosTls.fips ${JSON.stringify(raw.fips)} is not true or false; using ${settings.fips === true}`,
      );
    } else if (f !== undefined) {
      settings.fips = f;
    }
  }
  if ('codes' in raw && raw.codes !== undefined && raw.codes !== null) {
    const hover = isRecord(raw.codes) ? readBoolean(raw.codes.hover) : 'invalid';
    if (hover === 'invalid') {
      problems.push(
        `zosTls.codes.hover ${JSON.stringify(isRecord(raw.codes) ? raw.codes.hover : raw.codes)} is not true or false; using ${codesHover(settings)}`,
      );
    } else if (hover !== undefined) {
      settings.codes = { hover };
    }
  }
  return { settings, problems };
}

/** true/false, also as the strings hand-written JSON has; undefined when absent. */
function readBoolean(v: unknown): boolean | undefined | 'invalid' {
  const b = typeof v === 'string' ? v.trim().toLowerCase() : v;
  if (b === undefined || b === null) {
    return undefined;
  }
  if (typeof b === 'boolean') {
    return b;
  }
  return b === 'true' || b === 'false' ? b === 'true' : 'invalid';
}

/** zosTls.codes.hover, true unless set to false. */
export function codesHover(s: ZosTlsSettings): boolean {
  return s.codes?.hover !== false;
}

/** The section inside initializationOptions: `{ zosTls: {...} }`, or the section itself. */
function sectionOf(options: unknown): unknown {
  if (isRecord(options) && isRecord(options[SETTINGS_SECTION])) {
    return options[SETTINGS_SECTION];
  }
  if (
    isRecord(options) &&
    ('zosRelease' in options || 'rules' in options || 'fips' in options || 'codes' in options)
  ) {
    return options;
  }
  return undefined;
}

export function toAnalyzeOptions(s: ZosTlsSettings): AnalyzeOptions {
  return { release: s.zosRelease, rules: s.rules, fips: s.fips === true };
}

export interface SettingsStore {
  /** Reads initializationOptions and what the client can do; call from the initialize handler. */
  initialize(params: InitializeParams): void;
  /** Registers for changes and asks the client for the settings; call from the initialized handler. */
  initialized(): void;
  /** The current settings; waits for the first `workspace/configuration` answer when one is pending. */
  get(): Promise<ZosTlsSettings>;
  /** Called after the settings changed (the server re-validates every open document). */
  onDidChange(listener: () => void): void;
}

export function createSettingsStore(connection: Connection): SettingsStore {
  // What initializationOptions said: the base that `workspace/configuration` refines, so a client
  // that answers the pull with nothing (Neovim without `settings`) keeps them.
  let initial = defaultSettings();
  let current = initial;
  let pullSupported = false;
  let dynamicRegistration = false;
  let pending: Promise<ZosTlsSettings> | undefined;
  const listeners: (() => void)[] = [];

  const logProblems = (where: string, problems: string[]): void => {
    for (const p of problems) {
      connection.console.warn(`zos-tls settings (${where}): ${p}`);
    }
  };

  const changed = (): void => {
    for (const l of listeners) {
      try {
        l();
      } catch (e) {
        connection.console.error(formatError('zos-tls: settings listener failed', e));
      }
    }
  };

  const pull = (): Promise<ZosTlsSettings> => {
    const p: Promise<ZosTlsSettings> = connection.workspace
      .getConfiguration({ section: SETTINGS_SECTION })
      .then(
        (raw: unknown) => {
          const { settings, problems } = parseSettings(raw, initial);
          logProblems('workspace/configuration', problems);
          current = settings;
          return current;
        },
        (e: unknown) => {
          connection.console.error(formatError('zos-tls: workspace/configuration failed', e));
          return current;
        },
      )
      .finally(() => {
        if (pending === p) {
          pending = undefined;
        }
      });
    pending = p;
    return p;
  };

  connection.onDidChangeConfiguration((params) => {
    if (pullSupported) {
      void pull().then(changed);
      return;
    }
    const raw: unknown = isRecord(params.settings) ? params.settings[SETTINGS_SECTION] : undefined;
    if (raw === undefined) {
      return;
    }
    const { settings, problems } = parseSettings(raw, initial);
    logProblems('workspace/didChangeConfiguration', problems);
    current = settings;
    changed();
  });

  return {
    initialize(params) {
      const { settings, problems } = parseSettings(sectionOf(params.initializationOptions));
      logProblems('initializationOptions', problems);
      initial = settings;
      current = settings;
      pullSupported = params.capabilities.workspace?.configuration === true;
      dynamicRegistration =
        params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    },
    initialized() {
      if (dynamicRegistration) {
        // Without this registration VS Code sends didChangeConfiguration with no section at all.
        connection.client
          .register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
          .catch((e: unknown) => connection.console.error(formatError('zos-tls: registration failed', e)));
      }
      if (pullSupported) {
        void pull().then(changed);
      }
    },
    get: () => pending ?? Promise.resolve(current),
    onDidChange: (listener) => {
      listeners.push(listener);
    },
  };
}

// Setting names and their allowed values, shared by the client (package.json contributions,
// configuration middleware) and the server (which validates whatever arrives).

/** The configuration section: `workspace/configuration` is asked for this section. */
export const SETTINGS_SECTION = 'zosTls';

export const SETTING_NAMES = {
  zosRelease: 'zosTls.zosRelease',
  rules: 'zosTls.rules',
} as const;

export const ZOS_RELEASE_VALUES = ['2.4', '2.5', '3.1', '3.2'] as const;
export type ZosReleaseValue = (typeof ZOS_RELEASE_VALUES)[number];
export const DEFAULT_ZOS_RELEASE: ZosReleaseValue = '3.1';

export const RULE_SETTING_VALUES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleSettingValue = (typeof RULE_SETTING_VALUES)[number];

/** The `zosTls` section as the server uses it, after validation. */
export interface ZosTlsSettings {
  zosRelease: ZosReleaseValue;
  /** Rule id → severity or 'off'. */
  rules: Record<string, RuleSettingValue>;
  /**
   * The programs that use the key rings run System SSL in FIPS mode. RACDCERT has no FIPS switch of
   * its own, so only the user can say so; it turns on racf/fips-key. Absent means false.
   */
  fips?: boolean;
  /**
   * `zosTls.codes.hover`: hover on return, reason, alert and message codes in plain-text and log
   * documents (*.log, *.trc, *.txt, Zowe documents). Absent means true. Comments of our languages
   * always explain their codes.
   */
  codes?: { hover?: boolean };
}

/**
 * `initializationOptions` the server understands: the `zosTls` section, so that clients without
 * `workspace/configuration` (or a test) can still set the release and rules at start.
 */
export interface ZosTlsInitializationOptions {
  zosTls?: Partial<ZosTlsSettings>;
  /** False in an untrusted workspace: the server then reads no file the user did not open. */
  trusted?: boolean;
}

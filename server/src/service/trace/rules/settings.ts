// The configuration settings the trace/* findings point at (issue 6): each names the AT-TLS
// parameter, RACF keyword or Liberty attribute to change, links to its reference page (the
// knowledge modules' source URLs, never a URL of our own), and, when the caller passes a workspace
// lookup, to the lines of the open or indexed configuration that set it.
import { paramDef, sourceUrl as attlsSourceUrl } from '../../knowledge/attlsKeywords';
import { libertyAttribute, libertySourceUrl } from '../../knowledge/libertyKeywords';
import { facilityResource, racdcertFunction, sourceUrl as racfSourceUrl } from '../../knowledge/racfKeywords';
import type { RelatedInfo } from '../../types';
import { rangeOf } from '../../types';

export type SettingKind = 'attls-parameter' | 'racf-keyword' | 'liberty-attribute';

/** Where the workspace sets a setting: a document and a 0-based line, with the value if read. */
export interface SettingLocation {
  uri: string;
  line: number;
  value?: string;
}

/**
 * The workspace lookup a caller (LSP server, CLI with a config directory) may pass: every place the
 * configuration it holds sets `name`. Names: AT-TLS parameter (`FIPS140`), RACF keyword or resource
 * (`CONNECT`, `IRR.DIGTCERT.LISTRING`), Liberty `element.attribute` (`ssl.enabledCiphers`).
 */
export type SettingLookup = (kind: SettingKind, name: string) => readonly SettingLocation[];

export interface Setting {
  kind: SettingKind;
  name: string;
  /** How the finding's text names it. */
  label: string;
  href: string | undefined;
}

function attls(statement: string, name: string): Setting {
  return {
    kind: 'attls-parameter',
    name,
    label: `AT-TLS ${statement} ${name}`,
    href: attlsSourceUrl(paramDef(statement, name)?.source),
  };
}

function racdcert(fn: string): Setting {
  return {
    kind: 'racf-keyword',
    name: fn,
    label: `RACDCERT ${fn}`,
    href: racfSourceUrl(racdcertFunction(fn)?.source),
  };
}

function facility(resource: string): Setting {
  return {
    kind: 'racf-keyword',
    name: resource,
    label: `FACILITY ${resource}`,
    href: racfSourceUrl(facilityResource(resource)?.source),
  };
}

function liberty(element: string, attribute: string): Setting {
  return {
    kind: 'liberty-attribute',
    name: `${element}.${attribute}`,
    label: `server.xml <${element} ${attribute}>`,
    href: libertySourceUrl(libertyAttribute(element, attribute)?.sources.join(' ')),
  };
}

export const SETTINGS = {
  fips140: attls('TTLSGroupAction', 'FIPS140'),
  v3CipherSuites: attls('TTLSCipherParms', 'V3CipherSuites'),
  v3CipherSuites4Char: attls('TTLSCipherParms', 'V3CipherSuites4Char'),
  tlsv13: attls('TTLSEnvironmentAdvancedParms', 'TLSv1.3'),
  tlsv12: attls('TTLSEnvironmentAdvancedParms', 'TLSv1.2'),
  clientAuthType: attls('TTLSEnvironmentAdvancedParms', 'ClientAuthType'),
  signaturePairs: attls('TTLSSignatureParms', 'SignaturePairs'),
  keyring: attls('TTLSKeyringParms', 'Keyring'),
  connect: racdcert('CONNECT'),
  gencert: racdcert('GENCERT'),
  listring: facility('IRR.DIGTCERT.LISTRING'),
  enabledCiphers: liberty('ssl', 'enabledCiphers'),
  sslProtocol: liberty('ssl', 'sslProtocol'),
  clientAuthentication: liberty('ssl', 'clientAuthentication'),
  trustStoreRef: liberty('ssl', 'trustStoreRef'),
  keyStoreLocation: liberty('keyStore', 'location'),
} satisfies Record<string, Setting>;

/** Most related lines listed per finding (a workspace may set FIPS140 in many groups). */
const MAX_RELATED = 20;

/** The workspace lines that set these settings, as related information (none without a lookup). */
export function relatedSettings(
  lookup: SettingLookup | undefined,
  settings: readonly Setting[],
): RelatedInfo[] {
  const out: RelatedInfo[] = [];
  if (!lookup) {
    return out;
  }
  for (const s of settings) {
    for (const at of lookup(s.kind, s.name)) {
      if (out.length >= MAX_RELATED) {
        return out;
      }
      out.push({
        uri: at.uri,
        range: rangeOf(at.line, 0, 0),
        message: `${s.label}${at.value !== undefined ? ` ${at.value}` : ''} is set here`,
      });
    }
  }
  return out;
}

/** The first of the settings with a reference page. */
export function hrefOf(...settings: Setting[]): string | undefined {
  return settings.find((s) => s.href)?.href;
}

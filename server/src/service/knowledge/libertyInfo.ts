// Markdown explanations of Liberty server.xml TLS configuration for hovers and diagnostics. Every fact
// comes from the Liberty reference (liberty-reference.json via libertyKeywords) with its source links;
// key ring access comes from the RACF reference (racfKeywords) and cipher suite facts from the cipher
// table shared with AT-TLS (attlsKeywords/cipherInfo). Facts the reference marks uncertain, inferred
// or of low/medium confidence say "uncertain" wherever they are shown. Pure: no I/O.
//
// API summary (issue 4):
//   libertySourcesMarkdown(ids)          "Source: [S-XSD](url), S-CONST (description)"
//   elementMarkdown(name, parent?)       <ssl>, <keyStore>, nested <trustStore> ...
//   attributeMarkdown(element, attr)     meaning, type, values, default, reference target, link
//   keyringUrlMarkdown(url)              whose ring it names, its type, the RACF access the server needs
//   protocolMarkdown(entry)              one sslProtocol value
//   libertyCipherMarkdown(name)          one enabledCiphers entry (Java/JSSE name, SSL_ alias)
//   libertyMessageMarkdown(id)           CWPKI…/CWWKO…/CWWKS… message ids the reference lists
//   featureMarkdown(name)                a <feature> entry and what it means for TLS
//   passwordMask(value)                  a password as it may be shown: never in full
import type { LibertyAttributeDef, LibertyElementDef } from './libertyKeywords';
import {
  BUILT_IN_IDS,
  CIPHERS,
  CLIENT_AUTH,
  DEFAULT_INSTANCES,
  FEATURES_NOTES,
  FEATURES_SOURCES,
  HOSTNAME_VERIFICATION,
  KEYRING,
  KEYRING_SCHEMES,
  LIBERTY_ELEMENTS,
  LIBERTY_SOURCES,
  PASSWORDS,
  PASSWORD_ENCODINGS,
  SSL_PROTOCOL,
  TLS_FEATURES,
  childElement,
  classifyCipher,
  featureTls,
  inSecurityLevel,
  isUncertainText,
  libertyAttribute,
  libertyElement,
  libertyMessage,
  parseKeyringUrl,
  passwordEncodingOf,
  protocolFacts,
  referenceTarget,
  sourceIdsIn,
  sslAliasFailsOnJava11,
  tlsSpelling,
} from './libertyKeywords';
import { cipherByName } from './attlsKeywords';
import { sourcesMarkdown as cipherSourcesMarkdown } from './cipherInfo';
import { RDATALIB, permitNotes, racdcertFunction } from './racfKeywords';
import { racfSourcesMarkdown } from './racfInfo';

const UNCERTAIN = '⚠ **uncertain**';

/**
 * Source ids (a list, or any text citing them) rendered as links. Sources without a URL keep their
 * description, because that is what tells the reader how strong the evidence is.
 */
export function libertySourcesMarkdown(ids: readonly string[] | string | undefined): string {
  const list = typeof ids === 'string' || ids === undefined ? sourceIdsIn(ids) : [...new Set(ids)];
  if (!list.length) {
    return 'Source: not recorded in the reference.';
  }
  const parts = list.map((id) => {
    const s = LIBERTY_SOURCES.get(id);
    if (!s) {
      return id;
    }
    if (!s.url) {
      return `${id} (${s.text})`;
    }
    return s.title === id ? `[${id}](${s.url})` : `[${id}: ${s.title}](${s.url})`;
  });
  return `Source: ${parts.join(', ')}`;
}

const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

function uncertainNote(text: string | undefined): string | undefined {
  return isUncertainText(text)
    ? `${UNCERTAIN} — the reference marks part of the note above as unverified or inferred.`
    : undefined;
}

// ---------------------------------------------------------------------------------------------
// Elements

/**
 * An element of server.xml. `parent` resolves nested elements that reuse another type
 * (<ssl><trustStore> is a keyStore, <httpEndpoint><sslOptions> an sslOptions).
 */
export function elementMarkdown(name: string, parent?: string): string {
  const def = (parent ? childElement(parent, name) : undefined) ?? libertyElement(name);
  if (!def) {
    return `**<${name}>** — not a TLS element the Liberty reference describes.`;
  }
  const nested = parent && def.name !== name ? ` (nested in \`<${parent}>\`, a \`${def.name}\`)` : '';
  const lines = [`**<${name}>** — ${def.label}${nested}`, '', def.doc];
  if (parent) {
    const child = libertyElement(parent)?.children.get(name);
    if (child?.doc && child.doc !== def.doc) {
      lines.push('', child.doc);
    }
  }
  lines.push('', elementShape(def));
  const builtIn = BUILT_IN_IDS.get(def.name);
  if (builtIn?.length) {
    const inst = DEFAULT_INSTANCES.filter((d) => d.element === def.name);
    lines.push(
      '',
      `Always exists, even if no file writes it: ${inst
        .map(
          (d) =>
            `\`<${d.element} id="${d.id}"${Object.entries(d.attributes)
              .map(([k, v]) => ` ${k}="${v}"`)
              .join('')}/>\`${d.notes ? ` (${d.notes})` : ''}`,
        )
        .join('; ')}.`,
    );
  }
  if (def.notes) {
    lines.push('', def.notes);
  }
  const u = uncertainNote(def.notes);
  if (u) {
    lines.push('', u);
  }
  lines.push('', libertySourcesMarkdown(def.sources));
  return lines.join('\n');
}

function elementShape(def: LibertyElementDef): string {
  const parts = [
    `Attributes: ${[...def.attributes.keys()].map(code).join(' ')}`,
    def.runtimeOnlyAttributes.size
      ? `Also read by the runtime though not in the schema: ${[...def.runtimeOnlyAttributes.keys()].map(code).join(' ')}`
      : undefined,
    def.children.size
      ? `Nested elements: ${[...def.children.keys()].map((c) => `\`<${c}>\``).join(' ')}`
      : undefined,
    def.singleton ? 'One per server (singleton): it has no id.' : undefined,
  ];
  return parts.filter((p) => p !== undefined).join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// Attributes

const TYPE_TEXT: Record<string, string> = {
  pidType: 'the id of another element',
  booleanType: '`true` or `false`',
  enum: 'one of the listed values',
  password: 'a password (plain, `{xor}`, `{aes}`, `{custom}` or a `${variable}`)',
  location: 'a file path, a key ring URL or a device configuration file',
  duration: 'a duration such as `500ms`, `30s`, `1m30s`',
  secondDuration: 'a duration in hours, minutes or seconds such as `30s`, `1m30s`',
  intType: 'a whole number',
  'xsd:string': 'text',
  factoryIdType: 'a unique configuration id',
  'runtime-only': 'read by the runtime; the schema does not list it',
};

function typeText(type: string): string {
  const range = /^xsd:int \[(-?\d+)\.\.(-?\d+)\]$/.exec(type);
  return range ? `a whole number from ${range[1]} to ${range[2]}` : (TYPE_TEXT[type] ?? code(type));
}

function defaultText(a: LibertyAttributeDef): string | undefined {
  if (a.default !== undefined) {
    return a.default === '' ? 'empty' : code(a.default);
  }
  if (a.effectiveDefault) {
    return `${code(a.effectiveDefault)} (taken from another attribute when omitted)`;
  }
  if (a.defaultFromVariable) {
    return `the value of variable ${code(a.defaultFromVariable)}`;
  }
  return undefined;
}

/** What the reference adds about some attributes beyond their row: the facts their rules rest on. */
function attributeExtras(a: LibertyAttributeDef): { lines: string[]; sources: string[] } {
  const lines: string[] = [];
  const sources: string[] = [];
  const key = `${a.element}@${a.name}`;
  if (key === 'ssl@sslProtocol') {
    lines.push(
      `One value: ${SSL_PROTOCOL.singleValue}`,
      '',
      `A comma list may only hold ${SSL_PROTOCOL.listValues.map(code).join(', ')} (in FIPS 140-3 mode only ${SSL_PROTOCOL.listValuesFips1403.map(code).join(', ')}); anything else: ${SSL_PROTOCOL.listError}. Lists since ${SSL_PROTOCOL.introducedLists}.`,
      '',
      `Weak: ${SSL_PROTOCOL.weak.map(code).join(', ')}. JVM-default values: ${SSL_PROTOCOL.jvmDefaultValues.map(code).join(', ')} (and leaving it unset).`,
      '',
      `Blanks after commas: ${SSL_PROTOCOL.listParsing}${SSL_PROTOCOL.spacesUncertain ? ` — ${UNCERTAIN}` : ''}. Write \`TLSv1.2,TLSv1.3\`.`,
    );
    sources.push(...SSL_PROTOCOL.sources);
  } else if (key === 'ssl@enabledCiphers') {
    lines.push(
      `Names are separated by ${CIPHERS.separator === 'whitespace' ? 'blanks, not commas' : CIPHERS.separator}. ${CIPHERS.namingNote}.`,
      '',
      `TLS 1.3 suites: ${CIPHERS.tls13Suites.map(code).join(', ')}.`,
      '',
      'When set, `securityLevel` is ignored.',
    );
    sources.push(...CIPHERS.sources);
  } else if (key === 'ssl@securityLevel') {
    const f = CIPHERS.securityLevelFilters;
    lines.push(
      "What Liberty's filter selects (by name parts):",
      ...(['HIGH', 'MEDIUM', 'LOW'] as const).map(
        (l) =>
          `- \`${l}\`: names with ${f[l].include.map(code).join(' or ')}, except ${f[l].exclude.map(code).join(', ')}`,
      ),
      `- \`CUSTOM\`: the ${f.CUSTOM}`,
    );
    sources.push(...CIPHERS.sources);
  } else if (key === 'ssl@clientAuthentication' || key === 'ssl@clientAuthenticationSupported') {
    lines.push(
      `- \`clientAuthentication="true"\`: ${CLIENT_AUTH.clientAuthentication}`,
      `- \`clientAuthenticationSupported="true"\`: ${CLIENT_AUTH.clientAuthenticationSupported}`,
      `- Both: ${CLIENT_AUTH.both}`,
      `- Trust: ${CLIENT_AUTH.trust}`,
    );
    sources.push(...CLIENT_AUTH.sources);
  } else if (key === 'ssl@verifyHostname' || key === 'sslDefault@httpHostNameVerification') {
    lines.push(
      `\`ssl@verifyHostname\` defaults to \`${HOSTNAME_VERIFICATION.verifyHostnameDefault}\` since ${HOSTNAME_VERIFICATION.since}; turning it off logs ${HOSTNAME_VERIFICATION.disabledMessage}; a mismatch fails with ${HOSTNAME_VERIFICATION.failureMessage}. \`sslDefault@httpHostNameVerification\` (default \`${HOSTNAME_VERIFICATION.httpHostNameVerificationDefault}\`) is a separate check for HttpURLConnection only.`,
    );
    sources.push(...HOSTNAME_VERIFICATION.sources);
  } else if (a.password) {
    lines.push(
      '| Stored as | Strength | Usable here |',
      '|---|---|---|',
      ...[...PASSWORD_ENCODINGS.values()].map(
        (e) =>
          `| \`${e.encoding}\` | ${e.strength} | ${e.keyStoreOk ? 'yes' : '**no**'}${e.notes ? ` — ${e.notes}` : ''} |`,
      ),
      '',
      'Plain text works but can be read by anyone who can read the file.',
    );
    if (a.element === 'keyStore') {
      lines.push('', 'For a SAF key ring the password is not a secret: Liberty ignores it.');
    }
    sources.push(...PASSWORDS.sources);
  } else if (key === 'keyStore@location' || key === 'keyStore@type') {
    lines.push(
      '| `type` | Key ring URL scheme (Java 8 / Java 11+) |',
      '|---|---|',
      ...[...KEYRING_SCHEMES.values()]
        .filter((s) => s.java === '8')
        .map((s) => `| \`${s.type}\` | \`${s.scheme}://\` / \`${s.counterpart}://\` |`),
      '',
      `Key ring forms: ${KEYRING.forms.map((f) => `\`${f.pattern}\` ${f.meaning}`).join('; ')}. ${KEYRING.prefixConversion}`,
    );
    sources.push(...KEYRING.sources);
  }
  return { lines, sources };
}

/** An attribute of a TLS element: meaning, type, values, default, what it references, and the source. */
export function attributeMarkdown(element: string, attribute: string): string {
  const a = libertyAttribute(element, attribute);
  const ref = referenceTarget(element, attribute);
  if (!a) {
    if (ref) {
      return [
        `**${attribute}** on \`<${element}>\` — names the id of a \`<${ref.targetElement}>\``,
        '',
        ...(ref.notes ? [ref.notes, ''] : []),
        libertySourcesMarkdown(ref.sources),
      ].join('\n');
    }
    return `**${attribute}** — not an attribute of \`<${element}>\` that the Liberty reference describes.`;
  }
  const title = a.label ? `${a.label} (\`${element}@${attribute}\`)` : `\`${element}@${attribute}\``;
  const lines = [`**${attribute}** — ${title}`];
  if (a.doc) {
    lines.push('', `Schema description: ${a.doc}`);
  }
  const rows: [string, string][] = [['Value', typeText(a.type)]];
  const target = a.referencesElement ?? ref?.targetElement;
  if (target) {
    rows.push(['References', `the \`id\` of a \`<${target}>\` element`]);
  }
  if (a.values?.length) {
    rows.push(['Values', a.values.map((v) => `\`${v.value}\` ${v.doc}`).join('<br>')]);
  }
  if (a.knownValues?.length) {
    rows.push(['Known values', a.knownValues.map(code).join(' ')]);
  }
  const def = defaultText(a);
  rows.push(['Default', def ?? 'none']);
  if (a.use === 'required' || a.requiredInMetatype) {
    rows.push([
      'Required',
      a.use === 'required' ? 'yes' : 'yes, by the runtime metatype (the schema says optional)',
    ]);
  }
  if (a.password) {
    rows.push(['Secret', 'yes — never shown in full']);
  }
  if (a.runtimeOnly) {
    rows.push(['Schema', 'not in the schema: a schema-only validator flags it, but the runtime reads it']);
  }
  if (a.variableAllowed) {
    rows.push(['Variables', '`${name}` accepted']);
  }
  lines.push('', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`));
  if (a.notes) {
    lines.push('', `Notes: ${a.notes}`);
  }
  const extras = attributeExtras(a);
  if (extras.lines.length) {
    lines.push('', ...extras.lines);
  }
  const u = uncertainNote(a.notes);
  if (u) {
    lines.push('', u);
  }
  lines.push('', libertySourcesMarkdown([...a.sources, ...extras.sources]));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// SAF key ring URLs

/**
 * A key ring URL (`keyStore@location`): whose ring it names, the key store type its scheme needs,
 * and the RACF access the server's identity needs to read it (from the RACF reference).
 */
export function keyringUrlMarkdown(url: string): string {
  const k = parseKeyringUrl(url);
  if (!k) {
    return `${code(url)} — not a SAF key ring URL (those start with ${[...KEYRING_SCHEMES.keys()].map((s) => `\`${s}:\``).join(', ')}).`;
  }
  const lines = [`**${url}** — SAF key ring`];
  if (!k.valid) {
    lines.push('', `**Malformed:** ${k.problem}.${k.uncertain ? ` (${UNCERTAIN})` : ''}`);
    lines.push(
      '',
      `Accepted forms: ${KEYRING.forms.map((f) => `\`${f.pattern}\` — ${f.meaning}`).join('; ')}.`,
    );
  }
  if (k.variable) {
    lines.push('', 'Holds a `${…}` variable: the ring it names is known only once the variable is resolved.');
  }
  const owner = k.owner;
  if (k.ring && k.form !== 'malformed') {
    if (owner === undefined) {
      lines.push(
        '',
        `Names ring \`${k.ring}\` of **the server's own SAF identity** (the user ID the Liberty server runs under).`,
      );
      if (k.form === 'ring-only') {
        lines.push(
          '',
          `With two slashes and no further slash, \`${k.ring}\` is the **ring**, not an owner: Liberty reads it as \`${k.normalised ?? `${k.scheme}:///${k.ring}`}\`. To name another user's ring write \`${k.scheme}://OWNER/${k.ring}\`.`,
        );
      }
    } else {
      lines.push('', `Names ring \`${k.ring}\` owned by user \`${owner}\`.`);
    }
  }
  const s = k.schemeDef;
  if (s) {
    lines.push(
      '',
      `Scheme \`${s.scheme}\` (Java ${s.java} spelling; the Java ${s.java === '8' ? '11+' : '8'} spelling is \`${s.counterpart}\`, and Liberty rewrites it for the running JVM) needs \`type="${s.type}"\`${s.java8Handler ? ` (Java 8 handler \`${s.java8Handler}\`)` : ''}. Also: ${Object.entries(
        KEYRING.requiredAttributes,
      )
        .map(([attr, v]) => `\`${attr}\` ${v}`)
        .join('; ')}.`,
    );
  }
  lines.push('', ...keyringAccessLines(owner, k.ring && k.form !== 'malformed' ? k.ring : undefined));
  lines.push('', libertySourcesMarkdown(KEYRING.sources));
  return lines.join('\n');
}

/** The RACF access a server identity needs to read a ring, stated by the RACF reference. */
function keyringAccessLines(owner: string | undefined, ring: string | undefined): string[] {
  const listring = racdcertFunction('LISTRING');
  const who = owner === undefined ? "the server's own ring" : `a ring of \`${owner}\``;
  const out = ['**RACF access the server identity needs**', ''];
  if (listring?.authority) {
    out.push(
      `- ${listring.authority}${owner === undefined ? ' — here READ (own ring)' : ` — here UPDATE, unless \`${owner}\` is the server's own user ID`}.`,
    );
  }
  for (const p of permitNotes('IRR.DIGTCERT.LISTRING')) {
    out.push(
      `- \`PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(serverid) ACCESS(${p.access})\`: ${p.text}.`,
    );
  }
  const ownerName = owner === undefined ? '<server user ID>' : owner.toUpperCase();
  const profile = `${ownerName}.${ring ? ring.toUpperCase() : '<ring>'}.LST`;
  out.push(
    `- If the RDATALIB class is active with a matching profile, \`RDATALIB ${profile}\` decides instead of FACILITY (${RDATALIB.read}); ${RDATALIB.fallback}. Names: ${RDATALIB.case}.`,
    `- The server also needs the private key of its own certificate in ${who}: ${RDATALIB.privateKey}.`,
    '',
    racfSourcesMarkdown(
      [listring?.authoritySource ?? listring?.source, RDATALIB.source].filter(Boolean).join(','),
    ).replace(/^Source:/, 'RACF source:'),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// Protocols and ciphers

/** One sslProtocol entry (a single value or one item of a comma list). */
export function protocolMarkdown(entry: string, inList = false): string {
  const v = entry.trim();
  const f = protocolFacts(v);
  const lines = [`**${v}** — SSL/TLS protocol (\`ssl@sslProtocol\`)`];
  if (f.weak) {
    lines.push(
      '',
      `**Weak:** ${code(v)} is among the obsolete protocols the reference lists (${SSL_PROTOCOL.weak.map(code).join(', ')}). Use \`TLSv1.2,TLSv1.3\`.`,
    );
  }
  if (f.jvmDefault && !inList) {
    lines.push(
      '',
      `Alone, ${code(v)} leaves the protocol versions to the JVM's defaults, which may include old versions.`,
    );
  }
  if (inList) {
    lines.push(
      '',
      f.allowedInList
        ? `Allowed in a protocol list${f.allowedInFipsList ? ', also in FIPS 140-3 mode' : ' (not in FIPS 140-3 mode)'}.`
        : `**Not allowed in a list:** lists may only hold ${SSL_PROTOCOL.listValues.map(code).join(', ')}; Liberty reports ${SSL_PROTOCOL.listError}.`,
    );
    if (entry !== v) {
      lines.push('', `Written with blanks: ${SSL_PROTOCOL.listParsing} (${UNCERTAIN}).`);
    }
  } else if (f.allowedInList) {
    lines.push(
      '',
      `A single value restricts sockets to this one protocol. ${f.allowedInFipsList ? 'Allowed in FIPS 140-3 mode.' : ''}`.trim(),
    );
  } else if (!f.jvmDefault) {
    lines.push('', `Single value: ${SSL_PROTOCOL.singleValue}`);
  }
  lines.push('', libertySourcesMarkdown(SSL_PROTOCOL.sources));
  return lines.join('\n');
}

/**
 * One enabledCiphers entry, as Java names it. Liberty-specific facts (weakness per the Liberty
 * reference, `SSL_` aliases, securityLevel membership) come first; the suite's IANA code and
 * protocols come from the cipher table shared with AT-TLS, looked up under its `TLS_` spelling.
 */
export function libertyCipherMarkdown(name: string): string {
  const n = name.trim();
  const lines = [`**${n}** — cipher suite (\`ssl@enabledCiphers\`)`];
  const weak = classifyCipher(n);
  for (const w of weak) {
    const label = w.severity === 'error' ? '**Insecure**' : w.severity === 'warning' ? '**Weak**' : 'Note';
    lines.push('', `${label}: contains ${code(w.pattern)}${w.why ? ` — ${w.why}` : ''}.`);
  }
  if (sslAliasFailsOnJava11(n)) {
    lines.push(
      '',
      `\`SSL_\` spelling: IBM Java 8 accepts it, Java 11+ rejects it ("Unsupported CipherSuite"). Write \`${tlsSpelling(n)}\`.`,
    );
  }
  if (CIPHERS.tls13Suites.includes(n)) {
    lines.push('', 'A TLS 1.3 suite.');
  }
  const high = inSecurityLevel(n, 'HIGH');
  lines.push('', `${high ? 'In' : 'Not in'} the set \`securityLevel="HIGH"\` selects.`);
  lines.push('', libertySourcesMarkdown(CIPHERS.sources));
  const suite = cipherByName(tlsSpelling(n));
  if (suite) {
    const hex = suite.hex4.toUpperCase();
    lines.push(
      '',
      `IANA code \`0x${hex.slice(0, 2)},0x${hex.slice(2)}\`; protocols ${suite.protocols.join(', ')}; strength class in the shared cipher table: ${suite.class}.`,
    );
    if (suite.uncertain) {
      lines.push('', `${UNCERTAIN} — the shared cipher table marks this entry as resting on weak evidence.`);
    }
    lines.push('', cipherSourcesMarkdown(suite.source));
  } else {
    lines.push('', 'Not in the shared cipher table: check the spelling against the JVM’s supported suites.');
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Messages and features

const SEVERITY_WORD: Record<string, string> = {
  I: 'information',
  A: 'audit',
  W: 'warning',
  E: 'error',
};

/**
 * A Liberty message id from the reference's TLS message list. Kept to that one lookup: issue 5
 * builds a shared codes knowledge base (shared/docs/codes.json also lists CWWKO0801E, CWPKI0824E …)
 * and this function can then delegate to it.
 */
export function libertyMessageMarkdown(id: string): string {
  const m = libertyMessage(id);
  if (!m) {
    return `**${id.trim()}** — not a message the Liberty TLS reference lists.`;
  }
  const lines = [`**${m.id}** (${SEVERITY_WORD[m.severity] ?? m.severity}) — ${m.meaning}`];
  if (m.action) {
    lines.push('', `What to check: ${m.action}`);
  }
  lines.push('', libertySourcesMarkdown(m.sources));
  return lines.join('\n');
}

/** A <feature> entry: whether and how it brings TLS. */
export function featureMarkdown(name: string): string {
  const f = featureTls(name);
  const shown = f.canonical ?? name.trim();
  const lines = [`**${shown}** — Liberty feature`];
  switch (f.kind) {
    case 'transportSecurity':
      lines.push('', TLS_FEATURES['transportSecurity-1.0']);
      break;
    case 'ssl':
      lines.push(
        '',
        TLS_FEATURES['ssl-1.0'],
        '',
        'Outbound defaults (`sslDefault@outboundSSLRef`, `<outboundConnection>`) need `transportSecurity-1.0` instead.',
      );
      break;
    case 'enablesSsl':
      lines.push(
        '',
        'Enables `ssl-1.0` transitively (Open Liberty 25.0.0.6 feature list), so the TLS elements `ssl`, `keyStore`, `sslDefault`, `sslOptions` apply. Outbound defaults still need `transportSecurity-1.0`.',
      );
      break;
    case 'unknown':
      lines.push(
        '',
        'Not a feature the reference knows to enable TLS. Product features outside Open Liberty may enable it; their TLS behaviour is not known offline.',
      );
      break;
  }
  lines.push('', `(${FEATURES_NOTES})`, '', libertySourcesMarkdown(FEATURES_SOURCES));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Passwords

/**
 * A password as hovers and messages may show it: its kind and length, never its characters. A value
 * that is only a `${variable}` is shown as written, since a variable name is not the secret.
 */
export function passwordMask(value: string): string {
  const v = value.trim();
  if (/^\$\{[^}]*\}$/.test(v)) {
    return v;
  }
  const { encoding } = passwordEncodingOf(v);
  const length = [...v].length;
  const chars = `${length} character${length === 1 ? '' : 's'}`;
  if (encoding === 'plain') {
    return `••••• (plain text, ${chars})`;
  }
  if (encoding === '${...}') {
    return `••••• (text with a variable, ${chars})`;
  }
  const prefix = /^\{[^}]*\}/.exec(v)?.[0] ?? encoding;
  return `${prefix}••••• (${encoding.slice(1, -1)}-encoded, ${chars})`;
}

/** Every password-typed attribute of the reference (keyStore@password, keyEntry@keyPassword). */
export function passwordAttributes(): { element: string; attribute: string }[] {
  return [...LIBERTY_ELEMENTS.values()].flatMap((e) =>
    [...e.attributes.values()].filter((a) => a.password).map((a) => ({ element: e.name, attribute: a.name })),
  );
}

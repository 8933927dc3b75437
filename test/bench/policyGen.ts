// Deterministic generators for the benchmark: a realistic AT-TLS policy of a requested size and a
// JSON document of the same structure and size, so the two parsers are compared on equal input.
// Seeded, so every run (and every machine) measures the same bytes.
import type { JSONSchema } from 'vscode-json-languageservice';

/** mulberry32: tiny, fast, good enough to vary a benchmark input; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded draws, shared by the policy, RACF job and server.xml generators. */
export interface Rng {
  next: () => number;
  int: (n: number) => number;
  pick: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
}

export function rng(seed: number): Rng {
  const next = seededRandom(seed);
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

const CIPHER_NAMES = [
  'TLS_AES_128_GCM_SHA256',
  'TLS_AES_256_GCM_SHA384',
  'TLS_CHACHA20_POLY1305_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_RSA_WITH_AES_256_CBC_SHA256',
  'TLS_RSA_WITH_AES_128_CBC_SHA',
  'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
] as const;
const CIPHER_CODES = ['1301', '1302', '1303', 'C02B', 'C02C', 'C02F', 'C030', '009E', '003D', '002F', '000A'];
const HEX2 = ['35', '2F', '0A', '3C', '3D', '9C', '9D'];
const JOBS = ['CICS', 'IMS', 'DB2', 'MQ', 'FTPD', 'TN3270', 'ZWE', 'HTTP', 'SSHD', 'BATCH'];
const ROLES = ['Server', 'ServerWithClientAuth', 'Client'] as const;

/** Writes a keyword the way people do: mostly canonical, sometimes all upper or all lower case. */
function kw(r: Rng, k: string): string {
  const x = r.next();
  return x < 0.8 ? k : x < 0.9 ? k.toLowerCase() : k.toUpperCase();
}

/** One policy "application": a rule with its group, environment and connection actions and parms. */
export interface PolicyUnit {
  name: string;
  direction: 'Inbound' | 'Outbound';
  ports: string;
  jobname: string;
  priority: number;
  group: { name: string; enabled: boolean; trace: number; fips: boolean };
  environment: {
    name: string;
    role: (typeof ROLES)[number];
    keyring: string;
    inlineKeyring: boolean;
    protocols: Record<string, boolean>;
    ciphers: string[];
  };
  connection: { name: string; ciphers: string[]; inlineCiphers: boolean; hex2: string };
}

function makeUnit(r: Rng, i: number, groups: string[]): PolicyUnit {
  const job = r.pick(JOBS);
  const base = 1000 + ((i * 7) % 60000);
  const nCiphers = 2 + r.int(6);
  const ciphers: string[] = [];
  for (let k = 0; k < nCiphers; k++) {
    ciphers.push(r.chance(0.5) ? r.pick(CIPHER_NAMES) : r.pick(CIPHER_CODES));
  }
  return {
    name: `${job}Rule${i}`,
    direction: r.chance(0.7) ? 'Inbound' : 'Outbound',
    ports: r.chance(0.5) ? String(base) : `${base}-${base + 1 + r.int(20)}`,
    jobname: `${job}${r.chance(0.5) ? '*' : String(r.int(10))}`,
    priority: 1 + r.int(1000),
    group: { name: r.pick(groups), enabled: true, trace: r.pick([2, 2, 2, 4, 255]), fips: r.chance(0.1) },
    environment: {
      name: `${job}Env${i}`,
      role: r.pick(ROLES),
      keyring: `${job}RING${r.int(100)}`,
      inlineKeyring: r.chance(0.5),
      protocols: {
        TLSv1: r.chance(0.05),
        'TLSv1.1': r.chance(0.05),
        'TLSv1.2': true,
        'TLSv1.3': r.chance(0.6),
      },
      ciphers: ciphers.filter((_, k) => k % 2 === 0),
    },
    connection: {
      name: `${job}Conn${i}`,
      ciphers,
      inlineCiphers: r.chance(0.6),
      hex2: Array.from({ length: 1 + r.int(5) }, () => r.pick(HEX2)).join(''),
    },
  };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

export interface PolicyOptions {
  seed: number;
  /** Stop once the policy has at least this many lines. */
  lines?: number;
  /** Stop once the policy has at least this many characters (and never exceed it). */
  maxChars?: number;
}

export interface GeneratedPolicy {
  text: string;
  units: PolicyUnit[];
  lineCount: number;
}

/** A realistic policy: rules, Ref'd and inline parms, cipher lists, comments, varied case and layout. */
export function generatePolicy(opts: PolicyOptions): GeneratedPolicy {
  const r = rng(opts.seed);
  const out: string[] = [];
  let chars = 0;
  let lineTotal = 0;
  const units: PolicyUnit[] = [];
  const groups = Array.from({ length: 8 }, (_, g) => `Group${g}`);
  const push = (s: string): void => {
    out.push(s);
    chars += s.length + 1;
    lineTotal += 1 + countNewlines(s);
  };
  const emitBlock = (indent: string, header: string, body: string[], sameLineBrace: boolean): string[] => {
    const step = r.pick(['  ', '    ', '\t', ' ']);
    const lines = sameLineBrace ? [`${indent}${header} {`] : [`${indent}${header}`, `${indent}{`];
    for (const b of body) {
      lines.push(b.startsWith('\u0000') ? b.slice(1) : `${indent}${step}${b}`);
    }
    lines.push(`${indent}}`);
    return lines;
  };
  const nested = (indent: string, header: string, body: string[]): string => {
    // Inline blocks are kept as one pre-rendered chunk; \u0000 marks "already indented".
    return '\u0000' + emitBlock(indent, header, body, false).join('\n');
  };

  push('# AT-TLS policy generated for the zos-tls benchmark (deterministic, seeded).');
  push('# Generated by test/bench/policyGen.ts');
  push('');
  for (const g of groups) {
    for (const l of emitBlock(
      '',
      `${kw(r, 'TTLSGroupAction')} ${g}`,
      [`${kw(r, 'TTLSEnabled')} On`, `${kw(r, 'Trace')} ${r.pick([2, 2, 6])}`, `${kw(r, 'FIPS140')} Off`],
      false,
    )) {
      push(l);
    }
    push('');
  }

  const limitLines = opts.lines ?? Number.POSITIVE_INFINITY;
  const limitChars = opts.maxChars ?? Number.POSITIVE_INFINITY;
  for (let i = 0; lineTotal < limitLines; i++) {
    const u = makeUnit(r, i, groups);
    const block: string[] = [];
    const add = (lines: string[]): void => {
      block.push(...lines);
    };
    const comment = (s: string): void => {
      block.push(`${r.pick(['', '  '])}# ${s}`);
    };
    const trail = (): string =>
      r.chance(0.1) ? `  # ${r.pick(['see change 42', 'per audit', 'TODO review'])}` : '';
    const same = r.chance(0.2);

    comment(`${u.jobname} ${u.direction.toLowerCase()} traffic on ${u.ports}`);
    add(
      emitBlock(
        '',
        `${kw(r, 'TTLSRule')} ${u.name}`,
        [
          `${kw(r, 'LocalAddr')} All`,
          `${kw(r, 'RemoteAddr')} ${r.chance(0.7) ? 'All' : `10.${r.int(256)}.${r.int(256)}.0/24`}`,
          `${kw(r, u.direction === 'Inbound' ? 'LocalPortRange' : 'RemotePortRange')} ${u.ports}${trail()}`,
          `${kw(r, 'Jobname')} ${u.jobname}`,
          `${kw(r, 'Direction')} ${u.direction}`,
          `${kw(r, 'Priority')} ${u.priority}`,
          `${kw(r, 'TTLSGroupActionRef')} ${u.group.name}`,
          `${kw(r, 'TTLSEnvironmentActionRef')} ${u.environment.name}`,
          `${kw(r, 'TTLSConnectionActionRef')} ${u.connection.name}`,
        ],
        same,
      ),
    );
    comment('Environment: key ring, role and protocols');
    const envBody = [
      `${kw(r, 'HandshakeRole')} ${u.environment.role}`,
      `${kw(r, 'EnvironmentUserInstance')} 0`,
      `${kw(r, 'TTLSEnvironmentAdvancedParmsRef')} ${u.environment.name}Adv`,
    ];
    if (u.environment.inlineKeyring) {
      envBody.push(nested('  ', kw(r, 'TTLSKeyringParms'), [`${kw(r, 'Keyring')} ${u.environment.keyring}`]));
    } else {
      envBody.push(`${kw(r, 'TTLSKeyringParmsRef')} ${u.environment.name}Ring`);
    }
    envBody.push(`${kw(r, 'TTLSCipherParmsRef')} ${u.environment.name}Ciphers`);
    add(emitBlock('', `${kw(r, 'TTLSEnvironmentAction')} ${u.environment.name}`, envBody, same));
    if (!u.environment.inlineKeyring) {
      add(
        emitBlock(
          '',
          `${kw(r, 'TTLSKeyringParms')} ${u.environment.name}Ring`,
          [`${kw(r, 'Keyring')} ${u.environment.keyring}`],
          same,
        ),
      );
    }
    add(
      emitBlock(
        '',
        `${kw(r, 'TTLSEnvironmentAdvancedParms')} ${u.environment.name}Adv`,
        [
          `${kw(r, 'SSLv2')} Off`,
          `${kw(r, 'SSLv3')} Off`,
          ...Object.entries(u.environment.protocols).map(([p, on]) => `${kw(r, p)} ${on ? 'On' : 'Off'}`),
          `${kw(r, 'ApplicationControlled')} Off`,
          `${kw(r, 'Renegotiation')} Disabled`,
          ...(u.environment.role === 'ServerWithClientAuth' ? [`${kw(r, 'ClientAuthType')} Required`] : []),
        ],
        same,
      ),
    );
    add(
      emitBlock(
        '',
        `${kw(r, 'TTLSCipherParms')} ${u.environment.name}Ciphers`,
        [
          ...u.environment.ciphers.map(
            (c) => `${kw(r, c.length === 4 ? 'V3CipherSuites4Char' : 'V3CipherSuites')} ${c}`,
          ),
          `${kw(r, 'V3CipherSuites')} ${u.connection.hex2}`,
        ],
        same,
      ),
    );
    comment('Connection action');
    const connBody = [`${kw(r, 'HandshakeRole')} ${u.environment.role}`, `${kw(r, 'CtraceClearText')} Off`];
    const cipherLines = u.connection.ciphers.map(
      (c) => `${kw(r, c.length === 4 ? 'V3CipherSuites4Char' : 'V3CipherSuites')} ${c}${trail()}`,
    );
    if (u.connection.inlineCiphers) {
      connBody.push(nested(r.pick(['  ', '    ']), kw(r, 'TTLSCipherParms'), cipherLines));
    } else {
      connBody.push(`${kw(r, 'TTLSCipherParmsRef')} ${u.connection.name}Ciphers`);
    }
    connBody.push(`${kw(r, 'TTLSConnectionAdvancedParmsRef')} ${u.connection.name}Adv`);
    add(emitBlock('', `${kw(r, 'TTLSConnectionAction')} ${u.connection.name}`, connBody, same));
    if (!u.connection.inlineCiphers) {
      add(emitBlock('', `${kw(r, 'TTLSCipherParms')} ${u.connection.name}Ciphers`, cipherLines, same));
    }
    add(
      emitBlock(
        '',
        `${kw(r, 'TTLSConnectionAdvancedParms')} ${u.connection.name}Adv`,
        [`${kw(r, 'ApplicationControlled')} Off`, `${kw(r, 'SecondaryMap')} Off`],
        same,
      ),
    );
    block.push('');
    const chunk = block.join('\n');
    if (chars + chunk.length + 1 > limitChars) {
      break;
    }
    push(chunk);
    units.push(u);
  }
  const text = out.join('\n') + '\n';
  return { text, units, lineCount: countNewlines(text) + 1 };
}

/** The same applications as JSON (what a JSON-based policy format would look like), of about `chars` size. */
export function generateJson(seed: number, chars: number): string {
  const r = rng(seed);
  const groups = Array.from({ length: 8 }, (_, g) => `Group${g}`);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < chars - 40; i++) {
    const u = makeUnit(r, i, groups);
    const obj = {
      rule: {
        name: u.name,
        localAddr: 'All',
        remoteAddr: 'All',
        portRange: u.ports,
        jobname: u.jobname,
        direction: u.direction,
        priority: u.priority,
        groupActionRef: u.group.name,
        environmentActionRef: u.environment.name,
        connectionActionRef: u.connection.name,
      },
      environment: {
        name: u.environment.name,
        handshakeRole: u.environment.role,
        environmentUserInstance: 0,
        keyring: { keyring: u.environment.keyring },
        advanced: {
          SSLv2: false,
          SSLv3: false,
          ...u.environment.protocols,
          applicationControlled: false,
          renegotiation: 'Disabled',
        },
        cipherParms: { v3CipherSuites: u.environment.ciphers },
      },
      connection: {
        name: u.connection.name,
        handshakeRole: u.environment.role,
        ctraceClearText: false,
        cipherParms: { v3CipherSuites: u.connection.ciphers, v3CipherSuites2: u.connection.hex2 },
        advanced: { applicationControlled: false, secondaryMap: false },
      },
    };
    const s = JSON.stringify(obj, null, 2).replace(/^/gm, '    ');
    parts.push(s);
    size += s.length + 2;
  }
  return `{\n  "groups": ${JSON.stringify(groups)},\n  "policies": [\n${parts.join(',\n')}\n  ]\n}\n`;
}

/** A small JSON schema for the JSON side: types and enums, as a policy schema would have. */
export const JSON_POLICY_SCHEMA: JSONSchema = {
  type: 'object',
  required: ['policies'],
  properties: {
    groups: { type: 'array', items: { type: 'string' } },
    policies: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'environment', 'connection'],
        properties: {
          rule: {
            type: 'object',
            required: ['name', 'direction'],
            properties: {
              name: { type: 'string', maxLength: 32 },
              direction: { enum: ['Inbound', 'Outbound', 'Both'] },
              priority: { type: 'integer', minimum: 1, maximum: 2000000000 },
              portRange: { type: 'string', pattern: '^[0-9]+(-[0-9]+)?$' },
            },
          },
          environment: {
            type: 'object',
            properties: {
              handshakeRole: { enum: ['Server', 'ServerWithClientAuth', 'Client'] },
              advanced: { type: 'object', additionalProperties: { type: ['boolean', 'string'] } },
              cipherParms: {
                type: 'object',
                properties: { v3CipherSuites: { type: 'array', items: { type: 'string' } } },
              },
            },
          },
          connection: { type: 'object' },
        },
      },
    },
  },
};

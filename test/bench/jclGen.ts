// Deterministic generators for the RACF benchmark: a batch TSO job of a requested number of lines
// and a REXX exec, written the way the real jobs in ../shared/corpus/racdcert are (reference §1):
// IKJEFT01/1A/1B steps whose SYSTSIN is `DD *` or `DD DATA,DLM=$$` (or selected by DDNAME=),
// RACDCERT GENCERT/ADDRING/CONNECT/EXPORT/LISTRING with PERMIT/RDEFINE/SETROPTS REFRESH, `-`/`+`
// continuations, `/* */` comments, lower case, ISPF sequence numbers in 73-80, a blank before `(`,
// commas in lists. Certificates are created before they are connected or used to sign, rings
// before their connections, so the cross-command rules do their full lookups instead of stopping
// at the first unknown name. Seeded: every run measures the same bytes.
import { rng, type Rng } from './policyGen';

const OWNERS = ['MQSTC', 'LIBSERV', 'ZWESVUSR', 'CICSUSR', 'IZUSVR', 'DB2DIST', 'FTPD', 'TN3270', 'IMSSTC'];
const SYSTEMS = ['MQ', 'Liberty', 'Zowe', 'CICS', 'zOSMF', 'DB2', 'FTP', 'TN3270', 'IMS', 'zCEE'];
const OUS = ['ATS', 'API Mediation Layer', 'Payments', 'Middleware', 'Platform'];
const ORGS = ['IBM', 'Zowe Sample', 'ACME Bank', 'Example Corp'];
const HOSTS = ['wg31.washington.ibm.com', 'mvs1.example.com', 'zos.acme.internal', 'lpar2.example.org'];
const PROGRAMS = ['IKJEFT01', 'IKJEFT01', 'IKJEFT01', 'IKJEFT1A', 'IKJEFT1B'];

/** How one step writes its commands: the style varies by author, so by step. */
interface Style {
  /** 'upper', 'lower' or 'mixed' keywords (values keep their case: labels and rings are case-sensitive). */
  kwCase: 'upper' | 'lower' | 'mixed';
  cont: '-' | '+';
  /** Blank between a keyword and its `(` (IBM samples: `SIZE (1024)`). */
  blankParen: boolean;
  /** Commas between list values (`RACLIST(DIGTCERT, DIGTRING)`). */
  commas: boolean;
  indent: string;
  /** Width the command text is wrapped at (always short of column 72). */
  width: number;
  /** ISPF sequence numbers in columns 73-80 on every line of the step. */
  numbered: boolean;
  /** `DD DATA,DLM=$$` (comments may start in column 1) instead of `DD *`. */
  dlm: boolean;
  /** `SYSTSIN DD DDNAME=RACF` with the commands in a separate `//RACF DD DATA,DLM=$$`. */
  ddname: boolean;
}

function styleFor(r: Rng): Style {
  const dlm = r.chance(0.35);
  return {
    kwCase: r.pick(['upper', 'upper', 'lower', 'mixed'] as const),
    cont: r.chance(0.55) ? '-' : '+',
    blankParen: r.chance(0.2),
    commas: r.chance(0.3),
    indent: r.pick(['', ' ', '  ', '   ']),
    width: 58 + r.int(12),
    numbered: r.chance(0.25),
    dlm,
    ddname: dlm && r.chance(0.3),
  };
}

function kw(s: Style, r: Rng, k: string): string {
  if (s.kwCase === 'upper') {
    return k;
  }
  if (s.kwCase === 'lower') {
    return k.toLowerCase();
  }
  return r.chance(0.5) ? k.toLowerCase() : k;
}

/** `KEY(` in the step's style (IBM samples write a blank before the parenthesis: `SIZE (1024)`). */
function open(s: Style, r: Rng, k: string): string {
  return `${kw(s, r, k)}${s.blankParen ? ' ' : ''}(`;
}

/** `KEY(value)` in the step's style. */
function sub(s: Style, r: Rng, k: string, value: string): string {
  return `${open(s, r, k)}${value})`;
}

function list(s: Style, values: string[]): string {
  return values.join(s.commas ? ', ' : ' ');
}

function q(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Lays out one command as continued lines no wider than the style's width. `pieces` are the
 * operand texts that may not be split (a break between them is a TSO delimiter either way, also
 * inside a subfield, since continuation is line-based). A rare comment goes inside the command.
 */
function layout(s: Style, r: Rng, pieces: string[]): string[] {
  const out: string[] = [];
  let line = s.indent + pieces[0];
  for (const p of pieces.slice(1)) {
    if (line.length + 1 + p.length + 2 > s.width) {
      out.push(`${line} ${s.cont}`);
      // `-` keeps the next line's leading blanks, `+` drops them: indent either way, as people do.
      line = `${s.indent}${r.pick(['   ', '     ', '  ', '          '])}${p}`;
    } else {
      line += ' ' + p;
    }
  }
  out.push(line);
  return out;
}

export interface JclOptions {
  seed: number;
  /** Lines to generate (the job ends at the first step boundary at or after this count). */
  lines: number;
}

export interface GeneratedJcl {
  text: string;
  lineCount: number;
  steps: number;
  commands: number;
  /** Lines (0-based) that start a `RACDCERT ... CONNECT` command, for feature latency probes. */
  connectLines: number[];
}

/** Per-owner state, so names are unique per owner and references name what exists. */
interface World {
  serial: number;
  /** CA labels created so far (CERTAUTH). */
  cas: string[];
  /** Personal certificates: owner and label. */
  certs: { owner: string; label: string }[];
  rings: { owner: string; ring: string }[];
  /** `ring|label` pairs already connected: connecting one twice is a racf/duplicate finding. */
  connected: Set<string>;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function futureDate(r: Rng): string {
  const y = 2027 + r.int(8);
  return `${y}-${pad(1 + r.int(12), 2)}-${pad(1 + r.int(28), 2)}`;
}

/** The commands of one "scenario": what a person sets up for one server, in a valid order. */
function scenario(r: Rng, s: Style, w: World, out: string[][]): void {
  const n = ++w.serial;
  const sys = r.pick(SYSTEMS);
  const owner = r.pick(OWNERS);
  const R = 'RACDCERT';
  const cmd = (pieces: string[]): void => {
    out.push(layout(s, r, pieces));
  };

  // A CA now and then; otherwise sign with an existing one.
  if (!w.cas.length || r.chance(0.15)) {
    const label = `${sys} CA ${n}`;
    const key = r.chance(0.7)
      ? [kw(s, r, 'RSA'), sub(s, r, 'SIZE', r.pick(['2048', '3072', '4096']))]
      : [kw(s, r, 'NISTECC'), sub(s, r, 'SIZE', r.pick(['256', '384', '521']))];
    cmd([
      kw(s, r, R),
      kw(s, r, 'CERTAUTH'),
      kw(s, r, 'GENCERT'),
      `${open(s, r, 'SUBJECTSDN')}${kw(s, r, 'CN')}(${q(`${sys} CA ${n}`)})`,
      `${kw(s, r, 'OU')}(${q(r.pick(OUS))})`,
      `${kw(s, r, 'O')}(${q(r.pick(ORGS))})`,
      `${kw(s, r, 'C')}('US'))`,
      ...key,
      sub(s, r, 'WITHLABEL', q(label)),
      sub(s, r, 'KEYUSAGE', list(s, [kw(s, r, 'CERTSIGN')])),
      sub(s, r, 'NOTAFTER', sub(s, r, 'DATE', futureDate(r))),
    ]);
    w.cas.push(label);
  }

  const ca = r.pick(w.cas);
  const label = `${sys} Server ${n}`;
  const ecc = r.chance(0.3);
  // A few realistic mistakes, so the rules report something (the field report: NISTECC SIZE(512)).
  const size = ecc ? (r.chance(0.02) ? '512' : r.pick(['256', '384'])) : r.chance(0.02) ? '1024' : '2048';
  const usage = ecc ? ['HANDSHAKE'] : r.chance(0.5) ? ['HANDSHAKE'] : ['HANDSHAKE', 'DATAENCRYPT'];
  const host = r.pick(HOSTS);
  const pieces = [
    kw(s, r, R),
    sub(s, r, 'ID', owner),
    kw(s, r, 'GENCERT'),
    `${open(s, r, 'SUBJECTSDN')}${kw(s, r, 'CN')}(${q(host)})`,
    `${kw(s, r, 'OU')}(${q(r.pick(OUS))})`,
    `${kw(s, r, 'O')}(${q(r.pick(ORGS))}))`,
    ...(ecc ? [kw(s, r, 'NISTECC')] : []),
    sub(s, r, 'SIZE', size),
    sub(s, r, 'WITHLABEL', q(label)),
    sub(s, r, 'SIGNWITH', `${kw(s, r, 'CERTAUTH')} ${kw(s, r, 'LABEL')}(${q(ca)})`),
    sub(
      s,
      r,
      'KEYUSAGE',
      list(
        s,
        usage.map((u) => kw(s, r, u)),
      ),
    ),
    sub(s, r, 'NOTAFTER', `${kw(s, r, 'DATE')}(${futureDate(r)})`),
  ];
  if (r.chance(0.4)) {
    // Two pieces, so a long host name never pushes the IP past column 72.
    pieces.push(
      `${open(s, r, 'ALTNAME')}${kw(s, r, 'DOMAIN')}(${q(host)})`,
      `${kw(s, r, 'IP')}(10.${r.int(255)}.${r.int(255)}.${1 + r.int(254)}))`,
    );
  }
  cmd(pieces);
  w.certs.push({ owner, label });

  const ring = `${sys}.KeyRing.${n}`;
  cmd([kw(s, r, R), sub(s, r, 'ID', owner), sub(s, r, 'ADDRING', ring)]);
  w.rings.push({ owner, ring });
  w.connected.add(`${owner}.${ring}|${ca}`);
  cmd([
    kw(s, r, R),
    sub(s, r, 'ID', owner),
    `${open(s, r, 'CONNECT')}${kw(s, r, 'RING')}(${ring})`,
    `${kw(s, r, 'LABEL')}(${q(label)})`,
    `${kw(s, r, 'DEFAULT')}`,
    `${kw(s, r, 'USAGE')}(${kw(s, r, 'PERSONAL')}))`,
  ]);
  cmd([
    kw(s, r, R),
    sub(s, r, 'ID', owner),
    `${kw(s, r, 'CONNECT')}(${kw(s, r, 'CERTAUTH')}`,
    `${kw(s, r, 'LABEL')}(${q(ca)})`,
    `${kw(s, r, 'RING')}(${ring})`,
    `${kw(s, r, 'USAGE')}(${kw(s, r, 'CERTAUTH')}))`,
  ]);
  // Another server's ring trusts this CA too: a reference to a ring made many commands earlier.
  if (w.rings.length > 1 && r.chance(0.3)) {
    const other = w.rings[r.int(w.rings.length)];
    const key = `${other.owner}.${other.ring}|${ca}`;
    if (!w.connected.has(key)) {
      w.connected.add(key);
      cmd([
        kw(s, r, R),
        sub(s, r, 'ID', other.owner),
        `${kw(s, r, 'CONNECT')}(${kw(s, r, 'CERTAUTH')} ${kw(s, r, 'LABEL')}(${q(ca)})`,
        `${kw(s, r, 'RING')}(${other.ring}) ${kw(s, r, 'USAGE')}(${kw(s, r, 'CERTAUTH')}))`,
      ]);
    }
  }

  if (r.chance(0.5)) {
    cmd([
      kw(s, r, 'RDEFINE'),
      kw(s, r, 'RDATALIB'),
      `${owner}.${ring}.LST`,
      sub(s, r, 'UACC', kw(s, r, 'NONE')),
    ]);
    cmd([
      kw(s, r, 'PERMIT'),
      `${owner}.${ring}.LST`,
      sub(s, r, 'CLASS', kw(s, r, 'RDATALIB')),
      sub(s, r, 'ID', owner),
      sub(s, r, 'ACCESS', kw(s, r, r.pick(['READ', 'READ', 'UPDATE']))),
    ]);
  } else {
    cmd([
      kw(s, r, 'PERMIT'),
      'IRR.DIGTCERT.LISTRING',
      sub(s, r, 'CLASS', kw(s, r, 'FACILITY')),
      sub(s, r, 'ID', owner),
      sub(s, r, 'ACCESS', kw(s, r, 'READ')),
    ]);
  }

  if (r.chance(0.25)) {
    const pw = r.chance(0.1);
    cmd([
      kw(s, r, R),
      kw(s, r, 'CERTAUTH'),
      sub(s, r, 'EXPORT', `${kw(s, r, 'LABEL')}(${q(ca)})`),
      sub(s, r, 'DSN', q(`USER1.CA${n}.${pw ? 'P12' : 'PEM'}`)),
      sub(s, r, 'FORMAT', kw(s, r, pw ? 'PKCS12DER' : 'CERTB64')),
      ...(pw ? [sub(s, r, 'PASSWORD', q(`pw${n}secret`))] : []),
    ]);
  }
  if (r.chance(0.3)) {
    cmd([kw(s, r, R), sub(s, r, 'ID', owner), sub(s, r, 'LISTRING', r.chance(0.3) ? '*' : ring)]);
  }
  if (r.chance(0.1)) {
    cmd([kw(s, r, R), sub(s, r, 'ID', owner), sub(s, r, 'LIST', `${kw(s, r, 'LABEL')}(${q(label)})`)]);
  }
}

function refresh(r: Rng, s: Style): string[] {
  const name = s.kwCase === 'upper' && r.chance(0.2) ? 'SETR' : kw(s, r, 'SETROPTS');
  const classes = list(
    s,
    ['DIGTCERT', 'DIGTRING', 'RDATALIB', 'FACILITY'].map((c) => kw(s, r, c)),
  );
  return layout(s, r, [name, sub(s, r, 'RACLIST', classes), kw(s, r, r.chance(0.1) ? 'REFR' : 'REFRESH')]);
}

const COMMENTS = [
  'Create the CA certificate',
  'Server certificate signed by the local CA',
  'Key ring for the started task',
  'Connect CA and personal certificates',
  'Allow the server to read its ring',
  'Refresh the in-storage profiles',
];

/**
 * A realistic 100,000-line (or any size) batch job: a JOB card, `//*` comment blocks, some
 * non-TSO steps, and IKJEFT01/1A/1B steps each carrying a few scenarios and a refresh.
 */
export function generateJcl(opts: JclOptions): GeneratedJcl {
  const r = rng(opts.seed);
  const w: World = { serial: 0, cas: [], certs: [], rings: [], connected: new Set() };
  const out: string[] = [];
  const connectLines: number[] = [];
  let steps = 0;
  let commands = 0;
  let seq = 0;
  // Lines of the current step; numbered steps pad to column 72 and add 8 digits (ISPF NUM ON).
  const emitAll = (lines: string[], numbered: boolean): void => {
    for (const l of lines) {
      seq += 100;
      out.push(numbered && l.length <= 72 ? l.padEnd(72) + pad(seq, 8) : l);
    }
  };

  emitAll(
    [
      "//RACFJOB  JOB (ACCT),'RACF CERTS',CLASS=A,MSGCLASS=H,",
      '//             NOTIFY=&SYSUID,REGION=0M',
      '/*JOBPARM SYSAFF=*',
      '//*********************************************************************',
      '//* Generated benchmark job: certificates, key rings and permits.',
      '//*********************************************************************',
    ],
    false,
  );

  while (out.length < opts.lines) {
    const s = styleFor(r);
    const step: string[] = [];
    steps++;
    if (r.chance(0.08)) {
      step.push(`//CLEAN${pad(steps, 3).slice(-3)}  EXEC PGM=IEFBR14`);
      step.push(`//DD1      DD DSN=USER1.CERT${steps}.PEM,DISP=(MOD,DELETE),SPACE=(TRK,1)`);
    }
    if (r.chance(0.3)) {
      step.push('//*', `//* STEP ${steps}: ${r.pick(COMMENTS).toUpperCase()}`, '//*');
    }
    const program = r.pick(PROGRAMS);
    step.push(`//S${pad(steps, 7)} EXEC PGM=${program}${r.chance(0.5) ? ',REGION=0M' : ',DYNAMNBR=20'}`);
    step.push('//SYSTSPRT DD SYSOUT=*');
    if (s.ddname) {
      step.push('//SYSTSIN  DD DDNAME=RACF');
      step.push('//RACF     DD DATA,DLM=$$,SYMBOLS=JCLONLY');
    } else {
      step.push(s.dlm ? '//SYSTSIN  DD DATA,DLM=$$' : '//SYSTSIN  DD *');
    }

    const cmds: string[][] = [];
    const scenarios = 2 + r.int(8);
    for (let i = 0; i < scenarios; i++) {
      scenario(r, s, w, cmds);
    }
    cmds.push(refresh(r, s));
    for (const c of cmds) {
      commands++;
      if (r.chance(0.15)) {
        // In a `DD *` stream a `/*` in column 1 would end the data: indent it, as real jobs do.
        const text = `/* ${r.pick(COMMENTS)} ${r.chance(0.5) ? '*/' : '............ */'}`;
        step.push(s.dlm && r.chance(0.6) ? text : ' ' + text);
      }
      if (/^\s*racdcert\b/i.test(c[0]) && /\bconnect\s*\(/i.test(c.join(' '))) {
        connectLines.push(out.length + step.length);
      }
      step.push(...c);
      if (r.chance(0.3)) {
        step.push('');
      }
    }
    if (s.dlm) {
      step.push('$$');
    } else {
      step.push('/*');
    }
    emitAll(step, s.numbered);
  }
  emitAll(['//'], false);
  return { text: out.join('\n') + '\n', lineCount: out.length, steps, commands, connectLines };
}

// ---------------------------------------------------------------------------------------------
// REXX

export interface GeneratedRexx {
  text: string;
  lineCount: number;
  commands: number;
}

/**
 * A REXX exec of about `lines` lines: literal host commands in double quotes, some continued with
 * a trailing comma, some assembled with `||` from variables (left alone by the carrier), `say`
 * and `if RC <> 0` around them, as in the zorow and racfadm execs of the corpus.
 */
export function generateRexx(opts: JclOptions): GeneratedRexx {
  const r = rng(opts.seed);
  const out: string[] = [
    '/* REXX */',
    '/* Generated benchmark exec: certificates and key rings */',
    'address TSO',
    '',
  ];
  let commands = 0;
  let n = 0;
  const cas: string[] = [];
  const rc = (): void => {
    out.push('if RC <> 0 then do', '  say "RACDCERT failed, RC="RC', '  exit RC', 'end');
  };
  while (out.length < opts.lines) {
    n++;
    const sys = r.pick(SYSTEMS);
    const owner = r.pick(OWNERS);
    out.push(`/* ${sys} certificate ${n} */`, `owner${n % 10} = "${owner}"`, `say "Creating ${sys} ${n}"`);
    if (!cas.length || r.chance(0.15)) {
      const ca = `${sys} CA ${n}`;
      out.push(
        `"RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('${ca}')",`,
        `   " OU('${r.pick(OUS)}') O('${r.pick(ORGS)}'))",`,
        `   " WITHLABEL('${ca}') KEYUSAGE(CERTSIGN)",`,
        `   " NOTAFTER(DATE(${futureDate(r)})) RSA SIZE(2048)"`,
      );
      cas.push(ca);
      commands++;
      rc();
    }
    const ca = r.pick(cas);
    const label = `${sys} Server ${n}`;
    const ring = `${sys}.Ring.${n}`;
    if (r.chance(0.3)) {
      // Built from a variable: not a literal command, the carrier skips it.
      out.push(
        `"RACDCERT ID("||owner${n % 10}||") GENCERT",`,
        `   " SUBJECTSDN(CN('${r.pick(HOSTS)}'))",`,
        `   " WITHLABEL('${label}')",`,
        `   " SIGNWITH(CERTAUTH LABEL('${ca}'))"`,
      );
    } else {
      out.push(
        `"RACDCERT ID(${owner}) GENCERT SUBJECTSDN(CN('${r.pick(HOSTS)}')",`,
        `   " O('${r.pick(ORGS)}')) WITHLABEL('${label}')",`,
        `   " SIGNWITH(CERTAUTH LABEL('${ca}'))",`,
        `   " NOTAFTER(DATE(${futureDate(r)})) SIZE(${r.pick(['2048', '3072'])})"`,
      );
    }
    commands++;
    rc();
    out.push(`"RACDCERT ID(${owner}) ADDRING(${ring})"`);
    out.push(`cmd = "RACDCERT ID(${owner}) CONNECT(RING(${ring}) LABEL('${label}') DEFAULT)"`, 'cmd');
    out.push(`'RACDCERT ID(${owner}) CONNECT(CERTAUTH LABEL(''${ca}'') RING(${ring}) USAGE(CERTAUTH))'`);
    commands += 3;
    if (r.chance(0.3)) {
      out.push(`"PERMIT ${owner}.${ring}.LST CLASS(RDATALIB) ID(${owner}) ACCESS(READ)"`);
      commands++;
    }
    if (r.chance(0.2)) {
      out.push('"SETROPTS RACLIST(DIGTCERT DIGTRING RDATALIB) REFRESH"');
      commands++;
    }
    out.push('');
  }
  out.push('"SETROPTS RACLIST(DIGTCERT DIGTRING RDATALIB) REFRESH"', 'exit 0');
  return { text: out.join('\n') + '\n', lineCount: out.length, commands: commands + 1 };
}

// The RACF knowledge tables are a typed view of the shared reference: these tests keep the copy
// identical, check that every entry can show where it comes from, and pin the lookups rules rely on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RacfKeywordDef } from '../../../../server/src/service/knowledge/racfKeywords';
import {
  FACILITY_RESOURCES,
  KEY_SIZES,
  LIMITS,
  RACDCERT_FUNCTIONS,
  RACF_COMMANDS,
  RACF_MESSAGES,
  RACF_SOURCES,
  facilityResource,
  functionsByPrefix,
  keyUsageFor,
  keywordDef,
  matchKeyword,
  parseRdatalibProfile,
  racdcertFunction,
  racfCommand,
  sourceUrl,
} from '../../../../server/src/service/knowledge/racfKeywords';

const root = path.resolve(__dirname, '../../../..');
const shared = path.resolve(root, '../shared/docs');

test('the RACDCERT reference copy is identical to shared/docs', (t) => {
  const file = path.join(shared, 'racdcert-reference.json');
  if (!existsSync(file)) {
    t.skip('../shared/docs/racdcert-reference.json not found');
    return;
  }
  const copy = readFileSync(path.join(root, 'server/src/service/knowledge/racdcert-reference.json'), 'utf8');
  assert.equal(
    copy,
    readFileSync(file, 'utf8'),
    'cp ../shared/docs/racdcert-reference.json server/src/service/knowledge/',
  );
});

test('exactly the 26 RACDCERT functions the reference documents', () => {
  const expected = [
    'ADD',
    'ADDRING',
    'ADDTOKEN',
    'ALTER',
    'ALTMAP',
    'BIND',
    'CHECKCERT',
    'CONNECT',
    'DELETE',
    'DELMAP',
    'DELRING',
    'DELTOKEN',
    'EXPORT',
    'GENCERT',
    'GENREQ',
    'IMPORT',
    'LIST',
    'LISTCHAIN',
    'LISTMAP',
    'LISTRING',
    'LISTTOKEN',
    'MAP',
    'REKEY',
    'REMOVE',
    'ROLLOVER',
    'UNBIND',
  ];
  assert.deepEqual([...RACDCERT_FUNCTIONS.keys()].sort(), expected);
  assert.deepEqual(
    [...RACDCERT_FUNCTIONS.values()]
      .filter((f) => f.tokenFunction)
      .map((f) => f.name)
      .sort(),
    ['ADDTOKEN', 'BIND', 'DELTOKEN', 'IMPORT', 'LISTTOKEN', 'UNBIND'],
  );
});

function* walk(
  defs: ReadonlyMap<string, RacfKeywordDef>,
  where: string,
): Generator<[string, RacfKeywordDef]> {
  for (const d of defs.values()) {
    yield [`${where} ${d.name}`, d];
    yield* walk(d.subkeywords, `${where} ${d.name}(`);
  }
}

test('every function, keyword and nested keyword has a source id the reference defines', () => {
  const known = (ids: string): boolean =>
    ids
      .split(/[,\s]+/)
      .every((id) => !id || RACF_SOURCES[id] !== undefined || id === 'corpus' || id === 'keySizes');
  let count = 0;
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    assert.ok(fn.source && known(fn.source), fn.name);
    assert.ok(fn.summary && fn.form.startsWith('RACDCERT'), fn.name);
    const defs = new Map(fn.keywords);
    if (fn.operand) {
      defs.set(fn.name, fn.operand);
    }
    for (const [where, def] of walk(defs, fn.name)) {
      assert.ok(def.source, `${where} has a source`);
      assert.ok(known(def.source), `${where}: ${def.source}`);
      assert.ok(def.valueType, where);
      count++;
    }
  }
  assert.ok(count >= 150, String(count));
  for (const cmd of RACF_COMMANDS.values()) {
    if (cmd.documented) {
      assert.ok(cmd.source, cmd.name);
      for (const [where, def] of walk(cmd.keywords, cmd.name)) {
        assert.ok(def.source && known(def.source), where);
      }
    } else {
      // A command the reference never describes must not pretend to know its keywords.
      assert.equal(cmd.keywords.size, 0, cmd.name);
      assert.equal(cmd.uncertain, true, cmd.name);
    }
  }
  for (const m of RACF_MESSAGES.values()) {
    assert.ok(m.source && m.text, m.id);
  }
});

test('keywords that only a syntax form names are marked uncertain', () => {
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    const defs = new Map(fn.keywords);
    if (fn.operand) {
      defs.set(fn.name, fn.operand);
    }
    for (const [where, def] of walk(defs, fn.name)) {
      if (def.origin === 'form') {
        assert.equal(def.uncertain, true, where);
      }
    }
  }
});

test('commands resolve by name and documented abbreviation only', () => {
  assert.equal(racfCommand('SETR')?.name, 'SETROPTS');
  assert.equal(racfCommand('setropts')?.name, 'SETROPTS');
  assert.equal(racfCommand('racdcert')?.name, 'RACDCERT');
  for (const name of ['PERMIT', 'RDEFINE', 'RALTER', 'RLIST']) {
    assert.equal(racfCommand(name.toLowerCase())?.name, name);
  }
  // The reference documents no other abbreviations: none are invented.
  for (const guess of ['PE', 'RDEF', 'RALT', 'RL', 'SETROPT']) {
    assert.equal(racfCommand(guess), undefined, guess);
  }
  assert.equal(racfCommand('RALTER')?.documented, false);
  assert.equal(racfCommand('SETROPTS')?.keywordsComplete, false);
});

test('function and keyword lookups are case-insensitive and reach nested keywords', () => {
  assert.equal(racdcertFunction('gencert')?.name, 'GENCERT');
  assert.equal(racdcertFunction('GENC'), undefined);
  assert.deepEqual(
    functionsByPrefix('GENC').map((f) => f.name),
    ['GENCERT'],
  );
  assert.deepEqual(
    functionsByPrefix('LIST').map((f) => f.name),
    ['LIST'],
  );
  assert.equal(keywordDef('gencert', 'withlabel')?.limit?.maxLength, 32);
  assert.equal(keywordDef('GENCERT', 'withlabel')?.limit?.uncertain, true);
  assert.equal(keywordDef('GENCERT', 'cn', ['subjectsdn'])?.valueType, 'quoted-string');
  assert.equal(keywordDef('GENCERT', 'C', ['SUBJECTSDN'])?.limit?.maxLength, 2);
  assert.equal(keywordDef('GENCERT', 'LABEL', ['SIGNWITH'])?.limit?.maxLength, 32);
  assert.equal(keywordDef('GENCERT', 'DATE', ['NOTAFTER'])?.format, 'ccyy-mm-dd');
  assert.deepEqual(
    [...keywordDef('GENCERT', 'ALTNAME')!.subkeywords.keys()],
    ['IP', 'DOMAIN', 'EMAIL', 'URI'],
  );
  assert.equal(keywordDef('GENCERT', 'IP', ['ALTNAME'])?.quoted, false);
  assert.equal(keywordDef('GENCERT', 'ALTNAME')?.multipleSince, 'z/OS 3.2');
  assert.equal(keywordDef('GENCERT', 'NISTECC')?.since, 'z/OS V1R12');
  assert.ok(keywordDef('GENCERT', 'PKDS', ['NISTECC']), 'NISTECC(PKDS(...)) from the form');
  assert.equal(keywordDef('CONNECT', 'RING', ['CONNECT'])?.required, true);
  assert.equal(keywordDef('CONNECT', 'RING', ['CONNECT'])?.limit?.maxLength, LIMITS.ringName.maxLength);
  assert.deepEqual(keywordDef('CONNECT', 'USAGE', ['CONNECT'])?.values, ['PERSONAL', 'SITE', 'CERTAUTH']);
  assert.equal(keywordDef('CONNECT', 'LABEL'), undefined, 'LABEL belongs inside CONNECT(...)');
  assert.equal(keywordDef('CONNECT', 'ID')?.limit?.maxLength, 8);
  assert.equal(keywordDef('EXPORT', 'FORMAT')?.default, 'CERTB64');
  assert.equal(keywordDef('GENCERT', 'SUBJECTDSN'), undefined, 'the common misspelling is unknown');
  assert.equal(keywordDef('GENCERT', 'KEYSIZE'), undefined, 'TSS spelling is not RACF');
  // Thin tables are completed from the form and marked.
  const rekeyNotAfter = keywordDef('REKEY', 'NOTAFTER');
  assert.equal(rekeyNotAfter?.origin, 'borrowed');
  assert.equal(rekeyNotAfter?.uncertain, true);
  assert.ok(keywordDef('REKEY', 'DATE', ['NOTAFTER']));
  assert.equal(keywordDef('UNBIND', 'SEQNUM', ['UNBIND'])?.origin, 'form');
  assert.equal(keywordDef('ALTER', 'SERIALNUMBER', ['ALTER'])?.required, undefined);
  assert.equal(racdcertFunction('GENCERT')?.operand?.required, false);
  assert.equal(racdcertFunction('ADD')?.operand?.required, true);
  // Companion commands.
  assert.ok(keywordDef('SETROPTS', 'RACLIST')?.values?.includes('DIGTRING'));
  assert.deepEqual(keywordDef('PERMIT', 'ACCESS')?.values, ['READ', 'UPDATE', 'CONTROL']);
});

test('keyword abbreviations follow the unique-prefix rule', () => {
  const refr = matchKeyword('SETR', 'refr');
  assert.equal(refr.kind, 'abbreviation');
  assert.equal(refr.kind === 'abbreviation' && refr.def.name, 'REFRESH');
  assert.equal(matchKeyword('SETROPTS', 'R').kind, 'ambiguous');
  const subj = matchKeyword('GENCERT', 'SUBJ');
  assert.equal(subj.kind === 'abbreviation' && subj.def.name, 'SUBJECTSDN');
  assert.equal(matchKeyword('GENCERT', 'NOT').kind, 'ambiguous');
  assert.equal(matchKeyword('GENCERT', 'withlabel').kind, 'exact');
  assert.equal(matchKeyword('CONNECT', 'RI', ['CONNECT']).kind, 'abbreviation');
  const unknown = matchKeyword('PERMIT', 'WHEN');
  assert.deepEqual(unknown, { kind: 'unknown', tentative: true });
});

test('key sizes, key usage and limits come from the reference', () => {
  assert.deepEqual(KEY_SIZES.NISTECC.valid, [192, 224, 256, 384, 521]);
  assert.deepEqual(KEY_SIZES.BPECC.valid, [160, 192, 224, 256, 320, 384, 512]);
  assert.equal(KEY_SIZES.NISTECC.curves['521'], 'secp521r1 (P-521)');
  assert.equal(KEY_SIZES.RSA.recommendedMin, 2048);
  assert.deepEqual(keyUsageFor('NISTECC'), ['HANDSHAKE', 'DOCSIGN', 'CERTSIGN', 'KEYAGREE']);
  assert.ok(!keyUsageFor('RSA').includes('KEYAGREE'));
  assert.equal(LIMITS.label.maxLength, 32);
  assert.equal(LIMITS.userid.maxLength, 8);
  assert.equal(LIMITS.pkdsLabel.maxLength, 64);
});

test('FACILITY resources, RDATALIB profiles and messages', () => {
  assert.equal(FACILITY_RESOURCES.size, 25);
  assert.equal(facilityResource('irr.digtcert.listring')?.seenInIbmText, true);
  assert.equal(facilityResource('IRR.DIGTCERT.LISTRING')?.function, 'LISTRING');
  assert.equal(facilityResource('IRR.DIGTCERT.EXPORTKEY')?.function, 'EXPORT');
  assert.equal(facilityResource('IRR.DIGTCERT.REKEY')?.uncertain, true);
  assert.equal(facilityResource('IRR.DIGTRING.LIST'), undefined);
  assert.deepEqual(parseRdatalibProfile('LIBSERV.Liberty.KeyRing.LST'), {
    kind: 'ring',
    owner: 'LIBSERV',
    ring: 'Liberty.KeyRing',
    access: 'LST',
  });
  assert.equal(parseRdatalibProfile('IRR.RACDCERT.GRANULAR').kind, 'granular');
  assert.equal(parseRdatalibProfile('IRR.DIGTCERT.TCPIP.MyCert.UPD.ALTER').kind, 'certificate');
  assert.equal(parseRdatalibProfile('FOO').kind, 'unknown');
  assert.ok(RACF_MESSAGES.get('IRRD114I')?.text.includes('does not exist'));
  assert.equal(RACF_MESSAGES.has('SOURCE'), false);
});

test('sourceUrl returns the first link of a source list', () => {
  assert.match(sourceUrl('R3') ?? '', /^https:\/\/ibm\.com\/.*le-addring\.htm$/);
  assert.equal(sourceUrl('corpus,R4'), sourceUrl('R4'));
  assert.equal(sourceUrl('corpus'), undefined);
  assert.equal(sourceUrl(undefined), undefined);
});

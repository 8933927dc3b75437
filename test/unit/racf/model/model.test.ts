import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeRacf } from '../../../../server/src/service/racf/analyze';
import { mayBeSameOwner, sameOwner } from '../../../../server/src/service/racf/model';

const today = new Date(2026, 10, 23);
const model = (text: string) => analyzeRacf(text, 'racf', { today }).model;

test('certificates: owner, case-exact label, key, usage, dates, signer', () => {
  const m = model(
    [
      "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA') KEYUSAGE(CERTSIGN) NOTAFTER(DATE(2030-01-01))",
      "RACDCERT ID(srv) GENCERT SUBJECTSDN(CN('s')) WITHLABEL('Srv') NISTECC SIZE(256) SIGNWITH(CERTAUTH LABEL('My CA'))",
      "RACDCERT ADD('A.B') WITHLABEL('mine') TRUST",
      "RACDCERT ID(SRV) REKEY(LABEL('Srv')) WITHLABEL('Srv2')",
      "RACDCERT ID(SRV) ALTER(LABEL('Srv2')) NEWLABEL('Srv3')",
    ].join('\n'),
  );
  assert.equal(m.certificates.length, 4);
  const [ca, srv, add, rekey] = m.certificates;
  assert.deepEqual(ca.owner, { kind: 'CERTAUTH' });
  assert.equal(ca.label?.text, 'My CA');
  assert.deepEqual(ca.keyUsage, ['CERTSIGN']);
  assert.equal(ca.notAfter?.text, '2030-01-01');
  assert.deepEqual(ca.key, { type: 'RSA', keyword: 'RSA', size: undefined, pkds: false });
  assert.equal(srv.owner.kind === 'ID' && srv.owner.id, 'SRV');
  assert.equal(srv.owner.kind === 'ID' && srv.owner.written, 'srv');
  assert.deepEqual(srv.key, { type: 'NISTECC', keyword: 'NISTECC', size: 256, pkds: false });
  assert.deepEqual(srv.signWith?.owner, { kind: 'CERTAUTH' });
  assert.equal(srv.signWith?.label?.text, 'My CA');
  assert.deepEqual(add.owner, { kind: 'self' });
  assert.equal(add.function, 'ADD');
  assert.equal(add.key, undefined);
  assert.equal(rekey.function, 'REKEY');
  assert.equal(rekey.from?.text, 'Srv');
  assert.equal(m.relabels[0].label.text, 'Srv3');
  assert.equal(m.relabels[0].from?.text, 'Srv2');
  // Every effect in command order, the lists share the objects.
  assert.deepEqual(
    m.effects.map((e) => e.kind),
    ['certificate', 'certificate', 'certificate', 'certificate', 'relabel'],
  );
});

test('rings, connections (ring owner outside, certificate owner inside), removals, listings', () => {
  const m = model(
    [
      'RACDCERT ID(MQSTC) ADDRING(MQ.KeyRing)',
      "RACDCERT ID(MQSTC) CONNECT(CERTAUTH LABEL('MQ CA') RING(MQ.KeyRing) USAGE(CERTAUTH))",
      "RACDCERT ID(MQSTC) CONNECT(LABEL('MQ CHIN') RING(MQ.KeyRing) DEFAULT)",
      "RACDCERT CONNECT(ID(OTHER) LABEL('x') RING(R) USAGE('PERSONAL'))",
      "RACDCERT ID(MQSTC) REMOVE(RING(MQ.KeyRing) LABEL('MQ CA') CERTAUTH)",
      'RACDCERT ID(MQSTC) LISTRING(*)',
      'RACDCERT ID(MQSTC) DELRING(MQ.KeyRing)',
      "RACDCERT DELETE(LABEL('MQ CA')) CERTAUTH",
    ].join('\n'),
  );
  assert.equal(m.rings[0].name?.text, 'MQ.KeyRing');
  const [c1, c2, c3] = m.connections;
  assert.deepEqual(c1.certOwner, { kind: 'CERTAUTH' });
  assert.equal(c1.ringOwner.kind === 'ID' && c1.ringOwner.id, 'MQSTC');
  assert.equal(c1.usage?.value, 'CERTAUTH');
  assert.equal(c1.default, undefined);
  assert.equal(c2.certOwnerWritten, false);
  assert.ok(sameOwner(c2.certOwner, c2.ringOwner));
  assert.ok(c2.default);
  assert.deepEqual(c3.ringOwner, { kind: 'self' });
  assert.equal(c3.certOwner.kind === 'ID' && c3.certOwner.id, 'OTHER');
  assert.equal(c3.usage?.value, 'PERSONAL');
  assert.deepEqual(
    m.ringUses.map((u) => [u.kind, u.ring?.text]),
    [
      ['remove', 'MQ.KeyRing'],
      ['listring', '*'],
      ['delring', 'MQ.KeyRing'],
    ],
  );
  assert.equal(m.ringUses[0].label?.text, 'MQ CA');
  assert.deepEqual(m.deletes[0].owner, { kind: 'CERTAUTH' });
});

test('a stray parenthesis in RING((SHOPZ) still yields the ring, the usage and DEFAULT', () => {
  const m = model("RACDCERT ID(IBMUSER) CONNECT(CERTAUTH LABEL('X') RING((SHOPZ) USAGE(CERTAUTH) DEFAULT)");
  const [c] = m.connections;
  assert.equal(c.ring?.text, 'SHOPZ');
  assert.equal(c.usage?.value, 'CERTAUTH');
  assert.ok(c.default);
});

test('permits, resource commands, refreshes and the refreshes each change needs', () => {
  const m = model(
    [
      'RDEFINE RDATALIB SRV.RING.LST UACC(NONE)',
      'PERMIT SRV.RING.LST CLASS(RDATALIB) ID(SRV OTHER) ACCESS(READ)',
      'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) DELETE ID(SRV)',
      "PERMIT 'A.B' ID(X)",
      'RLIST FACILITY IRR.DIGTCERT.LIST ALL',
      'SETR RACLIST(DIGTCERT, digtring) REFR',
      'SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)',
      "RACDCERT MAP ID(X) SDNFILTER('CN=A') CRITERIA(SDN)",
      "RACDCERT ID(X) CONNECT(LABEL('l') RING(r))",
      'RACDCERT LIST',
    ].join('\n'),
  );
  const [p1, p2, p3] = m.permits;
  assert.equal(p1.profile?.text, 'SRV.RING.LST');
  assert.equal(p1.class, 'RDATALIB');
  assert.deepEqual(
    p1.ids.map((i) => i.text),
    ['SRV', 'OTHER'],
  );
  assert.equal(p1.access, 'READ');
  assert.equal(p1.delete, false);
  assert.equal(p2.delete, true);
  assert.equal(p3.profile?.text, 'A.B');
  assert.equal(p3.class, undefined);
  assert.deepEqual(
    m.resources.map((r) => [r.kind, r.class, r.profile?.text]),
    [
      ['rdefine', 'RDATALIB', 'SRV.RING.LST'],
      ['rlist', 'FACILITY', 'IRR.DIGTCERT.LIST'],
    ],
  );
  assert.deepEqual(
    m.refreshes.map((r) => [r.classes.map((c) => c.text), r.refresh]),
    [
      [['DIGTCERT', 'DIGTRING'], true],
      [['RDATALIB'], false],
    ],
  );
  assert.deepEqual(
    m.refreshNeeds.map((n) => [n.what, n.classes.sort()]),
    [
      ['RDEFINE in RDATALIB', ['RDATALIB']],
      ['PERMIT in RDATALIB', ['RDATALIB']],
      ['PERMIT in FACILITY', ['FACILITY']],
      ['RACDCERT MAP', ['DIGTCRIT', 'DIGTNMAP']],
      ['RACDCERT CONNECT', ['DIGTRING']],
    ],
  );
});

test('owners: the issuer and symbols may be anyone, CERTAUTH and SITE never a user', () => {
  const id = (x: string, symbolic = false) => ({ kind: 'ID' as const, id: x, symbolic });
  assert.ok(mayBeSameOwner({ kind: 'self' }, id('A')));
  assert.ok(mayBeSameOwner(id('&U.', true), id('A')));
  assert.ok(!mayBeSameOwner(id('A'), id('B')));
  assert.ok(!mayBeSameOwner({ kind: 'CERTAUTH' }, { kind: 'self' }));
  assert.ok(!mayBeSameOwner({ kind: 'CERTAUTH' }, { kind: 'SITE' }));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings } from './helpers';

const R = 'attls/cleartext-secret';

test('KeyringPw and GSK_LDAP_USER_PW are reported without their value', () => {
  const text =
    'TTLSKeyringParms k\n{\n  Keyring /k.kdb\n  KeyringStashFile /k.sth\n}\nTTLSGskLdapParms l\n{\n  GSK_LDAP_USER cn=x\n}\n';
  assert.deepEqual(findings(text, R), []);
  const secretText = text
    .replace('KeyringStashFile /k.sth', 'KeyringPw Tr0ub4dor')
    .replace('GSK_LDAP_USER cn=x', 'GSK_LDAP_USER cn=x\n  GSK_LDAP_USER_PW s3cr3tpw');
  const fs = findings(secretText, R);
  assert.equal(fs.length, 2);
  for (const f of fs) {
    assert.ok(!/Tr0ub4dor|s3cr3tpw/.test(f.message));
  }
  assert.match(fs[0].message, /9 characters/);
});

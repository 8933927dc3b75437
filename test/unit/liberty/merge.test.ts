import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { analyzeLiberty } from '../../../server/src/service/liberty/analyze';
import { buildLibertyModel } from '../../../server/src/service/liberty/model';
import type { ConfigFileReader } from '../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const uri = (p: string): string => 'file://' + p;

/** A reader over an in-memory tree of absolute paths; records what was asked for. */
function memoryReader(files: Record<string, string>): ConfigFileReader & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    read(u) {
      asked.push(u);
      return files[decodeURIComponent(u.replace(/^file:\/\//, ''))];
    },
    list(dirUri) {
      // As the disk reader lists: files by name, sub-directories with a trailing '/'.
      const dir = decodeURIComponent(dirUri.replace(/^file:\/\//, '')) + '/';
      const names = new Set(
        Object.keys(files)
          .filter((p) => p.startsWith(dir))
          .map((p) => p.slice(dir.length).replace(/\/.*$/, '/')),
      );
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

function modelOf(files: Record<string, string>, at = `${SERVER}/server.xml`) {
  return buildLibertyModel(files[at], uri(at), memoryReader(files));
}

test('includes are found with every variable form and a plain relative path', () => {
  const files: Record<string, string> = {
    [`${SERVER}/server.xml`]: server(
      [
        '<include location="${server.config.dir}/a.xml"/>',
        '<include location="${shared.config.dir}/b.xml"/>',
        '<include location="${wlp.user.dir}/c.xml"/>',
        '<include location="conf/d.xml"/>',
        '<variable name="inc.dir" value="${server.config.dir}/vars"/>',
        '<include location="${inc.dir}/e.xml"/>',
        '<include location="${env.INCS}/f.xml"/>',
        '<include location="${from.bootstrap}/g.xml"/>',
      ].join('\n'),
    ),
    [`${SERVER}/a.xml`]: server('<keyStore id="A"/>'),
    ['/wlp/usr/shared/config/b.xml']: server('<keyStore id="B"/>'),
    ['/wlp/usr/c.xml']: server('<keyStore id="C"/>'),
    [`${SERVER}/conf/d.xml`]: server('<keyStore id="D"/>'),
    [`${SERVER}/vars/e.xml`]: server('<keyStore id="E"/>'),
    ['/etc/incs/f.xml']: server('<keyStore id="F"/>'),
    ['/opt/g/g.xml']: server('<keyStore id="G"/>'),
    [`${SERVER}/server.env`]: '# comment\nINCS=/etc/incs\n',
    [`${SERVER}/bootstrap.properties`]: 'from.bootstrap=/opt/g\n',
  };
  const m = modelOf(files);
  assert.deepEqual(
    m.includes.map((i) => i.status),
    ['loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded', 'loaded'],
  );
  for (const id of ['A', 'B', 'C', 'D', 'E', 'F', 'G']) {
    assert.ok(m.byId('keyStore', id), `keyStore ${id} from its include`);
  }
  assert.equal(m.isFragment, false);
  assert.equal(m.complete, true);
  assert.equal(m.byId('keyStore', 'B')!.uri, uri('/wlp/usr/shared/config/b.xml'));
});

test('an optional include that is missing is recorded and the rest is read; a required one too', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<include optional="true" location="nothere.xml"/>\n<include location="gone.xml"/>\n<ssl id="s" keyStoreRef="k"/>\n<keyStore id="k"/>',
    ),
  };
  const m = modelOf(files);
  assert.deepEqual(
    m.includes.map((i) => [i.location, i.status, i.targetUri]),
    [
      ['nothere.xml', 'optional-missing', uri(`${SERVER}/nothere.xml`)],
      ['gone.xml', 'missing', uri(`${SERVER}/gone.xml`)],
    ],
  );
  assert.ok(m.byId('ssl', 's'));
  assert.equal(
    m.complete,
    false,
    'a required include that cannot be read leaves the configuration incomplete',
  );
});

test('an include whose location keeps an unknown ${var} is unresolved, not missing', () => {
  const m = modelOf({ [`${SERVER}/server.xml`]: server('<include location="${nobody.knows}/x.xml"/>') });
  assert.equal(m.includes[0].status, 'unresolved');
  assert.equal(m.includes[0].resolved.unresolved, true);
});

test('configDropins: defaults before server.xml, overrides after, each alphabetically', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<ssl id="s" keyStoreRef="k" sslProtocol="fromServer" trustStoreRef="t"/>',
    ),
    [`${SERVER}/configDropins/defaults/b.xml`]: server(
      '<ssl id="s" sslProtocol="defaultsB" enabledCiphers="dB"/>',
    ),
    [`${SERVER}/configDropins/defaults/a.xml`]: server(
      '<ssl id="s" enabledCiphers="dA" securityLevel="dA"/>',
    ),
    [`${SERVER}/configDropins/overrides/z.xml`]: server('<ssl id="s" trustStoreRef="oZ"/>'),
    [`${SERVER}/configDropins/overrides/y.xml`]: server(
      '<ssl id="s" trustStoreRef="oY" clientAuthentication="oY"/>',
    ),
    [`${SERVER}/configDropins/overrides/notes.txt`]: 'not xml',
  };
  const ssl = modelOf(files).byId('ssl', 's')!;
  assert.equal(ssl.attr('sslProtocol')!.value, 'fromServer', 'server.xml beats defaults');
  assert.equal(ssl.attr('enabledCiphers')!.value, 'dB', 'defaults b.xml after a.xml');
  assert.equal(ssl.attr('securityLevel')!.value, 'dA');
  assert.equal(ssl.attr('trustStoreRef')!.value, 'oZ', 'overrides z.xml after y.xml, both after server.xml');
  assert.equal(ssl.attr('clientAuthentication')!.uri, uri(`${SERVER}/configDropins/overrides/y.xml`));
  assert.deepEqual(
    ssl.declarations.map((d) => path.basename(d.uri)),
    ['a.xml', 'b.xml', 'server.xml', 'y.xml', 'z.xml'],
  );
  assert.deepEqual(
    ssl.attr('trustStoreRef')!.overridden.map((a) => a.value),
    ['t', 'oY'],
  );
});

test('same name + id merge attribute-wise, later wins, each attribute keeps its origin', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<keyStore id="k" password="one" type="PKCS12"/>\n<include location="more.xml"/>\n<keyStore id="other"/>',
    ),
    [`${SERVER}/more.xml`]: server('<keyStore id="k" type="JKS" location="key.jks"/>'),
  };
  const m = modelOf(files);
  const k = m.byId('keyStore', 'k')!;
  assert.equal(k.attr('type')!.value, 'JKS');
  assert.equal(k.attr('type')!.uri, uri(`${SERVER}/more.xml`));
  assert.equal(k.attr('password')!.uri, uri(`${SERVER}/server.xml`));
  assert.equal(k.attr('password')!.valueRange!.start.line, 1);
  assert.equal(m.elements('keyStore').filter((e) => !e.builtIn).length, 2);
});

test('onConflict REPLACE and IGNORE', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<keyStore id="r" password="p" type="PKCS12"/>\n<keyStore id="i" type="PKCS12"/>\n' +
        '<include location="r.xml" onConflict="REPLACE"/>\n<include location="i.xml" onConflict="IGNORE"/>',
    ),
    [`${SERVER}/r.xml`]: server('<keyStore id="r" type="JKS"/>'),
    [`${SERVER}/i.xml`]: server('<keyStore id="i" type="JKS"/><keyStore id="new"/>'),
  };
  const m = modelOf(files);
  assert.equal(m.byId('keyStore', 'r')!.attr('type')!.value, 'JKS');
  assert.equal(m.byId('keyStore', 'r')!.attr('password'), undefined, 'REPLACE drops the earlier attributes');
  assert.equal(m.byId('keyStore', 'i')!.attr('type')!.value, 'PKCS12', 'IGNORE keeps the earlier element');
  assert.ok(m.byId('keyStore', 'new'), 'IGNORE still adds elements that do not conflict');
});

test('an include cycle is cut and recorded', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="a.xml"/>'),
    [`${SERVER}/a.xml`]: server('<include location="b.xml"/><keyStore id="A"/>'),
    [`${SERVER}/b.xml`]: server(
      '<include location="./a.xml"/><include location="server.xml"/><keyStore id="B"/>',
    ),
  };
  const m = modelOf(files);
  assert.deepEqual(
    m.includes.map((i) => [path.basename(i.targetUri!), i.status]),
    [
      ['a.xml', 'loaded'],
      ['b.xml', 'loaded'],
      ['a.xml', 'cycle'],
      ['server.xml', 'cycle'],
    ],
  );
  assert.ok(m.byId('keyStore', 'A') && m.byId('keyStore', 'B'));
});

test('built-ins exist unwritten and merge with a written defaultSSLConfig', () => {
  const m = modelOf({
    [`${SERVER}/server.xml`]: server('<ssl id="defaultSSLConfig" trustDefaultCerts="true"/>'),
  });
  const ssl = m.byId('ssl', 'defaultSSLConfig')!;
  assert.ok(ssl.builtIn);
  assert.equal(ssl.attr('keyStoreRef')!.value, 'defaultKeyStore');
  assert.equal(ssl.attr('keyStoreRef')!.builtIn, true);
  assert.equal(ssl.attr('trustDefaultCerts')!.builtIn, false);
  assert.ok(m.byId('keyStore', 'defaultKeyStore')!.builtIn);
  assert.equal(m.byId('keyStore', 'defaultKeyStore')!.declarations.length, 0);
});

test('nested keyStore/trustStore/sslOptions get generated ids and the parent refers to them', () => {
  const m = modelOf({
    [`${SERVER}/server.xml`]: server(
      '<ssl id="s"><keyStore location="a.p12"/><trustStore id="ts" location="t.p12"/></ssl>\n' +
        '<httpEndpoint id="h" httpsPort="9443"><sslOptions sslRef="s"/></httpEndpoint>',
    ),
  });
  const ssl = m.byId('ssl', 's')!;
  const ksRef = ssl.attr('keyStoreRef')!;
  assert.equal(ksRef.nested, true);
  const nested = m.byId('keyStore', ksRef.value)!;
  assert.ok(nested.idGenerated);
  assert.equal(nested.parent, ssl);
  assert.equal(nested.attr('location')!.value, 'a.p12');
  assert.equal(ssl.attr('trustStoreRef')!.value, 'ts');
  assert.equal(m.byId('keyStore', 'ts')!.declaration!.name, 'trustStore');
  const opts = m.byId('sslOptions', m.byId('httpEndpoint', 'h')!.attr('sslOptionsRef')!.value)!;
  assert.equal(opts.attr('sslRef')!.value, 's');
  assert.ok(!m.ids('keyStore').includes(ksRef.value), 'generated ids are not offered as ids');
});

test('variables: <variable> value beats defaultValue, ${env.X} from server.env, unresolved and templates flagged', () => {
  const m = modelOf({
    [`${SERVER}/server.xml`]: server(
      '<variable name="p" defaultValue="9443"/>\n<variable name="q" defaultValue="1" value="2"/>\n<variable name="p2" defaultValue="x"/><variable name="p2" value="y"/>',
    ),
    [`${SERVER}/server.env`]: 'KS_PW="secret"\nMY_PORT=8080\n',
  });
  assert.deepEqual(m.resolve('${p}/${q}/${p2}'), { text: '9443/2/y', unresolved: false });
  assert.deepEqual(m.resolve('${env.KS_PW}'), { text: 'secret', unresolved: false });
  assert.deepEqual(m.resolve('${my.port}'), { text: '8080', unresolved: false });
  assert.equal(m.resolve('${server.config.dir}').text, SERVER);
  assert.equal(m.resolve('${server.output.dir}').text, SERVER);
  assert.equal(m.resolve('${nope}').unresolved, true);
  assert.equal(m.resolve('{{ .password }}').unresolved, true);
  assert.equal(m.resolve('plain').unresolved, false);
});

test('a variable defined in terms of itself does not hang', () => {
  const m = modelOf({ [`${SERVER}/server.xml`]: server('<variable name="a" value="${a}x"/>') });
  assert.equal(m.resolve('${a}').unresolved, true);
});

test('an include opened alone is analysed from the server.xml that includes it (directly or transitively)', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="tls.xml"/>\n<keyStore id="k"/>'),
    [`${SERVER}/tls.xml`]: server('<include location="deep/ssl.xml"/>'),
    [`${SERVER}/deep/ssl.xml`]: server('<ssl id="s" keyStoreRef="k"/>'),
  };
  const m = modelOf(files, `${SERVER}/tls.xml`);
  assert.equal(m.isFragment, false);
  assert.equal(m.rootUri, uri(`${SERVER}/server.xml`));
  assert.ok(m.byId('keyStore', 'k'));
  // deep/ssl.xml has no server.xml beside it: the one a level up reads it through tls.xml
  const deep = modelOf(files, `${SERVER}/deep/ssl.xml`);
  assert.equal(deep.isFragment, false);
  assert.equal(deep.rootUri, uri(`${SERVER}/server.xml`));
  assert.equal(deep.byId('ssl', 's')!.attr('keyStoreRef')!.uri, deep.documentUri);
});

test('an include in a sub-directory of the server is merged from the server.xml above it', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<include location="${server.config.dir}/includes/tls.xml"/>\n<keyStore id="k" password="x"/>',
    ),
    [`${SERVER}/includes/tls.xml`]: server('<ssl id="s" keyStoreRef="k"/>'),
  };
  const m = modelOf(files, `${SERVER}/includes/tls.xml`);
  assert.equal(m.isFragment, false);
  assert.equal(m.rootUri, uri(`${SERVER}/server.xml`));
  assert.equal(m.complete, true);
  assert.ok(m.byId('keyStore', 'k'), 'the id from server.xml is known in the include');
  // ${server.config.dir} is the server's directory, not the include's
  assert.equal(m.resolve('${server.config.dir}').text, SERVER);
});

test('root search: nearest server.xml that reads the file wins, one that does not is passed over', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="conf/sub/x.xml"/>\n<keyStore id="outer"/>'),
    // a server.xml nearer the file that does not include it
    [`${SERVER}/conf/server.xml`]: server('<keyStore id="inner"/>'),
    [`${SERVER}/conf/sub/x.xml`]: server('<ssl id="s" keyStoreRef="outer"/>'),
  };
  const m = modelOf(files, `${SERVER}/conf/sub/x.xml`);
  assert.equal(m.rootUri, uri(`${SERVER}/server.xml`));
  assert.ok(m.byId('keyStore', 'outer'));
  assert.equal(m.byId('keyStore', 'inner'), undefined);
});

test('root search climbs four directories above the file and no further', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<include location="a/b/c/d/in.xml"/>\n<include location="a/b/c/d/e/out.xml"/>',
    ),
    [`${SERVER}/a/b/c/d/in.xml`]: server('<keyStore id="in"/>'),
    [`${SERVER}/a/b/c/d/e/out.xml`]: server('<keyStore id="out"/>'),
  };
  assert.equal(modelOf(files, `${SERVER}/a/b/c/d/in.xml`).isFragment, false, 'server.xml 4 above');
  assert.equal(modelOf(files, `${SERVER}/a/b/c/d/e/out.xml`).isFragment, true, 'server.xml 5 above');
  // the server itself still reads both
  assert.deepEqual(
    modelOf(files).includes.map((i) => i.status),
    ['loaded', 'loaded'],
  );
});

test('a usr/shared/config file is merged from the usr/servers/<name> server that includes it', () => {
  const files = {
    // s0 sorts first but does not include the shared file
    ['/wlp/usr/servers/s0/server.xml']: server('<keyStore id="k0"/>'),
    [`${SERVER}/server.xml`]: server(
      '<include location="${shared.config.dir}/tls/shared.xml"/>\n<keyStore id="k1"/>',
    ),
    ['/wlp/usr/shared/config/tls/shared.xml']: server('<ssl id="s" keyStoreRef="k1"/>'),
  };
  const at = '/wlp/usr/shared/config/tls/shared.xml';
  const m = modelOf(files, at);
  assert.equal(m.isFragment, false);
  assert.equal(m.rootUri, uri(`${SERVER}/server.xml`));
  assert.ok(m.byId('keyStore', 'k1'));
  assert.equal(m.byId('keyStore', 'k0'), undefined);
  // Without a lister the servers are unknown: the shared file is a fragment.
  const noList = buildLibertyModel(files[at], uri(at), { read: memoryReader(files).read });
  assert.equal(noList.isFragment, true);
  // A shared file no server includes stays a fragment.
  const lone = '/wlp/usr/shared/config/other.xml';
  assert.equal(modelOf({ ...files, [lone]: server('<keyStore id="o"/>') }, lone).isFragment, true);
});

test('a configDropins file opened alone is merged from the server two levels up', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<keyStore id="k"/>'),
    [`${SERVER}/configDropins/overrides/tls.xml`]: server('<ssl id="s" keyStoreRef="k"/>'),
  };
  const m = modelOf(files, `${SERVER}/configDropins/overrides/tls.xml`);
  assert.equal(m.isFragment, false);
  assert.equal(m.byId('ssl', 's')!.attr('keyStoreRef')!.uri, m.documentUri);
});

test('a file next to a server.xml that does not include it stays a fragment', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<keyStore id="k"/>'),
    [`${SERVER}/lonely.xml`]: server('<ssl id="s" keyStoreRef="k"/>'),
  };
  assert.equal(modelOf(files, `${SERVER}/lonely.xml`).isFragment, true);
});

test('the editor text of the document wins over the file on disk', () => {
  const files = { [`${SERVER}/server.xml`]: server('<keyStore id="old"/>') };
  const m = buildLibertyModel(
    server('<keyStore id="new"/>'),
    uri(`${SERVER}/server.xml`),
    memoryReader(files),
  );
  assert.ok(m.byId('keyStore', 'new'));
  assert.equal(m.byId('keyStore', 'old'), undefined);
});

test('a reader that throws is treated as "cannot read"', () => {
  const reader: ConfigFileReader = {
    read(u) {
      if (u.endsWith('server.xml')) {
        return undefined;
      }
      throw new Error('EACCES');
    },
    list() {
      throw new Error('EACCES');
    },
  };
  const m = buildLibertyModel(server('<include location="x.xml"/>'), uri(`${SERVER}/server.xml`), reader);
  assert.equal(m.includes[0].status, 'missing');
});

test('a real server directory read through node:fs', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'zos-tls-liberty-'));
  try {
    const serverDir = path.join(root, 'usr', 'servers', 'my server');
    const shared = path.join(root, 'usr', 'shared', 'config');
    mkdirSync(path.join(serverDir, 'configDropins', 'overrides'), { recursive: true });
    mkdirSync(shared, { recursive: true });
    writeFileSync(
      path.join(serverDir, 'server.xml'),
      server(
        '<featureManager><feature>transportSecurity-1.0</feature></featureManager>\r\n<include location="${shared.config.dir}/tls.xml"/>\r\n<sslDefault sslRef="sharedSSL"/>\r\n<ssl id="mine" keyStoreRef="${env.KS_ID}"/>',
      ).replace(/\n/g, '\r\n'),
    );
    writeFileSync(path.join(shared, 'tls.xml'), server('<ssl id="sharedSSL" keyStoreRef="ring"/>'));
    writeFileSync(
      path.join(serverDir, 'configDropins', 'overrides', 'ring.xml'),
      server('<keyStore id="ring" location="safkeyring:///Ring" type="JCERACFKS"/>'),
    );
    writeFileSync(path.join(serverDir, 'server.env'), 'KS_ID=ring\n');
    const reader: ConfigFileReader = {
      read(u) {
        try {
          return readFileSync(fileURLToPath(u), 'utf8');
        } catch {
          return undefined;
        }
      },
      list(d) {
        try {
          return readdirSync(fileURLToPath(d));
        } catch {
          return undefined;
        }
      },
    };
    const serverXml = pathToFileURL(path.join(serverDir, 'server.xml')).href;
    const a = analyzeLiberty(readFileSync(fileURLToPath(serverXml), 'utf8'), serverXml, {
      configFiles: reader,
    });
    assert.equal(a.model.isFragment, false);
    assert.deepEqual(
      a.model.includes.map((i) => i.status),
      ['loaded'],
    );
    assert.equal(a.model.byId('keyStore', 'ring')!.attr('type')!.value, 'JCERACFKS');
    assert.equal(a.model.byId('ssl', 'mine')!.attr('keyStoreRef')!.resolved, 'ring');
    assert.equal(a.model.resolve('${wlp.user.dir}').text, path.join(root, 'usr'));
    assert.deepEqual(a.findings, [], 'every reference resolves across the three files');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('10,000 nested elements: no stack overflow, nesting past the bound is left out of the merge', () => {
  const depth = 10_000;
  const text = '<server>' + '<ssl>'.repeat(depth) + '</ssl>'.repeat(depth) + '</server>';
  const a = analyzeLiberty(text, uri(`${SERVER}/server.xml`), {});
  const written = a.model.elements('ssl').filter((e) => !e.builtIn);
  assert.ok(written.length > 1 && written.length < 100, `${written.length} ssl elements merged`);
  const longest = Math.max(...written.map((e) => e.id!.length));
  assert.ok(longest < 10_000, `generated ids stay short (longest ${longest})`);
});

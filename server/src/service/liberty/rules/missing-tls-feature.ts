// liberty/missing-tls-feature — evidence: liberty-reference §13 LIB-TLS-012, §11 (S-FEATLIST: the
// ssl, keyStore, sslDefault and sslOptions elements belong to ssl-1.0, which transportSecurity-1.0
// or one of 90 Open Liberty features enables; the HTTPS listener starts only with a TLS feature
// and a key store), §4 (S-XSD: outboundSSLRef and <outboundConnection> are ignored unless
// transportSecurity-1.0 is enabled). The feature list is the merged one (model.features).
// Guards (LIB-TLS-012 falseErrorGuards): product features whose TLS effect is unknown
// (zosconnect:*, cicsts:*, usr:*, zos…) silence it; so does a fragment that lists no feature at
// all (its server.xml has them) and a configuration with files we could not read.
// Quick fix: add <feature>transportSecurity-1.0</feature> (it enables ssl-1.0 and the outbound
// settings) to this file's featureManager, or a featureManager when the configuration has none.
import type { RuleModule } from '../../rules';
import type { Fix, Range, TextEdit } from '../../types';
import type { LibertyModel, XmlElement } from '../model';
import { indentOf, localDeclaration, portOpen } from './helpers';
import { libertyRuleHref } from './href';

const FEATURE = 'transportSecurity-1.0';
const TLS_ELEMENTS = ['ssl', 'keyStore', 'sslDefault'] as const;
const MAX_LISTED = 8;

export const missingTlsFeature: RuleModule<LibertyModel> = {
  id: 'liberty/missing-tls-feature',
  href: libertyRuleHref('LIB-TLS-012'),
  check(model, report) {
    const features = model.features;
    if (features.product.length > 0 || !model.complete) {
      return;
    }
    if (model.isFragment && features.entries.length === 0) {
      return;
    }
    const listed =
      features.entries.length === 0
        ? 'no feature is listed'
        : `the features are ${features.entries
            .slice(0, MAX_LISTED)
            .map((e) => e.name)
            .join(', ')}${features.entries.length > MAX_LISTED ? ', …' : ''}`;
    if (!features.ssl) {
      const first = tlsEvidence(model);
      if (first) {
        const fix = addFeatureFix(model);
        report({
          message:
            `${first.what} configures TLS, but no enabled feature provides ssl-1.0 (${listed}): Liberty ignores the TLS ` +
            `configuration and opens no HTTPS port. Add <feature>${FEATURE}</feature> to the featureManager.`,
          range: first.range,
          ...(fix ? { fixes: [fix] } : {}),
        });
      }
      return;
    }
    if (features.transportSecurity) {
      return;
    }
    const outbound = outboundSettings(model);
    const fix = outbound.length > 0 ? addFeatureFix(model) : undefined;
    for (const { what, range } of outbound) {
      report({
        message:
          `${what} is ignored unless ${FEATURE} is enabled (TLS comes here from ${features.sslVia ?? 'ssl-1.0'}, which does not ` +
          `enable the outbound defaults). Add <feature>${FEATURE}</feature> to the featureManager.`,
        range,
        ...(fix ? { fixes: [fix] } : {}),
      });
    }
  },
};

interface Evidence {
  what: string;
  range: Range;
}

/** The first TLS element or open httpsPort written in this document, in document order. */
function tlsEvidence(model: LibertyModel): Evidence | undefined {
  const found: Evidence[] = [];
  for (const name of TLS_ELEMENTS) {
    for (const el of model.local(name)) {
      const decl = localDeclaration(model, el);
      if (decl) {
        found.push({ what: `<${decl.name}>`, range: decl.nameRange });
      }
    }
  }
  for (const el of model.local('httpEndpoint')) {
    const port = el.attr('httpsPort');
    if (model.reportable(port) && portOpen(port)) {
      found.push({ what: `httpsPort="${port.resolved.trim()}"`, range: port.valueRange });
    }
  }
  return found.sort((a, b) => compare(a.range, b.range))[0];
}

function outboundSettings(model: LibertyModel): Evidence[] {
  const out: Evidence[] = [];
  for (const el of model.elements('sslDefault')) {
    const a = el.attr('outboundSSLRef');
    if (a && !a.builtIn && !a.nested && model.isLocal(a) && a.nameRange) {
      out.push({ what: 'sslDefault outboundSSLRef', range: a.nameRange });
    }
  }
  for (const el of model.local('outboundConnection')) {
    const decl = localDeclaration(model, el);
    if (decl) {
      out.push({ what: '<outboundConnection>', range: decl.nameRange });
    }
  }
  return out.sort((a, b) => compare(a.range, b.range));
}

function compare(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/**
 * The edit adding the feature in this document: after the last <feature> of its featureManager;
 * inside an empty one; or a new featureManager before the first element when no file lists
 * features. None when the features live in another file (the edit belongs there).
 */
function addFeatureFix(model: LibertyModel): Fix | undefined {
  const root = model.document.root;
  const eol = model.document.source.text.includes('\r\n')
    ? '\r\n'
    : /\r(?!\n)/.test(model.document.source.text)
      ? '\r'
      : '\n';
  const line = `<feature>${FEATURE}</feature>`;
  const manager = root?.children.find((c) => c.name === 'featureManager' && c.complete);
  let edit: TextEdit | undefined;
  if (manager) {
    edit = intoManager(model, manager, line, eol);
  } else if (model.features.entries.length === 0) {
    const first = root?.children.find((c) => c.complete);
    if (first) {
      const indent = indentOf(model, first);
      edit = {
        range: { start: first.range.start, end: first.range.start },
        newText: `<featureManager>${eol}${indent}    ${line}${eol}${indent}</featureManager>${eol}${indent}`,
      };
    }
  }
  return edit ? { title: `Add the ${FEATURE} feature`, edits: [edit], isPreferred: true } : undefined;
}

function intoManager(
  model: LibertyModel,
  manager: XmlElement,
  line: string,
  eol: string,
): TextEdit | undefined {
  const last = [...manager.children].reverse().find((c) => c.name === 'feature' && c.complete);
  if (last) {
    return {
      range: { start: last.range.end, end: last.range.end },
      newText: `${eol}${indentOf(model, last)}${line}`,
    };
  }
  const written = model.document.source.getText(manager.range);
  const indent = indentOf(model, manager);
  if (/\/>$/.test(written)) {
    return {
      range: manager.range,
      newText: `<featureManager>${eol}${indent}    ${line}${eol}${indent}</featureManager>`,
    };
  }
  if (!/<\/featureManager\s*>$/.test(written)) {
    return undefined;
  }
  const close = model.document.source.positionAt(
    model.document.source.offsetAt(manager.range.end) - /<\/featureManager\s*>$/.exec(written)![0].length,
  );
  return { range: { start: close, end: close }, newText: `    ${line}${eol}${indent}` };
}

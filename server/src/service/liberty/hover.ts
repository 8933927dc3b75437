// Hovers for Liberty server.xml TLS configuration (issue 4). The texts come from the knowledge
// renderers (libertyInfo), so every fact carries its source; what this file adds is what only the
// merged configuration knows: which element a reference resolves to and in which file, whether it
// is a built-in, and what an <include> reads. Passwords are shown through passwordMask only.
import type { HoverResult, Position } from '../features';
import {
  attributeMarkdown,
  elementMarkdown,
  featureMarkdown,
  keyringUrlMarkdown,
  libertyCipherMarkdown,
  libertyMessageMarkdown,
  passwordMask,
  protocolMarkdown,
} from '../knowledge/libertyInfo';
import { isKeyringUrl, libertyAttribute, libertyElement, libertyMessage } from '../knowledge/libertyKeywords';
import type { LibertyAnalysis } from './analyze';
import type { ConfigElement, LibertyModel, XmlAttribute, XmlElement } from './model';
import type { LibertyHit } from './cursor';
import { elementType, hitAt, refOf, relativeName } from './cursor';

const code = (s: string): string => '`' + s.replace(/`/g, "'") + '`';
const MAX_SHOWN_ATTRIBUTES = 8;
const MAX_LISTED_IDS = 8;

export function libertyHover(a: LibertyAnalysis, given: Position): HoverResult | undefined {
  // A position past the end of its line means the line's end (LSP); ranges built from it must stay in the line.
  const pos = a.model.document.source.clamp(given);
  const hit = hitAt(a.model, pos);
  if (!hit) {
    return undefined;
  }
  if (hit.kind === 'comment') {
    return commentHover(a.model, pos);
  }
  const contents = render(a.model, hit);
  return contents ? { contents, range: hit.range } : undefined;
}

function render(model: LibertyModel, hit: Exclude<LibertyHit, { kind: 'comment' }>): string | undefined {
  switch (hit.kind) {
    case 'text':
      return hit.element.name === 'feature' && hit.element.parent?.name === 'featureManager'
        ? featureMarkdown(hit.text)
        : undefined;
    case 'element':
      return isTlsElement(hit.element)
        ? elementMarkdown(hit.element.name, parentName(hit.element))
        : undefined;
    case 'attribute': {
      const type = elementType(hit.element);
      return known(hit.element, hit.attribute.name) ? attributeMarkdown(type, hit.attribute.name) : undefined;
    }
    case 'value':
      return valueHover(model, hit.element, hit.attribute, hit.entry?.text, hit.entry?.inList ?? false);
  }
}

function parentName(el: XmlElement): string | undefined {
  return el.parent && el.parent.name !== 'server' ? el.parent.name : undefined;
}

function isTlsElement(el: XmlElement): boolean {
  return libertyElement(elementType(el)) !== undefined;
}

/** A TLS attribute the reference describes, or a reference attribute (sslCertsRef on zosconnect_*). */
function known(el: XmlElement, attribute: string): boolean {
  return libertyAttribute(elementType(el), attribute) !== undefined || refOf(el, attribute) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Values

function valueHover(
  model: LibertyModel,
  el: XmlElement,
  a: XmlAttribute,
  entry: string | undefined,
  inList: boolean,
): string | undefined {
  const type = elementType(el);
  if (el.name === 'include' && a.name === 'location') {
    return includeHover(model, el);
  }
  const ref = refOf(el, a.name);
  if (ref) {
    return referenceHover(model, a, ref.targetElement);
  }
  const def = libertyAttribute(type, a.name);
  if (def?.password) {
    return `**${a.name}** = ${code(passwordMask(a.value))}\n\n${attributeMarkdown(type, a.name)}`;
  }
  if (type === 'keyStore' && a.name === 'location') {
    const resolved = model.resolve(a.value).text.trim();
    if (isKeyringUrl(resolved)) {
      const shown = resolved !== a.value.trim() ? `\`${a.value}\` resolves to \`${resolved}\`.\n\n` : '';
      return shown + keyringUrlMarkdown(resolved);
    }
  }
  if (type === 'ssl' && a.name === 'sslProtocol' && entry !== undefined && entry.trim() !== '') {
    return protocolMarkdown(entry, inList);
  }
  if (type === 'ssl' && a.name === 'enabledCiphers' && entry !== undefined) {
    return libertyCipherMarkdown(entry);
  }
  return known(el, a.name) ? attributeMarkdown(type, a.name) : undefined;
}

/** Where a reference leads in the merged configuration, and from which file. */
function referenceHover(model: LibertyModel, a: XmlAttribute, target: string): string {
  const resolved = model.resolve(a.value);
  const id = resolved.text.trim();
  const head = `**${a.name}="${a.value}"** → \`<${target}>\``;
  if (resolved.unresolved) {
    return `${head}\n\nThe value still holds a variable that could not be resolved, so the element it names is not known.`;
  }
  const lines = [head, ''];
  if (id !== a.value.trim()) {
    lines.push(`Resolves to id ${code(id)}.`, '');
  }
  const el = model.byId(target, id);
  if (!el) {
    const ids = model.ids(target);
    const where = model.isFragment
      ? 'this file (no server.xml that includes it was found)'
      : model.complete
        ? 'the merged configuration'
        : 'the files that could be read';
    lines.push(
      `No \`<${target}>\` has id ${code(id)} in ${where}.`,
      '',
      ids.length
        ? `Known ${target} ids: ${ids
            .slice(0, MAX_LISTED_IDS)
            .map(code)
            .join(', ')}${ids.length > MAX_LISTED_IDS ? ', …' : ''}.`
        : `No ${target} has an id.`,
    );
    return lines.join('\n');
  }
  lines.push(...whereDefined(model, el), '', ...attributeLines(el));
  return lines.join('\n');
}

function whereDefined(model: LibertyModel, el: ConfigElement): string[] {
  const places = el.declarations.map((d) => {
    const file = d.uri === model.documentUri ? 'this file' : code(relativeName(model.documentUri, d.uri));
    return `${file} line ${d.nameRange.start.line + 1}`;
  });
  if (el.builtIn) {
    return [
      places.length
        ? `Built-in \`<${el.name} id="${el.id}">\` (it exists even if no file writes it), merged with what ${places.join(', ')} writes.`
        : `Built-in \`<${el.name} id="${el.id}">\`: Liberty defines it even though no file writes it.`,
    ];
  }
  return [`Defined in ${places.join(', ')}${places.length > 1 ? ' (merged: same element and id)' : ''}.`];
}

/** The merged element's attributes as Liberty sees them, passwords masked. */
function attributeLines(el: ConfigElement): string[] {
  const rows = [...el.attributes.values()].filter((x) => x.name !== 'id');
  if (!rows.length) {
    return ['No attributes written: Liberty uses the defaults.'];
  }
  const shown = rows.slice(0, MAX_SHOWN_ATTRIBUTES).map((x) => {
    const secret = libertyAttribute(el.name, x.name)?.password || /password/i.test(x.name);
    const value = secret ? passwordMask(x.value) : x.value;
    const origin = x.builtIn ? ' (built-in)' : x.nested ? ' (nested element)' : '';
    return `- \`${x.name}\` = ${code(value)}${origin}`;
  });
  if (rows.length > MAX_SHOWN_ATTRIBUTES) {
    shown.push(`- … ${rows.length - MAX_SHOWN_ATTRIBUTES} more`);
  }
  return shown;
}

function includeHover(model: LibertyModel, el: XmlElement): string | undefined {
  const inc = model.includes.find((i) => i.element === el);
  if (!inc) {
    return undefined;
  }
  const target = inc.targetUri ? code(relativeName(model.documentUri, inc.targetUri)) : 'an unknown file';
  const status: Record<typeof inc.status, string> = {
    loaded: `Reads ${target}; its elements are merged (onConflict ${inc.onConflict}).`,
    missing: `${target} cannot be read: Liberty fails to start unless the include is \`optional="true"\`.`,
    'optional-missing': `${target} does not exist; the include is optional, so Liberty starts without it.`,
    unresolved: 'The location holds a variable whose value is not known here.',
    cycle: `${target} is already being included further up: the includes form a cycle.`,
    remote: 'A remote (http/https) location: not read by this checker.',
    unread: `${target} is not read: other files are only read in a trusted workspace or by the CLI.`,
  };
  const resolved = inc.resolved.text !== inc.location ? ` (resolves to ${code(inc.resolved.text)})` : '';
  return `**<include location="${inc.location}">**${resolved}\n\n${status[inc.status]}`;
}

// ---------------------------------------------------------------------------------------------
// Comments

const LIBERTY_ID = /\b(?:CWPKI|CWWKO|CWWKS)\d{4}[A-Z]\b/g;

/** A Liberty message id in a comment explains itself from the Liberty reference. */
function commentHover(model: LibertyModel, pos: Position): HoverResult | undefined {
  const source = model.document.source;
  const line = source.lineText(pos.line);
  LIBERTY_ID.lastIndex = 0;
  for (let m = LIBERTY_ID.exec(line); m; m = LIBERTY_ID.exec(line)) {
    if (m.index <= pos.character && pos.character <= m.index + m[0].length && libertyMessage(m[0])) {
      return {
        contents: libertyMessageMarkdown(m[0]),
        range: {
          start: { line: pos.line, character: m.index },
          end: { line: pos.line, character: m.index + m[0].length },
        },
      };
    }
  }
  // Other codes (System SSL, ICSF, alerts …) are the facade's comment-code hover's, from the shared
  // codes knowledge base.
  return undefined;
}

import { CREATOR_TOOL, ProvenanceInfo, ProvenanceRecord, TRAINED_ALGORITHMIC_MEDIA } from './provenance.types';

// One XMP packet (XMP spec part 1) in RDF/XML, with each property as an element so any text survives escaping.

const NS = {
  x: 'adobe:ns:meta/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  influgentic: 'https://ns.influgentic.dev/provenance/1.0/',
} as const;

const RESERVED_FIELDS = new Set(['digitalSourceType', 'creatorTool', 'createdAt']);
const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** The XMP packet that marks a file as AI-generated, as UTF-8 text. */
export function buildXmpPacket(info: ProvenanceInfo): string {
  const createdAt = (info.createdAt ?? new Date()).toISOString();
  const fields = Object.entries(info.fields ?? {});
  for (const [name] of fields) {
    if (!FIELD_NAME.test(name) || RESERVED_FIELDS.has(name)) throw new Error(`invalid provenance field name: ${name}`);
  }
  const properties = [
    element('Iptc4xmpExt:DigitalSourceType', TRAINED_ALGORITHMIC_MEDIA),
    element('xmp:CreatorTool', CREATOR_TOOL),
    element('xmp:CreateDate', createdAt),
    element('xmp:MetadataDate', createdAt),
    ...fields.map(([name, value]) => element(`influgentic:${name}`, value)),
  ];
  // The BOM in `begin` is the spec's encoding marker; the id is the fixed value every XMP packet carries.
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    `<x:xmpmeta xmlns:x="${NS.x}">`,
    ` <rdf:RDF xmlns:rdf="${NS.rdf}">`,
    `  <rdf:Description rdf:about=""`,
    `    xmlns:Iptc4xmpExt="${NS.Iptc4xmpExt}"`,
    `    xmlns:xmp="${NS.xmp}"`,
    `    xmlns:influgentic="${NS.influgentic}">`,
    ...properties.map((line) => `   ${line}`),
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ].join('\n');
}

function element(name: string, value: string): string {
  return `<${name}>${escapeXmlText(value)}</${name}>`;
}

/** Escapes text for an XML element or attribute, dropping characters XML 1.0 cannot carry at all. */
export function escapeXmlText(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#xD;');
}

/** Reverses XML escaping: the five named entities and numeric character references. */
export function unescapeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (_, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[entity] as string;
  });
}

/**
 * Reads the marking back from an XMP packet. Properties are found by namespace URI, not by prefix, in element form
 * (as written here) or attribute form (as some tools rewrite them). Null when the packet says nothing about the
 * digital source type.
 */
export function parseXmpPacket(xml: string): ProvenanceRecord | null {
  const prefixes = namespacePrefixes(xml);
  const read = (namespace: string, name: string): string | undefined => {
    for (const prefix of prefixes.get(namespace) ?? []) {
      const value = readProperty(xml, `${prefix}:${name}`);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  const digitalSourceType = read(NS.Iptc4xmpExt, 'DigitalSourceType');
  if (digitalSourceType === undefined) return null;
  const record: ProvenanceRecord = {
    digitalSourceType,
    creatorTool: read(NS.xmp, 'CreatorTool') ?? '',
    createdAt: read(NS.xmp, 'CreateDate') ?? '',
  };
  for (const prefix of prefixes.get(NS.influgentic) ?? []) {
    const pattern = new RegExp(`<${escapeRegExp(prefix)}:([A-Za-z_][A-Za-z0-9_-]*)>([^<]*)</${escapeRegExp(prefix)}:\\1>`, 'g');
    for (const match of xml.matchAll(pattern)) {
      if (!RESERVED_FIELDS.has(match[1])) record[match[1]] = unescapeXmlText(match[2]);
    }
  }
  return record;
}

function namespacePrefixes(xml: string): Map<string, string[]> {
  const prefixes = new Map<string, string[]>();
  for (const match of xml.matchAll(/xmlns:([A-Za-z_][\w.-]*)\s*=\s*(["'])(.*?)\2/g)) {
    const uri = unescapeXmlText(match[3]);
    prefixes.set(uri, [...(prefixes.get(uri) ?? []), match[1]]);
  }
  return prefixes;
}

function readProperty(xml: string, qualifiedName: string): string | undefined {
  const name = escapeRegExp(qualifiedName);
  const asElement = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml);
  if (asElement) return unescapeXmlText(asElement[1]);
  const asAttribute = new RegExp(`\\s${name}\\s*=\\s*(["'])(.*?)\\1`).exec(xml);
  return asAttribute ? unescapeXmlText(asAttribute[2]) : undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { TRAINED_ALGORITHMIC_MEDIA } from './provenance.types';
import { buildXmpPacket, escapeXmlText, parseXmpPacket, unescapeXmlText } from './xmp';

describe('XMP packet', () => {
  const createdAt = new Date('2025-03-04T05:06:07.890Z');

  it('round-trips a caption with every XML special character, quotes and non-Latin text', () => {
    const caption = `Tom & Jerry's <best> "deal" — नमस्ते 👋 a]]>b\r\nnext`;
    const xml = buildXmpPacket({ createdAt, fields: { caption, agentName: 'Aria <AI>' } });
    expect(xml).not.toContain('<best>');
    expect(parseXmpPacket(xml)).toEqual({
      digitalSourceType: TRAINED_ALGORITHMIC_MEDIA,
      creatorTool: 'Influgentic',
      createdAt: '2025-03-04T05:06:07.890Z',
      caption,
      agentName: 'Aria <AI>',
    });
  });

  it('escapes the five XML specials and drops control characters XML cannot hold', () => {
    expect(escapeXmlText(`<&"'>\u0001x`)).toBe('&lt;&amp;&quot;&apos;&gt;x');
    expect(unescapeXmlText('&lt;&amp;amp;&#65;&#x42;')).toBe('<&amp;AB');
  });

  it('is wrapped in an xpacket with the fixed id and declares the IPTC extension namespace', () => {
    const xml = buildXmpPacket({ createdAt });
    expect(xml.startsWith('<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>')).toBe(true);
    expect(xml.trimEnd().endsWith('<?xpacket end="r"?>')).toBe(true);
    expect(xml).toContain('xmlns:Iptc4xmpExt="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"');
    expect(xml).toContain(`<Iptc4xmpExt:DigitalSourceType>${TRAINED_ALGORITHMIC_MEDIA}</Iptc4xmpExt:DigitalSourceType>`);
  });

  it('refuses field names that are not identifiers or that shadow the fixed properties', () => {
    expect(() => buildXmpPacket({ fields: { 'bad name': 'x' } })).toThrow(/invalid provenance field/);
    expect(() => buildXmpPacket({ fields: { '1st': 'x' } })).toThrow(/invalid provenance field/);
    expect(() => buildXmpPacket({ fields: { createdAt: 'x' } })).toThrow(/invalid provenance field/);
  });

  it('reads properties by namespace whatever the prefix, in attribute form too', () => {
    const rewritten = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
      <rdf:Description rdf:about="" xmlns:ext="http://iptc.org/std/Iptc4xmpExt/2008-02-29/"
        xmlns:xap="http://ns.adobe.com/xap/1.0/" xap:CreatorTool="Influgentic" xap:CreateDate="2025-01-01T00:00:00Z"
        ext:DigitalSourceType="${TRAINED_ALGORITHMIC_MEDIA}"/></rdf:RDF></x:xmpmeta>`;
    expect(parseXmpPacket(rewritten)).toEqual({
      digitalSourceType: TRAINED_ALGORITHMIC_MEDIA,
      creatorTool: 'Influgentic',
      createdAt: '2025-01-01T00:00:00Z',
    });
  });

  it('finds nothing in a packet without a digital source type', () => {
    expect(parseXmpPacket('<x:xmpmeta xmlns:x="adobe:ns:meta/"></x:xmpmeta>')).toBeNull();
  });
});

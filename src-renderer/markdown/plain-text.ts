// Markdown to the plain words a screen reader should say: fence lines, emphasis and code marks, heading
// and quote markers and link targets dropped; list numbers and the code itself kept. No parser needed.

/** The text of a markdown answer as it reads on screen, on one line per source line. */
export function plainText(markdown: string): string {
  const out: string[] = [];
  for (const raw of markdown.split('\n')) {
    if (/^\s*(`{3,}|~{3,})/.test(raw)) continue; // fence lines: the code between them stays
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/^\s{0,3}>\s?/, '')
      .replace(/^(\s*)[-*+]\s+/, '$1')
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_]([^*_\s][^*_]*?)[*_](?=[^\w*]|$)/g, '$1$2')
      .replace(/`+([^`]*)`+/g, '$1');
    if (line.trim()) out.push(line.trim());
  }
  return out.join('\n');
}

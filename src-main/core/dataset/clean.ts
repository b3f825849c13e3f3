// Text helpers for dataset rows: trimming to a length at a sentence or paragraph end, first paragraph.

/** Cuts text to at most max characters, at a paragraph, line or sentence end when one is near. */
export function clip(text: string, max: number): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const head = t.slice(0, max);
  for (const sep of ['\n\n', '\n', '. ', '។ ']) {
    const i = head.lastIndexOf(sep);
    if (i > max * 0.5) return head.slice(0, i + (sep.startsWith('.') || sep.startsWith('។') ? 1 : 0)).trim();
  }
  return head.trim();
}

export function firstParagraph(text: string): string {
  return (
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.trim() ?? ''
  );
}

/** Whether a fenced code block is left open (a clipped output must not end inside one). */
export function closeFences(text: string): string {
  const n = (text.match(/^\s*```/gm) ?? []).length;
  return n % 2 === 1 ? `${text}\n\`\`\`` : text;
}

// A deliberately light English stemmer (plural and common verb endings) so that "mounting", "mounts" and
// "mount" meet. Short words and words with digits are left alone; Khmer is never stemmed.

export function stem(w: string): string {
  if (w.length <= 3 || /[^a-z]/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4 && !w.endsWith('eed')) return undouble(w.slice(0, -2));
  if (w.endsWith('es') && /(sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

function undouble(w: string): string {
  return /([bdgmnprt])\1$/.test(w) ? w.slice(0, -1) : w;
}

// xterm.js writes its measured sizes and theme into <style> elements, which the app's strict CSP (style-src 'self',
// no 'unsafe-inline') blocks (even an empty one is reported). While xterm builds its DOM, a <style> it asks for is
// an inert <template> instead, whose textContent feeds a constructable stylesheet adopted by the document (CSSOM is
// not subject to style-src): the CSP stays strict and nothing is reported as a violation.

type Restore = () => void;

/** Runs fn with style elements redirected to adopted stylesheets; the elements keep working after it returns. */
export function withCspSafeStyles<T>(fn: () => T): T {
  const restore = patchCreateElement();
  try {
    return fn();
  } finally {
    restore();
  }
}

function patchCreateElement(): Restore {
  const original = Document.prototype.createElement;
  Document.prototype.createElement = function patched(this: Document, tag: string, options?: ElementCreationOptions): HTMLElement {
    if (tag.toLowerCase() !== 'style') return original.call(this, tag, options);
    const el = original.call(this, 'template') as HTMLElement;
    redirect(el, this);
    return el;
  } as typeof Document.prototype.createElement;
  return () => {
    Document.prototype.createElement = original;
  };
}

function redirect(el: HTMLElement, doc: Document): void {
  const sheet = new CSSStyleSheet();
  let text = '';
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  Object.defineProperty(el, 'textContent', {
    configurable: true,
    get: () => text,
    set: (v: string | null) => {
      text = v ?? '';
      try {
        sheet.replaceSync(text);
      } catch {
        /* a rule the engine rejects */
      }
    },
  });
  const origRemove = el.remove.bind(el);
  el.remove = () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    origRemove();
  };
}

// The few DOM types e2e code uses inside page.evaluate callbacks: the e2e files compile with the Node
// project (no DOM lib, so core code cannot lean on browser globals by accident).
export interface PageElement {
  readonly innerText: string;
  readonly textContent: string | null;
  readonly id: string;
  readonly dataset: Record<string, string | undefined>;
  readonly value: number;
  lang: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selector: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  blur(): void;
}

export interface PageDocument {
  readonly documentElement: PageElement;
  readonly body: PageElement;
  readonly activeElement: PageElement | null;
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
}

export interface PageGlobals {
  document: PageDocument;
  MutationObserver: new (cb: () => void) => { observe(target: PageElement, opts: Record<string, unknown>): void };
  getComputedStyle(el: PageElement): { fontFamily: string };
  [key: `__${string}`]: unknown;
}

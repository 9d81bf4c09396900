import { vi } from 'vitest';

// Just enough of a DOM for the browser platform: elements are EventTargets that record
// what was set on them. happy-dom is not a dependency, and these fakes keep the tests
// about our calls rather than about a DOM implementation.

/** A picked file: only what the platform may touch, with `text` spied on. */
export type FakeFile = { name: string; size: number; text: () => Promise<string> };

/** A recorded element of any tag the platform creates. */
export class FakeElement extends EventTarget {
  readonly style: Record<string, string> = {};
  readonly attributes = new Map<string, string>();
  inDocument = false;
  clicks = 0;
  // <a>
  href = '';
  download = '';
  rel = '';
  // <input>
  type = '';
  accept = '';
  files: FakeFile[] | null = null;
  // <iframe>
  title = '';
  srcdoc = '';
  contentWindow: { print: () => void } | null = null;
  contentDocument: FakeDocument | null = null;
  // <style> and <head>
  textContent = '';
  readonly children: FakeElement[] = [];

  constructor(
    readonly tagName: string,
    private readonly onClick: (el: FakeElement) => void,
  ) {
    super();
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  append(child: FakeElement): void {
    this.children.push(child);
    child.inDocument = true;
  }
  remove(): void {
    this.inDocument = false;
  }
  click(): void {
    this.clicks++;
    this.onClick(this);
  }
}

/** A document whose created elements are kept in `created` for assertions. */
export class FakeDocument {
  readonly created: FakeElement[] = [];
  readonly body: FakeElement;
  readonly head: FakeElement;
  readonly defaultView: (EventTarget & { navigator: { userAgent: string } }) | null;
  private readonly onClick: (el: FakeElement) => void;

  constructor(
    opts: { userAgent?: string; onClick?: (el: FakeElement) => void; withView?: boolean } = {},
  ) {
    const onClick = opts.onClick ?? (() => undefined);
    this.onClick = onClick;
    this.body = new FakeElement('body', onClick);
    this.head = new FakeElement('head', onClick);
    this.defaultView =
      opts.withView === false
        ? null
        : Object.assign(new EventTarget(), {
            navigator: { userAgent: opts.userAgent ?? 'Mozilla/5.0 (X11; Linux x86_64)' },
          });
  }
  createElement(tag: string): FakeElement {
    const el = new FakeElement(tag, this.onClick);
    if (tag === 'iframe') {
      el.contentWindow = { print: vi.fn() };
      el.contentDocument = new FakeDocument({ withView: false });
    }
    this.created.push(el);
    return el;
  }

  /** The one element of a tag, failing the test when there is not exactly one. */
  only(tag: string): FakeElement {
    const found = this.created.filter((e) => e.tagName === tag);
    if (found.length !== 1 || !found[0])
      throw new Error(`expected one <${tag}>, found ${String(found.length)}`);
    return found[0];
  }

  /** This fake where the platform expects a real Document. */
  asDocument(): Document {
    return this as unknown as Document;
  }
}

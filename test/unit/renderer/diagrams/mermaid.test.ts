import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MermaidConfig } from 'mermaid';

// Mermaid needs a real browser to lay out a diagram (see test/e2e/diagram.spec.ts); here
// its dynamic import is replaced by a fake to test what the adapter does around it.
const fake = vi.hoisted(() => ({
  initialize: vi.fn<(config: MermaidConfig) => void>(),
  detectType: vi.fn<(text: string) => string>(),
  parse: vi.fn<(text: string, o?: { suppressErrors?: boolean }) => Promise<unknown>>(),
  render: vi.fn<(id: string, text: string, host?: Element) => Promise<{ svg: string }>>(),
}));
vi.mock('mermaid', () => ({ default: fake }));

type Adapter = typeof import('../../../../renderer/diagrams/mermaid');
let adapter: Adapter;

// Just enough of a document for the off-screen host the adapter draws into.
const hosts: { removed: boolean }[] = [];
const fakeDocument = {
  createElement: () => {
    const host = {
      style: {},
      removed: false,
      setAttribute: vi.fn(),
      remove: () => void (host.removed = true),
    };
    hosts.push(host);
    return host;
  },
  body: { append: vi.fn() },
};

beforeEach(async () => {
  vi.resetModules(); // a fresh adapter: not yet loaded, not yet initialized
  vi.stubGlobal('document', fakeDocument);
  hosts.length = 0;
  fake.initialize.mockReset();
  fake.detectType.mockReset().mockReturnValue('flowchart-v2');
  fake.parse.mockReset().mockResolvedValue({ diagramType: 'flowchart-v2' });
  fake.render
    .mockReset()
    .mockImplementation((id) => Promise.resolve({ svg: `<svg id="${id}"></svg>` }));
  adapter = await import('../../../../renderer/diagrams/mermaid');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const FLOW = 'flowchart LR\n  n0["Client"] -->|"HTTPS"| n1["API"]';

describe('mermaidConfig', () => {
  it('initializes Mermaid locked down: strict, SVG text labels, no error pictures, explicit limits', () => {
    const config = adapter.mermaidConfig('light');
    expect(config).toMatchObject({
      startOnLoad: false,
      securityLevel: 'strict',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      suppressErrorRendering: true,
      maxEdges: 500,
      maxTextSize: 100_000,
      theme: 'default',
    });
    expect(adapter.mermaidConfig('dark').theme).toBe('dark');
  });

  it('lets no directive in the text loosen security, labels, limits or styles', () => {
    expect(adapter.mermaidConfig('light').secure).toEqual(
      expect.arrayContaining([
        'securityLevel',
        'htmlLabels',
        'maxEdges',
        'maxTextSize',
        'suppressErrorRendering',
        'dompurifyConfig',
        'themeCSS',
      ]),
    );
  });
});

describe('renderDiagram', () => {
  it('draws a flowchart into an off-screen host and removes the host afterwards', async () => {
    const outcome = await adapter.renderDiagram(FLOW, { id: 'model', theme: 'light' });
    expect(outcome).toEqual({
      ok: true,
      svg: expect.stringMatching(/^<svg id="mmd-model-\d+"><\/svg>$/) as string,
    });
    expect(fake.render).toHaveBeenCalledWith(expect.any(String), FLOW, hosts[0]);
    expect(hosts.map((h) => h.removed)).toEqual([true]);
  });

  it('refuses text past the limits without loading Mermaid at all', async () => {
    const many = ['flowchart LR', ...Array.from({ length: 501 }, (_, i) => `n${i} --> n${i + 1}`)];
    const outcome = await adapter.renderDiagram(many.join('\n'), { id: 'm', theme: 'light' });
    expect(outcome).toMatchObject({ ok: false, reason: 'too-large' });
    const long = await adapter.renderDiagram(`flowchart LR\n  n0["${'x'.repeat(100_000)}"]`, {
      id: 'm',
      theme: 'light',
    });
    expect(long).toMatchObject({ ok: false, reason: 'too-large' });
    expect(fake.initialize).not.toHaveBeenCalled();
    expect(fake.render).not.toHaveBeenCalled();
  });

  it("reports Mermaid's own edge limit as too-large", async () => {
    fake.render.mockRejectedValueOnce(
      new Error(
        'Edge limit exceeded. 501 edges found, but the limit is 500.\nInitialize mermaid with maxEdges set to a higher number',
      ),
    );
    expect(await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'Edge limit exceeded. 501 edges found, but the limit is 500.',
    });
    expect(hosts.every((h) => h.removed)).toBe(true);
  });

  it('reports text Mermaid cannot parse as a syntax problem, with its message', async () => {
    const parseError = new Error("Parse error on line 2:\n...\nExpecting 'SEMI', got 'EOF'");
    fake.render.mockRejectedValueOnce(parseError);
    fake.parse.mockResolvedValueOnce(false);
    const outcome = await adapter.renderDiagram('flowchart LR\n  a -->', {
      id: 'm',
      theme: 'light',
    });
    expect(outcome).toEqual({
      ok: false,
      reason: 'syntax',
      message: "Parse error on line 2:\n...\nExpecting 'SEMI', got 'EOF'",
    });
    // The check parse runs only after a failure, and never throws.
    expect(fake.parse).toHaveBeenCalledWith('flowchart LR\n  a -->', { suppressErrors: true });
  });

  it('parses only once per drawing: the render does it', async () => {
    await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' });
    expect(fake.render).toHaveBeenCalledTimes(1);
    expect(fake.parse).not.toHaveBeenCalled();
  });

  it('refuses text without a diagram type, without quoting it back', async () => {
    fake.detectType.mockImplementationOnce(() => {
      throw new Error('No diagram type detected matching given configuration for text: <huge>');
    });
    const outcome = await adapter.renderDiagram('hello', { id: 'm', theme: 'light' });
    expect(outcome).toEqual({
      ok: false,
      reason: 'syntax',
      message: 'The text does not start with a diagram type such as "flowchart LR".',
    });
    expect(fake.render).not.toHaveBeenCalled();
  });

  it('draws only flowcharts and state diagrams', async () => {
    fake.detectType.mockReturnValueOnce('sequence');
    const outcome = await adapter.renderDiagram('sequenceDiagram\n  A->>B: hi', {
      id: 'm',
      theme: 'light',
    });
    expect(outcome).toMatchObject({ ok: false, reason: 'syntax' });
    expect(fake.render).not.toHaveBeenCalled();
    for (const type of ['flowchart', 'flowchart-v2', 'stateDiagram', 'state']) {
      fake.detectType.mockReturnValueOnce(type);
      expect(await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toMatchObject({
        ok: true,
      });
    }
  });

  it('never throws: a failed draw, a thrown string and a failed load all come back as failed', async () => {
    // The text parses (the fake's parse succeeds), so the failure is the drawing's.
    fake.render.mockRejectedValueOnce(new Error('getBBox is not a function'));
    expect(await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toMatchObject({
      ok: false,
      reason: 'failed',
      message: expect.stringContaining('getBBox') as string,
    });
    fake.render.mockImplementationOnce(() => {
      throw 'plain string'; // eslint-disable-line @typescript-eslint/only-throw-error
    });
    expect(await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toMatchObject({
      ok: false,
      reason: 'failed',
    });
  });

  it('reports a Mermaid that cannot be loaded, and loads it on the next call', async () => {
    vi.resetModules();
    vi.doMock('mermaid', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const fresh: Adapter = await import('../../../../renderer/diagrams/mermaid');
    expect(await fresh.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toMatchObject({
      ok: false,
      reason: 'failed',
      message: expect.stringContaining('could not be loaded') as string,
    });
    vi.doMock('mermaid', () => ({ default: fake }));
    expect(await fresh.renderDiagram(FLOW, { id: 'm', theme: 'light' })).toMatchObject({
      ok: true,
    });
  });

  it('sanitizes what Mermaid returns', async () => {
    fake.render.mockResolvedValueOnce({
      svg: '<svg onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><text>#lt;b#gt;</text></a></svg>',
    });
    const outcome = await adapter.renderDiagram(FLOW, { id: 'm', theme: 'light' });
    expect(outcome.ok && outcome.svg).toBe(
      '<svg >&lt;script>alert(2)&lt;/script><a ><text>#lt;b#gt;</text></a></svg>',
    );
  });

  it('initializes once per theme, and again only when the theme changes', async () => {
    await adapter.renderDiagram(FLOW, { id: 'a', theme: 'light' });
    await adapter.renderDiagram(FLOW, { id: 'b', theme: 'light' });
    await adapter.renderDiagram(FLOW, { id: 'c', theme: 'dark' });
    await adapter.renderDiagram(FLOW, { id: 'd', theme: 'dark' });
    expect(fake.initialize.mock.calls.map(([c]) => c.theme)).toEqual(['default', 'dark']);
  });

  it('renders one diagram at a time, in call order, each with the theme it asked for', async () => {
    const log: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    fake.initialize.mockImplementation((c) => log.push(`init ${String(c.theme)}`));
    fake.render.mockImplementation(async (id) => {
      log.push(`start ${id}`);
      if (id.startsWith('mmd-first')) await gate;
      log.push(`end ${id}`);
      return { svg: `<svg id="${id}"></svg>` };
    });
    const first = adapter.renderDiagram(FLOW, { id: 'first', theme: 'light' });
    const second = adapter.renderDiagram(FLOW, { id: 'second', theme: 'dark' });
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['init default', 'start mmd-first-1']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual([
      'init default',
      'start mmd-first-1',
      'end mmd-first-1',
      'init dark',
      'start mmd-second-2',
      'end mmd-second-2',
    ]);
  });

  it('gives each drawing a fresh id that is safe in a CSS selector', async () => {
    const a = await adapter.renderDiagram(FLOW, { id: ':r1:«x» "y"', theme: 'light' });
    const b = await adapter.renderDiagram(FLOW, { id: '', theme: 'light' });
    expect(fake.render.mock.calls.map(([id]) => id)).toEqual(['mmd-r1xy-1', 'mmd-diagram-2']);
    expect(a.ok && b.ok).toBe(true);
  });
});

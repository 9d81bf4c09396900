import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type * as Diagrams from '../../renderer/diagrams';
import { buildDiagramBundle } from './diagram-bundle';
import { BASE_URL, seriousViolations } from './helpers';

// The Mermaid adapter and MermaidDiagram in real Chromium with real Mermaid. No screen
// shows a diagram yet, so each test adds the modules, bundled on their own, to a blank
// page (no CSP there: what keeps hostile text inert is the adapter, not the page).

type MountProps = {
  text: string;
  label: string;
  theme: Diagrams.DiagramTheme;
  onNodeClick?: (nodeId: string) => void;
  selectedNodeId?: string | null;
  highlightNodeIds?: readonly string[];
};
type Mounted = { update: (p: MountProps) => void; unmount: () => void };

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- merges into Window
  interface Window {
    BulwarkDiagrams: typeof Diagrams & {
      mountDiagram: (element: Element, props: MountProps) => Mounted;
    };
    pwned?: unknown;
    clicks?: string[];
    mounted?: Mounted;
    props?: MountProps;
  }
}

let bundle: { script: string; style: string };

test.beforeAll(async () => {
  test.setTimeout(120_000);
  bundle = await buildDiagramBundle();
});

/** A blank page with the bundle loaded; returns the dialogs any script opened. */
async function blankPage(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('about:blank');
  // What the app's index.html has, so the accessibility checks look at the diagram only.
  await page.evaluate(() => {
    document.documentElement.lang = 'en';
    document.title = 'Diagram';
  });
  await page.addScriptTag({ path: bundle.script });
  await page.addStyleTag({ path: bundle.style });
  return dialogs;
}

/** Renders in the page; on success the SVG is also set into #mount, as the component does. */
async function render(page: Page, text: string, theme: Diagrams.DiagramTheme = 'light') {
  return page.evaluate(
    async ({ text, theme }) => {
      const outcome = await window.BulwarkDiagrams.renderDiagram(text, { id: 'e2e', theme });
      if (outcome.ok) {
        const mount = document.getElementById('mount') ?? document.createElement('div');
        mount.id = 'mount';
        mount.innerHTML = outcome.svg;
        document.body.append(mount);
      }
      return outcome;
    },
    { text, theme },
  );
}

/** Node id → label text, found in the mounted SVG by the adapter's matcher. */
function mountedNodes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const svg = document.querySelector<SVGSVGElement>('#mount svg');
    if (!svg) return {};
    return Object.fromEntries(
      window.BulwarkDiagrams.diagramNodes(svg).map((n) => [n.nodeId, n.text]),
    );
  });
}

// A data flow diagram as core/threats writes one: generated ids, quoted labels, trust
// boundaries as subgraphs, flows labelled with their protocol.
const FLOW = `flowchart LR
  subgraph b0["Internet"]
    n0[/"Customer"/]
  end
  subgraph b1["DMZ"]
    n1(("Orders API"))
    n2[("Orders DB")]
  end
  n3["Audit log<br/>2 open threats"]
  n0 -->|"HTTPS"| n1
  n1 -->|"SQL over TLS"| n2
  n1 -.->|"syslog"| n3
`;

// A playbook as core/playbooks writes one: phases as composite states, a decision as a choice.
const PLAYBOOK = `stateDiagram-v2
  [*] --> detect
  state "Detect and triage" as detect {
    [*] --> triage
    triage --> confirm
    confirm --> [*]
  }
  state decide <<choice>>
  detect --> decide
  decide --> contain: confirmed
  decide --> close: false positive
  state "Contain" as contain {
    [*] --> revoke
    revoke --> rotate
  }
  contain --> close
  close --> [*]
`;

// Escaping as core could do it: every character that Mermaid, markdown or HTML could
// read as syntax becomes a numeric Mermaid entity (#60; for <), so a label is always one
// quoted string of plain text. `:` too: Mermaid strips the last `;` of any line reading
// like `style …:…#…;`, an entity's included.
const escapeLabel = (s: string): string =>
  s.replace(/[^\p{L}\p{N} .,/=-]/gu, (c) => `#${String(c.codePointAt(0))};`);

const HOSTILE = [
  `<img src=x onerror="window.pwned='img'">`,
  `<script>window.pwned='script'</script>`,
  `"]; click n0 call pwn(); n9["`,
  `javascript:window.pwned='url'`,
  `<a href="javascript:window.pwned='link'">link</a>`,
  `%%{init: {"securityLevel": "loose"}}%%`,
  `<style>*{display:none}</style>`,
];

test.describe('renderDiagram in Chromium', () => {
  test('draws a data flow diagram with trust boundaries, and finds every node by its generated id', async ({
    page,
  }) => {
    await blankPage(page);
    const outcome = await render(page, FLOW);
    expect(outcome.ok).toBe(true);
    expect(await mountedNodes(page)).toEqual({
      b0: 'Internet',
      b1: 'DMZ',
      n0: 'Customer',
      n1: 'Orders API',
      n2: 'Orders DB',
      n3: 'Audit log 2 open threats',
    });
    const svg = page.locator('#mount svg');
    await expect(svg).toBeVisible();
    await expect(svg).toContainText('SQL over TLS');
    // Labels are SVG text: no HTML inside a foreignObject anywhere.
    await expect(page.locator('#mount foreignObject')).toHaveCount(0);
    // Mermaid rendered off-screen and cleaned up after itself.
    expect(await page.evaluate(() => document.body.children.length)).toBe(1);
  });

  test('draws a playbook state diagram with composite states and a choice', async ({ page }) => {
    await blankPage(page);
    const outcome = await render(page, PLAYBOOK);
    expect(outcome.ok).toBe(true);
    const nodes = await mountedNodes(page);
    expect(nodes).toMatchObject({
      detect: 'Detect and triage',
      contain: 'Contain',
      triage: 'triage',
      revoke: 'revoke',
      decide: '',
      close: 'close',
    });
  });

  test('shows hostile labels as text and runs none of them', async ({ page }) => {
    const dialogs = await blankPage(page);
    const escaped = [
      'flowchart LR',
      ...HOSTILE.map((label, i) => `  n${String(i)}["${escapeLabel(label)}"]`),
      ...HOSTILE.slice(1).map((_, i) => `  n${String(i)} --> n${String(i + 1)}`),
    ].join('\n');
    const outcome = await render(page, escaped);
    expect(outcome.ok).toBe(true);
    const nodes = await mountedNodes(page);
    // Mermaid wraps a label into lines, a long word anywhere, even inside a character
    // reference it has not decoded (then "&#6" ends one line and "2;" starts the next):
    // compare without the blanks, and with such references read.
    const unwrapped = (s = '') =>
      s
        .replace(/\s+/g, '')
        .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
    HOSTILE.forEach((label, i) => {
      expect(unwrapped(nodes[`n${String(i)}`])).toBe(unwrapped(label));
    });
    // Not escaped at all (core's escaping bypassed): Mermaid's strict mode and the
    // adapter's own pass still leave nothing that runs.
    const raw = [
      'flowchart LR',
      `  r0["<img src=x onerror='window.pwned=1'>"]`,
      `  r1["<script>window.pwned=2</script>"]`,
      `  r2["<a href='javascript:window.pwned=3'>x</a>"]`,
      `  r3["<svg onload='window.pwned=4'></svg>"]`,
      '  r0 --> r1 --> r2 --> r3',
      '  click r0 call pwn()',
      `  click r1 href "javascript:window.pwned=5"`,
    ].join('\n');
    expect((await render(page, raw)).ok).toBe(true);

    for (const text of [escaped, raw]) {
      const found = await page.evaluate(async (t) => {
        const outcome = await window.BulwarkDiagrams.renderDiagram(t, { id: 'h', theme: 'light' });
        if (!outcome.ok) return { error: outcome.message };
        const box = document.createElement('div');
        box.innerHTML = outcome.svg;
        document.body.append(box);
        for (const el of box.querySelectorAll('*')) el.dispatchEvent(new MouseEvent('click'));
        await new Promise((r) => setTimeout(r, 100));
        const all = [...box.querySelectorAll('*')];
        const result = {
          // Mermaid wraps a node with a `click` in an <a>: it must link nowhere.
          active: box.querySelectorAll(
            'script, foreignObject, img, image, iframe, object, embed, a[href], a[*|href]',
          ).length,
          styles: box.querySelectorAll('style').length,
          handlers: all.flatMap((el) =>
            el.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on')),
          ),
          scriptUrls: all.flatMap((el) =>
            el.getAttributeNames().filter((n) => /script:/i.test(el.getAttribute(n) ?? '')),
          ),
          pwned: window.pwned ?? null,
        };
        box.remove();
        return result;
      }, text);
      expect(found).toEqual({ active: 0, styles: 1, handlers: [], scriptUrls: [], pwned: null });
    }
    expect(dialogs).toEqual([]);
  });

  test('refuses a diagram past the limits before drawing, so the caller can split it', async ({
    page,
  }) => {
    await blankPage(page);
    const chain = [
      'flowchart LR',
      ...Array.from({ length: 501 }, (_, i) => `  n${String(i)} --> n${String(i + 1)}`),
    ];
    const edges = await render(page, chain.join('\n'));
    expect(edges).toEqual({
      ok: false,
      reason: 'too-large',
      message: 'The diagram has about 501 connections; the limit is 500.',
    });
    const text = await render(page, `flowchart LR\n  n0["${'x'.repeat(100_001)}"]`);
    expect(text).toMatchObject({ ok: false, reason: 'too-large' });
    // Nothing drawn, not even Mermaid's own "maximum text size" placeholder.
    expect(await page.evaluate(() => document.body.children.length)).toBe(0);
  });

  test('reports a syntax error with the place, and leaves nothing of it in the page', async ({
    page,
  }) => {
    await blankPage(page);
    const outcome = await render(page, 'flowchart LR\n  n0["Orders"] -->\n  n1[[[');
    expect(outcome).toMatchObject({ ok: false, reason: 'syntax' });
    expect(outcome.ok ? '' : outcome.message).toContain('Parse error on line 3');
    const refused = await render(page, 'sequenceDiagram\n  A->>B: hello');
    expect(refused).toMatchObject({ ok: false, reason: 'syntax' });
    expect(await page.evaluate(() => document.body.innerHTML)).toBe('');
    // The next diagram still draws.
    expect((await render(page, FLOW)).ok).toBe(true);
  });

  test('draws calls made at once one after another, each in the theme it asked for', async ({
    page,
  }) => {
    await blankPage(page);
    const fills = await page.evaluate(async (text) => {
      const themes = ['light', 'dark', 'light', 'dark'] as const;
      const outcomes = await Promise.all(
        themes.map((theme, i) =>
          window.BulwarkDiagrams.renderDiagram(text, { id: `c${String(i)}`, theme }),
        ),
      );
      return outcomes.map((o) => {
        if (!o.ok) return o.message;
        const box = document.createElement('div');
        box.innerHTML = o.svg;
        document.body.append(box);
        const rect = box.querySelector('g.node rect, g.node path');
        const fill = rect ? getComputedStyle(rect).fill : 'none';
        box.remove();
        return fill;
      });
    }, FLOW);
    expect(fills[0]).toBe(fills[2]);
    expect(fills[1]).toBe(fills[3]);
    expect(fills[0]).not.toBe(fills[1]);
    expect(fills[0]).toMatch(/^rgb/);
  });
});

test('draws and exports under the Content-Security-Policy the app is served with', async ({
  page,
}) => {
  // The built app, served with the shell's headers; the bundle comes from the same origin
  // (script-src 'self'), so Mermaid meets exactly the policy it meets in the app.
  await page.route('**/__diagram-test__/*', (route) =>
    route.fulfill({ path: route.request().url().endsWith('.css') ? bundle.style : bundle.script }),
  );
  const response = await page.goto(BASE_URL);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.evaluate(() => {
    const w = window as unknown as { violations: string[] };
    w.violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.addScriptTag({ url: '/__diagram-test__/diagrams.js' });
  const result = await page.evaluate(
    async ({ flow, playbook }) => {
      const api = window.BulwarkDiagrams;
      const a = await api.renderDiagram(flow, { id: 'csp', theme: 'dark' });
      const b = await api.renderDiagram(playbook, { id: 'csp', theme: 'light' });
      const png = a.ok ? (await api.svgToPngBlob(a.svg, 1)).size : 0;
      return {
        ok: [a.ok, b.ok],
        png,
        violations: (window as unknown as { violations: string[] }).violations,
      };
    },
    { flow: FLOW, playbook: PLAYBOOK },
  );
  expect(result.ok).toEqual([true, true]);
  expect(result.png).toBeGreaterThan(1000);
  expect(result.violations).toEqual([]);
});

test.describe('export in Chromium', () => {
  test('makes a PNG from the drawing, at twice its size and not blank', async ({ page }) => {
    await blankPage(page);
    const outcome = await render(page, FLOW);
    if (!outcome.ok) throw new Error(outcome.message);
    const png = await page.evaluate(async (svg) => {
      const { svgSize, svgToPngBlob } = window.BulwarkDiagrams;
      const blob = await svgToPngBlob(svg, 2);
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d');
      ctx?.drawImage(bitmap, 0, 0);
      const data = ctx?.getImageData(0, 0, bitmap.width, bitmap.height).data ?? [];
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if ((data[i] ?? 255) < 200) inked++;
      return {
        type: blob.type,
        signature: [...new Uint8Array(await blob.slice(0, 8).arrayBuffer())],
        size: svgSize(svg),
        width: bitmap.width,
        height: bitmap.height,
        inked,
      };
    }, outcome.svg);
    expect(png.type).toBe('image/png');
    expect(png.signature).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.width).toBe(Math.floor((png.size?.width ?? 0) * 2));
    expect(png.height).toBe(Math.floor((png.size?.height ?? 0) * 2));
    expect(png.inked).toBeGreaterThan(1000); // lines and text, not an empty canvas
  });

  test('gives a base64 PNG for the desktop bridge and a well-formed standalone SVG', async ({
    page,
  }) => {
    await blankPage(page);
    const outcome = await render(page, PLAYBOOK, 'dark');
    if (!outcome.ok) throw new Error(outcome.message);
    const files = await page.evaluate(async (svg) => {
      const { diagramPngFile, standaloneSvg } = window.BulwarkDiagrams;
      const png = await diagramPngFile(svg, 'Playbook: leaked key', 1);
      const standalone = standaloneSvg(svg, '#ffffff');
      const xml = new DOMParser().parseFromString(standalone, 'image/svg+xml');
      return {
        fileName: png.fileName,
        mimeType: png.mimeType,
        head: atob(png.base64).slice(1, 4),
        parseErrors: xml.getElementsByTagName('parsererror').length,
        root: xml.documentElement.localName,
        width: xml.documentElement.getAttribute('width'),
      };
    }, outcome.svg);
    expect(files).toMatchObject({
      fileName: 'Playbook leaked key.png',
      mimeType: 'image/png',
      head: 'PNG',
      parseErrors: 0,
      root: 'svg',
    });
    expect(Number(files.width)).toBeGreaterThan(0);
  });

  test('downloads the PNG in a browser', async ({ page }) => {
    await blankPage(page);
    const outcome = await render(page, FLOW);
    if (!outcome.ok) throw new Error(outcome.message);
    const download = page.waitForEvent('download');
    await page.evaluate(
      (svg) =>
        window.BulwarkDiagrams.saveDiagramPng(
          { kind: 'browser' } as Parameters<typeof window.BulwarkDiagrams.saveDiagramPng>[0],
          svg,
          'Orders: data flow',
        ),
      outcome.svg,
    );
    const file = await download;
    expect(file.suggestedFilename()).toBe('Orders data flow.png');
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});

test.describe('MermaidDiagram', () => {
  /** Mounts the component; clicks on nodes are recorded in window.clicks. */
  async function mount(page: Page, props: Omit<MountProps, 'onNodeClick'>, interactive = true) {
    await page.evaluate(
      ({ props, interactive }) => {
        const element = document.createElement('main');
        document.body.append(element);
        window.clicks = [];
        window.props = {
          ...props,
          ...(interactive ? { onNodeClick: (id: string) => window.clicks?.push(id) } : {}),
        };
        window.mounted = window.BulwarkDiagrams.mountDiagram(element, window.props);
      },
      { props, interactive },
    );
  }
  const update = (page: Page, changes: Partial<MountProps>) =>
    page.evaluate((c) => {
      if (!window.props || !window.mounted) throw new Error('Mount the diagram first.');
      window.props = { ...window.props, ...c };
      window.mounted.update(window.props);
    }, changes);
  const clicks = (page: Page) => page.evaluate(() => window.clicks ?? []);

  test('selects an element by click, Enter or Space, and marks the selected node', async ({
    page,
  }) => {
    await blankPage(page);
    await mount(page, { text: FLOW, label: 'Data flow of Orders', theme: 'light' });
    const diagram = page.getByRole('group', { name: 'Data flow of Orders' });
    await expect(diagram).toBeVisible();
    const api = diagram.getByRole('button', { name: 'Orders API' });
    await api.click();
    expect(await clicks(page)).toEqual(['n1']);

    await diagram.getByRole('button', { name: 'Orders DB' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Space');
    expect(await clicks(page)).toEqual(['n1', 'n2', 'n2']);
    // Tab moves through the nodes; boundaries are elements too.
    await page.keyboard.press('Tab');
    await expect(diagram.getByRole('button', { name: 'Audit log 2 open threats' })).toBeFocused();
    await expect(diagram.getByRole('button', { name: 'DMZ' })).toHaveAttribute('tabindex', '0');

    await update(page, { selectedNodeId: 'n1', highlightNodeIds: ['n2'] });
    await expect(api).toHaveAttribute('aria-pressed', 'true');
    await expect(api).toHaveClass(/diagram-node--selected/);
    await expect(diagram.getByRole('button', { name: 'Orders DB' })).toHaveClass(
      /diagram-node--highlighted/,
    );
    await expect(diagram.getByRole('button', { name: 'Customer' })).toHaveAttribute(
      'aria-pressed',
      'false',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('is one image with a name when nothing in it can be selected', async ({ page }) => {
    await blankPage(page);
    await mount(page, { text: PLAYBOOK, label: 'Leaked key playbook', theme: 'dark' }, false);
    const image = page.getByRole('img', { name: 'Leaked key playbook' });
    await expect(image).toBeVisible();
    await expect(page.getByRole('button', { name: 'Detect and triage' })).toHaveCount(0);
    await update(page, { highlightNodeIds: ['contain'] });
    await expect(page.locator('.diagram-node--highlighted')).toHaveCount(1);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('redraws when the text changes, and says why it cannot draw', async ({ page }) => {
    await blankPage(page);
    await mount(page, { text: FLOW, label: 'Live diagram', theme: 'light' });
    const diagram = page.getByRole('group', { name: 'Live diagram' });
    await expect(diagram.getByRole('button', { name: 'Orders API' })).toBeVisible();

    await update(page, { text: FLOW.replace('Orders API', 'Payments API') });
    await expect(diagram.getByRole('button', { name: 'Payments API' })).toBeVisible();

    await update(page, { text: 'flowchart LR\n  n0 -->' });
    await expect(page.getByText('This diagram could not be read.')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('Parse error');

    const huge = Array.from({ length: 600 }, (_, i) => `  n${String(i)} --> n${String(i + 1)}`);
    await update(page, { text: ['flowchart LR', ...huge].join('\n') });
    await expect(page.getByText('This diagram is too large to draw.')).toBeVisible();
    await expect(page.getByRole('status')).toContainText('about 600 connections');
  });

  test('fits the drawing to the width or shows it at its own size', async ({ page }) => {
    await blankPage(page);
    await page.setViewportSize({ width: 480, height: 700 });
    await mount(page, { text: FLOW, label: 'Sized diagram', theme: 'light' }, false);
    const svg = page.getByRole('img', { name: 'Sized diagram' }).locator('svg');
    await expect(svg).toBeVisible();
    const fitted = (await svg.boundingBox())?.width ?? 0;
    const fit = page.getByRole('button', { name: 'Fit to width' });
    await expect(fit).toHaveAttribute('aria-pressed', 'true');
    await fit.click();
    await expect(fit).toHaveAttribute('aria-pressed', 'false');
    const actual = (await svg.boundingBox())?.width ?? 0;
    expect(fitted).toBeLessThan(480);
    expect(actual).toBeGreaterThan(fitted);
  });
});

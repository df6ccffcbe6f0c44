/**
 * The add-in manifest against the add-in as built, in Chromium: every address it names is served by the build (the
 * pane, the function file, the help and support pages, each icon at the size it declares), SupportUrl and
 * LearnMoreUrl are the support and help pages rather than the pane, and the pane works in an Excel that offers
 * exactly the ExcelApi set the manifest requires. The manifest is read as the build copies it (dist/manifest.xml),
 * with https://localhost:3000/ standing for the harness's /raw/ (the files exactly as built).
 */
import { ACTION_LABELS } from '../../src/taskpane/controller';
import { describeBrowser, harnessSessions, openPage, runAction, SEEDS } from './helpers';

const DEV_ORIGIN = 'https://localhost:3000/';

interface ManifestFacts {
  /** Every DefaultValue address, by the element (and id) that names it. */
  urls: { element: string; id: string | null; url: string }[];
  /** Each ribbon icon reference: the size it is declared at and the image resource it names. */
  icons: { size: number; resid: string }[];
  supportUrl: string;
  learnMoreResid: string;
  excelApi: string | null;
}

describeBrowser('the manifest against the add-in as built', () => {
  const harness = harnessSessions();
  let facts: ManifestFacts;

  it('every address the manifest names is served by the build, icons at the size each is declared', async () => {
    const s = await openPage(harness.server(), harness.browser(), `${harness.server().url}/raw/manifest.xml`);
    try {
      facts = (await s.page.evaluate(async () => {
        const xml = new DOMParser().parseFromString(await (await fetch('manifest.xml')).text(), 'application/xml');
        if (xml.querySelector('parsererror')) throw new Error('manifest.xml is not well-formed');
        const all = [...xml.getElementsByTagName('*')];
        return {
          urls: all.filter((e) => /^https?:/.test(e.getAttribute('DefaultValue') ?? '')).map((e) => ({ element: e.tagName, id: e.getAttribute('id'), url: e.getAttribute('DefaultValue')! })),
          icons: all.filter((e) => e.tagName === 'bt:Image' && e.hasAttribute('size')).map((e) => ({ size: Number(e.getAttribute('size')), resid: e.getAttribute('resid')! })),
          supportUrl: xml.getElementsByTagName('SupportUrl')[0]?.getAttribute('DefaultValue') ?? '',
          learnMoreResid: xml.getElementsByTagName('LearnMoreUrl')[0]?.getAttribute('resid') ?? '',
          excelApi: [...xml.getElementsByTagName('Set')].find((e) => e.getAttribute('Name') === 'ExcelApi')?.getAttribute('MinVersion') ?? null,
        };
      })) as ManifestFacts;
      expect(facts.urls.length).toBeGreaterThan(10);
      const served = await s.page.evaluate(
        async ({ urls, origin }) =>
          Promise.all(
            urls.map(async (url) => {
              const response = await fetch(url.replace(origin, '/raw/'));
              const type = response.headers.get('content-type') ?? '';
              if (!response.ok) return { url, status: response.status, type, width: 0, height: 0, title: '' };
              if (type.startsWith('image/')) {
                const bitmap = await createImageBitmap(await response.blob());
                return { url, status: response.status, type, width: bitmap.width, height: bitmap.height, title: '' };
              }
              const title = /<title>([^<]*)<\/title>/.exec(await response.text())?.[1] ?? '';
              return { url, status: response.status, type, width: 0, height: 0, title };
            }),
          ),
        { urls: [...new Set(facts.urls.map((u) => u.url))], origin: DEV_ORIGIN },
      );
      for (const page of served) {
        expect({ url: page.url, status: page.status }).toEqual({ url: page.url, status: 200 });
        expect(page.url.startsWith(DEV_ORIGIN)).toBe(true);
      }
      const byUrl = new Map(served.map((p) => [p.url, p]));
      const resource = (id: string) => facts.urls.find((u) => u.id === id)!.url;

      // Ribbon icons: each reference's image is a real PNG of the size it is declared at; all eight sizes are there.
      expect([...new Set(facts.icons.map((i) => i.size))].sort((a, b) => a - b)).toEqual([16, 20, 24, 32, 40, 48, 64, 80]);
      for (const icon of facts.icons) {
        const image = byUrl.get(resource(icon.resid))!;
        expect({ resid: icon.resid, type: image.type, width: image.width, height: image.height }).toEqual({ resid: icon.resid, type: 'image/png', width: icon.size, height: icon.size });
      }
      for (const [element, size] of [['IconUrl', 32], ['HighResolutionIconUrl', 64]] as const) {
        const image = byUrl.get(facts.urls.find((u) => u.element === element)!.url)!;
        expect([image.width, image.height]).toEqual([size, size]);
      }

      // Support and "learn more" are the pages built from docs/, not the pane.
      expect(byUrl.get(facts.supportUrl)?.title).toBe('PlanAssure support');
      expect(byUrl.get(resource(facts.learnMoreResid))?.title).toBe('PlanAssure help');
      expect(byUrl.get(facts.urls.find((u) => u.element === 'SourceLocation')!.url)?.title).toBe('PlanAssure');
    } finally {
      await s.close();
    }
  });

  it('the pane reads and writes in an Excel offering exactly the ExcelApi set the manifest requires', async () => {
    expect(facts.excelApi).toMatch(/^1\.\d+$/);
    const s = await harness.session(SEEDS.sefton, { excelApi: facts.excelApi! });
    await expect(s.pane.getByTestId('plan-summary').textContent()).resolves.toMatch(/^\d+ actions/);
    const banner = await runAction(s, 'structure');
    expect(banner).toContain(`${ACTION_LABELS.structure}: done`);
    // Later sets are missing here: the pane says what it had to leave out, and carries on.
    expect(banner).toMatch(/too old/);
  });

  it('and an Excel one version older is told, in plain words, that it is too old', async () => {
    const [major, minor] = facts.excelApi!.split('.').map(Number);
    const older = `${major}.${minor - 1}`;
    const s = await openPage(harness.server(), harness.browser(), `${harness.server().url}/harness.html?seed=${SEEDS.sefton}&excelApi=${older}`);
    try {
      await s.pane.getByTestId('banner').waitFor({ timeout: 60_000 });
      await expect(s.pane.getByTestId('banner').innerText()).resolves.toContain('This version of Excel is too old');
    } finally {
      await s.close();
    }
  });
});

/**
 * First use, in the real pane in Chromium against the Excel simulator: "Start here" on the first open (remembered),
 * the Help link to the page built from docs/ and served with the pane, actions with nothing to work on disabled with
 * their reason, neutral zero counts, the dark theme edge to edge, and the column review's sample values and reasons
 * on every seed workbook.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NO_ACTIONS_REASON, NO_KPIS_REASON } from '../../src/taskpane/action-availability';
import { START_HERE_KEY } from '../../src/taskpane/first-run';
import { REPO_ROOT } from '../../harness/paths';
import { UNRECOGNISED_SEED } from '../../harness/unrecognised-seed';
import { axe, describeBrowser, engineCheck, harnessSessions, localToday, paneReady, SEEDS, seedModel, severityCounts } from './helpers';

const SEED_FILES = fs
  .readdirSync(path.join(REPO_ROOT, 'seeds'))
  .filter((f) => f.endsWith('.xlsx'))
  .map((f) => f.replace(/\.xlsx$/, ''));

/** [r, g, b, a] from a CSS rgb()/rgba() colour. */
const rgba = (css: string): number[] => {
  const [r, g, b, a = 1] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, a];
};
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
const luminance = ([r, g, b]: number[]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
/** How far a colour is from grey: 0 for black, white and greys, towards 1 for a pure hue. */
const saturation = ([r, g, b]: number[]) => (Math.max(r, g, b) === 0 ? 0 : (Math.max(r, g, b) - Math.min(r, g, b)) / Math.max(r, g, b));

describeBrowser('first use', () => {
  const harness = harnessSessions();
  const session = harness.session;

  it('"Start here" shows on the first open, hides when dismissed, and stays hidden when the pane is reopened', async () => {
    const s = await session(SEEDS.sefton);
    const start = s.pane.getByTestId('start-here');
    await expect(start.isVisible()).resolves.toBe(true);
    const text = await start.innerText();
    for (const step of ['Check plan', 'Structure plan', 'Build board pack']) expect(text).toContain(step);
    expect(await axe(s.paneFrame())).toEqual([]);

    await start.getByRole('button', { name: 'Got it, hide this' }).click();
    await expect(start.count()).resolves.toBe(0);
    // Remembered for this officer in the pane's own storage, not in the workbook.
    await expect(s.paneFrame().evaluate((key) => localStorage.getItem(key), START_HERE_KEY)).resolves.toBe('yes');
    await expect(s.harness((h) => [...h.sim.state.settings.keys()].some((k) => /start/i.test(k)))).resolves.toBe(false);

    await s.page.locator('#reload-pane').click();
    await paneReady(s);
    await expect(s.pane.getByTestId('start-here').count()).resolves.toBe(0);

    // Someone else (another browser profile) sees it on their first open.
    const other = await session(SEEDS.example);
    await expect(other.pane.getByTestId('start-here').isVisible()).resolves.toBe(true);
  });

  it('Help opens the help page built from docs/, served with the pane, which leads to the support page', async () => {
    const s = await session(SEEDS.sefton);
    const link = s.pane.getByTestId('help-link').first();
    await expect(link.getAttribute('target')).resolves.toBe('_blank');
    const [help] = await Promise.all([s.context.waitForEvent('page'), link.click()]);
    await help.waitForLoadState();
    expect(help.url()).toBe(`${harness.server().url}/help.html`);
    await expect(help.title()).resolves.toBe('PlanAssure help');
    // Every section of docs/HELP.md, and the rules from docs/RULES.md.
    const h2s = await help.locator('main h2').allTextContents();
    const sections = [...fs.readFileSync(path.join(REPO_ROOT, 'docs', 'HELP.md'), 'utf8').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(sections.length).toBeGreaterThan(4);
    expect(h2s).toEqual(expect.arrayContaining(sections));
    await expect(help.locator('h1#validation-rules').count()).resolves.toBe(1);
    expect(await axe(help.mainFrame())).toEqual([]);

    await help.getByRole('link', { name: 'Support' }).first().click();
    await help.waitForURL(`${harness.server().url}/support.html`);
    await expect(help.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('PlanAssure support');
    expect(await axe(help.mainFrame())).toEqual([]);
    await help.close();
  });

  it('an action with nothing to work on is disabled, with its reason beside it; the others stay usable', async () => {
    const today = localToday();
    const sefton = engineCheck(await seedModel(SEEDS.sefton), today).result;
    expect(sefton.kpis.length).toBe(0);
    expect(sefton.actions.length).toBeGreaterThan(0);
    const s = await session(SEEDS.sefton);
    const kpis = s.pane.locator('[data-action="kpis"]');
    await expect(kpis.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(s.pane.getByTestId('action-kpis-reason').textContent()).resolves.toBe(NO_KPIS_REASON);
    // Still reachable with Tab, and its reason is part of its description.
    await expect(kpis.getAttribute('aria-describedby')).resolves.toMatch(/^action-kpis-reason /);
    await kpis.focus();
    await expect(kpis.evaluate((el) => el === el.ownerDocument.activeElement)).resolves.toBe(true);
    // Clicking it does nothing: no action starts.
    await kpis.click({ force: true });
    await expect(s.pane.locator('[data-busy="true"]').count()).resolves.toBe(0);
    await expect(s.pane.getByTestId('banner').count()).resolves.toBe(0);
    for (const action of ['check', 'structure', 'rag', 'boardPack', 'everything']) {
      await expect(s.pane.locator(`[data-action="${action}"]`).getAttribute('aria-disabled')).resolves.toBeNull();
      await expect(s.pane.locator(`[data-action="${action}"]`).isEnabled()).resolves.toBe(true);
    }

    // A workbook with KPIs: Update KPIs is usable.
    const example = await session(SEEDS.example);
    await expect(example.pane.locator('[data-action="kpis"]').isEnabled()).resolves.toBe(true);
    await expect(example.pane.getByTestId('action-kpis-reason').count()).resolves.toBe(0);

    // A workbook where no plan was read: only Check plan and Structure plan (which lets the officer pick the columns).
    const none = await session(UNRECOGNISED_SEED);
    for (const action of ['rag', 'boardPack', 'everything']) {
      await expect(none.pane.locator(`[data-action="${action}"]`).isDisabled()).resolves.toBe(true);
      await expect(none.pane.getByTestId(`action-${action}-reason`).textContent()).resolves.toBe(NO_ACTIONS_REASON);
    }
    for (const action of ['check', 'structure']) await expect(none.pane.locator(`[data-action="${action}"]`).isEnabled()).resolves.toBe(true);
  });

  it.each(['light', 'dark'])('zero counts are neutral and other counts keep their colour; no black badge (%s theme)', async (theme) => {
    const counts = severityCounts(engineCheck(await seedModel(SEEDS.sefton), localToday()).findings);
    expect(counts.error).toBe(0);
    expect(counts.warning).toBeGreaterThan(0);
    const s = await session(SEEDS.sefton, { theme });
    const badges = await s.pane.locator('[data-testid^="count-"][data-count]').evaluateAll((spans) =>
      spans.map((span) => {
        const badge = span.querySelector('[data-testid="count-badge"]')!;
        const style = getComputedStyle(badge);
        return { count: Number(span.getAttribute('data-count')), background: style.backgroundColor, text: style.color, border: style.borderTopColor };
      }),
    );
    expect(badges.map((b) => b.count)).toEqual([counts.error, counts.warning, counts.info]);
    for (const badge of badges) {
      const background = rgba(badge.background);
      const opaque = background[3] > 0.5;
      if (badge.count === 0) {
        // Neutral: no fill, grey text and outline.
        expect(opaque).toBe(false);
        expect(saturation(rgba(badge.text))).toBeLessThan(0.15);
        expect(saturation(rgba(badge.border))).toBeLessThan(0.15);
      } else {
        // Coloured: a coloured fill, or coloured text on a pale tint.
        expect(Math.max(opaque ? saturation(background) : 0, saturation(rgba(badge.text)))).toBeGreaterThan(0.3);
      }
      // Never a black blob: an opaque fill is either a colour or not dark.
      if (opaque) expect(saturation(background) > 0.3 || luminance(background) > 0.3).toBe(true);
    }
  });

  it('the dark theme reaches every edge of the pane: no white frame', async () => {
    const s = await session(SEEDS.sefton, { theme: 'dark' });
    const edges = await s.paneFrame().evaluate(() => {
      const w = window.innerWidth;
      const h = window.innerHeight;
      const points = [[0, 0], [w - 1, 0], [0, h - 1], [w - 1, h - 1], [Math.floor(w / 2), 0], [0, Math.floor(h / 2)], [w - 1, Math.floor(h / 2)], [Math.floor(w / 2), h - 1]];
      return points.map(([x, y]) => {
        // The colour showing at that point: the nearest element, inwards out, with a background of its own.
        let el: Element | null = document.elementFromPoint(x, y);
        while (el && getComputedStyle(el).backgroundColor === 'rgba(0, 0, 0, 0)') el = el.parentElement;
        return el ? getComputedStyle(el).backgroundColor : 'the page canvas (white)';
      });
    });
    for (const colour of edges) {
      expect(colour).toMatch(/^rgb/);
      expect(luminance(rgba(colour))).toBeLessThan(0.25);
    }
  });

  it.each(SEED_FILES)('the column review on %s shows each column\'s sample values (kept short), and reasons wherever it is not sure; a Status column is never "Unsure"', async (seed) => {
    const model = await seedModel(seed);
    const s = await session(seed);
    await s.pane.locator('[data-action="structure"]').click();
    await s.pane.getByTestId('mapping-review').waitFor({ timeout: 60_000 });
    const columns = await s.pane.getByTestId('mapping-column').evaluateAll((items) =>
      items.map((li) => ({
        sheet: li.getAttribute('data-sheet') ?? '',
        letter: li.getAttribute('data-column') ?? '',
        field: li.getAttribute('data-field') ?? '',
        badge: li.querySelector('[data-testid="confidence"]')?.textContent ?? '',
        samples: li.querySelector('[data-testid="samples"]')?.textContent ?? null,
        reasons: li.querySelector('[data-testid="reasons"]')?.textContent ?? null,
      })),
    );
    expect(columns.length).toBeGreaterThan(3);
    const colOf = (letter: string) => [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
    const textsIn = (sheet: string, col: number) =>
      new Set(
        model.sheets
          .find((x) => x.name === sheet)!
          .cells.filter((c) => c.col === col)
          .flatMap((c) => (c.value.type === 'date' ? [c.value.value, c.value.value.split('-').reverse().join('/')] : [String(c.value.value)]))
          .map(oneLine),
      );
    let withSamples = 0;
    for (const c of columns) {
      if (c.samples !== null) {
        // "For example: “a”, “b”, “c”": each is a value in that column of the officer's own sheet.
        const values = [...c.samples.matchAll(/“([^”]*)”/g)].map((m) => oneLine(m[1].replace(/…$/, '')));
        expect(values.length).toBeGreaterThan(0);
        const cells = [...textsIn(c.sheet, colOf(c.letter))];
        for (const v of values) {
          expect(cells.some((cell) => cell.startsWith(v))).toBe(true);
          // Short enough to scan: a long value is cut, on one line.
          expect(v.length).toBeLessThanOrEqual(60);
        }
        withSamples++;
      }
      if (c.field && !c.badge.startsWith('Sure')) expect(c.reasons).toMatch(/^Read as .+ because .+\.$/);
      if (c.field === 'status') expect(c.badge).toMatch(/^Sure/);
      expect(c.badge).not.toMatch(/^Unsure/);
    }
    // Nearly every column that has values shows them (a column may be empty below its header).
    expect(withSamples).toBeGreaterThanOrEqual(Math.ceil(columns.length * 0.8));
    await s.pane.getByRole('button', { name: 'Cancel', exact: true }).click();
  });
});

/**
 * The add-in manifest: XSD-valid (offline, via scripts/validate-manifest.mjs and xmllint), rejects
 * broken copies with a line number, and declares what PlanAssure needs (Excel, read/write, the ExcelApi set,
 * the two ribbon buttons, real PNG icons at every size the ribbon may use, help and support pages it ships).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from './helpers/tools';
import { FEATURES } from '../src/excel/requirements';
import { PAGES } from '../scripts/help-pages';

const repoRoot = join(__dirname, '..');
const manifestPath = join(repoRoot, 'manifest.xml');
const validator = join(repoRoot, 'scripts', 'validate-manifest.mjs');
const manifest = readFileSync(manifestPath, 'utf8');
const RIBBON_SIZES = [16, 20, 24, 32, 40, 48, 64, 80];

function validate(path: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [validator, path], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Width and height from a PNG's IHDR chunk; throws when the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const buf = readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** The DefaultValue of the bt:Image / bt:Url resource with this id. */
function resource(id: string): string {
  const m = new RegExp(`<bt:(?:Image|Url) id="${id.replace(/\./g, '\\.')}" DefaultValue="([^"]+)"`).exec(manifest);
  if (!m) throw new Error(`resource ${id} not found in manifest.xml`);
  return m[1];
}

/** Local file behind a https://localhost:3000/... URL (assets/ in the repo). */
function localFile(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[^"?#]+)$/.exec(url);
  if (!m) throw new Error(`${url} is not a dev-server asset URL`);
  return join(repoRoot, m[1]);
}

let xmllintError: unknown = null;
let hasXmllint = false;
try {
  hasXmllint = requireTool('xmllint');
} catch (e) {
  xmllintError = e;
}
const withXmllint = hasXmllint ? it : it.skip;

describe('manifest.xml: offline validation', () => {
  it('xmllint is on PATH (CI=true fails here; elsewhere a missing xmllint skips the cases below, with a warning)', () => {
    if (xmllintError) throw xmllintError;
  });

  withXmllint('the real manifest validates against the XSD and its URLs name built files', () => {
    const r = validate(manifestPath);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/validates against OfficeAppManifestV1_1\.xsd/);
  });

  describe('broken copies are rejected with the line named', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'planassure-manifest-'));
    });
    afterAll(() => {
      rmSync(dir, { recursive: true, force: true });
    });

    const broken = (name: string, text: string): string => {
      expect(text).not.toBe(manifest); // the edit must have changed something
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    };
    const lineOf = (text: string, needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length;

    withXmllint('an unknown Permissions level', () => {
      const text = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>');
      const r = validate(broken('bad-permissions.xml', text));
      expect(r.status).not.toBe(0);
      const line = lineOf(text, '<Permissions>');
      expect(r.stderr).toContain(`bad-permissions.xml:${line}: element Permissions`);
      expect(r.stderr).toContain('ReadWriteEverything');
    });

    withXmllint('a missing required element (ProviderName)', () => {
      const text = manifest.replace(/^\s*<ProviderName>[^<]*<\/ProviderName>\n/m, '');
      const r = validate(broken('no-provider.xml', text));
      expect(r.status).not.toBe(0);
      // xmllint reports the element found where ProviderName was expected.
      expect(r.stderr).toContain(`no-provider.xml:${lineOf(text, '<DefaultLocale>')}: element DefaultLocale`);
      expect(r.stderr).toMatch(/Expected is \( \{[^}]+\}ProviderName \)/);
    });

    withXmllint('XML that is not well-formed', () => {
      const text = manifest.replace('</Hosts>', '</Hostz>');
      const r = validate(broken('not-well-formed.xml', text));
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/not-well-formed\.xml:\d+: parser error/);
    });

    withXmllint('Requirements out of place (after DefaultSettings)', () => {
      const requirements = /\s*<Requirements>[\s\S]*?<\/Requirements>/.exec(manifest)![0];
      const text = manifest.replace(requirements, '').replace('</DefaultSettings>', `</DefaultSettings>${requirements}`);
      const r = validate(broken('late-requirements.xml', text));
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`late-requirements.xml:${lineOf(text, '<Requirements>')}: element Requirements`);
    });

    withXmllint('a dev-server URL that webpack does not build', () => {
      const text = manifest.replace(
        '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>',
        '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/function-file.html"/>',
      );
      const r = validate(broken('unbuilt-url.xml', text));
      expect(r.status).not.toBe(0);
      expect(r.stderr).toContain(`unbuilt-url.xml:${lineOf(text, 'function-file.html')}: https://localhost:3000/function-file.html`);
    });
  });
});

describe('manifest.xml: what PlanAssure declares', () => {
  it('is an Excel (Workbook) task-pane add-in with read/write access', () => {
    expect(manifest).toMatch(/<OfficeApp [^>]*xsi:type="TaskPaneApp"/);
    expect(manifest).toMatch(/<Hosts>\s*<Host Name="Workbook"\/>\s*<\/Hosts>/);
    expect(manifest).toMatch(/<Host xsi:type="Workbook">/);
    expect(manifest).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(manifest).toContain('<DefaultLocale>en-GB</DefaultLocale>');
    expect(manifest).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
  });

  it('has a PlanAssure group on the Home tab with the two buttons', () => {
    expect(manifest).toMatch(/<OfficeTab id="TabHome">\s*<Group id="PlanAssure\.Group">\s*<Label resid="Group\.Label"\/>/);
    expect(manifest).toContain('<bt:String id="Group.Label" DefaultValue="PlanAssure"/>');

    const controls = [...manifest.matchAll(/<Control xsi:type="Button" id="([^"]+)">([\s\S]*?)<\/Control>/g)];
    expect(controls.map((c) => c[1])).toEqual(['PlanAssure.OpenButton', 'PlanAssure.CheckButton']);
    const label = (body: string) => {
      const resid = /<Label resid="([^"]+)"\/>/.exec(body)![1];
      return new RegExp(`<bt:String id="${resid}" DefaultValue="([^"]+)"`).exec(manifest)![1];
    };

    const [open, check] = controls.map((c) => c[2]);
    expect(label(open)).toBe('Open PlanAssure');
    expect(open).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>ButtonId1<\/TaskpaneId>\s*<SourceLocation resid="([^"]+)"\/>/);
    const taskpaneResid = /<SourceLocation resid="([^"]+)"\/>/.exec(open)![1];
    expect(resource(taskpaneResid)).toBe('https://localhost:3000/taskpane.html');

    expect(label(check)).toBe('Check plan');
    expect(check).toMatch(/<Action xsi:type="ExecuteFunction">\s*<FunctionName>checkPlan<\/FunctionName>/);
    const functionFile = /<FunctionFile resid="([^"]+)"\/>/.exec(manifest)![1];
    expect(resource(functionFile)).toBe('https://localhost:3000/commands.html');
  });

  it('names ribbon icons at every size the schema allows (16, 20, 24, 32, 40, 48, 64, 80 px): real PNGs of those sizes', () => {
    const ribbon = [...manifest.matchAll(/<bt:Image size="(\d+)" resid="([^"]+)"\/>/g)];
    // Each of the group and the two buttons names all eight.
    expect(ribbon.map((m) => Number(m[1]))).toEqual([...RIBBON_SIZES, ...RIBBON_SIZES, ...RIBBON_SIZES]);

    const icons = new Map<number, string>();
    for (const [, size, resid] of ribbon) icons.set(Number(size), resource(resid));
    expect(/<HighResolutionIconUrl DefaultValue="([^"]+)"\/>/.exec(manifest)![1]).toBe(icons.get(64));
    expect(/<IconUrl DefaultValue="([^"]+)"\/>/.exec(manifest)![1]).toBe(icons.get(32));

    expect([...icons.keys()].sort((a, b) => a - b)).toEqual(RIBBON_SIZES);
    for (const [size, url] of icons) {
      expect(url).toBe(`https://localhost:3000/assets/icon-${size}.png`);
      const file = localFile(url);
      expect(existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it('requires the ExcelApi set the pane cannot work without: the highest version among the core features', () => {
    const core = Object.values(FEATURES).filter((f) => f.core).map((f) => f.version);
    const needed = core.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).pop();
    const sets = /<Requirements>\s*<Sets DefaultMinVersion="1\.1">\s*<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>\s*<\/Sets>\s*<\/Requirements>/.exec(manifest);
    expect(sets?.[1]).toBe(needed);
  });

  it('SupportUrl and LearnMoreUrl point at the support and help pages the build makes from docs/, not at the pane', () => {
    const built = PAGES.map((p) => p.file);
    const supportUrl = /<SupportUrl DefaultValue="([^"]+)"\/>/.exec(manifest)![1];
    expect(supportUrl).toBe('https://localhost:3000/support.html');
    const learnMore = resource(/<LearnMoreUrl resid="([^"]+)"\/>/.exec(manifest)![1]);
    expect(learnMore).toBe('https://localhost:3000/help.html');
    for (const url of [supportUrl, learnMore]) expect(built).toContain(url.replace('https://localhost:3000/', ''));
  });

  it('the committed icons are exactly what scripts/make-icons.mjs draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'planassure-icons-'));
    try {
      const r = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'make-icons.mjs'), dir], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      for (const name of [...RIBBON_SIZES.map((size) => `icon-${size}.png`), 'logo-filled.png']) {
        expect(readFileSync(join(dir, name)).equals(readFileSync(join(repoRoot, 'assets', name)))).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The task pane's security settings that are not UI: its Content-Security-Policy, no eval of any kind in the
 * sources, and the dependency audit in CI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function policy(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*http-equiv\s*=\s*["']Content-Security-Policy["'][^>]*>/gi)];
  expect(metas).toHaveLength(1);
  const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(metas[0][0]) ?? /\bcontent\s*=\s*'([^']*)'/i.exec(metas[0][0]);
  expect(content).not.toBeNull();
  const directives = new Map<string, string[]>();
  for (const part of content![1].split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

describe('src/taskpane/taskpane.html Content-Security-Policy', () => {
  const html = fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'taskpane.html'), 'utf8');
  const csp = policy(html);
  const scripts = csp.get('script-src') ?? csp.get('default-src') ?? [];

  it("allows no 'unsafe-eval' anywhere", () => {
    for (const [name, values] of csp) expect({ name, values }).toEqual({ name, values: expect.not.arrayContaining(["'unsafe-eval'", "'wasm-unsafe-eval'"]) });
  });

  it("runs scripts only from itself and Office.js: no inline script, no wildcard, no data: or http:", () => {
    expect(csp.has('default-src')).toBe(true);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts).not.toContain("'unsafe-inline'");
    for (const source of scripts) expect(source).toMatch(/^('self'|https:\/\/appsforoffice\.microsoft\.com)$/);
  });

  it('blocks plugins and base-tag tricks', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
  });

  it('has no inline <script> body (the policy would block it anyway)', () => {
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      expect(m[1]).toMatch(/\bsrc=/);
      expect(m[2].trim()).toBe('');
    }
  });

  it('the bundle is never built with an eval-based devtool (which the policy would break)', () => {
    const config = fs.readFileSync(path.join(ROOT, 'webpack.config.js'), 'utf8');
    const settings = [...config.matchAll(/^\s*devtool\s*:\s*(.+?),?\s*$/gm)].map((m) => m[1]);
    expect(settings.length).toBeGreaterThan(0);
    for (const value of settings) expect(value).not.toMatch(/eval/);
  });
});

describe('no eval of any kind in src/', () => {
  function files(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return files(full);
      return /\.(ts|tsx|js|mjs|cjs|html)$/.test(e.name) ? [full] : [];
    });
  }

  /** Source without comments, so that prose such as "no 'unsafe-eval'" is not taken for code. */
  function code(text: string): string {
    return text.replace(/<!--[\s\S]*?-->/g, '').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  }

  const PATTERNS: [string, RegExp][] = [
    ['eval(…)', /(^|[^.\w$])eval\s*\(/],
    ['window.eval / globalThis.eval', /\.\s*eval\s*\(/],
    ['new Function(…)', /\bnew\s+Function\s*\(/],
    ['Function(…) called as a constructor', /(^|[^.\w$])Function\s*\(\s*['"`]/],
    ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ];

  const sources = files(path.join(ROOT, 'src'));

  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(20);
  });

  it.each(PATTERNS)('no %s', (_name, pattern) => {
    const hits = sources.filter((f) => pattern.test(code(fs.readFileSync(f, 'utf8')))).map((f) => path.relative(ROOT, f));
    expect(hits).toEqual([]);
  });

  it('the patterns do catch what they are for', () => {
    expect(PATTERNS[0][1].test(code('const x = eval("1+1");'))).toBe(true);
    expect(PATTERNS[1][1].test(code('window.eval(s)'))).toBe(true);
    expect(PATTERNS[2][1].test(code('const f = new Function("a", "return a");'))).toBe(true);
    expect(PATTERNS[4][1].test(code("setTimeout('alert(1)', 10)"))).toBe(true);
    expect(PATTERNS[0][1].test(code('// we never eval(anything)'))).toBe(false);
    expect(PATTERNS[0][1].test(code('const medieval = 1; retrieval(x);'))).toBe(false);
  });
});

describe('CI audits the shipped dependencies', () => {
  const lines = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8').split('\n').map((l) => l.trim());
  const script = fs.readFileSync(path.join(ROOT, 'scripts', 'audit.mjs'), 'utf8');

  it('runs the audit (scripts/audit.mjs) straight after `npm ci`, before the tests', () => {
    const ci = lines.findIndex((l) => /^npm ci\b/.test(l));
    const audit = lines.findIndex((l) => l === 'node scripts/audit.mjs');
    const test = lines.findIndex((l) => /^npm test\b/.test(l));
    expect(ci).toBeGreaterThanOrEqual(0);
    expect(audit).toBeGreaterThan(ci);
    expect(test).toBeGreaterThan(audit);
    expect(lines.slice(ci + 1, audit).every((l) => l === '' || l.startsWith('#'))).toBe(true);
  });

  it('audits only what ships, and fails on high or critical advisories', () => {
    expect(script).toContain("'audit', '--omit=dev', '--json'");
    expect(script).toMatch(/serious = \(counts\.high \?\? 0\) \+ \(counts\.critical \?\? 0\)/);
    expect(script).toContain('process.exit(serious > 0 ? 1 : 0)');
  });

  it('runs under `set -e`, so a failed audit fails the run', () => {
    expect(lines.some((l) => /^set -[a-z]*e/.test(l))).toBe(true);
  });
});

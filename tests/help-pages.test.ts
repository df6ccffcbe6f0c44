/**
 * The help and support pages shipped with the add-in, built from docs/ (scripts/help-pages.js): the markdown subset
 * our docs use comes out as the HTML it means, anything else in a doc is shown as text and never run, and the
 * built pages' links all land somewhere.
 */
import { join } from 'node:path';
import { buildHelpPages, builtLink, markdownToHtml } from '../scripts/help-pages';

const repoRoot = join(__dirname, '..');

describe('markdownToHtml: the subset our docs use', () => {
  it('headings with ids, paragraphs joined across lines, bold, italics and inline code', () => {
    expect(markdownToHtml('# A title\n\nSome **bold** and *slanted* text,\nwith `code <here>` and _more_.')).toBe(
      '<h1 id="a-title">A title</h1>\n<p>Some <strong>bold</strong> and <em>slanted</em> text, with <code>code &lt;here&gt;</code> and <em>more</em>.</p>',
    );
  });

  it('leaves snake_case and a lone asterisk alone', () => {
    expect(markdownToHtml('rule_id_here costs 2 * 3')).toBe('<p>rule_id_here costs 2 * 3</p>');
  });

  it('lists: bullets, numbers, wrapped lines and a nested list', () => {
    expect(markdownToHtml('- one\n  wrapped\n- two\n  - inner\n\n1. first\n2. second')).toBe(
      '<ul>\n<li>one wrapped</li>\n<li>two\n<ul>\n<li>inner</li>\n</ul></li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>',
    );
  });

  it('tables with header cells, and escaped pipes inside a cell', () => {
    expect(markdownToHtml('| Setting | Value |\n| --- | --- |\n| a \\| b | `off` |')).toBe(
      '<div class="table"><table>\n<thead><tr><th scope="col">Setting</th><th scope="col">Value</th></tr></thead>\n<tbody>\n<tr><td>a | b</td><td><code>off</code></td></tr>\n</tbody>\n</table></div>',
    );
  });

  it('fenced code is kept as typed, escaped; HTML comments are dropped', () => {
    expect(markdownToHtml('<!-- generated -->\n```bash\nnpm run build  # <dist>\n```')).toBe('<pre><code>npm run build  # &lt;dist&gt;</code></pre>');
  });

  it('raw HTML in a doc is shown as text, never run', () => {
    const html = markdownToHtml('<script>alert(1)</script> and <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('links: the link rule decides; null shows the text alone; images become their alt text', () => {
    const link = (url: string) => (url.endsWith('.md') ? null : url);
    expect(markdownToHtml('[Rules](docs/RULES.md), [site](https://example.org/a?b=1&c=2) ![a chart](x.png)', { link })).toBe(
      '<p>Rules, <a href="https://example.org/a?b=1&amp;c=2">site</a> a chart</p>',
    );
  });

  it('a heading repeated on the page gets a unique id', () => {
    const ids = new Set<string>();
    markdownToHtml('## Summary', { ids });
    expect(markdownToHtml('## Summary', { ids })).toBe('<h2 id="summary-2">Summary</h2>');
  });
});

describe('the built pages', () => {
  const pages = buildHelpPages(repoRoot);

  it('docs that are on a page link to it; other docs show as text; anchors and web addresses stay', () => {
    expect(builtLink('RULES.md')).toBe('help.html#validation-rules');
    expect(builtLink('docs/SUPPORT.md')).toBe('support.html');
    expect(builtLink('HELP.md#start-here')).toBe('help.html#start-here');
    expect(builtLink('READING.md')).toBeNull();
    expect(builtLink('#findings')).toBe('#findings');
  });

  it('help.html and support.html, each with its title, and every in-page link lands on a heading', () => {
    expect(pages.map((p) => p.file)).toEqual(['help.html', 'support.html']);
    for (const page of pages) {
      const ids = new Set([...page.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
      const anchors = [...page.html.matchAll(/href="(?:([a-z]+\.html))?#([^"]+)"/g)];
      expect(anchors.length).toBeGreaterThan(3);
      for (const [, file, anchor] of anchors) {
        const target = file ? pages.find((p) => p.file === file) : page;
        expect(target).toBeDefined();
        expect(target === page ? ids.has(anchor) : target!.html.includes(` id="${anchor}"`)).toBe(true);
      }
      // Nothing from elsewhere: no script, and only same-page, sibling-page or web links.
      expect(page.html).not.toMatch(/<script/i);
      expect(page.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    }
    expect(pages[0].html).toContain('<title>PlanAssure help</title>');
    expect(pages[0].html).toContain('<h2 id="start-here">Start here</h2>');
    expect(pages[0].html).toContain('<h1 id="validation-rules">Validation rules</h1>');
    expect(pages[1].html).toContain('<title>PlanAssure support</title>');
  });
});

/**
 * The help and support pages that ship with the add-in (dist/help.html, dist/support.html), built from docs/*.md at
 * build time by HelpPagesPlugin (webpack.config.js). Nothing is fetched from elsewhere: the officer's Help link and
 * the manifest's SupportUrl / LearnMoreUrl open pages served with the pane itself.
 *
 * markdownToHtml covers the subset our docs use (headings, paragraphs, lists with nesting, tables, fenced code,
 * block quotes, inline code, bold, italics, links, HTML comments), which is why no markdown library is needed.
 * Everything the markdown says is escaped: raw HTML in a doc is shown as text, never run.
 *
 * CommonJS, because webpack.config.js requires it; typed for the tests by help-pages.d.ts.
 */
const fs = require('node:fs');
const path = require('node:path');

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A heading's id: lower case, words joined by hyphens (GitHub's style, so #anchors written for GitHub still work). */
function slugOf(text) {
  return text
    .toLowerCase()
    .replace(/<[^>]*>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/**
 * Inline markdown to HTML. Code spans are set aside first (nothing inside them is formatted), then the text is
 * escaped, then links, bold and italics are applied to the escaped text.
 */
function inline(text, options) {
  // Placeholders from Unicode's private use area, which no doc uses.
  const codes = [];
  let out = text.replace(/`([^`]+)`/g, (_m, code) => {
    codes.push(`<code>${escapeHtml(code)}</code>`);
    return `\uE000${codes.length - 1}\uE001`;
  });
  out = escapeHtml(out);
  // Images are not carried into the pages (the docs' screenshots are not part of the build): their alt text is.
  out = out.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (_m, alt) => alt);
  out = out.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, label, url) => {
    const href = options.link(url.replace(/&amp;/g, '&'));
    return href === null ? label : `<a href="${escapeHtml(href)}">${label}</a>`;
  });
  out = out.replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_m, url) => `<a href="${url}">${url}</a>`);
  out = out.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>');
  out = out.replace(/(^|[^\w*])\*([^*\s][^*]*?)\*(?!\w)/g, '$1<em>$2</em>');
  out = out.replace(/(^|[^\w])_([^_\s][^_]*?)_(?!\w)/g, '$1<em>$2</em>');
  return out.replace(/\uE000(\d+)\uE001/g, (_m, i) => codes[Number(i)]);
}

const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
const FENCE = /^\s*```/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const indentOf = (line) => /^\s*/.exec(line)[0].length;
const cellsOf = (row) =>
  row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim().replace(/\\\|/g, '|'));

function startsBlock(line, next) {
  return HEADING.test(line) || FENCE.test(line) || LIST_ITEM.test(line) || /^\s*>/.test(line) || /^\s*<!--/.test(line) || (/^\s*\|/.test(line) && next !== undefined && TABLE_SEPARATOR.test(next));
}

/** Block markdown (lines) to HTML. */
function blocks(lines, options) {
  const html = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    if (/^\s*<!--/.test(line)) {
      while (i < lines.length && !lines[i].includes('-->')) i++;
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const code = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i])) code.push(lines[i++]);
      i++;
      html.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const level = heading[1].length;
      const content = inline(heading[2], options);
      html.push(`<h${level} id="${options.id(slugOf(content))}">${content}</h${level}>`);
      i++;
      continue;
    }
    if (/^\s*\|/.test(line) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1])) {
      const head = cellsOf(line);
      i += 2;
      const rows = [];
      while (i < lines.length && /^\s*\|/.test(lines[i])) rows.push(cellsOf(lines[i++]));
      const th = head.map((c) => `<th scope="col">${inline(c, options)}</th>`).join('');
      const body = rows.map((r) => `<tr>${r.map((c) => `<td>${inline(c, options)}</td>`).join('')}</tr>`).join('\n');
      html.push(`<div class="table"><table>\n<thead><tr>${th}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></div>`);
      continue;
    }
    if (/^\s*>/.test(line)) {
      const quoted = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*>\s?/, ''));
      html.push(`<blockquote>\n${blocks(quoted, options)}\n</blockquote>`);
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      const base = item[1].length;
      const ordered = /\d/.test(item[2]);
      const items = [];
      // An item runs on while lines are indented past its marker (a nested list or a wrapped line) or are plain
      // continuation text; a blank line followed by text that is not indented ends the list.
      while (i < lines.length) {
        const m = LIST_ITEM.exec(lines[i]);
        if (m && m[1].length === base) {
          items.push([m[3]]);
          i++;
          continue;
        }
        if (!lines[i].trim()) {
          const next = lines.slice(i).find((l) => l.trim());
          if (next === undefined || indentOf(next) <= base) break;
          items[items.length - 1].push('');
          i++;
          continue;
        }
        if (indentOf(lines[i]) > base || (!startsBlock(lines[i], lines[i + 1]) && !m)) {
          items[items.length - 1].push(lines[i].slice(Math.min(indentOf(lines[i]), base + 2)));
          i++;
          continue;
        }
        break;
      }
      const tag = ordered ? 'ol' : 'ul';
      const lis = items.map((content) => {
        const body = blocks(content, options);
        // A tight item (one paragraph, perhaps with a nested list) reads better without its <p>.
        return `<li>${body.replace(/^<p>([\s\S]*?)<\/p>/, '$1')}</li>`;
      });
      html.push(`<${tag}>\n${lis.join('\n')}\n</${tag}>`);
      continue;
    }
    const paragraph = [];
    while (i < lines.length && lines[i].trim() && (paragraph.length === 0 || !startsBlock(lines[i], lines[i + 1]))) paragraph.push(lines[i++].trim());
    html.push(`<p>${inline(paragraph.join(' '), options)}</p>`);
  }
  return html.join('\n');
}

/**
 * Markdown to an HTML fragment. `link(url)` decides where each link goes: a new address, or null to show the link's
 * text alone. `ids` collects the heading ids already used on the page, so each stays unique.
 */
function markdownToHtml(markdown, { link = (url) => url, ids = new Set() } = {}) {
  const id = (slug) => {
    let unique = slug || 'section';
    for (let n = 2; ids.has(unique); n++) unique = `${slug}-${n}`;
    ids.add(unique);
    return unique;
  };
  return blocks(markdown.replace(/\r\n?/g, '\n').split('\n'), { link, id });
}

const STYLE = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #242424; --muted: #616161; --line: #d1d1d1; --link: #0f6cbd; --code: #f5f5f5; }
@media (prefers-color-scheme: dark) { :root { --bg: #1f1f1f; --fg: #ffffff; --muted: #d6d6d6; --line: #666666; --link: #7fbfff; --code: #2e2e2e; } }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; padding: 1rem; max-width: 48rem; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; }
a { color: var(--link); }
h1, h2, h3 { line-height: 1.25; }
h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2em; margin-top: 2em; }
code { background: var(--code); padding: 0 0.25em; border-radius: 3px; font-size: 0.92em; }
pre { background: var(--code); padding: 0.75em; overflow-x: auto; }
pre code { padding: 0; }
.table { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.5em 0; }
th, td { border: 1px solid var(--line); padding: 0.25em 0.5em; text-align: left; vertical-align: top; }
blockquote { margin: 0; padding-left: 1em; border-left: 4px solid var(--line); color: var(--muted); }
nav ul { padding-left: 1.2em; }
footer { margin-top: 3em; color: var(--muted); font-size: 0.9em; }
`;

/**
 * A whole page: the docs in order, each a section, with a contents list of their second-level headings. The page has
 * no script; its Content-Security-Policy lets it load nothing but its own inline style and same-origin images.
 */
function helpPageHtml({ title, sections, link, footer }) {
  const ids = new Set(['contents']);
  const body = sections.map((markdown) => `<section>\n${markdownToHtml(markdown, { link, ids })}\n</section>`).join('\n');
  // The contents: every second-level heading, and the first-level heading of each doc after the first.
  const headings = [...body.matchAll(/<h([12]) id="([^"]+)">([\s\S]*?)<\/h\1>/g)].slice(1);
  const contents = headings.map(([, , id, text]) => `<li><a href="#${id}">${text.replace(/<a [^>]*>|<\/a>/g, '')}</a></li>`);
  const nav = contents.length ? `\n<nav aria-labelledby="contents"><h2 id="contents">Contents</h2>\n<ul>\n${contents.join('\n')}\n</ul></nav>` : '';
  // The contents go straight after the page's title (the first doc's own heading).
  const main = body.replace(/<\/h1>/, (end) => `${end}${nav}`);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'" />
<title>${escapeHtml(title)}</title>
<link rel="icon" type="image/png" href="assets/icon-32.png" />
<style>${STYLE}</style>
</head>
<body>
<header><p><a href="#main">Skip to the content</a></p></header>
<main id="main">
${main}
</main>
<footer><p>${escapeHtml(footer)}</p></footer>
</body>
</html>
`;
}

/** The pages the add-in ships, from the docs. Links to a doc that is on a page go to that page (and section). */
const PAGES = [
  { file: 'help.html', title: 'PlanAssure help', docs: ['docs/HELP.md', 'docs/RULES.md'] },
  { file: 'support.html', title: 'PlanAssure support', docs: ['docs/SUPPORT.md'] },
];

const DOC_TARGETS = {
  'HELP.md': 'help.html',
  'RULES.md': 'help.html#validation-rules',
  'SUPPORT.md': 'support.html',
};

/** Where a link in a doc goes on the built pages: same-page anchors and web addresses stay; other docs are text. */
function builtLink(url) {
  if (/^(https?:|mailto:|#)/.test(url)) return url;
  const [file, anchor] = url.split('#');
  const target = DOC_TARGETS[path.basename(file)];
  if (!target) return null;
  return anchor && !target.includes('#') ? `${target}#${anchor}` : target;
}

/** The built pages, by file name, from the repository at `root`. */
function buildHelpPages(root) {
  const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
  return PAGES.map((page) => ({
    file: page.file,
    sources: page.docs.map((d) => path.join(root, d)),
    html: helpPageHtml({
      title: page.title,
      sections: page.docs.map((d) => fs.readFileSync(path.join(root, d), 'utf8')),
      link: builtLink,
      footer: `PlanAssure ${version}. This page ships with the add-in: it works without any other website.`,
    }),
  }));
}

/** Emits the help pages into webpack's output, rebuilding them when a doc changes (dev server). */
class HelpPagesPlugin {
  constructor(root) {
    this.root = root;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('HelpPagesPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'HelpPagesPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const page of buildHelpPages(this.root)) {
          for (const source of page.sources) compilation.fileDependencies.add(source);
          compilation.emitAsset(page.file, new sources.RawSource(page.html));
        }
      });
    });
  }
}

module.exports = { markdownToHtml, helpPageHtml, buildHelpPages, builtLink, HelpPagesPlugin, PAGES };

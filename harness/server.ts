/**
 * A tiny static server for the harness, on 127.0.0.1 only. It serves the production task pane from
 * .tmp/harness/pane/ exactly as built, except that in its HTML pages the Office.js <script> (Microsoft's CDN) is
 * swapped for the harness's stand-in, harness-office.js: in the harness nothing is fetched from outside.
 * /raw/<page> serves a page exactly as built (Office.js tag included), to see the pane as it is outside Excel.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { BUILD_DIR, PANE_DIR, SEEDS_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Built pages that never load Office.js (the help pages from docs/): served exactly as built. */
const PAGES_WITHOUT_OFFICE = new Set(['help.html', 'support.html']);

const OFFICE_JS = /<script\s+src=["']?https:\/\/appsforoffice\.microsoft\.com\/[^"'\s>]*office\.js["']?\s*>\s*<\/script>/;

/** A built page with Office.js swapped for the harness's stand-in; throws if the page has no Office.js tag. */
export function withHarnessOffice(html: string, page: string): string {
  if (!OFFICE_JS.test(html)) throw new Error(`${page} has no Office.js <script> to replace`);
  return html.replace(OFFICE_JS, '<script src="harness-office.js"></script>');
}

export interface HarnessServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function inside(dir: string, rel: string): string | null {
  const file = path.resolve(dir, `.${rel}`);
  return file.startsWith(dir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

export function resolveRequest(urlPath: string): { file: string; swapOffice: boolean } | null {
  let rel = decodeURIComponent(urlPath.split('?')[0]);
  if (rel === '/' || rel === '') rel = '/harness.html';
  if (rel.includes('\0')) return null;
  // /raw/…: the pane's files exactly as built, Office.js tag and all (for testing the pane outside Excel).
  if (rel.startsWith('/raw/')) {
    const file = inside(PANE_DIR, rel.slice('/raw'.length));
    return file ? { file, swapOffice: false } : null;
  }
  if (rel.startsWith('/seeds/')) {
    const file = inside(SEEDS_DIR, rel.slice('/seeds'.length));
    return file ? { file, swapOffice: false } : null;
  }
  const own = inside(BUILD_DIR, rel);
  if (own) return { file: own, swapOffice: false };
  const pane = inside(PANE_DIR, rel);
  return pane ? { file: pane, swapOffice: pane.endsWith('.html') && !PAGES_WITHOUT_OFFICE.has(path.basename(pane)) } : null;
}

export function startHarnessServer(port = 3100): Promise<HarnessServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const found = resolveRequest(req.url ?? '/');
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    try {
      let body: Buffer | string = fs.readFileSync(found.file);
      if (found.swapOffice) body = withHarnessOffice(body.toString('utf8'), path.basename(found.file));
      res.writeHead(200, { 'Content-Type': TYPES[path.extname(found.file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(String((error as Error)?.message ?? error));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${actual}`,
        port: actual,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

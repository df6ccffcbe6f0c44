/**
 * An .xlsx file as its package of parts (a zip of XML files). The tool reads the officer's sheets from their
 * XML and writes its own sheets as new parts: every other part — the officer's sheets, charts, pictures, pivot
 * tables, macros' settings — is carried over byte for byte, and never held as spreadsheet objects in memory.
 */
import * as path from 'node:path';
import JSZip from 'jszip';
import { escapeXml, tags } from './xml';

export const REL_TYPES = {
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
};

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
};

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export interface Relationship {
  id: string;
  type: string;
  /** The target part's path inside the zip ("xl/worksheets/sheet1.xml"), or the raw target when external. */
  target: string;
  external: boolean;
}

export interface PackageSheet {
  name: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
  sheetId: number;
  relId: string;
  /** The worksheet part; null for a chart sheet or dialog sheet, which the tool neither reads nor writes. */
  part: string | null;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(part: string): string {
  return path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
}

/** A relationship target, resolved against the part that holds it. */
function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromPart), target)).replace(/^\/+/, '');
}

/** A relative target from one part to another, as Excel writes them. */
export function relativeTarget(fromPart: string, toPart: string): string {
  return path.posix.relative(path.posix.dirname(fromPart), toPart);
}

export class WorkbookPackage {
  private constructor(
    readonly zip: JSZip,
    readonly workbookPart: string,
    public workbookXml: string,
    public workbookRels: Relationship[],
    public contentTypesXml: string,
  ) {}

  /** Opens a zip as a workbook; throws a plain Error for anything that is not one (the caller words the message). */
  static async load(data: Buffer): Promise<WorkbookPackage> {
    const zip = await JSZip.loadAsync(data);
    const rootRels = await readRelationships(zip, '', '_rels/.rels');
    const workbookPart = rootRels.find((r) => r.type === REL_TYPES.officeDocument)?.target ?? 'xl/workbook.xml';
    const workbookXml = await zip.file(workbookPart)?.async('string');
    if (!workbookXml) throw new Error('no workbook part');
    const contentTypesXml = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    const workbookRels = await readRelationships(zip, workbookPart, relsPathOf(workbookPart));
    return new WorkbookPackage(zip, workbookPart, workbookXml, workbookRels, contentTypesXml);
  }

  get date1904(): boolean {
    const pr = tags(this.workbookXml, 'workbookPr')[0]?.attrs.date1904;
    return pr === '1' || pr === 'true';
  }

  /** The workbook's sheets in tab order. */
  sheets(): PackageSheet[] {
    return tags(this.workbookXml, 'sheet').map(({ attrs }) => {
      const relId = Object.entries(attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1] ?? '';
      const rel = this.workbookRels.find((r) => r.id === relId);
      const state = attrs.state === 'hidden' || attrs.state === 'veryHidden' ? attrs.state : 'visible';
      return { name: attrs.name, visibility: state, sheetId: Number(attrs.sheetId), relId, part: rel && rel.type === REL_TYPES.worksheet && !rel.external ? rel.target : null };
    });
  }

  partOfType(type: string): string | null {
    return this.workbookRels.find((r) => r.type === type && !r.external)?.target ?? null;
  }

  async text(part: string): Promise<string | null> {
    return (await this.zip.file(part)?.async('string')) ?? null;
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async relationships(part: string): Promise<Relationship[]> {
    return readRelationships(this.zip, part, relsPathOf(part));
  }

  /** The first free "prefix{n}suffix" part name. */
  freePart(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  put(part: string, content: string | Buffer, contentType?: string): void {
    this.zip.file(part, content);
    if (contentType) this.setOverride(part, contentType);
  }

  remove(part: string): void {
    this.zip.remove(part);
    this.contentTypesXml = this.contentTypesXml.replace(new RegExp(`<Override\\s[^>]*PartName="/${escapeRe(part)}"[^>]*/>`, 'g'), '');
  }

  setOverride(part: string, contentType: string): void {
    if (this.contentTypesXml.includes(`PartName="/${part}"`)) return;
    this.contentTypesXml = this.contentTypesXml.replace('</Types>', `<Override PartName="/${part}" ContentType="${contentType}"/></Types>`);
  }

  ensureDefault(extension: string, contentType: string): void {
    if (new RegExp(`<Default\\s[^>]*Extension="${extension}"`, 'i').test(this.contentTypesXml)) return;
    this.contentTypesXml = this.contentTypesXml.replace('</Types>', `<Default Extension="${extension}" ContentType="${contentType}"/></Types>`);
  }

  /** Writes the workbook-level parts back into the zip (called once, before generating the file). */
  flush(): void {
    this.zip.file(this.workbookPart, this.workbookXml);
    this.zip.file(relsPathOf(this.workbookPart), relationshipsXml(this.workbookRels, this.workbookPart));
    this.zip.file('[Content_Types].xml', this.contentTypesXml);
  }
}

function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function readRelationships(zip: JSZip, fromPart: string, relsPath: string): Promise<Relationship[]> {
  const xml = await zip.file(relsPath)?.async('string');
  if (!xml) return [];
  return tags(xml, 'Relationship').map(({ attrs }) => {
    const external = attrs.TargetMode === 'External';
    return { id: attrs.Id, type: attrs.Type, target: external ? attrs.Target : resolveTarget(fromPart || '/', attrs.Target), external };
  });
}

export function relationshipsXml(rels: Relationship[], fromPart?: string): string {
  const items = rels.map((r) => {
    const target = r.external ? r.target : fromPart ? relativeTarget(fromPart, r.target) : r.target;
    return `<Relationship Id="${escapeXml(r.id)}" Type="${r.type}" Target="${escapeXml(target)}"${r.external ? ' TargetMode="External"' : ''}/>`;
  });
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PACKAGE_RELS_NS}">${items.join('')}</Relationships>`;
}


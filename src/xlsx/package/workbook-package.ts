/**
 * An .xlsx file as its package of parts (a zip of XML files). The tool reads the officer's sheets from their
 * XML and writes its own sheets as new parts: every other part — the officer's sheets, charts, pictures, pivot
 * tables, macros' settings — is carried over byte for byte, and never held as spreadsheet objects in memory.
 */
import * as path from 'node:path';
import JSZip from 'jszip';
import { DeflatedPart, deflatePart, zipContent } from './deflated-part';
import { inflatingStream } from './inflate-part';
import { escapeXml, tags } from './xml';
import { ReadBudget, TEXT_PART_MEGABYTES } from './limits';

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

/**
 * A package that is not a usable workbook, in words an officer can act on ("it has no [Content_Types].xml").
 * The reader adds the file's name and what to do.
 */
export class PackageProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackageProblem';
  }
}

const UTF8 = new TextDecoder('utf-8');

/**
 * The text encoding of a part, from its first bytes: XML allows UTF-16 with a byte-order mark, or without one when
 * the part starts with "<" in UTF-16. Everything else is read as UTF-8, as Excel writes it.
 */
function decoderFor(head: Uint8Array): TextDecoder {
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le');
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be');
  if (head[0] === 0x3c && head[1] === 0x00) return new TextDecoder('utf-16le');
  if (head[0] === 0x00 && head[1] === 0x3c) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

export class WorkbookPackage {
  private constructor(
    readonly zip: JSZip,
    readonly workbookPart: string,
    public workbookXml: string,
    public workbookRels: Relationship[],
    public contentTypesXml: string,
    readonly budget: ReadBudget,
  ) {}

  /**
   * Opens a zip as a workbook. Throws a PackageProblem when a part every workbook has is missing, a ReadLimitError
   * when a part is too big to be real, and a plain Error for a zip that does not open (the caller words it).
   */
  static async load(data: Buffer, budget = new ReadBudget()): Promise<WorkbookPackage> {
    const zip = await JSZip.loadAsync(data);
    const other = otherOfficeDocument(zip);
    if (other) throw new PackageProblem(`it is ${other} saved with an .xlsx name, not an Excel workbook`);
    const read = (part: string) => readPartText(zip, part, budget, TEXT_PART_MEGABYTES);
    const contentTypesXml = await read('[Content_Types].xml');
    if (contentTypesXml === null) throw new PackageProblem('it has no [Content_Types].xml part, which every workbook has');
    const rootRelsXml = await read('_rels/.rels');
    if (rootRelsXml === null) throw new PackageProblem('it has no _rels/.rels part, which says where the workbook is');
    const rootRels = parseRelationships(rootRelsXml, '');
    const workbookRel = rootRels.find((r) => r.type === REL_TYPES.officeDocument);
    const workbookPart = workbookRel && !workbookRel.external ? workbookRel.target : 'xl/workbook.xml';
    const workbookXml = await read(workbookPart);
    if (!workbookXml) throw new PackageProblem(`it has no workbook part (${workbookPart})`);
    const workbookRelsXml = await read(relsPathOf(workbookPart));
    if (workbookRelsXml === null) throw new PackageProblem(`it has no ${relsPathOf(workbookPart)} part, which says where the sheets are`);
    const workbookRels = parseRelationships(workbookRelsXml, workbookPart);
    return new WorkbookPackage(zip, workbookPart, workbookXml, workbookRels, contentTypesXml, budget);
  }

  /** Whether the workbook carries macros: a macro-enabled main part or a VBA project. */
  get macroEnabled(): boolean {
    return /macroEnabled\.main\+xml/i.test(this.contentTypesXml) || this.workbookRels.some((r) => /vbaProject$/i.test(r.type));
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

  /** A small part's whole text (null when the package has no such part), within the text-part and package limits. */
  async text(part: string): Promise<string | null> {
    return readPartText(this.zip, part, this.budget, TEXT_PART_MEGABYTES);
  }

  /**
   * Streams a part's text to `onText` as it inflates, within the part and package limits, so a big worksheet is
   * never held whole as text. Resolves false when the package has no such part.
   */
  stream(part: string, onText: (chunk: string) => void): Promise<boolean> {
    return streamPart(this.zip, part, this.budget, this.budget.limits.partMegabytes, onText);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(relsPathOf(part));
    return xml ? parseRelationships(xml, part) : [];
  }

  /** The first free "prefix{n}suffix" part name. */
  freePart(prefix: string, suffix: string): string {
    for (let n = 1; ; n++) if (!this.has(`${prefix}${n}${suffix}`)) return `${prefix}${n}${suffix}`;
  }

  /** Adds or replaces a part, deflated now by Node's zlib (see deflated-part.ts), or already deflated. */
  put(part: string, content: string | Buffer | DeflatedPart, contentType?: string): void {
    this.zip.file(part, zipContent(typeof content === 'string' || Buffer.isBuffer(content) ? deflatePart(content) : content) as string);
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

/** "a Word document" for a .docx (and likewise PowerPoint) that holds no spreadsheet parts at all. */
function otherOfficeDocument(zip: JSZip): string | null {
  if (zip.file(/^xl\//).length) return null;
  if (zip.file(/^word\//).length) return 'a Word document';
  if (zip.file(/^ppt\//).length) return 'a PowerPoint presentation';
  return null;
}

/**
 * The longest run of characters with no markup a part may hold. A cell holds at most 32,767 characters, six times
 * that once escaped as XML; a run far beyond it (a megabyte of whitespace between two tags) is a bomb, which the XML
 * parser would otherwise collect into one string of hundreds of megabytes.
 */
export const MAX_TEXT_RUN = 1_000_000;

function streamPart(zip: JSZip, part: string, budget: ReadBudget, capMegabytes: number, onText: (chunk: string) => void): Promise<boolean> {
  const file = zip.file(part);
  if (!file) return Promise.resolve(false);
  // The size the zip declares for the part: a bomb that admits its size is refused before any of it is inflated.
  // (A zip can lie, so the inflated bytes are counted below as well.)
  const declared = (file as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  if (typeof declared === 'number' && declared > capMegabytes * 1024 * 1024) {
    try {
      budget.addBytes(part, 0, declared, capMegabytes);
    } catch (error) {
      return Promise.reject(error);
    }
  }
  return new Promise<boolean>((resolve, reject) => {
    let decoder: TextDecoder | null = null;
    let bytes = 0;
    /** Characters since the last "<": a parser holds such a run whole, so a long one is refused as it grows. */
    let textRun = 0;
    let failed = false;
    const stream = inflatingStream(file);
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      stream.pause();
      reject(error);
    };
    stream
      .on('data', (chunk: Uint8Array) => {
        if (failed) return;
        try {
          bytes += chunk.length;
          budget.addBytes(part, chunk.length, bytes, capMegabytes);
          decoder ??= decoderFor(chunk);
          const text = decoder.decode(chunk, { stream: true });
          if (!text) return;
          const lastTag = text.lastIndexOf('<');
          textRun = lastTag < 0 ? textRun + text.length : text.length - lastTag;
          if (textRun > MAX_TEXT_RUN) throw new PackageProblem(`its part ${part} holds a run of more than ${MAX_TEXT_RUN.toLocaleString('en-GB')} characters with no markup, longer than any cell can hold`);
          onText(text);
        } catch (error) {
          fail(error);
        }
      })
      .on('error', fail)
      .on('end', () => {
        if (failed) return;
        try {
          const rest = (decoder ?? UTF8).decode();
          if (rest) onText(rest);
          resolve(true);
        } catch (error) {
          fail(error);
        }
      })
      .resume();
  });
}

async function readPartText(zip: JSZip, part: string, budget: ReadBudget, capMegabytes: number): Promise<string | null> {
  const chunks: string[] = [];
  const found = await streamPart(zip, part, budget, Math.min(capMegabytes, budget.limits.partMegabytes), (chunk) => chunks.push(chunk));
  return found ? chunks.join('') : null;
}

function parseRelationships(xml: string, fromPart: string): Relationship[] {
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


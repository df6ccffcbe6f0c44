/**
 * What a user would otherwise run to read and rewrite a workbook, each as a whole process of its own, for the
 * side-by-side section of `npm run bench` (bench/compare.ts). Plain JavaScript run by node directly, so no
 * TypeScript compiler is billed to the rivals' start-up either.
 *   node bench/rivals.cjs sheetjs <in.xlsx> <out.xlsx>            SheetJS: readFile, then writeFile with compression on
 *   node bench/rivals.cjs exceljs <in.xlsx> <out.xlsx>            ExcelJS: xlsx.readFile, then xlsx.writeFile
 *   node bench/rivals.cjs floor <in.xlsx> <parts-dir> <out.xlsx> <level>
 *       the floor: JSZip inflating every part of the input, and deflating every part of our output (extracted
 *       beforehand into parts-dir, so inflating it is not billed) at our deflate level
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

async function sheetjs(input, output) {
  const XLSX = require('xlsx');
  const workbook = XLSX.readFile(input);
  XLSX.writeFile(workbook, output, { compression: true });
}

async function exceljs(input, output) {
  const ExcelJS = require('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(input);
  await workbook.xlsx.writeFile(output);
}

function filesUnder(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(path.join(dir, entry.name), name) : [name];
  });
}

async function floor(input, partsDir, output, level) {
  const JSZip = require('jszip');
  const read = await JSZip.loadAsync(fs.readFileSync(input));
  for (const file of Object.values(read.files)) if (!file.dir) await file.async('nodebuffer');
  const zip = new JSZip();
  for (const name of filesUnder(partsDir)) zip.file(name, fs.readFileSync(path.join(partsDir, name)));
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: Number(level) } });
  fs.writeFileSync(output, data);
}

const [tool, ...args] = process.argv.slice(2);
const tools = { sheetjs, exceljs, floor };
if (!tools[tool]) {
  process.stderr.write(`rivals: unknown tool "${tool}" (sheetjs, exceljs or floor)\n`);
  process.exit(2);
}
tools[tool](...args).catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});

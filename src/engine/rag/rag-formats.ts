/**
 * RAG colours as native conditional-formatting rules, so the colours follow later edits. Expression rules only
 * (LibreOffice ignores "contains text" rules). Colours are the GOV.UK palette with text that passes WCAG AA;
 * amber takes dark text. The cell always shows its word too, so the sheet still reads in greyscale print.
 */
import { Rag, Status } from '../schema';
import { ConditionalFormatPlan, ExpressionRulePlan } from '../sheet-plan/types';

export interface Swatch {
  fill: string;
  text: string;
}

export const RAG_SWATCHES: Record<Rag, Swatch> = {
  Red: { fill: 'CA3535', text: 'FFFFFF' },
  Amber: { fill: 'FFDD00', text: '0B0C0C' },
  Green: { fill: '0F7A52', text: 'FFFFFF' },
  Blue: { fill: '1D70B8', text: 'FFFFFF' },
  Grey: { fill: 'B1B4B6', text: '0B0C0C' },
  // GOV.UK purple: a colour of its own, so "nobody reported" never reads as Red (off track) or Grey (not started).
  'No update': { fill: '4C2C92', text: 'FFFFFF' },
};

/** The colour each status shows in, matching the RAG it implies. */
export const STATUS_SWATCH: Record<Status, Rag> = {
  Complete: 'Blue',
  'Off track': 'Red',
  'At risk': 'Amber',
  'On track': 'Green',
  'In progress': 'Green',
  'Not started': 'Grey',
};

function topLeft(range: string): string {
  return range.split(':')[0].replace(/\$/g, '');
}

function rule(anchor: string, word: string, swatch: Swatch): ExpressionRulePlan {
  // A relative reference to the range's top-left cell: Excel shifts it for every cell of the range.
  return { expression: `${anchor}="${word}"`, fill: swatch.fill, fontColor: swatch.text, bold: true };
}

/** Rules colouring cells that hold a RAG word (Red, Amber, Green, Blue, Grey), over any range. */
export function ragFormat(range: string): ConditionalFormatPlan {
  const anchor = topLeft(range);
  return { range, rules: (Object.keys(RAG_SWATCHES) as Rag[]).map((rag) => rule(anchor, rag, RAG_SWATCHES[rag])) };
}

/** Rules colouring cells that hold a canonical status, in the colour of the RAG it implies. */
export function statusFormat(range: string): ConditionalFormatPlan {
  const anchor = topLeft(range);
  return { range, rules: (Object.keys(STATUS_SWATCH) as Status[]).map((s) => rule(anchor, s, RAG_SWATCHES[STATUS_SWATCH[s]])) };
}

const TOOL_RULE = new RegExp(`^\\$?[A-Z]{1,3}\\$?\\d+="(${[...Object.keys(RAG_SWATCHES), ...Object.keys(STATUS_SWATCH)].join('|')})"$`);

/** Whether a conditional-format formula is one of the tool's own RAG rules (the officer's rules are kept). */
export function isToolRagRule(formula: string): boolean {
  return TOOL_RULE.test(formula.replace(/^=/, ''));
}

/** WCAG contrast ratio between two 6-digit hex colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [0, 2, 4].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

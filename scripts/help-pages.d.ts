/** Types for scripts/help-pages.js (CommonJS, required by webpack.config.js). */
export interface MarkdownOptions {
  link?: (url: string) => string | null;
  ids?: Set<string>;
}
export function markdownToHtml(markdown: string, options?: MarkdownOptions): string;
export function helpPageHtml(page: { title: string; sections: string[]; link: (url: string) => string | null; footer: string }): string;
export function buildHelpPages(root: string): { file: string; sources: string[]; html: string }[];
export function builtLink(url: string): string | null;
export const PAGES: { file: string; title: string; docs: string[] }[];
export class HelpPagesPlugin {
  constructor(root: string);
  apply(compiler: unknown): void;
}

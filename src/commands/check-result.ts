/**
 * The dialog the ribbon's "Check plan" opens (check-result.html): the summary from the URL, in plain HTML (no
 * React, no Fluent: it must open fast), and a Close button that tells the command it is done.
 */
import { parseSummary, summaryLines } from './check-summary';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (text !== undefined) el.textContent = text;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function close(): void {
  const ui = typeof Office !== 'undefined' ? Office.context?.ui : undefined;
  if (ui && typeof ui.messageParent === 'function') ui.messageParent('close');
}

export function render(root: HTMLElement, search: string): void {
  const summary = parseSummary(search);
  root.replaceChildren();
  const main = element('main');
  if (!summary) {
    main.append(element('h1', 'PlanAssure'), element('p', 'There is no check result to show. Choose Check plan on the Home tab again.'));
  } else {
    const { heading, lines } = summaryLines(summary);
    main.append(element('h1', heading));
    for (const line of lines) main.append(element('p', line));
    if (summary.first.length) {
      main.append(element('h2', summary.errors ? 'First to fix' : 'First findings'));
      const list = element('ul');
      for (const f of summary.first) {
        const item = element('li');
        item.append(element('strong', f.where), document.createTextNode(` ${f.message}`));
        list.append(item);
      }
      main.append(list);
    }
    main.append(element('p', 'Nothing in the workbook was changed. To see every finding and go to its cell, choose Home > Open PlanAssure.', { class: 'hint' }));
  }
  const button = element('button', 'Close', { type: 'button' });
  button.addEventListener('click', close);
  main.append(button);
  root.append(main);
  button.focus();
}

if (typeof document !== 'undefined') {
  const start = () => render(document.getElementById('root') ?? document.body, window.location.search);
  if (typeof Office !== 'undefined' && typeof Office.onReady === 'function') void Office.onReady().then(start, start);
  else start();
}

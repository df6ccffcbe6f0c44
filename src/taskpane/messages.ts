/**
 * Errors in plain English: what happened, and what to do. Every failure the pane shows goes through explain().
 * No engine imports: part of the first-load bundle.
 */

export type Stage = 'start' | 'read' | 'structure' | 'validate' | 'build' | 'write' | 'select' | 'settings';

export interface PaneMessage {
  title: string;
  /** What happened, then what to do. */
  detail: string;
  /** True when the workbook's sheets were not changed. */
  nothingWritten: boolean;
}

const STAGE_WORDS: Record<Stage, string> = {
  start: 'starting up',
  read: 'reading the workbook',
  structure: 'reading the plan',
  validate: 'checking the plan',
  build: 'preparing the sheets',
  write: 'writing the sheets',
  select: 'going to the cell',
  settings: 'saving the settings',
};

function codeOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; debugInfo?: { code?: unknown } } | null;
  const code = e?.code ?? e?.debugInfo?.code;
  return typeof code === 'string' ? code : undefined;
}

function textOf(error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) return String((error as { message: unknown }).message);
  return String(error);
}

export function explain(error: unknown, stage: Stage): PaneMessage {
  const nothingWritten = stage !== 'write';
  const after = nothingWritten ? 'Nothing in the workbook was changed.' : 'Your own sheets were not changed; run the action again to rewrite PlanAssure\'s sheets.';
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'OfficerError') {
    return { title: (error as { title: string }).title, detail: textOf(error), nothingWritten: true };
  }
  if (name === 'ExcelTooOldError') {
    return { title: 'This version of Excel is too old', detail: textOf(error), nothingWritten: true };
  }
  if (name === 'BridgeError') {
    return { title: (error as { title: string }).title, detail: `${textOf(error)} ${after}`, nothingWritten };
  }
  const message = textOf(error);
  if (/belongs to the officer and will not be overwritten/.test(message)) {
    return {
      title: 'A sheet name is already yours',
      detail: `${message.replace('belongs to the officer', 'is one of your sheets')} Rename your sheet, or run the action again so PlanAssure picks a free name. ${after}`,
      nothingWritten,
    };
  }
  switch (codeOf(error)) {
    case 'InvalidOperationInCellEditMode':
      return {
        title: 'Excel is busy with a cell',
        detail: `You seem to be typing in a cell. Press Enter or Esc to finish editing, then try again. ${after}`,
        nothingWritten,
      };
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
      return {
        title: 'The workbook is too big to handle in one go',
        detail: `Excel refused a request because it was larger than 5 MB while ${STAGE_WORDS[stage]}. Delete unused rows and columns at the end of your sheets (select them, then Delete), save, and try again. ${after}`,
        nothingWritten,
      };
    case 'ApiNotFound':
      return {
        title: 'This version of Excel is too old',
        detail: `Excel does not support something PlanAssure needs for ${STAGE_WORDS[stage]}. Update Excel (File > Account > Update Options), or use Excel on the web. ${after}`,
        nothingWritten,
      };
    case 'AccessDenied':
    case 'GeneralException':
      if (/protect/i.test(message)) break;
      return {
        title: 'Excel could not finish',
        detail: `Excel stopped while ${STAGE_WORDS[stage]} (${message}). If the workbook is shared or being edited by someone else, wait a moment and try again. ${after}`,
        nothingWritten,
      };
    case 'ItemNotFound':
      return {
        title: 'Something in the workbook moved',
        detail: `A sheet or cell PlanAssure expected was not there while ${STAGE_WORDS[stage]}: the workbook may have changed. Run Check plan to refresh, then try again. ${after}`,
        nothingWritten,
      };
  }
  if (/protect/i.test(message)) {
    return {
      title: 'The workbook is protected',
      detail: `Excel would not let PlanAssure change the workbook because it is protected. Unprotect it (Review > Protect Workbook), then try again. ${after}`,
      nothingWritten,
    };
  }
  return {
    title: `Something went wrong while ${STAGE_WORDS[stage]}`,
    detail: `${message ? `Excel said: ${message}. ` : ''}${after} Try again; if it happens again, please report it with the workbook if you can.`,
    nothingWritten,
  };
}

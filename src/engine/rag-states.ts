/**
 * The RAG states, in the order the tool lists them. Kept apart from schema.ts (which builds the zod schema from
 * them) so that the task pane's first load can name the states without loading zod.
 */
export const RAGS = ['Blue', 'Green', 'Amber', 'Red', 'Grey', 'No update'] as const;

/** An action as the board pack sees it: structured, with its effective RAG and whether it is overdue. */
import { Rag } from '../schema';
import { RagReason } from '../rag/action-rag';
import { StructuredAction } from '../structure/types';

export interface PackAction extends StructuredAction {
  effectiveRag: Rag;
  ragReason: RagReason;
  overdue: boolean;
}

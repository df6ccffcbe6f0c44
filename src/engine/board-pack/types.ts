/**
 * An action as the board pack sees it: the structured action, with its effective RAG and whether it is overdue
 * beside it. Beside it rather than copied in with it: a copy of every action (30 fields each) was 13 MB at 50,000
 * actions, which the young-generation collector copied twice over, and the copying itself took 30 to 60 ms.
 */
import { Rag } from '../schema';
import { RagReason } from '../rag/action-rag';
import { StructuredAction } from '../structure/types';

export interface PackAction {
  /** The action as structured (its RAG as entered, if any; effectiveRag is the one the pack shows). */
  item: StructuredAction;
  effectiveRag: Rag;
  ragReason: RagReason;
  overdue: boolean;
}

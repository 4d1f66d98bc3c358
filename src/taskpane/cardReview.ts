import type { ReviewAction } from '../core/review/model';
import type { FindingReview, ReviewStatus } from '../core/review/types';

/** The review as a finding card needs it (Workspace.tsx makes it from the review model; ReviewCard and ReviewControls use it). */
export interface CardReview {
  reviewOf(id: string): FindingReview | undefined;
  /** What the current person may do in a status. */
  allowed(status: ReviewStatus): ReviewAction['kind'][];
  act(ids: readonly string[], action: ReviewAction): Promise<boolean>;
  /** Who acts: asked for in the form when not yet given. */
  actorName: string;
  setActorName(name: string): void;
  /** The last refusal of an action (Chinese), shown on the card that asked. */
  problem: string | null;
}

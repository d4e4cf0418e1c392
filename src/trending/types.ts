/** What the team did with a paper; each kind feeds the trending score (see src/trending/score.ts). */
export type EngagementKind = 'save' | 'summary' | 'share' | 'reaction';

export interface EngagementEvent {
  teamId: string;
  paperId: string;
  kind: EngagementKind;
  userId?: string;
  /** ISO 8601 instant. */
  at: string;
}

import type { Challenge } from "./catalogue";

/** A challenge as the page and GET /api/challenges show it to a lab: the lesson only once solved. */
export interface ChallengeView extends Challenge {
  solved: boolean;
  solvedAt: string | null;
  lesson: string | null;
}

export interface LabProgress {
  labId: string;
  solvedCount: number;
  total: number;
  challenges: ChallengeView[];
}

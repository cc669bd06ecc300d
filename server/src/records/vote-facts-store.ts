import type { StoredVoteFacts } from '../votes/vote-store';

/**
 * What the hall itself stored about a vote, which no correction may contradict (issue 10): the
 * members when it opened, the present counted at close and how many seats pressed. Its SQL is
 * the vote store's (votes/vote-store.ts owns every statement about votes).
 */
export { storedVoteFacts, type StoredVoteFacts } from '../votes/vote-store';

export type VoteFactsSource = (voteId: number) => StoredVoteFacts | null;

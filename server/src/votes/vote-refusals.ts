import { notFound, refuse } from '../errors';

/** The vote service's refusals, each naming the vote and what is wrong (`中文 / English`). */
export const voteRefusal = {
  stillOpenOnOpen: (voteId: number) =>
    refuse(
      'VOTE_OPEN',
      `测评 ${voteId} 正在进行，请先结束 / vote ${voteId} is still open; close it first`,
    ),
  stillOpen: (voteId: number) =>
    refuse('VOTE_OPEN', `测评 ${voteId} 仍在进行，请先结束 / vote ${voteId} is still open`),
  noVoteYet: () => notFound('NO_VOTE', '尚未开始任何测评 / no vote has been opened'),
  noSuchVote: (voteId: number) =>
    notFound('NO_VOTE', `没有测评 ${voteId} / there is no vote ${voteId}`),
  noOpenVote: (anyVote: boolean) =>
    refuse(
      'NO_OPEN_VOTE',
      anyVote
        ? '当前没有正在进行的测评 / no vote is open'
        : '尚未开始任何测评 / no vote has been opened',
    ),
  alreadyAnnounced: (voteId: number) =>
    refuse(
      'NOTHING_TO_ANNOUNCE',
      `没有可公布的测评结果（测评 ${voteId} 已公布） / nothing closed to announce (vote ${voteId} was announced)`,
    ),
  notAnnounced: (voteId: number) =>
    notFound(
      'NOT_ANNOUNCED',
      `测评 ${voteId} 尚无公布的结果 / vote ${voteId} has no announced result`,
    ),
};

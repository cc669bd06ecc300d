import type { Profile, TallyResult } from '@hall/shared';
import { refuse } from '../errors';
import type { AnnouncedVote } from '../records/record-service';
import { resultDocument, type ResultDocument } from './result-document';
import type { Db } from '../db/open-db';
import { retakeLinkOf, seriesLinkOf, voterRosterOf } from '../series/series-link';
import {
  itemOrgan,
  storeAnnouncement,
  tallyOfRow,
  type VoteRow,
  type VoteState,
} from './vote-store';

/** A vote's state in the words of a refusal. */
const STATE_ZH: Record<VoteState, string> = {
  open: '正在进行',
  closed: '已结束',
  announced: '已公布',
  abandoned: '已放弃',
};

/** Only a closed vote can be announced: refused with the reason otherwise. */
export function requireClosed(row: VoteRow): void {
  const voteId = row.vote_id;
  if (row.state !== 'closed')
    throw refuse(
      'NOT_CLOSED',
      `测评 ${voteId} ${STATE_ZH[row.state]}，不能公布（只能公布已结束的测评） / vote ${voteId} is ${row.state}, not closed`,
    );
}

/**
 * What announcing a closed vote stores: its immutable result document (decided from the
 * counters written at close, under the profile fixed at opening), and what its sealed record
 * is made of (the item's organ, if the vote belongs to an agenda item). Shapes what the caller
 * read (the row once, the tally once); reads nothing itself.
 */
export function announcementOf(
  hall: string,
  row: VoteRow,
  r: TallyResult,
  organ: string | null,
  announcedAt: string,
  links: Pick<AnnouncedVote, 'roster' | 'series' | 'retakes'> = { roster: 'committee' },
): { document: ResultDocument; record: AnnouncedVote } {
  const voteId = row.vote_id;
  const profile = JSON.parse(row.profile_json) as Profile;
  const document = resultDocument(hall, row.session_id, profile, r, {
    voteId,
    title: row.title,
    openedAt: row.opened_at,
    closedAt: row.closed_at!,
    announcedAt,
    method: row.method,
  });
  const record: AnnouncedVote = {
    hall,
    sessionId: row.session_id,
    voteId,
    itemId: row.item_id,
    title: row.title,
    organ,
    profile,
    result: r,
    openedAt: row.opened_at,
    closedAt: row.closed_at!,
    announcedAt,
    method: row.method,
    ...links,
  };
  return { document, record };
}

/**
 * Announce a closed vote (当场公布) from its row, read once by the caller, and tally it once:
 * its result document and its sealed record (`announced`, called INSIDE the transaction) commit
 * together or not at all. Returns the tally the document was made from.
 */
export function announceClosed(
  db: Db,
  hall: string,
  row: VoteRow,
  announcedAt: string,
  announced: (v: AnnouncedVote) => void,
): TallyResult {
  requireClosed(row);
  const r = tallyOfRow(db, row);
  const organ = itemOrgan(db, row.item_id);
  const links = {
    roster: voterRosterOf(db, row),
    series: seriesLinkOf(db, row),
    retakes: retakeLinkOf(db, row),
  };
  const { document, record } = announcementOf(hall, row, r, organ, announcedAt, links);
  db.transaction(() => {
    storeAnnouncement(db, row.vote_id, JSON.stringify(document));
    announced(record);
  })();
  return r;
}

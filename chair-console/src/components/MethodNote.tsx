import type { RetakeLink, VoteMethod } from '@hall/shared';
import { useI18n } from '../lib/i18n';
import { fillIn, methodKey } from '../lib/hand-count-strings';
import './hand-counts.css';

/**
 * How the ballots were taken (issue 14: every screen and printout says so): 方式：表决器 / 纸质票 /
 * 举手. A record without `method` was sealed before issue 14, with keypads.
 */
export function MethodNote({
  method,
  testId = 'vote-method',
}: {
  method?: VoteMethod | null;
  testId?: string;
}) {
  const { t } = useI18n();
  return (
    <span className={`method-note method-${method ?? 'keypads'}`} data-testid={testId}>
      {t('methodShown')}：{t(methodKey(method))}
    </span>
  );
}

/** 重新测评：第 N 项因……放弃 (a record that retakes an abandoned keypad vote by hand). */
export function RetakeNote({ retakes }: { retakes?: RetakeLink | null }) {
  const { t } = useI18n();
  if (!retakes) return null;
  return (
    <small className="retake-note" data-testid="retake-note">
      {fillIn(t('retakesNote'), { voteId: retakes.voteId, reason: retakes.reason })}
    </small>
  );
}

import type { Text, VoteMethod, VotePayload } from '@hall/shared';
import { DISPLAY_STRINGS as S } from '../../lib/display-strings';
import { Bi } from './Bilingual';

/** 表决器 / 纸质票 · 人工计票 / 举手 · 人工计票 (issue 14: every screen says how ballots are taken). */
export function methodText(method: VoteMethod | undefined): Text {
  if (method === 'paper' || method === 'hands') {
    const m = method === 'paper' ? S.displayMethodPaper : S.displayMethodHands;
    return {
      zh: `${m.zh} · ${S.displayHandCounted.zh}`,
      en: `${m.en} · ${S.displayHandCounted.en}`,
    };
  }
  return S.displayMethodKeypads;
}

/** Counted by people (paper, hands): the seats are not used, so no press count is shown. */
export const handCounted = (method: VoteMethod | undefined): boolean =>
  method === 'paper' || method === 'hands';

/** 表决方式：纸质票 · 人工计票 */
export function MethodLine({ method }: { method: VoteMethod | undefined }) {
  return (
    <p className="hd-method" data-testid="display-method" data-method={method ?? 'keypads'}>
      <Bi text={S.displayMethod} className="hd-method-label" />：<Bi text={methodText(method)} />
    </p>
  );
}

/** The series a vote is a subject of: its title, then 第 3 / 34 项：张三. */
export function SeriesLine({ series }: { series: VotePayload['series'] }) {
  if (!series) return null;
  return (
    <div className="hd-series" data-testid="display-series">
      <p className="hd-series-title" data-testid="display-series-title">
        {series.title}
      </p>
      <p className="hd-series-item" data-testid="display-series-item">
        <span className="hd-zh">
          第 {series.index} / {series.count} {S.displaySeriesItem.zh}：{series.subject}
        </span>
        <span className="hd-en" lang="en">
          {S.displaySeriesItem.en} {series.index} of {series.count}
        </span>
      </p>
    </div>
  );
}

import type { Due, FollowUp } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import type { SectionProps } from './BasicsEditor';
import { move, numberText, pathOf, renameOutcome, wholeNumber } from './draft';
import { FieldProblems, Hidden, NumberField, TextField, useFieldProps } from './problems';

type DueKind = Due['kind'] | 'none';

/**
 * The outcomes, best first (shared/src/profile/schema.ts: a later outcome is worse), each with
 * its labels, whether it counts as passed, and its follow-ups (action, label, cite, due,
 * re-evaluation).
 */
export function OutcomesEditor({ draft, change }: SectionProps) {
  const { t } = useI18n();
  return (
    <fieldset className="panel prof-section">
      <legend>{t('profOutcomes')}</legend>
      <FieldProblems path="/outcomes" />
      <ol className="prof-list">
        {draft.outcomes.map((o, i) => {
          const at = (...p: (string | number)[]) => pathOf('outcomes', i, ...p);
          const name = `${t('profOutcome')} ${i + 1}`;
          return (
            <li key={i} className="prof-outcome" data-path={at()}>
              <div className="prof-row">
                <TextField
                  path={at('id')}
                  prefix={name}
                  label={t('profOutcomeId')}
                  value={o.id}
                  onChange={(v) =>
                    change((d) => {
                      renameOutcome(d, d.outcomes[i]!.id, v);
                      d.outcomes[i]!.id = v;
                    })
                  }
                />
                <TextField
                  path={at('label', 'zh')}
                  prefix={name}
                  label={t('profLabelZh')}
                  value={o.label.zh}
                  onChange={(v) => change((d) => void (d.outcomes[i]!.label.zh = v))}
                />
                <TextField
                  path={at('label', 'en')}
                  prefix={name}
                  label={t('profLabelEn')}
                  value={o.label.en}
                  onChange={(v) => change((d) => void (d.outcomes[i]!.label.en = v))}
                />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={o.passed === true}
                    onChange={(e) => change((d) => void (d.outcomes[i]!.passed = e.target.checked))}
                  />
                  <Hidden>{name}</Hidden>
                  {t('profPassed')}
                </label>
                <div className="prof-buttons">
                  <button
                    type="button"
                    aria-label={`${name} ${t('profUp')}`}
                    disabled={i === 0}
                    onClick={() => change((d) => move(d.outcomes, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`${name} ${t('profDown')}`}
                    disabled={i === draft.outcomes.length - 1}
                    onClick={() => change((d) => move(d.outcomes, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`${name} ${t('profRemove')}`}
                    disabled={draft.outcomes.length <= 1}
                    onClick={() => change((d) => void d.outcomes.splice(i, 1))}
                  >
                    {t('profRemove')}
                  </button>
                </div>
              </div>
              {o.followUp.map((f, j) => (
                <FollowUpEditor
                  key={j}
                  followUp={f}
                  path={at('followUp', j)}
                  name={`${name} ${t('profFollowUp')} ${j + 1}`}
                  title={`${t('profFollowUp')} ${j + 1}`}
                  change={(fn) => change((d) => fn(d.outcomes[i]!.followUp[j]!))}
                  remove={() => change((d) => void d.outcomes[i]!.followUp.splice(j, 1))}
                />
              ))}
              <button
                type="button"
                aria-label={`${name} ${t('profAddFollowUp')}`}
                onClick={() =>
                  change(
                    (d) =>
                      void d.outcomes[i]!.followUp.push({
                        action: 're-report',
                        label: { zh: '重作报告', en: 'Report again' },
                        cite: '',
                        due: { kind: 'next-session' },
                        reevaluate: true,
                      }),
                  )
                }
              >
                {t('profAddFollowUp')}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          change(
            (d) =>
              void d.outcomes.push({
                id: `outcome-${d.outcomes.length + 1}`,
                label: { zh: '结果', en: 'Outcome' },
                passed: false,
                followUp: [],
              }),
          )
        }
      >
        {t('profAddOutcome')}
      </button>
    </fieldset>
  );
}

function FollowUpEditor({
  followUp: f,
  path,
  name,
  title,
  change,
  remove,
}: {
  followUp: FollowUp;
  path: string;
  name: string;
  title: string;
  change: (fn: (f: FollowUp) => void) => void;
  remove: () => void;
}) {
  const { t, pick } = useI18n();
  const dueField = useFieldProps(`${path}/due`);
  const kind: DueKind = f.due?.kind ?? 'none';
  const setDue = (k: DueKind) =>
    change((x) => {
      if (k === 'none') delete x.due;
      else if (k === 'months') x.due = { kind: 'months', months: 6 };
      else x.due = { kind: k };
    });
  return (
    <div className="prof-followup" data-path={path}>
      <h4>{title}</h4>
      <div className="prof-row">
        <TextField
          path={`${path}/action`}
          prefix={name}
          label={t('profAction')}
          value={f.action}
          onChange={(v) => change((x) => void (x.action = v))}
        />
        <TextField
          path={`${path}/label/zh`}
          prefix={name}
          label={t('profLabelZh')}
          value={f.label.zh}
          onChange={(v) => change((x) => void (x.label.zh = v))}
          wide
        />
        <TextField
          path={`${path}/label/en`}
          prefix={name}
          label={t('profLabelEn')}
          value={f.label.en}
          onChange={(v) => change((x) => void (x.label.en = v))}
          wide
        />
      </div>
      <div className="prof-row">
        <TextField
          path={`${path}/cite`}
          prefix={name}
          label={t('profCite')}
          value={f.cite}
          onChange={(v) => change((x) => void (x.cite = v))}
        />
        <div className="prof-field">
          <label>
            <Hidden>{name}</Hidden>
            {t('profDue')}
            <select value={kind} onChange={(e) => setDue(e.target.value as DueKind)} {...dueField}>
              <option value="none">{t('profDueNone')}</option>
              <option value="next-session">{t('dueNextSession')}</option>
              <option value="months">{t('profDueMonths')}</option>
              <option value="set-by-council">{t('dueByCouncil')}</option>
            </select>
          </label>
          <FieldProblems path={`${path}/due`} />
        </div>
        {f.due?.kind === 'months' ? (
          <NumberField
            path={`${path}/due/months`}
            prefix={name}
            label={t('profMonths')}
            value={numberText(f.due.months)}
            min={1}
            max={60}
            onChange={(v) =>
              change((x) => void (x.due = { kind: 'months', months: wholeNumber(v) }))
            }
          />
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            checked={f.reevaluate === true}
            onChange={(e) => change((x) => void (x.reevaluate = e.target.checked))}
          />
          <Hidden>{name}</Hidden>
          {t('profReevaluate')}
        </label>
        <button type="button" aria-label={`${name} ${t('profRemove')}`} onClick={remove}>
          {t('profRemove')}
        </button>
      </div>
      {f.onRepeatedFailure ? (
        <p className="muted">
          {t('profOnRepeated')}：{pick(f.onRepeatedFailure.label)}（{f.onRepeatedFailure.cite}）
        </p>
      ) : null}
    </div>
  );
}

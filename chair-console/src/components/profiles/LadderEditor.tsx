import { BASE_WORDS, type Base, type Comparison, type Condition, type Text } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import { fill } from '../../lib/user-strings';
import type { SectionProps } from './BasicsEditor';
import { move, newCondition, numberText, pathOf, wholeNumber, type Draft } from './draft';
import { BASES } from './OptionsEditor';
import { FieldProblems, Hidden, NumberField, TextField, useFieldProps } from './problems';

/**
 * The outcome ladder (shared/src/profile/schema.ts RungSchema): rungs tried in order, each with
 * its outcome and its conditions (the options counted, 达到（含） or 超过（不含）, a fraction of the
 * base); the last rung has no conditions, it is 其余情形. `readBack` is the rule read back, one
 * line per rung, to copy into a rung's wording.
 */
export function LadderEditor({
  draft,
  change,
  readBack,
}: SectionProps & { readBack: Text[] | null }) {
  const { t } = useI18n();
  return (
    <fieldset className="panel prof-section">
      <legend>{t('profLadder')}</legend>
      <p className="muted">{t('profLadderHelp')}</p>
      <FieldProblems path="/ladder" />
      <ol className="prof-list">
        {draft.ladder.map((r, i) => {
          const at = (...p: (string | number)[]) => pathOf('ladder', i, ...p);
          const name = fill(t('profRung'), { n: String(i + 1) });
          return (
            <li key={i} className="prof-rung" data-path={at()}>
              <div className="prof-row">
                <OutcomeSelect draft={draft} change={change} i={i} name={name} />
                <div className="prof-buttons">
                  <button
                    type="button"
                    aria-label={`${name} ${t('profUp')}`}
                    disabled={i === 0}
                    onClick={() => change((d) => move(d.ladder, i, -1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`${name} ${t('profDown')}`}
                    disabled={i === draft.ladder.length - 1}
                    onClick={() => change((d) => move(d.ladder, i, 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    aria-label={`${name} ${t('profRemove')}`}
                    disabled={draft.ladder.length <= 1}
                    onClick={() => change((d) => void d.ladder.splice(i, 1))}
                  >
                    {t('profRemove')}
                  </button>
                </div>
              </div>
              {r.when ? (
                <>
                  {r.when.map((c, j) => (
                    <ConditionEditor
                      key={j}
                      draft={draft}
                      condition={c}
                      path={at('when', j)}
                      rungName={name}
                      condName={fill(t('profCondition'), { n: String(j + 1) })}
                      change={(fn) => change((d) => fn(d.ladder[i]!.when![j]!))}
                      remove={
                        r.when!.length > 1
                          ? () => change((d) => void d.ladder[i]!.when!.splice(j, 1))
                          : undefined
                      }
                    />
                  ))}
                  <FieldProblems path={at('when')} />
                  <button
                    type="button"
                    aria-label={`${name} ${t('profAddCondition')}`}
                    onClick={() =>
                      change(
                        (d) =>
                          void d.ladder[i]!.when!.push(newCondition(d.optionSet.options[0]?.key)),
                      )
                    }
                  >
                    {t('profAddCondition')}
                  </button>
                </>
              ) : (
                <p className="prof-otherwise" data-testid={`rung-${i}-otherwise`}>
                  {t('profOtherwise')}
                </p>
              )}
              <div className="prof-row">
                <TextField
                  path={at('rule', 'zh')}
                  prefix={name}
                  label={t('profRuleZh')}
                  value={r.rule.zh}
                  onChange={(v) => change((d) => void (d.ladder[i]!.rule.zh = v))}
                  wide
                />
                <TextField
                  path={at('rule', 'en')}
                  prefix={name}
                  label={t('profRuleEn')}
                  value={r.rule.en}
                  onChange={(v) => change((d) => void (d.ladder[i]!.rule.en = v))}
                  wide
                />
                <TextField
                  path={at('cite')}
                  prefix={name}
                  label={t('profCite')}
                  value={r.cite}
                  onChange={(v) => change((d) => void (d.ladder[i]!.cite = v))}
                />
                {readBack?.[i] ? (
                  <button
                    type="button"
                    aria-label={`${name} ${t('profUseReadBack')}`}
                    onClick={() => change((d) => void (d.ladder[i]!.rule = { ...readBack[i]! }))}
                  >
                    {t('profUseReadBack')}
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        onClick={() =>
          change((d) => {
            const option = d.optionSet.options[0]?.key;
            const outcome = d.outcomes[0]?.id ?? '';
            const rung = {
              outcome,
              when: [newCondition(option)],
              rule: { zh: '（待填写）', en: '(to be written)' },
              cite: '',
            };
            // Before the last rung (what remains), which stays last.
            d.ladder.splice(Math.max(d.ladder.length - 1, 0), 0, rung);
          })
        }
      >
        {t('profAddRung')}
      </button>
    </fieldset>
  );
}

/** The outcome a rung decides (a select of the outcomes; a name no outcome has stays shown). */
function OutcomeSelect({ draft, change, i, name }: SectionProps & { i: number; name: string }) {
  const { t, pick } = useI18n();
  const path = pathOf('ladder', i, 'outcome');
  const field = useFieldProps(path);
  const value = draft.ladder[i]!.outcome;
  const known = draft.outcomes.some((o) => o.id === value);
  return (
    <div className="prof-field">
      <label>
        {`${name} ${t('profOutcome')}`}
        <select
          value={value}
          onChange={(e) => change((d) => void (d.ladder[i]!.outcome = e.target.value))}
          {...field}
        >
          {known ? null : <option value={value}>{value || '—'}</option>}
          {draft.outcomes.map((o, k) => (
            <option key={k} value={o.id}>
              {pick(o.label)}（{o.id}）
            </option>
          ))}
        </select>
      </label>
      <FieldProblems path={path} />
    </div>
  );
}

function ConditionEditor({
  draft,
  condition: c,
  path,
  rungName,
  condName,
  change,
  remove,
}: {
  draft: Draft;
  condition: Condition;
  path: string;
  rungName: string;
  condName: string;
  change: (fn: (c: Condition) => void) => void;
  remove?: () => void;
}) {
  const { t, pick } = useI18n();
  const name = `${rungName} ${condName}`;
  const comparison = useFieldProps(`${path}/comparison`);
  const base = useFieldProps(`${path}/base`);
  const unknown = c.options.filter((k) => !draft.optionSet.options.some((o) => o.key === k));
  return (
    <div className="prof-condition" data-path={path}>
      <fieldset className="prof-checks" data-path={`${path}/options`}>
        <legend>
          <Hidden>{rungName}</Hidden>
          {`${condName} ${t('profCountOptions')}`}
        </legend>
        {[
          ...draft.optionSet.options.map((o) => ({ key: o.key, label: pick(o.label) })),
          ...unknown.map((k) => ({ key: k, label: k })),
        ].map((o, k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={c.options.includes(o.key)}
              onChange={(e) =>
                change((x) => {
                  const rest = x.options.filter((key) => key !== o.key);
                  x.options = e.target.checked ? [...rest, o.key] : rest;
                })
              }
            />
            {o.label || o.key}
          </label>
        ))}
        <FieldProblems path={`${path}/options`} />
      </fieldset>
      <div className="prof-field">
        <label>
          <Hidden>{name}</Hidden>
          {t('profComparison')}
          <select
            value={c.comparison}
            onChange={(e) => change((x) => void (x.comparison = e.target.value as Comparison))}
            {...comparison}
          >
            <option value="at-least">{t('profAtLeast')}</option>
            <option value="more-than">{t('profMoreThan')}</option>
          </select>
        </label>
        <FieldProblems path={`${path}/comparison`} />
      </div>
      <div className="prof-fraction" data-path={`${path}/fraction`}>
        <NumberField
          path={`${path}/fraction/num`}
          prefix={name}
          label={t('profNum')}
          value={numberText(c.fraction.num)}
          min={0}
          max={1000}
          onChange={(v) => change((x) => void (x.fraction.num = wholeNumber(v)))}
        />
        <span aria-hidden="true">/</span>
        <NumberField
          path={`${path}/fraction/den`}
          prefix={name}
          label={t('profDen')}
          value={numberText(c.fraction.den)}
          min={1}
          max={1000}
          onChange={(v) => change((x) => void (x.fraction.den = wholeNumber(v)))}
        />
        <FieldProblems path={`${path}/fraction`} />
      </div>
      <div className="prof-field">
        <label>
          <Hidden>{name}</Hidden>
          {t('profBase')}
          <select
            value={c.base ?? ''}
            onChange={(e) =>
              change((x) => {
                if (e.target.value) x.base = e.target.value as Base;
                else delete x.base;
              })
            }
            {...base}
          >
            <option value="">{t('profBaseDefault')}</option>
            {BASES.map((b) => (
              <option key={b} value={b}>
                {pick(BASE_WORDS[b])}
              </option>
            ))}
          </select>
        </label>
        <FieldProblems path={`${path}/base`} />
      </div>
      {remove ? (
        <button type="button" aria-label={`${name} ${t('profRemove')}`} onClick={remove}>
          {t('profRemove')}
        </button>
      ) : null}
      <FieldProblems path={path} />
    </div>
  );
}

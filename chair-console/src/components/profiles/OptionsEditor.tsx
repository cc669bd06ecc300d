import { BASE_WORDS, type Base } from '@hall/shared';
import { useI18n } from '../../lib/i18n';
import { fill } from '../../lib/user-strings';
import type { SectionProps } from './BasicsEditor';
import { move, numberText, pathOf, renameOption, wholeNumber } from './draft';
import { FieldProblems, NumberField, TextField, useFieldProps } from './problems';

export const BASES: readonly Base[] = ['members', 'present', 'valid', 'returned'];

/**
 * The option set (2–5 options, each with its key, its labels and the seat key that chooses it;
 * SEAT-PROTOCOLS.md §1: a 3-key seat has keys 1–3), the profile's base and the options left out
 * of it (弃权不计入基数).
 */
export function OptionsEditor({ draft, change }: SectionProps) {
  const { t, pick } = useI18n();
  const options = draft.optionSet.options;
  const base = useFieldProps('/base');
  const excluded = draft.excludeFromBase ?? [];
  return (
    <fieldset className="panel prof-section">
      <legend>{t('profOptions')}</legend>
      <div className="prof-row">
        <TextField
          path="/optionSet/id"
          label={t('profOptionSetId')}
          value={draft.optionSet.id}
          onChange={(v) => change((d) => void (d.optionSet.id = v))}
        />
        <TextField
          path="/optionSet/name/zh"
          label={t('profOptionSetZh')}
          value={draft.optionSet.name.zh}
          onChange={(v) => change((d) => void (d.optionSet.name.zh = v))}
          wide
        />
        <TextField
          path="/optionSet/name/en"
          label={t('profOptionSetEn')}
          value={draft.optionSet.name.en}
          onChange={(v) => change((d) => void (d.optionSet.name.en = v))}
          wide
        />
      </div>
      <p className="muted">{t('profSeatKeyNote')}</p>
      <FieldProblems path="/optionSet/options" />
      <ol className="prof-list">
        {options.map((o, i) => {
          const at = (...p: (string | number)[]) => pathOf('optionSet', 'options', i, ...p);
          const name = `${t('profOption')} ${i + 1}`;
          return (
            <li key={i} className="prof-row" data-path={at()}>
              <TextField
                path={at('key')}
                prefix={name}
                label={t('profKey')}
                value={o.key}
                onChange={(v) =>
                  change((d) => {
                    renameOption(d, d.optionSet.options[i]!.key, v);
                    d.optionSet.options[i]!.key = v;
                  })
                }
              />
              <TextField
                path={at('label', 'zh')}
                prefix={name}
                label={t('profLabelZh')}
                value={o.label.zh}
                onChange={(v) => change((d) => void (d.optionSet.options[i]!.label.zh = v))}
              />
              <TextField
                path={at('label', 'en')}
                prefix={name}
                label={t('profLabelEn')}
                value={o.label.en}
                onChange={(v) => change((d) => void (d.optionSet.options[i]!.label.en = v))}
              />
              <NumberField
                path={at('seatKey')}
                prefix={name}
                label={t('profSeatKey')}
                value={numberText(o.seatKey)}
                min={1}
                max={5}
                onChange={(v) =>
                  change((d) => void (d.optionSet.options[i]!.seatKey = wholeNumber(v)))
                }
              />
              <div className="prof-buttons">
                <button
                  type="button"
                  aria-label={`${name} ${t('profUp')}`}
                  disabled={i === 0}
                  onClick={() => change((d) => move(d.optionSet.options, i, -1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  aria-label={`${name} ${t('profDown')}`}
                  disabled={i === options.length - 1}
                  onClick={() => change((d) => move(d.optionSet.options, i, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  aria-label={`${name} ${t('profRemove')}`}
                  disabled={options.length <= 2}
                  onClick={() => change((d) => void d.optionSet.options.splice(i, 1))}
                >
                  {t('profRemove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        disabled={options.length >= 5}
        onClick={() =>
          change((d) => {
            const used = d.optionSet.options.map((o) => o.seatKey);
            const seatKey = [1, 2, 3, 4, 5].find((k) => !used.includes(k)) ?? 5;
            d.optionSet.options.push({
              key: `option-${d.optionSet.options.length + 1}`,
              label: { zh: '弃权', en: 'Abstain' },
              seatKey,
            });
          })
        }
      >
        {t('profAddOption')}
      </button>
      <div className="prof-row">
        <div className="prof-field">
          <label>
            {t('profBase')}
            <select
              value={draft.base}
              onChange={(e) => change((d) => void (d.base = e.target.value as Base))}
              {...base}
            >
              {BASES.map((b) => (
                <option key={b} value={b}>
                  {pick(BASE_WORDS[b])}
                </option>
              ))}
            </select>
          </label>
          <FieldProblems path="/base" />
        </div>
        <fieldset className="prof-checks" data-path="/excludeFromBase">
          <legend>{t('profExclude')}</legend>
          {options.map((o, i) => (
            <label key={i} className="check">
              <input
                type="checkbox"
                checked={excluded.includes(o.key)}
                onChange={(e) =>
                  change((d) => {
                    const rest = (d.excludeFromBase ?? []).filter((k) => k !== o.key);
                    const next = e.target.checked ? [...rest, o.key] : rest;
                    if (next.length > 0) d.excludeFromBase = next;
                    else delete d.excludeFromBase;
                  })
                }
              />
              {fill(t('profExcludeOption'), { label: pick(o.label) || o.key })}
            </label>
          ))}
          <FieldProblems path="/excludeFromBase" />
        </fieldset>
      </div>
    </fieldset>
  );
}

import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import type { Draft } from './draft';
import { FieldProblems, TextField, useFieldProps } from './problems';

export interface SectionProps {
  draft: Draft;
  /** Change a copy of the draft (the draft itself is never mutated). */
  change: (fn: (d: Draft) => void) => void;
}

/** The profile's id, its names, its source document and whether a ballot may be changed. */
export function BasicsEditor({ draft, change, idLocked }: SectionProps & { idLocked: boolean }) {
  const { t } = useI18n();
  const allow = useFieldProps('/allowChangeBeforeClose');
  const idField = useFieldProps('/id');
  return (
    <fieldset className="panel prof-section">
      <legend>{t('profBasics')}</legend>
      <div className="prof-row">
        <div className="prof-field">
          <label>
            {t('profId')}
            <input
              value={draft.id}
              readOnly={idLocked}
              onChange={(e) => change((d) => void (d.id = e.target.value))}
              {...idField}
            />
            <small className="muted">{t('profIdHelp')}</small>
          </label>
          <FieldProblems path="/id" />
        </div>
        <TextField
          path="/name/zh"
          label={t('profNameZh')}
          value={draft.name.zh}
          onChange={(v) => change((d) => void (d.name.zh = v))}
          wide
        />
        <TextField
          path="/name/en"
          label={t('profNameEn')}
          value={draft.name.en}
          onChange={(v) => change((d) => void (d.name.en = v))}
          wide
        />
      </div>
      <div className="prof-row">
        <TextField
          path="/source/title"
          label={t('profSourceTitle')}
          value={draft.source.title}
          onChange={(v) => change((d) => void (d.source.title = v))}
          wide
        />
        <ArticlesField draft={draft} change={change} />
        <TextField
          path="/source/adopted"
          label={t('profAdopted')}
          value={draft.source.adopted}
          onChange={(v) => change((d) => void (d.source.adopted = v))}
        />
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={draft.allowChangeBeforeClose === true}
          onChange={(e) => change((d) => void (d.allowChangeBeforeClose = e.target.checked))}
          {...allow}
        />
        {t('profAllowChange')}
      </label>
      <FieldProblems path="/allowChangeBeforeClose" />
    </fieldset>
  );
}

/** The articles as one line, `第十六条、第十七条`; the text is kept as typed while it is edited. */
function ArticlesField({ draft, change }: SectionProps) {
  const { t } = useI18n();
  const joined = (draft.source.articles ?? []).join('、');
  const [text, setText] = useState(joined);
  const split = (v: string) =>
    v
      .split(/[、,，]/)
      .map((s) => s.trim())
      .filter(Boolean);
  // Shown as typed unless the document changed from elsewhere (an import).
  const shown = split(text).join('、') === joined ? text : joined;
  return (
    <TextField
      path="/source/articles"
      label={t('profArticles')}
      value={shown}
      onChange={(v) => {
        setText(v);
        change((d) => void (d.source.articles = split(v)));
      }}
    />
  );
}

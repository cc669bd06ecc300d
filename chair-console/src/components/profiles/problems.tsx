import { createContext, useContext, type ReactNode } from 'react';
import type { ProfileProblem } from '@hall/shared';
import { useI18n } from '../../lib/i18n';

/**
 * Every problem of the profile being edited, each shown next to the field its JSON path names
 * (`/ladder/1/when/0/fraction` beside that rung's fraction) and in the list of all problems.
 */
const ProblemsContext = createContext<readonly ProfileProblem[]>([]);

export function ProblemsProvider({
  problems,
  children,
}: {
  problems: readonly ProfileProblem[];
  children: ReactNode;
}) {
  return <ProblemsContext.Provider value={problems}>{children}</ProblemsContext.Provider>;
}

/** A DOM id for the problems shown at `path`. */
export const problemId = (path: string) => `problem${path.replace(/[^a-z0-9]+/gi, '-')}`;

/** The problems whose path is exactly `path`. */
export function useProblemsAt(path: string): readonly ProfileProblem[] {
  return useContext(ProblemsContext).filter((p) => p.path === path);
}

/** The attributes tying an input to the problems at its path (aria-invalid, aria-describedby). */
export function useFieldProps(path: string) {
  const here = useProblemsAt(path);
  return {
    'data-path': path,
    'aria-invalid': here.length > 0 ? true : undefined,
    'aria-describedby': here.length > 0 ? problemId(path) : undefined,
  };
}

/** The problems at `path`, shown where that field is. */
export function FieldProblems({ path }: { path: string }) {
  const here = useProblemsAt(path);
  if (here.length === 0) return null;
  return (
    <span className="field-problem" id={problemId(path)} data-testid={`problem-at-${path}`}>
      {here.map((p) => p.message).join('；')}
    </span>
  );
}

/**
 * Words read out with a field's label but not shown (the row a field belongs to: `选项 2`,
 * `第 1 级 条件 2`), so every input has its own name while the form stays uncluttered.
 */
export function Hidden({ children }: { children: ReactNode }) {
  return <span className="prof-sr">{children} </span>;
}

/** A labelled text input at a path of the document, with its problems beside it. */
export function TextField({
  path,
  label,
  value,
  onChange,
  hint,
  wide,
  prefix,
}: {
  path: string;
  label: string;
  /** Read with the label, not shown (Hidden). */
  prefix?: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
  wide?: boolean;
}) {
  const field = useFieldProps(path);
  return (
    <div className={wide ? 'prof-field wide' : 'prof-field'}>
      <label>
        <span>
          {prefix ? <Hidden>{prefix}</Hidden> : null}
          {label}
        </span>
        <input value={value} onChange={(e) => onChange(e.target.value)} {...field} />
        {hint ? <small className="muted">{hint}</small> : null}
      </label>
      <FieldProblems path={path} />
    </div>
  );
}

/** A labelled whole-number input at a path of the document. */
export function NumberField({
  path,
  label,
  value,
  onChange,
  min,
  max,
  prefix,
}: {
  path: string;
  label: string;
  /** Read with the label, not shown (Hidden). */
  prefix?: string;
  value: string;
  onChange: (v: string) => void;
  min?: number;
  max?: number;
}) {
  const field = useFieldProps(path);
  return (
    <div className="prof-field narrow">
      <label>
        <span>
          {prefix ? <Hidden>{prefix}</Hidden> : null}
          {label}
        </span>
        <input
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...field}
        />
      </label>
      <FieldProblems path={path} />
    </div>
  );
}

/**
 * Every problem, by path. Choosing one moves the focus to its field, or to the nearest field
 * above it in the document (a problem of a whole rung goes to that rung's first field).
 */
export function ProblemList({ problems }: { problems: readonly ProfileProblem[] }) {
  const { t } = useI18n();
  const focus = (path: string) => {
    let p = path;
    for (;;) {
      const el = document.querySelector<HTMLElement>(
        `[data-path="${p.replace(/["\\]/g, '\\$&')}"]`,
      );
      const inside = el?.matches('input, select, textarea, button')
        ? el
        : el?.querySelector<HTMLElement>('input, select, textarea, button');
      if (inside) {
        inside.focus();
        return;
      }
      if (p === '/' || p === '') return;
      p = p.replace(/\/[^/]*$/, '') || '/';
    }
  };
  return (
    <section className="panel prof-problems" aria-label={t('profProblems')}>
      <h3>{t('profProblems')}</h3>
      {problems.length === 0 ? (
        <p className="muted">{t('profNoProblems')}</p>
      ) : (
        <ul data-testid="profile-problems">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>
              <button type="button" className="link" onClick={() => focus(p.path)}>
                <code>{p.path}</code>
              </button>{' '}
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

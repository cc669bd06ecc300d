import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A modal dialog over the page: named by its title, focus on its first control, Escape closes
 * it (when it has an `onClose`). The page behind stays as it is until the dialog is done.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose?: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={box}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className="dialog panel"
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && onClose) onClose();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

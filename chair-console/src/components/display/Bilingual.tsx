import type { Text } from '@hall/shared';

/** Chinese first and large, the English beside it and smaller (the display has no switch). */
export function Bi({ text, className }: { text: Text; className?: string }) {
  return (
    <span className={className ? `hd-bi ${className}` : 'hd-bi'}>
      <span className="hd-zh">{text.zh}</span>{' '}
      <span className="hd-en" lang="en">
        {text.en}
      </span>
    </span>
  );
}

import { existsSync } from 'node:fs';

/**
 * A CJK font to embed in printouts (Debian `fonts-noto-cjk`, installed by `npm run setup`).
 * `HALL_PDF_FONT=<file>[#<postscript name>]` chooses another.
 */
const CANDIDATES: { file: string; name?: string }[] = [
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  {
    file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
    name: 'NotoSerifCJKsc-Regular',
  },
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
];

export function cjkFont(env: Readonly<Record<string, string | undefined>> = process.env): {
  file: string;
  name?: string;
} {
  const chosen = env.HALL_PDF_FONT;
  if (chosen) {
    const [file, name] = chosen.split('#');
    if (!file || !existsSync(file)) throw new Error(`HALL_PDF_FONT: no font file at ${file}`);
    return name ? { file, name } : { file };
  }
  const found = CANDIDATES.find((c) => existsSync(c.file));
  if (!found)
    throw new Error('no Chinese font found for the PDF: install fonts-noto-cjk (npm run setup)');
  return found;
}

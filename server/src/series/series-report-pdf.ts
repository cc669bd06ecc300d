import type { SeriesSummaryReply } from '@hall/shared';
import { cjkFont } from '../records/render/font';

const METHOD_ZH = { keypads: '表决器按键', paper: '纸质票（人工计票）', hands: '举手（人工计票）' };

/** What the page names beside the summary (the summary itself has no hall or sitting). */
export interface SeriesReportContext {
  hall: string;
  sitting: string | null;
}

/**
 * The printable page of a series (issue 14): each subject's outcome and its options' shares of
 * the ballots returned, then each outcome's rate per profile (第二篇: 满意率 100%，优秀率 91%，合格率
 * 9%), from the announced subjects' sealed records only, each subject naming its record. The
 * percentages are rounded for display; the exact counts stand beside them (DOMAIN.md).
 */
export async function renderSeriesPdf(
  s: SeriesSummaryReply,
  ctx: SeriesReportContext,
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const heading = s.kind === 'departments' ? '各部门满意度测评汇总' : '测评汇总';
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: `${heading}：${s.title}`, Author: ctx.hall },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const face = font.name ? doc.font(font.file, font.name) : doc.font(font.file);
  const width = doc.page.width - 128;
  face.fontSize(20).text(heading, { align: 'center' });
  doc.moveDown(0.6).fontSize(15).text(s.title, { align: 'center' });
  if (s.organ) doc.fontSize(11).text(`报告机关：${s.organ}`, { align: 'center' });
  const where = ctx.sitting ? `${ctx.hall} · ${ctx.sitting}` : ctx.hall;
  doc.moveDown(0.4).fontSize(11).text(where, { align: 'center' });
  doc.moveDown(0.2).text(`计票方式：${METHOD_ZH[s.method]}`, { align: 'center' });
  doc.moveDown(1).fontSize(12);
  for (const x of s.subjects) {
    if (!x.outcome) {
      doc.text(`${x.index}. ${x.title}：尚未公布`, { width });
      continue;
    }
    doc.text(`${x.index}. ${x.title}：${x.outcome.label.zh}（第 ${x.recordSeq} 号记录）`, {
      width,
    });
    const shares = x.optionShares
      .map((o) => `${o.label.zh} ${o.share.count}（${o.share.text}）`)
      .join('，');
    doc.fontSize(10).text(`应到 ${x.members}，实到 ${x.present}，收回 ${x.returned}；${shares}`, {
      width,
      indent: 16,
    });
    doc.fontSize(12).moveDown(0.2);
  }
  doc.moveDown(0.8).fontSize(13);
  for (const g of s.groups) {
    doc.text(`${g.profileName.zh}：已公布 ${g.decided} 项`, { width });
    const rates = g.outcomes
      .map((o) => `${o.label.zh}率 ${o.share.text}（${o.share.count}/${o.share.of}）`)
      .join('，');
    doc.fontSize(11).text(rates, { width, indent: 16 }).fontSize(13).moveDown(0.3);
  }
  doc.moveDown(0.8).fontSize(9).fillColor('#333333');
  doc.text('仅含已公布的结果，以各项最新签名记录（含更正）为准；百分比四舍五入，仅供显示。', {
    width,
  });
  doc.end();
  return done;
}

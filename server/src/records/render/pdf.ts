import type { SealedRecord } from '@hall/shared';
import { cjkFont } from './font';
import { reportModel, type ReportContext } from './report-model';

/**
 * The printable report for the 审议意见书 and the press: A4, Chinese, the font embedded (a
 * subset of Noto Sans CJK). Rendered from the sealed record alone. pdfkit (a second of loading on
 * a small machine) is loaded at the first printout, not at every start of the hall.
 */
export async function renderRecordPdf(
  record: SealedRecord,
  ctx: ReportContext = {},
): Promise<Buffer> {
  const { default: PDFDocument } = await import('pdfkit');
  const m = reportModel(record, ctx);
  const font = cjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 64, right: 64 },
    info: { Title: `${m.heading}：${m.title}`, Author: m.hall, Subject: m.profileName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const face = font.name ? doc.font(font.file, font.name) : doc.font(font.file);
  const width = doc.page.width - 128;

  face.fontSize(20).text(m.heading, { align: 'center' });
  doc.moveDown(0.6).fontSize(15).text(m.title, { align: 'center' });
  if (m.organ) doc.fontSize(11).text(`报告机关：${m.organ}`, { align: 'center' });
  doc.moveDown(0.4).fontSize(11).text(`${m.hall} · ${m.sitting}`, { align: 'center' });
  doc.moveDown(0.2).fontSize(11).text(m.date, { align: 'center' });
  doc.moveDown(0.2).fontSize(11).text(m.method, { align: 'center' });
  if (m.retake) doc.moveDown(0.4).fontSize(11).text(m.retake, { width });
  if (m.correction) doc.moveDown(0.4).fontSize(11).text(m.correction, { width });
  if (m.supersededBy) doc.moveDown(0.4).fontSize(11).text(m.supersededBy, { width });
  doc.moveDown(1);

  doc.fontSize(12);
  const left = doc.x;
  for (const row of m.rows) {
    const y = doc.y;
    doc.text(row.label, left, y, { width: width / 2 });
    doc.text(String(row.value), left + width / 2, y, { width: width / 2, align: 'right' });
    doc
      .moveTo(left, doc.y + 2)
      .lineTo(left + width, doc.y + 2)
      .strokeColor('#999999')
      .lineWidth(0.5)
      .stroke();
    doc.moveDown(0.35);
  }
  doc.x = left;
  doc.moveDown(0.8).fontSize(16).text(`测评结果：${m.outcome}`, { width });
  doc.moveDown(0.4).fontSize(11).text(`依据：${m.explanation}`, { width });
  doc.moveDown(0.6).fontSize(12).text(`测评办法：${m.profileName}`, { width });
  doc.fontSize(10);
  for (const rule of m.rules) doc.text(`· ${rule}`, { width });
  if (m.followUp.length > 0) {
    doc.moveDown(0.6).fontSize(12).text('后续要求：', { width }).fontSize(10);
    for (const f of m.followUp) doc.text(`· ${f}`, { width });
  }
  doc.moveDown(0.6).fontSize(10);
  for (const t of m.times) doc.text(`${t.label}：${t.value}`, { width });
  signatureLines(doc, m.signatures, left, width);
  doc.x = left;
  doc.moveDown(0.8).fontSize(10).fillColor('#000000').text(m.seqLine, { width });
  doc.moveDown(0.2).fontSize(8).fillColor('#333333');
  doc.text(`记录哈希（SHA-256，RFC 8785）：${m.hash}`, { width });
  doc.text(`签名密钥指纹（Ed25519）：${m.fingerprint}`, { width });
  if (m.chainHead) doc.text(m.chainHead, { width });
  doc.end();
  return done;
}

/** Blank lines to sign on, one under the other, each after its label (`主持人（签字）：______`). */
function signatureLines(doc: PDFKit.PDFDocument, labels: string[], left: number, width: number) {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y > bottom - 40 - labels.length * 30) doc.addPage();
  doc.moveDown(1.2).fontSize(11).fillColor('#000000');
  let y = doc.y;
  for (const label of labels) {
    const text = `${label}（签字）：`;
    doc.text(text, left, y, { lineBreak: false });
    doc
      .moveTo(left + doc.widthOfString(text) + 4, y + 13)
      .lineTo(left + width * 0.6, y + 13)
      .strokeColor('#000000')
      .lineWidth(0.6)
      .stroke();
    y += 30;
  }
  doc.text('', left, y);
}

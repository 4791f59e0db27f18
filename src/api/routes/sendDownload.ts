import type { FastifyReply } from 'fastify';
import type { Download } from '../downloads/download.ts';

/**
 * Sends a file: its media type, and a Content-Disposition naming it (attachment when asked,
 * and always for binary formats a browser cannot show).
 */
export function sendDownload(
  reply: FastifyReply,
  file: Download,
  attachment: boolean,
): FastifyReply {
  const binary = typeof file.body !== 'string' && !file.contentType.startsWith('application/pdf');
  const disposition = attachment || binary ? 'attachment' : 'inline';
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .send(file.body);
}

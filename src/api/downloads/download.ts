/** A file the API sends: its media type, a download name and the bytes or text. */
export interface Download {
  contentType: string;
  filename: string;
  body: string | Buffer;
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

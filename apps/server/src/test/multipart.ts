/** multipart/form-data bodies for tests, built by hand so a test controls every byte (names included). */
import { randomUUID } from "node:crypto";

export interface FilePart {
  filename: string;
  data: Buffer | string;
  /** What the client claims; the server sniffs the bytes instead. */
  contentType?: string;
  /** The form field; the API reads `file`. */
  field?: string;
}

export const multipartBody = (
  files: readonly FilePart[],
): { payload: Buffer; headers: Record<string, string> } => {
  const boundary = `----lattice${randomUUID().replaceAll("-", "")}`;
  const pieces: Buffer[] = [];
  for (const file of files) {
    const name = file.filename.replaceAll('"', "%22");
    pieces.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? "file"}"; filename="${name}"\r\n` +
          `Content-Type: ${file.contentType ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.data) ? file.data : Buffer.from(file.data),
      Buffer.from("\r\n"),
    );
  }
  pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(pieces),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
};

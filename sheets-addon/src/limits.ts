// Limits the sidebar and the add-on's server code share.

/**
 * The largest .docx the panel imports, from the device or from Drive: the file goes to the API as
 * base64 inside its 256 KiB request body, which leaves about 190 KB of file. Larger files are
 * imported with the admin command import-sop.
 */
export const MAX_DOCX_BYTES = 190 * 1024;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

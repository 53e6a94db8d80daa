// Save text as a file from the browser (the CSV export, the credential file).
// Built in the page, so the content never passes through a server or its logs.
export function downloadTextFile(filename: string, text: string, type = "text/csv;charset=utf-8", options: { byteOrderMark?: boolean } = {}): void {
  // The byte-order mark makes spreadsheet apps read a CSV as UTF-8 (emails, names with accents); a shell file must not have one.
  const parts = (options.byteOrderMark ?? type.startsWith("text/csv")) ? ["\uFEFF", text] : [text];
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

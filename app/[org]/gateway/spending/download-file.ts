// Save text as a file from the browser (the CSV export).
export function downloadTextFile(filename: string, text: string, type = "text/csv;charset=utf-8"): void {
  // The byte-order mark makes spreadsheet apps read the file as UTF-8 (emails, names with accents).
  const url = URL.createObjectURL(new Blob(["\uFEFF", text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

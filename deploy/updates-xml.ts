export interface UpdatesXmlInput {
  extensionId: string;
  version: string;
  /** Full URL of the .crx file the browser downloads. */
  crxUrl: string;
}

function xmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The update manifest a self-hosted update_url points to (Chrome's gupdate protocol 2.0). */
export function updatesXml({ extensionId, version, crxUrl }: UpdatesXmlInput): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlAttribute(extensionId)}'>`,
    `    <updatecheck codebase='${xmlAttribute(crxUrl)}' version='${xmlAttribute(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

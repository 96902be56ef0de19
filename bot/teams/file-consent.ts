import type { Activity, FileConsentCardResponse, TurnContext } from 'botbuilder';
import type { FileToSend } from '../../dialogues/core/outcome.js';
import type { Catalogue } from '../../dialogues/texts/catalogue.js';
import type { Database } from '../../store/database.js';
import { findSummaryFile } from '../../store/queries/summary-files.js';
import type { SummaryFileKind } from '../../store/schema/index.js';
import type { Clock } from '../clock.js';
import type { TeamsConfig } from '../config.js';
import type { Logger } from '../log.js';
import { isLoopbackServiceUrl } from './service-url.js';

/**
 * Files in Teams without a public address to link to. A bot can only hand a person a file in
 * their 1:1 chat through a file consent card: they accept, Teams gives an upload address in
 * their OneDrive, Tillit puts the file there and shows it as a file card. (An attachment with
 * the content inline, or a data: URI, is not shown by Teams; a link needs PUBLIC_URL.)
 * The card carries only the path of the file Tillit keeps (summary_files), never its content.
 */
const CONSENT = 'application/vnd.microsoft.teams.card.file.consent';
const INFO = 'application/vnd.microsoft.teams.card.file.info';
const PATH = /^\/exports\/summary\/([0-9a-f-]{36})\.(csv|md)$/i;

export function consentActivity(file: FileToSend, t: Catalogue): Partial<Activity> {
  const context = { path: file.path };
  return {
    type: 'message',
    summary: file.name,
    attachments: [
      {
        contentType: CONSENT,
        name: file.name,
        content: {
          description: t.summary.exportConsent({ name: file.name }),
          sizeInBytes: Buffer.byteLength(file.body, 'utf8'),
          acceptContext: context,
          declineContext: context,
        },
      },
    ],
  };
}

export interface FileConsentDeps {
  db: Database;
  clock: Clock;
  log: Logger;
  config: TeamsConfig;
}

/** Accepted: the file into the upload address Teams gave, then a file card in the chat. */
export async function uploadAcceptedFile(
  deps: FileConsentDeps,
  context: TurnContext,
  response: FileConsentCardResponse,
): Promise<void> {
  const match = PATH.exec(String(response.context?.path ?? ''));
  const upload = response.uploadInfo;
  if (!match || !upload?.uploadUrl || !uploadAllowed(deps.config, upload.uploadUrl)) {
    deps.log.warn('teams file consent without a usable file or upload address');
    return;
  }
  const file = await findSummaryFile(deps.db, {
    token: match[1]!,
    kind: match[2]!.toLowerCase() as SummaryFileKind,
    now: deps.clock.now(),
  });
  if (!file) {
    deps.log.info('teams file consent for an expired file');
    return;
  }
  const size = file.bytes.length;
  const put = await fetch(upload.uploadUrl, {
    method: 'PUT',
    // One range with the whole file, as OneDrive's upload session expects (length is fetch's).
    headers: { 'content-range': `bytes 0-${size - 1}/${size}` },
    body: new Uint8Array(file.bytes),
  });
  if (!put.ok) throw new Error(`teams file upload answered ${put.status}`);
  await context.sendActivity({
    type: 'message',
    attachments: [
      {
        contentType: INFO,
        contentUrl: upload.contentUrl,
        name: upload.name ?? file.name,
        content: { uniqueId: upload.uniqueId, fileType: upload.fileType },
      },
    ],
  });
}

/** OneDrive's https address when Teams vouches for the request; this machine in the Emulator. */
function uploadAllowed(config: TeamsConfig, url: string): boolean {
  if (config.mode === 'emulator') return isLoopbackServiceUrl(url);
  return /^https:\/\//i.test(url);
}

// The adapter alone, not the package index: that loads the whole AI stack (seconds at start-up).
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter.js';
import type { TeamsConfig } from '../config.js';

/**
 * botbuilder's CloudAdapter (as Teams AI's TeamsAdapter) with the app's credentials, which
 * checks every inbound token and signs every outbound call; in emulator mode (TEAMS_EMULATOR=on,
 * no app id) with none, so nothing is checked or signed.
 */
export function createTeamsAdapter(config: TeamsConfig): TeamsAdapter {
  if (config.mode !== 'bot-framework') return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.password,
    MicrosoftAppTenantId: config.tenantId,
    MicrosoftAppType: config.type,
  });
}

export type { TeamsAdapter };
